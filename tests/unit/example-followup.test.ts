import { describe, expect, it } from "vitest";
import { exampleFollowUp, FOLLOW_UP_MOVES } from "../../app/domain/example-followup";
import { exampleChannels } from "../../app/domain/example-followup";
import { exampleRatings } from "../../app/domain/example-ratings";
import { categorize } from "../../app/domain/rating";
import { changeClass, compareRounds } from "../../app/domain/round-comparison";
import { registerMunicipalities } from "../../data/register";

describe("the example follow-up round of spring 2026", () => {
  const base = exampleRatings(registerMunicipalities);
  const follow = exampleFollowUp(base);
  const name = new Map(registerMunicipalities.map((m) => [m.code, m]));
  const rows = base.map((b, i) => ({
    code: b.municipalityCode,
    name: name.get(b.municipalityCode)!.name,
    countyCode: name.get(b.municipalityCode)!.countyCode,
    from: categorize(b.collaboration, b.interventionAccess),
    to: categorize(follow[i]!.collaboration, follow[i]!.interventionAccess),
  }));
  const comparison = compareRounds(rows);

  it("is the same on every run", () => {
    expect(exampleFollowUp(base)).toEqual(follow);
  });

  it("shows believable movement: most of the 11 improved, access gaps closed, a few worsened", () => {
    expect(comparison.matrix.needs_strengthening.good).toBe(FOLLOW_UP_MOVES.needsStrengtheningToGood);
    expect(comparison.matrix.needs_strengthening.access_gap).toBe(FOLLOW_UP_MOVES.needsStrengtheningToAccessGap);
    expect(comparison.matrix.access_gap.good).toBe(FOLLOW_UP_MOVES.accessGapToGood);
    expect(comparison.counts.improved).toBe(25);
    expect(comparison.counts.worsened).toBe(4);
    expect(comparison.counts.unrated).toBe(0);
  });

  it("explains every change of category with a comment", () => {
    const byCode = new Map(follow.map((f) => [f.municipalityCode, f]));
    for (const c of comparison.changes) expect(byCode.get(c.code)!.comment, c.name).not.toBe("");
    expect(comparison.changes.every((c) => changeClass(c.from, c.to) !== "unchanged")).toBe(true);
  });

  it("changes some municipalities' channels", () => {
    const changed = follow.filter((f) => JSON.stringify(f.channels) !== JSON.stringify(exampleChannels(f.municipalityCode)));
    expect(changed.length).toBeGreaterThanOrEqual(FOLLOW_UP_MOVES.channelChanges);
  });
});

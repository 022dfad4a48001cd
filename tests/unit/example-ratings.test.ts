import { describe, expect, it } from "vitest";
import { exampleRatings, WESTERN_COUNTIES } from "../../app/domain/example-ratings";
import { categorize } from "../../app/domain/rating";
import { registerMunicipalities } from "../../data/register";

describe("the example ratings of February 2025", () => {
  const ratings = exampleRatings(registerMunicipalities);
  const countyOf = new Map(registerMunicipalities.map((m) => [m.code, m.countyCode]));
  const categories = ratings.map((r) => ({ ...r, category: categorize(r.collaboration, r.interventionAccess) }));

  it("rate all 290 municipalities once", () => {
    expect(new Set(ratings.map((r) => r.municipalityCode)).size).toBe(290);
  });

  it("reproduce the published distribution 203 / 76 / 11", () => {
    const count = (c: string) => categories.filter((r) => r.category === c).length;
    expect(count("good")).toBe(203);
    expect(count("access_gap")).toBe(76);
    expect(count("needs_strengthening")).toBe(11);
  });

  it("mark the 11 as lacking interventions too", () => {
    for (const r of ratings.filter((r) => r.collaboration === "needs_strengthening")) {
      expect(r.interventionAccess).toBe("unsatisfactory");
    }
  });

  it("put at least two thirds of the access gaps in Västra Götaland, Värmland and Halland", () => {
    const gaps = categories.filter((r) => r.category === "access_gap");
    const western = gaps.filter((r) => (WESTERN_COUNTIES as readonly string[]).includes(countyOf.get(r.municipalityCode)!));
    expect(western.length / gaps.length).toBeGreaterThanOrEqual(2 / 3);
  });

  it("are the same every time, whatever order the municipalities come in", () => {
    const reversed = exampleRatings([...registerMunicipalities].reverse());
    expect(reversed).toEqual(ratings);
  });
});

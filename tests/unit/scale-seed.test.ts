import { describe, expect, it } from "vitest";
import { scaleRounds, SCALE_ROUND_PREFIX } from "../../app/domain/scale-seed";

const codes = Array.from({ length: 290 }, (_, i) => String(100 + i).padStart(4, "0"));

describe("generated data for benchmarks at scale", () => {
  it("gives quarterly rounds up to last month, every municipality assessed in 1–4 ordered versions", () => {
    const rounds = scaleRounds({ rounds: 20, municipalityCodes: codes, today: "2026-11-28" });
    expect(rounds).toHaveLength(20);
    expect(rounds.at(-1)).toMatchObject({ periodStart: "2026-08-01", periodEnd: "2026-10-31", name: `${SCALE_ROUND_PREFIX} 2026-08` });
    expect(rounds[0]).toMatchObject({ periodStart: "2021-11-01", periodEnd: "2022-01-31" });
    expect(new Set(rounds.map((r) => r.name)).size).toBe(20);
    for (const round of rounds) {
      expect(round.assessments.map((a) => a.municipalityCode)).toEqual(codes);
      for (const a of round.assessments) {
        expect(a.versions.length).toBeGreaterThanOrEqual(1);
        expect(a.versions.length).toBeLessThanOrEqual(4);
        const times = a.versions.map((v) => v.changedAt);
        expect([...times].sort()).toEqual(times);
        expect(times.every((t) => t.slice(0, 7) === round.periodEnd.slice(0, 7) && !Number.isNaN(Date.parse(t)))).toBe(true);
      }
    }
  });

  it("is the same for the same seed and differs for another", () => {
    const a = scaleRounds({ rounds: 2, municipalityCodes: codes, today: "2026-11-28", seed: 1 });
    expect(scaleRounds({ rounds: 2, municipalityCodes: codes, today: "2026-11-28", seed: 1 })).toEqual(a);
    expect(scaleRounds({ rounds: 2, municipalityCodes: codes, today: "2026-11-28", seed: 2 })).not.toEqual(a);
  });
});

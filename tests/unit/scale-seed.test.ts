import { describe, expect, it } from "vitest";
import { scaleForums, scaleMeetings, scaleRounds, SCALE_ROUND_PREFIX } from "../../app/domain/scale-seed";

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

describe("generated dialogue meetings", () => {
  const codes = ["0114", "0115", "1480", "1481", "2580"];
  const forums = scaleForums({ municipalityCodes: codes, seed: 7 });
  const generate = () => [...scaleMeetings({ meetings: 400, actions: 1001, municipalityCodes: codes, forums, today: "2026-11-28", seed: 7 })];

  it("holds exactly the asked-for meetings and actions, the same every time, planned only ahead and done only behind", () => {
    const meetings = generate();
    expect(meetings).toHaveLength(400);
    expect(meetings.reduce((n, m) => n + m.actions.length, 0)).toBe(1001);
    expect(generate()).toEqual(meetings);
    expect(new Set(meetings.map((m) => m.key)).size).toBe(400);
    for (const m of meetings) {
      expect(m.status === "planned").toBe(m.date > "2026-11-28");
      expect(m.forum === null ? m.municipalityCodes.length > 0 : m.municipalityCodes.length === 0).toBe(true);
      for (const a of m.actions) {
        if (a.status === "done") expect(a.dueDate <= "2026-11-28" && m.status === "held").toBe(true);
        const concerned = m.forum === null ? m.municipalityCodes : forums[m.forum]!.members;
        expect(concerned).toContain(a.municipalityCode);
      }
    }
  });
});

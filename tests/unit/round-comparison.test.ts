import { describe, expect, it } from "vitest";
import { CATEGORIES } from "../../app/domain/rating";
import { changeClass, compareRounds, defaultComparison } from "../../app/domain/round-comparison";

describe("how a municipality moved between rounds", () => {
  it("classes every pair of categories as improved, unchanged, worsened or unrated", () => {
    expect(changeClass("needs_strengthening", "good")).toBe("improved");
    expect(changeClass("needs_strengthening", "access_gap")).toBe("improved");
    expect(changeClass("access_gap", "good")).toBe("improved");
    expect(changeClass("good", "access_gap")).toBe("worsened");
    expect(changeClass("good", "needs_strengthening")).toBe("worsened");
    expect(changeClass("access_gap", "needs_strengthening")).toBe("worsened");
    for (const c of ["good", "access_gap", "needs_strengthening"] as const) expect(changeClass(c, c)).toBe("unchanged");
    for (const c of CATEGORIES) {
      expect(changeClass("unrated", c)).toBe("unrated");
      expect(changeClass(c, "unrated")).toBe("unrated");
    }
  });
});

describe("the transition matrix", () => {
  const rows = [
    { code: "0114", name: "Upplands Väsby", countyCode: "01", from: "good", to: "good" },
    { code: "1480", name: "Göteborg", countyCode: "14", from: "access_gap", to: "good" },
    { code: "2584", name: "Kiruna", countyCode: "25", from: "needs_strengthening", to: "access_gap" },
    { code: "1484", name: "Lysekil", countyCode: "14", from: "good", to: "access_gap" },
    { code: "1492", name: "Åmål", countyCode: "14", from: "good", to: "unrated" },
    { code: "0180", name: "Stockholm", countyCode: "01", from: "unrated", to: "unrated" },
  ] as const;
  const result = compareRounds(rows);

  it("holds every from → to pair, zeros included, and sums to the municipalities compared", () => {
    for (const from of CATEGORIES) expect(Object.keys(result.matrix[from])).toEqual([...CATEGORIES]);
    expect(result.matrix.access_gap.good).toBe(1);
    expect(result.matrix.good.good).toBe(1);
    expect(result.matrix.needs_strengthening.good).toBe(0);
    const total = CATEGORIES.flatMap((f) => CATEGORIES.map((t) => result.matrix[f][t])).reduce((a, b) => a + b, 0);
    expect(total).toBe(rows.length);
  });

  it("lists every change in Swedish order and the improved and worsened apart", () => {
    expect(result.changes.map((c) => c.name)).toEqual(["Göteborg", "Kiruna", "Lysekil", "Åmål"]);
    expect(result.improved.map((c) => c.code)).toEqual(["1480", "2584"]);
    expect(result.worsened.map((c) => c.code)).toEqual(["1484"]);
    expect(result.counts).toEqual({ improved: 2, unchanged: 1, worsened: 1, unrated: 2 });
  });
});

describe("the default comparison", () => {
  it("compares the two newest started rounds by period", () => {
    const rounds = [
      { id: 1, periodStart: "2025-02-01", status: "closed" },
      { id: 2, periodStart: "2026-03-01", status: "closed" },
      { id: 3, periodStart: "2027-02-01", status: "planned" },
      { id: 4, periodStart: "2024-02-01", status: "closed" },
    ];
    expect(defaultComparison(rounds)).toEqual({ from: rounds[0], to: rounds[1] });
    expect(defaultComparison(rounds.slice(0, 1))).toBeNull();
  });
});

import { applyWorklistQuery, neighbours, parseWorklistQuery, worklistSearch } from "../../app/domain/worklist";

describe("the coordinator's worklist", () => {
  const items = [
    { code: "1440", name: "Ale", countyCode: "14", countyName: "Västra Götalands län", status: "confirmed", updatedAt: "2026-03-02" },
    { code: "1489", name: "Alingsås", countyCode: "14", countyName: "Västra Götalands län", status: "prefilled", updatedAt: "2026-03-01" },
    { code: "1492", name: "Åmål", countyCode: "14", countyName: "Västra Götalands län", status: "not_started", updatedAt: null },
    { code: "1380", name: "Halmstad", countyCode: "13", countyName: "Hallands län", status: "prefilled", updatedAt: "2026-03-03" },
  ] as const;
  const counties = [{ code: "13", name: "Hallands län" }, { code: "14", name: "Västra Götalands län" }];

  it("filters by status and county, and sorts in Swedish order", () => {
    const { query } = parseWorklistQuery(new URLSearchParams("status=prefilled"), counties);
    expect(applyWorklistQuery(items, query).map((i) => i.name)).toEqual(["Alingsås", "Halmstad"]);
    const all = parseWorklistQuery(new URLSearchParams(""), counties).query;
    expect(applyWorklistQuery(items, all).map((i) => i.name)).toEqual(["Ale", "Alingsås", "Halmstad", "Åmål"]);
    const byStatus = parseWorklistQuery(new URLSearchParams("sortera=status&lan=14"), counties).query;
    expect(applyWorklistQuery(items, byStatus).map((i) => i.name)).toEqual(["Åmål", "Alingsås", "Ale"]);
    expect(worklistSearch(byStatus)).toBe("?lan=14&sortera=status");
  });

  it("explains filters it cannot use, and ignores them", () => {
    const r = parseWorklistQuery(new URLSearchParams("status=x&lan=01&sortera=y"), counties);
    expect(r.query).toEqual({ status: null, county: null, sort: "namn" });
    expect(r.notices).toHaveLength(3);
  });

  it("finds the previous and next municipality", () => {
    expect(neighbours(items, "1489")).toMatchObject({ previous: { code: "1440" }, next: { code: "1492" }, position: 2 });
    expect(neighbours(items, "1440").previous).toBeNull();
  });
});

import { describe, expect, it } from "vitest";
import { describeChange, previousRound } from "../../app/domain/rating-change";

const rounds = [
  { id: 1, name: "Hösten 2024", periodStart: "2024-09-01" },
  { id: 2, name: "Februari 2025", periodStart: "2025-02-01" },
  // Created before the February round but describing an earlier period.
  { id: 3, name: "Våren 2024", periodStart: "2024-03-01" },
];

describe("change since the previous round", () => {
  it("the previous round is the one with the period just before, whatever order they were created in", () => {
    expect(previousRound(rounds, rounds[1]!)?.name).toBe("Hösten 2024");
    expect(previousRound(rounds, rounds[0]!)?.name).toBe("Våren 2024");
    expect(previousRound(rounds, rounds[2]!)).toBeNull();
  });

  it("a municipality that moved from an access gap to good is shown as better", () => {
    const change = describeChange("good", { roundName: "Hösten 2024", category: "access_gap" });
    expect(change.kind).toBe("better");
    expect(change.text).toBe(
      "Bättre än i Hösten 2024 (då: bra samverkan men otillfredsställande tillgång till insatser).",
    );
  });

  it("collaboration that now needs strengthening is shown as worse", () => {
    expect(describeChange("needs_strengthening", { roundName: "Hösten 2024", category: "good" }).kind).toBe("worse");
  });

  it("the same category is unchanged, a first rating is new, and the first round has nothing to compare", () => {
    expect(describeChange("good", { roundName: "Hösten 2024", category: "good" }).text).toBe(
      "Oförändrad sedan Hösten 2024.",
    );
    expect(describeChange("good", { roundName: "Hösten 2024", category: "unrated" }).kind).toBe("new");
    expect(describeChange("access_gap", { roundName: "Hösten 2024", category: "good" }).kind).toBe("worse");
    expect(describeChange("unrated", { roundName: "Hösten 2024", category: "good" }).kind).toBe("not_yet_rated");
    expect(describeChange("good", null).text).toBe("Ingen tidigare kartläggning att jämföra med.");
  });
});

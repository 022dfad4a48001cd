import { describe, expect, it } from "vitest";
import { categorize, countByCategory, isCategory } from "../../app/domain/rating";

describe("rating categories", () => {
  it("puts good collaboration with satisfactory access in 'good'", () => {
    expect(categorize("good", "satisfactory")).toBe("good");
  });
  it("puts good collaboration with unsatisfactory access in 'access_gap'", () => {
    expect(categorize("good", "unsatisfactory")).toBe("access_gap");
  });
  it("lets collaboration that needs strengthening outweigh access, whatever it is", () => {
    expect(categorize("needs_strengthening", "unsatisfactory")).toBe("needs_strengthening");
    expect(categorize("needs_strengthening", "satisfactory")).toBe("needs_strengthening");
  });
  it("calls a municipality without both ratings unrated", () => {
    expect(categorize(null, null)).toBe("unrated");
    expect(categorize("good", null)).toBe("unrated");
    expect(categorize(undefined, "satisfactory")).toBe("unrated");
  });
  it("counts each category", () => {
    const counts = countByCategory([{ category: "good" }, { category: "good" }, { category: "unrated" }]);
    expect(counts).toEqual({ good: 2, access_gap: 0, needs_strengthening: 0, unrated: 1 });
  });
  it("recognises only the four category names", () => {
    expect(isCategory("access_gap")).toBe(true);
    expect(isCategory("bad")).toBe(false);
  });
});

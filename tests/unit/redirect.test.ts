import { describe, expect, it } from "vitest";
import { safeRedirectPath } from "../../app/domain/redirect";

describe("where sign-in leads", () => {
  it("returns to the page the user asked for, with its query", () => {
    expect(safeRedirectPath("/kommuner?county=14")).toBe("/kommuner?county=14");
    expect(safeRedirectPath("/kommuner/0114")).toBe("/kommuner/0114");
  });

  it("never leads to another site", () => {
    for (const evil of ["https://evil.example/", "//evil.example", "/\\evil.example", "\\\\evil", "javascript:alert(1)", " /x", "/\t/evil.example"]) {
      expect(safeRedirectPath(evil)).toBe("/");
    }
  });

  it("ignores missing, odd or looping targets", () => {
    expect(safeRedirectPath(null)).toBe("/");
    expect(safeRedirectPath(42)).toBe("/");
    expect(safeRedirectPath("/login?redirectTo=/x")).toBe("/");
    expect(safeRedirectPath("/" + "a".repeat(3000))).toBe("/");
  });
});

import { describe, expect, it } from "vitest";
import { canonicalPath, isCanonicalPath } from "../../app/domain/url-path";

describe("the one spelling of a path", () => {
  it.each([
    ["/login", "/login"],
    ["/l%6Fgin", "/login"],
    ["/%6C%6F%67%69%6E", "/login"],
    ["/./login", "/login"],
    ["/x/../login", "/login"],
    ["/x/%2e%2e/login", "/login"],
    ["/%2E/login", "/login"],
    ["//login", "/login"],
    ["/login/", "/login"],
    ["/login//", "/login"],
    ["/\\login", "/login"],
    ["/../../login", "/login"],
    ["/admin//anvandare/./12/", "/admin/anvandare/12"],
    ["/", "/"],
    ["//", "/"],
    ["/kommuner/%c3%a5", "/kommuner/%C3%A5"],
    ["/kommuner/å", "/kommuner/%C3%A5"],
    ["/a%2fb", "/a%2Fb"],
    ["/a b", "/a%20b"],
    ["/karta.csv", "/karta.csv"],
    ["/login.data", "/login.data"],
    ["/~x_-y", "/~x_-y"],
  ])("%s is %s", (raw, canonical) => {
    expect(canonicalPath(raw)).toBe(canonical);
  });

  it("refuses what cannot be a path", () => {
    for (const raw of ["login", "", "/%", "/%zz", "/%4", "/%00", "/%0a", "/%C3", "/%C0%AE", "/a\u0000b", "/\ud800"]) {
      expect(canonicalPath(raw), raw).toBeNull();
    }
  });

  it("knows a canonical spelling when it sees one", () => {
    expect(isCanonicalPath("/kommuner/0114")).toBe(true);
    expect(isCanonicalPath("/kommuner/0114/")).toBe(false);
    expect(isCanonicalPath("/k%6Fmmuner")).toBe(false);
  });
});

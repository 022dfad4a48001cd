import { describe, expect, it } from "vitest";
import { safeRedirectPath } from "../../app/domain/redirect";

/** How a browser on the site reads a Location header: the origin it would go to. */
const SITE = "https://samverkanskartan.example.se";
const landsOn = (location: string) => new URL(location, `${SITE}/login`);

describe("where sign-in leads", () => {
  it("returns to the page the user asked for, with its query", () => {
    expect(safeRedirectPath("/kommuner?county=14")).toBe("/kommuner?county=14");
    expect(safeRedirectPath("/kommuner/0114")).toBe("/kommuner/0114");
    expect(safeRedirectPath("/kommuner?county=14#karta")).toBe("/kommuner?county=14#karta");
    expect(safeRedirectPath("/")).toBe("/");
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

  // Each of these once left the site (finding 3 of issue 8) or is a known trick for doing so.
  const HOSTILE = [
    "/..//evil.test/phish",
    "/.//evil.test",
    "/%2e//evil.test",
    "/%2E//evil.test",
    "/%2e%2e//evil.test",
    "/a/..//evil.test",
    "/a/../..//evil.test",
    "/./..//evil.test",
    "/.%2e//evil.test",
    "/%2e%2e/%2e%2e//evil.test",
    "//evil.test",
    "///evil.test",
    "////evil.test/x",
    "/\\evil.test",
    "/\\/evil.test",
    "\\/evil.test",
    "\\\\evil.test",
    "/%5C/evil.test",
    "/%5c%5cevil.test",
    "/%2F/evil.test",
    "/%2f%2fevil.test",
    "/\t/evil.test",
    "/\n/evil.test",
    "/\r\n/evil.test",
    "/\u0000/evil.test",
    "/ /evil.test",
    "/\u2028/evil.test",
    "https://evil.test",
    "https:evil.test",
    "http:/evil.test",
    "https:/\\evil.test",
    "HTTPS://evil.test",
    "javascript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "//evil.test@samverkanskartan.example.se",
    "/@evil.test",
    "/..",
    "/../../evil.test",
    "?//evil.test",
    "#//evil.test",
    "evil.test",
    "",
    "/%",
    "/%zz//evil.test",
    "/%C0%AE%C0%AE//evil.test",
    "/%00//evil.test",
    "/.\u3002/evil.test",
  ];

  it.each(HOSTILE)("%j stays on the site", (payload) => {
    const location = safeRedirectPath(payload);
    const url = landsOn(location);
    expect(url.origin).toBe(SITE);
    expect(location.startsWith("/")).toBe(true);
    expect(location.startsWith("//")).toBe(false);
    expect(location).not.toMatch(/[\\\s]/);
    // What the browser reads is exactly what was sent: no path left for it to reinterpret.
    expect(url.pathname + url.search + url.hash).toBe(location);
  });

  it("accepts only a path that is already written the one canonical way", () => {
    expect(safeRedirectPath("/..//evil.test/phish")).toBe("/");
    expect(safeRedirectPath("/kommuner/./0114")).toBe("/");
    expect(safeRedirectPath("/k%6Fmmuner")).toBe("/");
    expect(safeRedirectPath("/kommuner/")).toBe("/");
    expect(safeRedirectPath("/kommuner/%C3%A5?q=%C3%A5")).toBe("/kommuner/%C3%A5?q=%C3%A5");
    expect(safeRedirectPath("/x/../login")).toBe("/");
    expect(safeRedirectPath("/l%6Fgin")).toBe("/");
  });
});

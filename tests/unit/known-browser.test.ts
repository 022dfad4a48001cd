import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { resetEnvCache } from "../../app/services/env.server";
import {
  clearKnownBrowserFailures,
  knownBrowserCookie,
  knownBrowserCookieName,
  knownBrowserFailures,
  readKnownBrowser,
  recordKnownBrowserFailure,
} from "../../app/services/known-browser.server";

beforeAll(() => {
  process.env.SESSION_SECRET = randomBytes(32).toString("base64url");
  resetEnvCache();
});

const requestWith = (setCookie: string) => new Request("http://localhost/login", { headers: { Cookie: setCookie.split(";")[0]! } });

describe("the known-browser cookie", () => {
  it("names the account it was set for, and only that one", () => {
    const cookie = knownBrowserCookie(42);
    expect(cookie).toMatch(new RegExp(`^${knownBrowserCookieName()}=42\\.\\d+\\.[A-Za-z0-9_-]{22}\\.[A-Za-z0-9_-]{43}; Max-Age=31536000; Path=/; HttpOnly; SameSite=Lax`));
    expect(readKnownBrowser(requestWith(cookie))?.userId).toBe(42);
  });

  it("cannot be moved to another account, re-dated or made up", () => {
    const cookie = knownBrowserCookie(42).split(";")[0]!;
    const [name, value] = cookie.split("=") as [string, string];
    const [, issued, id, mac] = value.split(".") as [string, string, string, string];
    for (const forged of [
      `${name}=43.${issued}.${id}.${mac}`,
      `${name}=42.${Number(issued) + 1}.${id}.${mac}`,
      `${name}=42.${issued}.${"A".repeat(22)}.${mac}`,
      `${name}=42.${issued}.${id}.${"A".repeat(43)}`,
      `${name}=42.${issued}.${id}`,
      `${name}=`,
    ]) {
      expect(readKnownBrowser(requestWith(forged)), forged).toBeNull();
    }
  });

  it("expires after a year", () => {
    const yearAndADayAgo = new Date(Date.now() - 366 * 24 * 3600 * 1000);
    const old = knownBrowserCookie(7, undefined, yearAndADayAgo);
    expect(readKnownBrowser(requestWith(old))).toBeNull();
    expect(readKnownBrowser(requestWith(knownBrowserCookie(7, undefined, new Date(Date.now() - 300 * 24 * 3600 * 1000))))?.userId).toBe(7);
  });

  it("counts its own failures, which a sign-in clears", () => {
    const browser = readKnownBrowser(requestWith(knownBrowserCookie(9)))!;
    expect(knownBrowserFailures(browser)).toBeUndefined();
    recordKnownBrowserFailure(browser);
    recordKnownBrowserFailure(browser);
    expect(knownBrowserFailures(browser)?.count).toBe(2);
    clearKnownBrowserFailures(browser);
    expect(knownBrowserFailures(browser)).toBeUndefined();
  });
});

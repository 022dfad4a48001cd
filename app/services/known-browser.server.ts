import crypto from "node:crypto";
import { parse as parseCookies, serialize as serializeCookie } from "cookie";
import { FORGET_AFTER_SECONDS, nextFailureCount, type FailureRecord } from "../domain/login-throttle";
import { cookieIsSecure } from "./session.server";
import { getAppSecret } from "./secret.server";

/**
 * "This browser has signed in to this account before" (issue 8, finding 5; README, Decisions): a
 * long-lived HttpOnly cookie set at every sign-in, holding the account id, when it was issued, a random
 * browser id, and an HMAC of those with the app secret, so it cannot be made up or moved to another
 * account. It proves nothing about who is at the keyboard (the password still does that); it only
 * exempts the browser from the per-account delay that strangers can run up. Its own failures are
 * counted per browser id, in memory (a restart forgets them, as it forgets the per-address counts).
 */
export const KNOWN_BROWSER_DAYS = 365;

export type KnownBrowser = { userId: number; browserId: string };

export function knownBrowserCookieName(): string {
  return cookieIsSecure() ? "__Host-samverkan_browser" : "samverkan_browser";
}

function mac(payload: string): string {
  return crypto.createHmac("sha256", getAppSecret()).update(`known-browser:${payload}`).digest("base64url");
}

/** The Set-Cookie header that marks this browser as one that signed in to `userId` (kept or new id). */
export function knownBrowserCookie(userId: number, browserId = crypto.randomBytes(16).toString("base64url"), now = new Date()): string {
  const payload = `${userId}.${Math.floor(now.getTime() / 1000)}.${browserId}`;
  return serializeCookie(knownBrowserCookieName(), `${payload}.${mac(payload)}`, {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    secure: cookieIsSecure(),
    maxAge: KNOWN_BROWSER_DAYS * 24 * 3600,
  });
}

/** The account this browser has signed in to before, when its cookie is genuine and not too old. */
export function readKnownBrowser(request: Request, now = new Date()): KnownBrowser | null {
  const header = request.headers.get("Cookie");
  const value = header ? parseCookies(header)[knownBrowserCookieName()] : undefined;
  const parts = value?.split(".");
  if (!parts || parts.length !== 4) return null;
  const [user, issued, browserId, signature] = parts as [string, string, string, string];
  if (!/^\d{1,9}$/.test(user) || !/^\d{1,12}$/.test(issued) || !/^[A-Za-z0-9_-]{22}$/.test(browserId)) return null;
  const expected = Buffer.from(mac(`${user}.${issued}.${browserId}`));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected)) return null;
  const ageSeconds = now.getTime() / 1000 - Number(issued);
  if (ageSeconds < -300 || ageSeconds > KNOWN_BROWSER_DAYS * 24 * 3600) return null;
  return { userId: Number(user), browserId };
}

const failures = new Map<string, FailureRecord>();

export function knownBrowserFailures(browser: KnownBrowser): FailureRecord | undefined {
  return failures.get(browser.browserId);
}

export function recordKnownBrowserFailure(browser: KnownBrowser, now = new Date()) {
  // Only genuine cookies get here, so the map grows with real browsers; old entries go on the way.
  if (failures.size > 10_000) {
    for (const [id, record] of failures) {
      if ((now.getTime() - Date.parse(record.lastFailureAt)) / 1000 >= FORGET_AFTER_SECONDS) failures.delete(id);
    }
  }
  const record = failures.get(browser.browserId);
  failures.set(browser.browserId, { count: nextFailureCount(record, now), lastFailureAt: now.toISOString() });
}

export function clearKnownBrowserFailures(browser: KnownBrowser) {
  failures.delete(browser.browserId);
}

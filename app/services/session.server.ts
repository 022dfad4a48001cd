import crypto from "node:crypto";
import { parse as parseCookies, serialize as serializeCookie } from "cookie";
import type { Role } from "../domain/permissions";
import { recordLoginSuccess } from "../models/login.server";
import { addSession, deleteSession, getSessionWithUser, touchSession, type NewSession } from "../models/session.server";
import { databaseChangeMark } from "../models/ratings-version.server";
import { getUserAccess } from "../models/user.server";
import { getEnv } from "./env.server";
import { getAppSecret } from "./secret.server";

export type CurrentUser = {
  id: number;
  email: string;
  name: string;
  roles: Role[];
  countyCodes: string[];
  mustChangePassword: boolean;
  /** The keyed hash of the session id (what the sessions table holds), never the id itself. */
  sessionKey: string;
};

/** Writing last_seen_at on every request is wasteful; a minute's resolution is enough for a 30-minute limit. */
const TOUCH_INTERVAL_MS = 60_000;

export function cookieIsSecure(): boolean {
  const env = getEnv();
  return env.NODE_ENV === "production" && !env.INSECURE_COOKIES;
}

/** `__Host-` makes the browser insist on Secure, Path=/ and no Domain; plain HTTP trials cannot use it. */
export function sessionCookieName(): string {
  return cookieIsSecure() ? "__Host-samverkan_session" : "samverkan_session";
}

/** Recent cookies' keys: the HMAC was a twentieth of an API answer's CPU, the same for every request of a session. */
const KEY_CACHE_SIZE = 2000;
const keyCache = new Map<string, string>();
let keyCacheSecret: string | undefined;

function sessionKey(token: string): string {
  const secret = getAppSecret();
  if (secret !== keyCacheSecret) {
    keyCache.clear(); // tests change the secret; a key is only ever its own secret's
    keyCacheSecret = secret;
  }
  const known = keyCache.get(token);
  if (known !== undefined) return known;
  const key = crypto.createHmac("sha256", secret).update(token).digest("hex");
  if (keyCache.size >= KEY_CACHE_SIZE) keyCache.delete(keyCache.keys().next().value!);
  keyCache.set(token, key);
  return key;
}

function readToken(request: Request): string | null {
  return tokenFromCookieHeader(request.headers.get("Cookie"));
}

function tokenFromCookieHeader(header: string | null | undefined): string | null {
  if (!header) return null;
  const token = parseCookies(header)[sessionCookieName()];
  // 32 random bytes in base64url: anything else is not ours and need not reach the database.
  return token && /^[A-Za-z0-9_-]{43}$/.test(token) ? token : null;
}

function cookie(value: string, maxAge?: number): string {
  return serializeCookie(sessionCookieName(), value, {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    secure: cookieIsSecure(),
    ...(maxAge !== undefined ? { maxAge } : {}),
  });
}

/** A new random id (new at every sign-in), the keyed hash the table stores, and the absolute expiry. */
function newSession(now: Date): { token: string; row: Omit<NewSession, "userId"> } {
  const token = crypto.randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + getEnv().SESSION_ABSOLUTE_HOURS * 3_600_000);
  return { token, row: { key: sessionKey(token), now, expiresAt } };
}

/**
 * Signs a user in after their password was verified: a new session, stored together with the audited
 * sign-in (and the address's failures forgotten) in one transaction. Returns the Set-Cookie header.
 */
export function signIn(user: { id: number; email: string }, now = new Date()): { setCookie: string; key: string } {
  const { token, row } = newSession(now);
  recordLoginSuccess(user, row);
  // No Max-Age: the cookie goes when the browser closes; the server enforces both time limits.
  return { setCookie: cookie(token), key: row.key };
}

/** Starts a session for a user without a sign-in (tests); returns its Set-Cookie header. */
export function createSession(userId: number, now = new Date()): { setCookie: string; key: string } {
  const { token, row } = newSession(now);
  addSession({ ...row, userId });
  return { setCookie: cookie(token), key: row.key };
}

/** Ends the request's session, if any; returns the Set-Cookie header that clears the cookie. */
export function destroySession(request: Request): string {
  const token = readToken(request);
  if (token) deleteSession(sessionKey(token));
  return cookie("", 0);
}

type SessionRow = { row: ReturnType<typeof getSessionWithUser>; access?: ReturnType<typeof getUserAccess> };
const ROW_CACHE_SIZE = 2000;
const rowCache = new Map<string, SessionRow & { mark: string }>();

/**
 * The session's row and its user's roles and counties, read again only when something was committed
 * since (databaseChangeMark: this process's writes, a touch or sign-out included, and any other
 * process's): three reads per request were the largest part of the session check. The time limits are
 * still checked against the clock on every request.
 */
function sessionRow(key: string): SessionRow {
  const mark = databaseChangeMark();
  const known = rowCache.get(key);
  if (known && known.mark === mark) return known;
  const row = getSessionWithUser(key);
  const found = { mark, row, access: row ? getUserAccess(row.userId) : undefined };
  if (rowCache.size >= ROW_CACHE_SIZE) rowCache.delete(rowCache.keys().next().value!);
  rowCache.set(key, found);
  return found;
}

/**
 * The signed-in user, or null when there is no session, it has expired (idle or absolute), or the
 * account has been deactivated. Expired sessions are deleted on sight.
 */
export function getSessionUser(request: Request, now = new Date()): CurrentUser | null {
  return getSessionUserByCookie(request.headers.get("Cookie"), now);
}

/**
 * getSessionUser for a raw Cookie header: for app/server's fast paths, which answer from node's request
 * without building a Fetch Request (that alone costs more than the whole answer).
 */
export function getSessionUserByCookie(cookieHeader: string | null | undefined, now = new Date()): CurrentUser | null {
  const token = tokenFromCookieHeader(cookieHeader);
  if (!token) return null;
  const key = sessionKey(token);
  const { row, access } = sessionRow(key);
  if (!row) return null;
  const env = getEnv();
  const idleMs = now.getTime() - Date.parse(row.lastSeenAt);
  if (!row.active || now.getTime() >= Date.parse(row.expiresAt) || idleMs >= env.SESSION_IDLE_MINUTES * 60_000) {
    deleteSession(key);
    return null;
  }
  if (idleMs >= TOUCH_INTERVAL_MS) touchSession(key, now);
  return {
    id: row.userId,
    email: row.email,
    name: row.name,
    mustChangePassword: row.mustChangePassword,
    sessionKey: key,
    roles: [...access!.roles],
    countyCodes: [...access!.countyCodes],
  };
}

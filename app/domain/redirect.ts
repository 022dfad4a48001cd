import { canonicalPath } from "./url-path";

const SITE = "http://samverkanskartan.invalid";

/** Places a redirect back to would loop (sign-in) or undo itself (sign-out). */
const NEVER_BACK_TO = new Set(["/login", "/logout"]);

/**
 * Where to go after signing in: only a path on this site, written in its one canonical spelling. The
 * path is normalised FIRST (escapes, dot segments, backslashes, repeated slashes; app/domain/url-path.ts)
 * and only a path that normalising leaves unchanged is accepted, so "/..//evil.test", "/%2e//evil.test"
 * or "/a/..//evil.test" can never become "//evil.test" (another site to a browser) after the check.
 * The app itself only ever sends canonical paths (requireUser takes the parsed URL's path, and the
 * request gate redirects other spellings), so anything else was written by someone else. Control
 * characters, whitespace, backslashes, absolute and protocol-relative URLs fall back to the start page.
 */
export function safeRedirectPath(to: unknown, fallback = "/"): string {
  if (typeof to !== "string" || to.length === 0 || to.length > 2000) return fallback;
  // Browsers drop tabs and newlines and read "\" as "/": "/\t/evil" and "/\evil" are "//evil" to them.
  if (/[\u0000-\u0020\u007f-\u009f\\\u2028\u2029]/.test(to)) return fallback;
  if (!to.startsWith("/")) return fallback;
  const split = to.search(/[?#]/);
  const written = split === -1 ? to : to.slice(0, split);
  const path = canonicalPath(written);
  if (path === null || path !== written || NEVER_BACK_TO.has(path)) return fallback;
  const rest = split === -1 ? "" : to.slice(split);
  try {
    // The browser's reading of the result must be this site and this very path.
    const url = new URL(path + rest, SITE);
    if (url.origin !== SITE || url.pathname !== path) return fallback;
    return url.pathname + url.search + url.hash;
  } catch {
    return fallback;
  }
}

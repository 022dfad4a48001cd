/**
 * The one spelling of a URL path (RFC 3986 section 6.2.2, plus what browsers do): percent-encoded
 * unreserved characters decoded, other escapes in upper case, characters outside a path's alphabet
 * encoded, backslashes read as slashes (as browsers do), dot segments resolved, repeated slashes and a
 * trailing slash removed. Anything that keys on a path (rate limits, redirects, access rules) compares
 * this spelling, so "/l%6Fgin", "/./login", "/x/../login" and "//login/" are all "/login".
 *
 * Letter case is not decided here: which segments are fixed words and which are values depends on the
 * app's routes (app/server/request-gate.ts).
 */

/** RFC 3986 unreserved characters: encoding them changes nothing, so the canonical spelling has them plain. */
const UNRESERVED = /^[A-Za-z0-9\-._~]$/;
/** What a path segment may hold as it is: unreserved, sub-delims, ":" and "@" (RFC 3986 pchar). */
const PCHAR = /^[A-Za-z0-9\-._~!$&'()*+,;=:@]$/;

/**
 * The canonical spelling of `raw` (a path, without query or fragment), or null when it cannot be a
 * path of this site: not starting with "/", a broken or control-character escape, invalid UTF-8.
 */
export function canonicalPath(raw: string): string | null {
  if (!raw.startsWith("/") && !raw.startsWith("\\")) return null;
  let spelled = "";
  for (let i = 0; i < raw.length; i++) {
    const char = raw[i]!;
    if (char === "%") {
      const hex = raw.slice(i + 1, i + 3);
      if (!/^[0-9A-Fa-f]{2}$/.test(hex)) return null;
      const byte = parseInt(hex, 16);
      // An escaped control character has no business in an address.
      if (byte < 0x20 || byte === 0x7f) return null;
      const decoded = String.fromCharCode(byte);
      spelled += UNRESERVED.test(decoded) ? decoded : `%${hex.toUpperCase()}`;
      i += 2;
    } else if (char === "\\" || char === "/") {
      // Browsers read "\" as "/" in http(s) URLs; so must everything that compares paths.
      spelled += "/";
    } else if (PCHAR.test(char)) {
      spelled += char;
    } else {
      const code = char.charCodeAt(0);
      if (code < 0x20 || code === 0x7f || (code >= 0x80 && code <= 0x9f)) return null;
      // Anything else (space, quotes, non-ASCII letters) is written as its UTF-8 escapes.
      const point = raw.codePointAt(i)!;
      const whole = String.fromCodePoint(point);
      if (point >= 0xd800 && point <= 0xdfff) return null; // a lone surrogate is no character
      spelled += encodeURIComponent(whole).replace(/%[0-9a-f]{2}/g, (e) => e.toUpperCase());
      i += whole.length - 1;
    }
  }
  try {
    decodeURIComponent(spelled);
  } catch {
    return null; // escapes that are not UTF-8
  }
  return removeDotSegments(spelled);
}

/** RFC 3986 section 5.2.4, on a path whose slashes are already all "/"; also drops empty segments. */
function removeDotSegments(path: string): string {
  const output: string[] = [];
  for (const segment of path.split("/")) {
    if (segment === "" || segment === ".") continue;
    if (segment === "..") output.pop();
    else output.push(segment);
  }
  return "/" + output.join("/");
}

/** True when `raw` is already written the canonical way. */
export function isCanonicalPath(raw: string): boolean {
  return canonicalPath(raw) === raw;
}

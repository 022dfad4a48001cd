/**
 * RFC 5545 §3.1 line folding: a content line longer than 75 octets (of UTF-8) is split into a first
 * line and continuation lines that begin with one space; a fold never splits a UTF-8 sequence (here:
 * never a code point, so never a surrogate pair either).
 *
 * Why our own: ical-generator 10 folds the whole calendar with a `new TextEncoder()` per character
 * (~0.5 s of CPU for a feed of 1,800 meetings); its fix (v11) needs Node 22. This counts octets from
 * UTF-16 code units directly and leaves short lines untouched.
 */
export const MAX_LINE_OCTETS = 75;

/** UTF-8 length of the code point starting at `i` of `s`, and how many UTF-16 units it takes. */
function codePointAt(s: string, i: number): { octets: number; units: number } {
  const c = s.charCodeAt(i);
  if (c < 0x80) return { octets: 1, units: 1 };
  if (c < 0x800) return { octets: 2, units: 1 };
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
    const next = s.charCodeAt(i + 1);
    if (next >= 0xdc00 && next <= 0xdfff) return { octets: 4, units: 2 };
  }
  // Other BMP characters, and a lone surrogate (which UTF-8 writes as U+FFFD, 3 octets).
  return { octets: 3, units: 1 };
}

/** Folds one unfolded content line (no CR or LF inside). */
export function foldLine(line: string): string {
  // Every UTF-16 unit is at most 3 octets: a short line needs no counting.
  if (line.length * 3 <= MAX_LINE_OCTETS || (line.length <= MAX_LINE_OCTETS && Buffer.byteLength(line) <= MAX_LINE_OCTETS)) return line;
  const parts: string[] = [];
  let start = 0;
  // The first line holds 75 octets; each continuation line 74 after its leading space.
  let room = MAX_LINE_OCTETS;
  let used = 0;
  for (let i = 0; i < line.length; ) {
    const { octets, units } = codePointAt(line, i);
    if (used + octets > room) {
      parts.push(line.slice(start, i));
      start = i;
      used = 0;
      room = MAX_LINE_OCTETS - 1;
    }
    used += octets;
    i += units;
  }
  parts.push(line.slice(start));
  return parts.join("\r\n ");
}

/** Folds every line of iCalendar text whose lines end with CRLF. */
export function foldContentLines(text: string): string {
  return text.split("\r\n").map(foldLine).join("\r\n");
}

import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { foldContentLines, foldLine } from "../../app/domain/icalendar-fold";
import { meetingsCalendar, type CalendarMeeting } from "../../app/services/calendar.server";

const octets = (s: string) => Buffer.byteLength(s, "utf8");
const unfold = (s: string) => s.replace(/\r\n /g, "");

/** Each physical line's bytes decode back to the same text: no UTF-8 sequence was cut in two. */
function expectWholeCodePoints(line: string) {
  expect(line).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
  expect(Buffer.from(line, "utf8").toString("utf8")).toBe(line);
}

describe("calendar line folding (RFC 5545, 75 octets)", () => {
  const samples = [
    `SUMMARY:${"Dialogmöte om daglig verksamhet i Örnsköldsvik, Åre och Härnösand ".repeat(4)}`,
    `DESCRIPTION:${"åäöÅÄÖ".repeat(40)}`,
    `LOCATION:${"Rådhuset 🏛️ 👩‍👩‍👧‍👦 🇸🇪 ".repeat(12)}`,
    `X-TEST:${"a".repeat(74)}ö${"😀".repeat(30)}`,
    `DESCRIPTION:${"x".repeat(73)}😀😀`,
  ];

  it.each(samples)("a long line with å/ä/ö and emoji folds into lines of at most 75 octets without cutting a character (%#)", (line) => {
    const folded = foldLine(line);
    const physical = folded.split("\r\n");
    expect(physical.length).toBeGreaterThan(1);
    for (const [i, l] of physical.entries()) {
      expect(octets(l)).toBeLessThanOrEqual(75);
      if (i > 0) expect(l.startsWith(" ")).toBe(true);
      expectWholeCodePoints(l);
    }
    // Lines are filled: a fold happens only when the next character would not fit.
    for (const l of physical.slice(0, -1)) expect(octets(l)).toBeGreaterThan(75 - 4);
    expect(unfold(folded)).toBe(line);
  });

  it("a line of exactly 75 octets stays whole, one more octet folds it", () => {
    const exact = `SUMMARY:${"ö".repeat(33)}x`; // 8 + 66 + 1
    expect(octets(exact)).toBe(75);
    expect(foldLine(exact)).toBe(exact);
    expect(foldLine(`${exact}x`).split("\r\n")).toEqual([exact, " x"]);
  });

  it("folding a whole text keeps short lines and its line ends, and folding twice changes nothing", () => {
    const text = `BEGIN:VEVENT\r\n${samples[0]}\r\nEND:VEVENT\r\n`;
    const once = foldContentLines(text);
    expect(once.startsWith("BEGIN:VEVENT\r\n")).toBe(true);
    expect(once.endsWith("\r\nEND:VEVENT\r\n")).toBe(true);
    expect(foldContentLines(once)).toBe(once);
    expect(unfold(once)).toBe(text);
  });

  it("a meeting's calendar file with long Swedish texts and emoji reads back unchanged in a real iCalendar parser", () => {
    const meeting: CalendarMeeting = {
      id: 7,
      date: "2026-03-29",
      startTime: "09:00",
      endTime: "10:30",
      status: "planned",
      format: "dialogue",
      place: "Rådhuset i Örnsköldsvik, sammanträdesrummet Älven på våning två 🏛️ med utsikt över ån",
      videoLink: "",
      forumName: null,
      municipalityNames: ["Örnsköldsvik", "Åre", "Östersund", "Härnösand"],
      sequence: 2,
      updatedAt: "2026-01-01T10:00:00.000Z",
      agenda: "Genomgång av dialogmaterialet: daglig verksamhet mot arbete 🚀, insatser som stöder förflyttningen, samverkansformer ✅",
      example: false,
    };
    const text = meetingsCalendar([meeting], { name: "Dialogmöte", baseUrl: "https://example.se", host: "example.se" });
    expect(text.endsWith("END:VCALENDAR\r\n")).toBe(true);
    for (const line of text.split("\r\n")) {
      expect(octets(line)).toBeLessThanOrEqual(75);
      expectWholeCodePoints(line);
    }
    const calendar = new ICAL.Component(ICAL.parse(text));
    expect(calendar.getAllSubcomponents("vtimezone").map((z) => z.getFirstPropertyValue("tzid"))).toEqual(["Europe/Stockholm"]);
    const event = new ICAL.Event(calendar.getFirstSubcomponent("vevent")!);
    expect(event.location).toBe(meeting.place);
    expect(event.summary).toBe("Dialogmöte: Örnsköldsvik, Åre, Östersund m.fl.");
    expect(event.description).toContain(meeting.agenda);
    expect(event.component.getFirstProperty("dtstart")!.toICALString()).toBe("DTSTART;TZID=Europe/Stockholm:20260329T090000");
  });
});

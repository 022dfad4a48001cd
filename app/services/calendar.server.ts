import crypto from "node:crypto";
import { TZDate } from "@date-fns/tz";
import ical, { ICalEvent, ICalEventStatus, type ICalCalendar, type ICalLuxonDateTimeStub } from "ical-generator";
import { tzlib_get_ical_block } from "timezones-ical-library";
import { foldContentLines } from "../domain/icalendar-fold";
import { MEETING_FORMAT_LABELS, MEETING_STATUS_LABELS } from "../domain/meeting-vocabulary";
import type { MeetingRow } from "../models/meeting.server";
import { getAppSecret } from "./secret.server";

/**
 * Calendar files (.ics) for meetings: one meeting, or a user's private subscription feed. Times are
 * written as local Swedish time with TZID=Europe/Stockholm and a VTIMEZONE block of that same TZID.
 *
 * Two traps, both tested: ical-generator prints a plain Date's hours in the server's own zone, and the
 * timezone library answers Europe/Stockholm with Berlin's block (Stockholm is a link to Berlin in
 * current tz data), so its TZID is renamed to the one the events use (the rules are the same).
 *
 * The stored date and time already are the local wall time the event must say, so they go to the
 * generator as a `LocalWallTime` (ical-generator's Luxon-style date interface) that prints itself
 * unchanged: no conversion to an instant and back, which would also cost ~0.2 ms per event with
 * TZDate. The instant (toJSDate) is computed with @date-fns/tz only if the generator asks.
 *
 * ical-generator writes the properties and escapes the text; the calendar is put together and folded
 * by `writeCalendar` (our RFC 5545 folding by UTF-8 octets), because the generator's own folding of
 * the whole text costs a TextEncoder per character (see app/domain/icalendar-fold.ts).
 */
export const MEETING_TIME_ZONE = "Europe/Stockholm";

export function vtimezone(tz: string): string | null {
  const [block] = tzlib_get_ical_block(tz) as [string, string];
  if (!block || !block.includes("BEGIN:VTIMEZONE")) return null;
  return block.replace(/^TZID:.*$/m, `TZID:${tz}`).replace(/^X-LIC-LOCATION:.*$/m, `X-LIC-LOCATION:${tz}`);
}

/** Instants of local wall times already computed (the generator asks for each start and end). */
const INSTANTS = new Map<string, number>();

/** A date and time of day in MEETING_TIME_ZONE, as ical-generator's Luxon-style date stub. */
export class LocalWallTime implements ICalLuxonDateTimeStub {
  readonly zone = { type: "iana" };
  constructor(
    /** YYYY-MM-DD */
    readonly date: string,
    /** HH:MM */
    readonly time: string,
  ) {}
  get isValid() {
    return true;
  }
  setZone(zone?: string): ICalLuxonDateTimeStub {
    if (zone !== undefined && zone !== MEETING_TIME_ZONE) throw new Error(`LocalWallTime is in ${MEETING_TIME_ZONE}, not ${zone}`);
    return this;
  }
  toFormat(fmt: string): string {
    if (fmt === "yyyyLLdd") return this.date.replaceAll("-", "");
    if (fmt === "HHmmss") return `${this.time.replace(":", "")}00`;
    throw new Error(`LocalWallTime cannot format "${fmt}"`);
  }
  toJSDate(): Date {
    const key = `${this.date}T${this.time}`;
    let ms = INSTANTS.get(key);
    if (ms === undefined) {
      const [y, m, d] = this.date.split("-").map(Number);
      const [h, min] = this.time.split(":").map(Number);
      ms = new TZDate(y!, m! - 1, d!, h!, min!, MEETING_TIME_ZONE).getTime();
      if (INSTANTS.size > 20_000) INSTANTS.clear();
      INSTANTS.set(key, ms);
    }
    return new Date(ms);
  }
  toJSON(): string {
    return `${this.date}T${this.time}:00`;
  }
}

function localTime(date: string, time: string): LocalWallTime {
  return new LocalWallTime(date, time);
}

export type CalendarMeeting = Pick<
  MeetingRow,
  "id" | "date" | "startTime" | "endTime" | "status" | "format" | "place" | "videoLink" | "forumName" | "municipalityNames" | "sequence" | "updatedAt" | "agenda" | "example"
>;

export function meetingTitle(m: Pick<CalendarMeeting, "format" | "forumName" | "municipalityNames">): string {
  const who = [...m.municipalityNames, ...(m.forumName ? [m.forumName] : [])];
  const list = who.length > 3 ? `${who.slice(0, 3).join(", ")} m.fl.` : who.join(", ");
  return `${MEETING_FORMAT_LABELS[m.format]}: ${list}`;
}

/** The iCalendar text for some meetings (one meeting's file or a feed). `baseUrl` makes each event link to its page. */
export function meetingsCalendar(meetingsToWrite: readonly CalendarMeeting[], options: { name: string; baseUrl: string; host: string }): string {
  const calendar = ical({
    name: options.name,
    prodId: { company: "Forsakringskassan", product: "Samverkanskartan", language: "SV" },
    // No calendar-wide zone (it would write DTSTAMP without its Z); each event names its zone and
    // writeCalendar adds one VTIMEZONE per zone used.
    timezone: { name: "", generator: vtimezone },
    ttl: 60 * 60,
  });
  calendar.x([["X-WR-TIMEZONE", MEETING_TIME_ZONE]]);
  const events = meetingsToWrite.map((m) => {
    const url = `${options.baseUrl}/moten/${m.id}`;
    const description = [
      `Status: ${MEETING_STATUS_LABELS[m.status]}`,
      m.example ? "Exempeldata" : null,
      m.agenda ? `Dagordning:\n${m.agenda}` : null,
      m.videoLink ? `Videolänk: ${m.videoLink}` : null,
      url,
    ]
      .filter(Boolean)
      .join("\n\n");
    return new ICalEvent(
      {
        id: `meeting-${m.id}@${options.host}`,
        sequence: m.sequence,
        start: localTime(m.date, m.startTime),
        end: localTime(m.date, m.endTime),
        timezone: MEETING_TIME_ZONE,
        stamp: new Date(m.updatedAt),
        summary: meetingTitle(m),
        location: m.place || m.videoLink || null,
        description,
        url,
        status: m.status === "cancelled" || m.status === "postponed" ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      },
      calendar,
    );
  });
  return writeCalendar(calendar, events);
}

const END = "END:VCALENDAR";

/**
 * The text of `calendar` (which holds no events) with `events`: the generator writes the calendar's
 * properties (short lines, cheap for its own folding) and each event unfolded; the VTIMEZONE blocks of
 * the zones the events use come between them, and the events are folded here by UTF-8 octets.
 */
export function writeCalendar(calendar: ICalCalendar, events: readonly ICalEvent[]): string {
  if (calendar.length() > 0) throw new Error("writeCalendar: pass the events separately, not on the calendar");
  const head = calendar.toString();
  if (!head.endsWith(END)) throw new Error("writeCalendar: unexpected calendar text from the generator");
  const zones = [...new Set(events.map((e) => e.timezone()))].filter((z): z is string => !!z && !z.startsWith("/"));
  const blocks = zones.map((z) => {
    const block = vtimezone(z);
    if (!block) throw new Error(`No VTIMEZONE for ${z}`);
    return `${block.replace(/\r?\n/g, "\r\n").trim()}\r\n`;
  });
  const body = foldContentLines(blocks.join("") + events.map((e) => e.toString()).join(""));
  return `${head.slice(0, -END.length)}${body}${END}\r\n`;
}

/** A new subscription token: 256 random bits, URL-safe. */
export function newCalendarToken(): string {
  return crypto.randomBytes(32).toString("base64url");
}

/** What is stored: HMAC-SHA256 of the token with the app secret (the URL cannot be rebuilt from a backup). */
export function hashCalendarToken(token: string): string {
  return crypto.createHmac("sha256", getAppSecret()).update(`calendar:${token}`).digest("hex");
}

/** A token as it appears in a URL: exactly 43 base64url characters. */
export function parseCalendarToken(value: string | undefined): string | null {
  const token = (value ?? "").replace(/\.ics$/, "");
  return /^[A-Za-z0-9_-]{43}$/.test(token) ? token : null;
}

/** The public base URL of a request (scheme and host), for links inside calendar files. */
export function baseUrlOf(request: Request): { baseUrl: string; host: string } {
  const url = new URL(request.url);
  return { baseUrl: url.origin, host: url.hostname };
}

/**
 * The last feeds built, by user and fingerprint (the user's meetings' count, latest change and the
 * day): calendar clients poll every hour, and a feed whose meetings did not change is not rebuilt.
 */
const FEEDS = new Map<string, string>();
const MAX_CACHED_FEEDS = 500;

export function cachedFeed(key: string, build: () => string): string {
  const hit = FEEDS.get(key);
  if (hit !== undefined) {
    FEEDS.delete(key);
    FEEDS.set(key, hit);
    return hit;
  }
  const text = build();
  FEEDS.set(key, text);
  if (FEEDS.size > MAX_CACHED_FEEDS) FEEDS.delete(FEEDS.keys().next().value!);
  return text;
}

/** A strong ETag for a feed key, so a client that has the feed gets 304. */
export function feedEtag(key: string): string {
  return `"${crypto.createHash("sha256").update(key).digest("base64url").slice(0, 27)}"`;
}

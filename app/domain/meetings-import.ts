import Papa from "papaparse";
import { isIsoDate } from "./fields";
import { minutesOf } from "./meeting";
import { formatFromText, type MeetingFormat, type MeetingStatus } from "./meeting-vocabulary";
import { personalNumberProblem } from "./personal-number";
import { hasForbiddenCharacters } from "./fields";

/**
 * Import of meetings held before the app: a CSV file (comma or semicolon, UTF-8 with or without BOM)
 * with the columns below. The whole file is checked first; one bad row stops all of it, and every
 * problem is reported with its row number as the spreadsheet shows it (the header is row 1).
 */
export const IMPORT_COLUMNS = [
  "datum",
  "start",
  "slut",
  "kommunkoder",
  "forum",
  "format",
  "status",
  "dialogmaterial",
  "avsnitt",
  "anteckning",
] as const;
const REQUIRED_COLUMNS = ["datum", "start", "kommunkoder", "format", "status", "dialogmaterial"] as const;
export const MAX_IMPORT_ROWS = 5000;

const STATUS_WORDS: Record<string, Exclude<MeetingStatus, "postponed">> = {
  planerat: "planned",
  genomfört: "held",
  genomfort: "held",
  inställt: "cancelled",
  installt: "cancelled",
};

export type ImportLookups = {
  municipalityCodes: ReadonlySet<string>;
  /** Forum names, lower-cased, to ids. */
  forumsByName: ReadonlyMap<string, number>;
  /** The current material's sections, titles lower-cased, to ids. */
  sectionsByTitle: ReadonlyMap<string, number>;
  today: string;
};

export type ImportedMeeting = {
  row: number;
  date: string;
  startTime: string;
  endTime: string;
  municipalityCodes: string[];
  forumId: number | null;
  forumName: string | null;
  format: MeetingFormat;
  status: Exclude<MeetingStatus, "postponed">;
  materialUsed: boolean;
  sectionIds: number[];
  sectionTitles: string[];
  notes: string;
  importKey: string;
};

export type ImportResult = { ok: true; meetings: ImportedMeeting[] } | { ok: false; errors: string[] };

/** "date|start|codes|forum|format": the same meeting in a second import has the same key. */
export function importKeyOf(m: { date: string; startTime: string; municipalityCodes: readonly string[]; forumName: string | null; format: string }) {
  return [m.date, m.startTime, [...m.municipalityCodes].sort().join(","), (m.forumName ?? "").toLocaleLowerCase("sv"), m.format].join("|");
}

function plusOneHour(time: string): string {
  const minutes = Math.min(minutesOf(time) + 60, 23 * 60 + 59);
  return `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
}

export function parseMeetingsCsv(text: string, lookups: ImportLookups): ImportResult {
  const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ""), {
    header: true,
    skipEmptyLines: "greedy",
    transformHeader: (h) => h.trim().toLocaleLowerCase("sv"),
  });
  const fields = parsed.meta.fields ?? [];
  const missing = REQUIRED_COLUMNS.filter((c) => !fields.includes(c));
  if (missing.length) {
    return {
      ok: false,
      errors: [
        `Rad 1: kolumnerna ${missing.map((c) => `"${c}"`).join(", ")} saknas. Filen ska ha kolumnerna ${IMPORT_COLUMNS.join(", ")} (slut, forum, avsnitt och anteckning får vara tomma).`,
      ],
    };
  }
  const unknown = fields.filter((f) => f && !(IMPORT_COLUMNS as readonly string[]).includes(f));
  if (unknown.length) {
    return { ok: false, errors: [`Rad 1: okända kolumner ${unknown.map((c) => `"${c.slice(0, 30)}"`).join(", ")}.`] };
  }
  if (parsed.data.length === 0) return { ok: false, errors: ["Filen innehåller inga möten."] };
  if (parsed.data.length > MAX_IMPORT_ROWS) {
    return { ok: false, errors: [`Filen har ${parsed.data.length} rader; högst ${MAX_IMPORT_ROWS} kan importeras åt gången.`] };
  }

  const errors: string[] = [];
  const meetings: ImportedMeeting[] = [];
  const keys = new Map<string, number>();
  parsed.data.forEach((raw, index) => {
    const row = index + 2;
    const problems: string[] = [];
    const cell = (name: (typeof IMPORT_COLUMNS)[number]) => (raw[name] ?? "").trim();
    if (Object.values(raw).some((v) => typeof v === "string" && hasForbiddenCharacters(v))) {
      problems.push("raden innehåller otillåtna tecken (styrtecken eller tecken som vänder textens riktning)");
    }

    const date = cell("datum");
    if (!isIsoDate(date)) problems.push(`datum "${date.slice(0, 20)}" ska vara ett datum som finns, skrivet ÅÅÅÅ-MM-DD`);
    const start = cell("start");
    const timeOk = (t: string) => /^([01]\d|2[0-3]):[0-5]\d$/.test(t);
    if (!timeOk(start)) problems.push(`start "${start.slice(0, 20)}" ska vara en tid skriven TT:MM`);
    let end = cell("slut");
    if (end && !timeOk(end)) problems.push(`slut "${end.slice(0, 20)}" ska vara en tid skriven TT:MM eller tom`);
    if (timeOk(start)) {
      if (!end) end = plusOneHour(start);
      else if (timeOk(end) && minutesOf(end) <= minutesOf(start)) problems.push("slut måste vara efter start");
    }

    const codes = [...new Set(cell("kommunkoder").split(/[\s,;]+/).filter(Boolean))];
    const badCodes = codes.filter((c) => !lookups.municipalityCodes.has(c));
    if (badCodes.length) {
      problems.push(`okänd kommunkod ${badCodes.slice(0, 5).map((c) => `"${c.slice(0, 10)}"`).join(", ")}`);
    }
    const forumName = cell("forum") || null;
    const forumId = forumName ? (lookups.forumsByName.get(forumName.toLocaleLowerCase("sv")) ?? null) : null;
    if (forumName && forumId === null) problems.push(`forumet "${forumName.slice(0, 60)}" finns inte (lägg upp det under Forum först)`);
    if (codes.length === 0 && !forumName) problems.push("ange minst en kommunkod eller ett forum");

    const format = formatFromText(cell("format"));
    if (!format) problems.push(`okänd mötesform "${cell("format").slice(0, 40)}"`);
    const status = STATUS_WORDS[cell("status").toLocaleLowerCase("sv")];
    if (!status) problems.push(`status "${cell("status").slice(0, 20)}" ska vara planerat, genomfört eller inställt`);
    if (status === "held" && isIsoDate(date) && date > lookups.today) problems.push("ett genomfört möte kan inte ha ett datum efter i dag");

    const materialWord = cell("dialogmaterial").toLocaleLowerCase("sv");
    if (materialWord !== "ja" && materialWord !== "nej") problems.push(`dialogmaterial ska vara ja eller nej, inte "${materialWord.slice(0, 20)}"`);
    const materialUsed = materialWord === "ja";
    if (materialUsed && status && status !== "held") problems.push("dialogmaterialet kan bara ha använts vid ett genomfört möte");
    const sectionTitles = cell("avsnitt").split(/[|;]/).map((s) => s.trim()).filter(Boolean);
    const sectionIds: number[] = [];
    for (const title of sectionTitles) {
      const id = lookups.sectionsByTitle.get(title.toLocaleLowerCase("sv"));
      if (id === undefined) problems.push(`avsnittet "${title.slice(0, 60)}" finns inte i dialogmaterialet`);
      else sectionIds.push(id);
    }
    if (sectionTitles.length && !materialUsed) problems.push("avsnitt kan bara anges när dialogmaterial är ja");

    const notes = cell("anteckning").replace(/\r\n/g, "\n");
    if (notes.length > 4000) problems.push("anteckningen får ha högst 4000 tecken");
    for (const [column, value] of Object.entries(raw)) {
      if (typeof value !== "string") continue;
      const problem = personalNumberProblem(value);
      if (problem) problems.push(`kolumnen ${column}: ${problem.charAt(0).toLocaleLowerCase("sv")}${problem.slice(1)}`);
    }

    if (problems.length) {
      errors.push(`Rad ${row}: ${problems.join("; ")}.`);
      return;
    }
    const meeting = {
      row,
      date,
      startTime: start,
      endTime: end,
      municipalityCodes: codes.sort(),
      forumId,
      forumName,
      format: format!,
      status: status!,
      materialUsed,
      sectionIds,
      sectionTitles,
      notes,
    };
    const importKey = importKeyOf(meeting);
    const earlier = keys.get(importKey);
    if (earlier !== undefined) {
      errors.push(`Rad ${row}: samma möte som på rad ${earlier} (datum, start, kommuner, forum och form).`);
      return;
    }
    keys.set(importKey, row);
    meetings.push({ ...meeting, importKey });
  });
  if (parsed.errors.length) {
    for (const e of parsed.errors.slice(0, 10)) errors.push(`Rad ${(e.row ?? 0) + 2}: raden kunde inte läsas (${e.message}).`);
  }
  return errors.length ? { ok: false, errors } : { ok: true, meetings };
}

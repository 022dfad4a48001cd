import { toCsv } from "./csv";
import { CATEGORY_LABELS, collaborationLabel, interventionAccessLabel, RATING_FIELD_LABELS, type Category } from "./rating";
import type { Collaboration, InterventionAccess } from "./rating";
import { COLLABORATION_WORDS, INTERVENTION_ACCESS_WORDS } from "./assessment";
import { formatChannels, type Channel } from "./channels";

export type CsvRating = {
  code: string;
  name: string;
  countyName: string;
  collaboration: Collaboration | null;
  interventionAccess: InterventionAccess | null;
  comment: string | null;
  category: Category;
};

export const CSV_HEADER = [
  "Kommunkod",
  "Kommun",
  "Län",
  RATING_FIELD_LABELS.collaboration,
  RATING_FIELD_LABELS.interventionAccess,
  RATING_FIELD_LABELS.category,
  "Kommentar",
];

/**
 * The table as Swedish Excel opens it: UTF-8 with a byte-order mark, semicolons, CRLF. Cells that a
 * spreadsheet would run as a formula are escaped (`toCsv`, app/domain/csv.ts).
 */
export function ratingsCsv(rows: readonly CsvRating[]): string {
  const data = rows.map((r) => [
    r.code,
    r.name,
    r.countyName,
    collaborationLabel(r.collaboration),
    interventionAccessLabel(r.interventionAccess),
    CATEGORY_LABELS[r.category],
    r.comment ?? "",
  ]);
  return "\uFEFF" + toCsv(CSV_HEADER, data);
}

export type CsvAssessment = {
  code: string;
  name: string;
  countyName: string;
  collaboration: Collaboration | null;
  interventionAccess: InterventionAccess | null;
  category: Category;
  channels: readonly Channel[];
  channelOther: string;
  comment: string;
  confirmed: boolean | null;
  assessedBy: string | null;
  /** ISO timestamp, written as Swedish local time "2026-04-12 14:05". */
  assessedAt: string | null;
};

/** The round export's columns; kommunkod, samverkan, tillgång and kommentar are read back by the import. */
export const ASSESSMENT_CSV_HEADER = [
  "kommunkod",
  "kommun",
  "län",
  "samverkan",
  "tillgång",
  "kategori",
  "kanaler",
  "kommentar",
  "bekräftad",
  "bedömd av",
  "bedömd",
];

const stockholmTime = new Intl.DateTimeFormat("sv-SE", {
  timeZone: "Europe/Stockholm",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
});

/** One round's assessments, one row per municipality (in the order given: Swedish alphabetical). */
export function assessmentsCsv(rows: readonly CsvAssessment[]): string {
  const data = rows.map((r) => [
    r.code,
    r.name,
    r.countyName,
    r.collaboration ? COLLABORATION_WORDS[r.collaboration] : "",
    r.interventionAccess ? INTERVENTION_ACCESS_WORDS[r.interventionAccess] : "",
    CATEGORY_LABELS[r.category],
    formatChannels(r.channels, r.channelOther),
    r.comment,
    r.confirmed === null ? "" : r.confirmed ? "ja" : "nej",
    r.assessedBy ?? "",
    r.assessedAt ? stockholmTime.format(new Date(r.assessedAt)) : "",
  ]);
  // The byte-order mark is added by fileResponse, as for every CSV download.
  return toCsv(ASSESSMENT_CSV_HEADER, data);
}

import { toCsv } from "./csv";
import { CATEGORY_LABELS, collaborationLabel, interventionAccessLabel, RATING_FIELD_LABELS, type Category } from "./rating";
import type { Collaboration, InterventionAccess } from "./rating";

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

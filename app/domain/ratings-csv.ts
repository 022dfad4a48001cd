import { toCsv } from "./csv";
import { CATEGORY_LABELS, COLLABORATION_LABELS, INTERVENTION_ACCESS_LABELS, type Category } from "./rating";
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

export const CSV_HEADER = ["Kommunkod", "Kommun", "Län", "Samverkan", "Tillgång till insatser", "Kategori", "Kommentar"];

/**
 * The table as Swedish Excel opens it: UTF-8 with a byte-order mark, semicolons, CRLF. Cells that a
 * spreadsheet would run as a formula are escaped (`toCsv`, app/domain/csv.ts).
 */
export function ratingsCsv(rows: readonly CsvRating[]): string {
  const data = rows.map((r) => [
    r.code,
    r.name,
    r.countyName,
    r.collaboration ? COLLABORATION_LABELS[r.collaboration] : "Ej bedömd",
    r.interventionAccess ? INTERVENTION_ACCESS_LABELS[r.interventionAccess] : "Ej bedömd",
    CATEGORY_LABELS[r.category],
    r.comment ?? "",
  ]);
  return "\uFEFF" + toCsv(CSV_HEADER, data);
}

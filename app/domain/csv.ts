import Papa from "papaparse";

/**
 * A cell a spreadsheet would run as a formula: one that starts with = + - @ (also after leading
 * whitespace or line breaks, which Excel and LibreOffice skip), or with a tab or carriage return.
 * Full-width variants count too. papaparse's own guard looks at the first character of a one-line
 * value only, so "=1+1\nx" and " =1+1" slipped through it.
 */
const FORMULA_START = /^(?:[\t\r]|\s*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20])/;

export type CsvCell = string | number | boolean | null | undefined;

/**
 * CSV as Swedish Excel opens it: semicolons, CRLF after every row (the header too), quotes where
 * needed, and every text cell that could start a formula prefixed with an apostrophe (OWASP's
 * advice for CSV injection). Numbers are written as numbers. The byte-order mark is added by
 * `fileResponse` (app/services/http.server.ts), not here.
 */
export function toCsv(fields: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return (
    Papa.unparse(
      { fields: [...fields], data: rows.map((row) => row.map((cell) => (cell === null || cell === undefined ? "" : cell))) },
      { delimiter: ";", newline: "\r\n", escapeFormulae: FORMULA_START },
    ) + "\r\n"
  );
}

/** True when a spreadsheet would read `value` as a formula (exported for tests and imports). */
export function looksLikeFormula(value: string): boolean {
  return FORMULA_START.test(value);
}

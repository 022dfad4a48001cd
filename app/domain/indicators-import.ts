import Papa from "papaparse";
import { compareSwedish } from "./collation";
import { hasForbiddenCharacters } from "./fields";
import {
  formatPeriod,
  isFuturePeriod,
  parseIndicatorNumber,
  parsePeriod,
  valueProblem,
  type IndicatorUnit,
} from "./indicators";

/**
 * Indicator values from a CSV file, `period;län;indikator;värde;källa` (a sixth column `anteckning`
 * may follow): all or nothing. Every bad row is named by its line number in the file, so the person
 * can fix the file and import it again; nothing is stored while any row is wrong.
 */

export const INDICATOR_CSV_COLUMNS = ["period", "län", "indikator", "värde", "källa"] as const;

export type IndicatorImportRow = {
  /** The line in the file (1 = the first line, the header when there is one). */
  line: number;
  indicatorKey: string;
  period: string;
  countyCode: string | null;
  value: number;
  source: string;
  note: string;
};

export type ImportContext = {
  indicators: readonly { key: string; name: string; unit: IndicatorUnit }[];
  counties: readonly { code: string; name: string }[];
  /** YYYY-MM-DD in Sweden. */
  today: string;
};

export type IndicatorImportResult =
  | { ok: true; rows: IndicatorImportRow[] }
  | { ok: false; problems: { line: number | null; message: string }[] };

const NATIONAL = ["", "riket", "hela riket", "sverige", "00", "-", "–"];

function same(a: string, b: string) {
  return compareSwedish(a.trim(), b.trim()) === 0;
}

function findCounty(text: string, counties: ImportContext["counties"]): string | null | undefined {
  const t = text.trim();
  if (NATIONAL.includes(t.toLocaleLowerCase("sv"))) return null;
  const code = /^\d{1,2}$/.test(t) ? t.padStart(2, "0") : null;
  const byCode = code ? counties.find((c) => c.code === code) : undefined;
  if (byCode) return byCode.code;
  // "Västra Götalands län" or "Västra Götaland"
  const byName = counties.find((c) => same(c.name, t) || same(c.name.replace(/s? län$/, ""), t.replace(/s? län$/, "")));
  return byName ? byName.code : undefined;
}

function isHeader(cells: readonly string[]): boolean {
  return (cells[0] ?? "").trim().toLocaleLowerCase("sv") === "period";
}

export function parseIndicatorCsv(text: string, context: ImportContext): IndicatorImportResult {
  const problems: { line: number | null; message: string }[] = [];
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ""), { delimiter: ";", skipEmptyLines: false });
  const lines = parsed.data;
  // Trailing empty lines are not rows.
  while (lines.length > 0 && lines[lines.length - 1]!.every((c) => c.trim() === "")) lines.pop();
  if (lines.length === 0) return { ok: false, problems: [{ line: null, message: "Filen är tom." }] };
  if (lines.length > 20_000) return { ok: false, problems: [{ line: null, message: "Filen har fler än 20 000 rader. Dela upp den." }] };

  const rows: IndicatorImportRow[] = [];
  const seen = new Map<string, number>();
  lines.forEach((cells, index) => {
    const line = index + 1;
    if (index === 0 && isHeader(cells)) return;
    if (cells.every((c) => c.trim() === "")) return;
    const at = (message: string) => problems.push({ line, message: `Rad ${line}: ${message}` });
    if (cells.length < 4 || cells.length > 6) {
      at(`ska ha kolumnerna period;län;indikator;värde;källa (${cells.length} kolumner hittades; är avgränsaren semikolon?).`);
      return;
    }
    const [periodText = "", countyText = "", indicatorText = "", valueText = "", source = "", note = ""] = cells;
    if (cells.some((c) => hasForbiddenCharacters(c))) {
      at("innehåller otillåtna tecken (styrtecken eller tecken som vänder textens riktning).");
      return;
    }
    const period = parsePeriod(periodText);
    const countyCode = findCounty(countyText, context.counties);
    const indicator = context.indicators.find((i) => i.key === indicatorText.trim() || same(i.name, indicatorText));
    const value = parseIndicatorNumber(valueText);
    let bad = false;
    if (!period) {
      at(`perioden "${periodText.trim().slice(0, 20)}" ska vara ett år (2025) eller ett halvår (2025H1 eller 2025H2).`);
      bad = true;
    } else if (isFuturePeriod(period, context.today)) {
      at(`perioden ${formatPeriod(period)} har inte börjat än.`);
      bad = true;
    }
    if (countyCode === undefined) {
      at(`länet "${countyText.trim().slice(0, 40)}" finns inte (ange länskod, länets namn eller lämna tomt för hela riket).`);
      bad = true;
    }
    if (!indicator) {
      at(`indikatorn "${indicatorText.trim().slice(0, 60)}" finns inte i katalogen.`);
      bad = true;
    }
    if (value === null) {
      at(`värdet "${valueText.trim().slice(0, 30)}" är inte ett tal.`);
      bad = true;
    } else if (indicator) {
      const problem = valueProblem(value, indicator.unit);
      if (problem) {
        at(problem);
        bad = true;
      }
    }
    if (source.length > 200 || note.length > 500) {
      at("källan får ha högst 200 tecken och anteckningen högst 500.");
      bad = true;
    }
    if (bad || !period || !indicator || value === null || countyCode === undefined) return;

    const key = `${indicator.key}|${formatPeriod(period)}|${countyCode ?? ""}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      at(`samma period, län och indikator som rad ${earlier}.`);
      return;
    }
    seen.set(key, line);
    rows.push({
      line,
      indicatorKey: indicator.key,
      period: formatPeriod(period),
      countyCode,
      value,
      source: source.trim(),
      note: note.trim(),
    });
  });
  if (problems.length > 0) return { ok: false, problems };
  if (rows.length === 0) return { ok: false, problems: [{ line: null, message: "Filen har inga värden, bara en rubrikrad." }] };
  return { ok: true, rows };
}

/** The values as a CSV file in the import's own format, so an export can be edited and imported again. */
export function indicatorValuesCsv(
  rows: readonly { period: string; countyCode: string | null; indicatorKey: string; value: number | string; source: string; note: string }[],
): string {
  const data = rows.map((r) => [r.period, r.countyCode ?? "", r.indicatorKey, String(r.value).replace(".", ","), r.source, r.note]);
  return Papa.unparse({ fields: [...INDICATOR_CSV_COLUMNS, "anteckning"], data }, { delimiter: ";", newline: "\r\n", escapeFormulae: true }) + "\r\n";
}

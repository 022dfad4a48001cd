import Papa from "papaparse";
import { hasForbiddenCharacters } from "./fields";
import type { Collaboration, InterventionAccess } from "./rating";

/**
 * Reading a ratings file (CSV) for import into a round. Tolerant of how spreadsheets write files
 * (`;` or `,`, with or without a byte-order mark, any case, with or without å/ä/ö, spaces or
 * underscores, a code whose leading zero Excel dropped), strict about content: every problem is
 * reported with its row number, and one problem means nothing is imported.
 */

export type ImportMunicipality = { name: string; countyCode: string; countyName: string };

export type ImportRow = {
  /** The row number a spreadsheet shows (the header is row 1). */
  row: number;
  code: string;
  collaboration: Collaboration;
  interventionAccess: InterventionAccess;
  /** Undefined when the file has no kommentar column: the comment is then left as it is. */
  comment: string | undefined;
};

export type ImportParseResult =
  | { ok: true; rows: ImportRow[]; skippedRows: number[]; hasCommentColumn: boolean }
  | { ok: false; problems: string[] };

/** At most this many problems are listed; the rest are counted. */
export const MAX_LISTED_PROBLEMS = 100;
export const MAX_IMPORT_BYTES = 1_000_000;

/** Lower case, no accents (å→a, ä→a, ö→o), spaces and underscores as one space. */
export function normalizeToken(text: string): string {
  return text
    .toLocaleLowerCase("sv")
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[\s_]+/g, " ")
    .trim();
}

const COLLABORATION_VALUES: Record<string, Collaboration> = {
  bra: "good",
  "bra samverkan": "good",
  "behover starkas": "needs_strengthening",
  "samverkan behover starkas": "needs_strengthening",
};

const ACCESS_VALUES: Record<string, InterventionAccess> = {
  tillfredsstallande: "satisfactory",
  "tillfredsstallande tillgang till insatser": "satisfactory",
  otillfredsstallande: "unsatisfactory",
  "inte tillfredsstallande": "unsatisfactory",
  "ej tillfredsstallande": "unsatisfactory",
  "otillfredsstallande tillgang till insatser": "unsatisfactory",
};

type Column = "code" | "collaboration" | "interventionAccess" | "comment";
const HEADERS: Record<string, Column> = {
  kommunkod: "code",
  samverkan: "collaboration",
  tillgang: "interventionAccess",
  "tillgang till insatser": "interventionAccess",
  kommentar: "comment",
};
const COLUMN_NAMES: Record<Column, string> = {
  code: "kommunkod",
  collaboration: "samverkan",
  interventionAccess: "tillgång",
  comment: "kommentar",
};

export function parseCollaboration(value: string): Collaboration | null {
  return COLLABORATION_VALUES[normalizeToken(value)] ?? null;
}

export function parseInterventionAccess(value: string): InterventionAccess | null {
  return ACCESS_VALUES[normalizeToken(value)] ?? null;
}

const shown = (value: string) => (value.length > 30 ? `${value.slice(0, 30)}…` : value);

export function parseRatingsImport(
  text: string,
  context: {
    municipalities: ReadonlyMap<string, ImportMunicipality>;
    /** The counties the importer may change; null for everyone (an admin, the command line). */
    allowedCounties: ReadonlySet<string> | null;
  },
): ImportParseResult {
  const body = text.replace(/^\uFEFF/, "");
  if (!body.trim()) return { ok: false, problems: ["Filen är tom."] };

  const firstLine = body.slice(0, body.search(/\r?\n|$/));
  const delimiter = firstLine.includes(";") ? ";" : ",";
  const parsed = Papa.parse<string[]>(body, { delimiter, skipEmptyLines: false });
  const problems: string[] = [];
  for (const error of parsed.errors) {
    if (error.code === "UndetectableDelimiter") continue;
    const row = (error.row ?? 0) + 1;
    problems.push(
      error.code === "MissingQuotes"
        ? `Rad ${row}: ett citattecken (") avslutas aldrig.`
        : `Rad ${row}: raden kunde inte läsas (${error.message}).`,
    );
  }

  const [header = [], ...records] = parsed.data;
  const columns = new Map<Column, number>();
  header.forEach((cell, index) => {
    const column = HEADERS[normalizeToken(cell)];
    if (!column) return;
    if (columns.has(column)) problems.push(`Rubrikraden har kolumnen "${COLUMN_NAMES[column]}" två gånger.`);
    else columns.set(column, index);
  });
  for (const required of ["code", "collaboration", "interventionAccess"] as const) {
    if (!columns.has(required)) {
      problems.push(`Kolumnen "${COLUMN_NAMES[required]}" saknas i rubrikraden (första raden ska namnge kommunkod, samverkan och tillgång).`);
    }
  }
  if (!columns.has("code") || !columns.has("collaboration") || !columns.has("interventionAccess")) {
    return { ok: false, problems };
  }

  const rows: ImportRow[] = [];
  const skippedRows: number[] = [];
  const seen = new Map<string, number>();
  const cell = (record: string[], column: Column) => {
    const index = columns.get(column);
    return index === undefined ? undefined : (record[index] ?? "").trim();
  };

  records.forEach((record, i) => {
    const row = i + 2;
    if (record.every((c) => !c.trim())) return; // blank line
    const rawCode = cell(record, "code")!;
    const code = /^\d{3}$/.test(rawCode) ? `0${rawCode}` : rawCode;
    const municipality = /^\d{4}$/.test(code) ? context.municipalities.get(code) : undefined;
    const rowProblems: string[] = [];
    if (!rawCode) rowProblems.push("kommunkod saknas");
    else if (!municipality) rowProblems.push(`okänd kommunkod "${shown(rawCode)}"`);
    else {
      const earlier = seen.get(code);
      if (earlier) rowProblems.push(`${municipality.name} (${code}) finns redan på rad ${earlier}`);
      else seen.set(code, row);
      if (context.allowedCounties && !context.allowedCounties.has(municipality.countyCode)) {
        rowProblems.push(`${municipality.name} ligger i ${municipality.countyName}, utanför dina län`);
      }
    }

    const collaborationText = cell(record, "collaboration")!;
    const accessText = cell(record, "interventionAccess")!;
    const comment = cell(record, "comment");
    if (!collaborationText && !accessText) {
      // An unrated municipality (as the export writes it): nothing to import for it.
      if (rowProblems.length) problems.push(`Rad ${row}: ${rowProblems.join("; ")}.`);
      else skippedRows.push(row);
      return;
    }
    const collaboration = parseCollaboration(collaborationText);
    const interventionAccess = parseInterventionAccess(accessText);
    if (!collaborationText) rowProblems.push("samverkan saknas (bra eller behöver stärkas)");
    else if (!collaboration) rowProblems.push(`okänt värde för samverkan "${shown(collaborationText)}" (ange bra eller behöver stärkas)`);
    if (!accessText) rowProblems.push("tillgång saknas (tillfredsställande eller otillfredsställande)");
    else if (!interventionAccess) {
      rowProblems.push(`okänt värde för tillgång "${shown(accessText)}" (ange tillfredsställande eller otillfredsställande)`);
    }
    if (comment !== undefined) {
      if (comment.length > 2000) rowProblems.push("kommentaren är längre än 2000 tecken");
      if (hasForbiddenCharacters(comment)) rowProblems.push("kommentaren innehåller otillåtna tecken (styrtecken eller tecken som vänder textens riktning)");
    }
    if (rowProblems.length) {
      problems.push(`Rad ${row}: ${rowProblems.join("; ")}.`);
      return;
    }
    rows.push({ row, code, collaboration: collaboration!, interventionAccess: interventionAccess!, comment: comment?.replace(/\r\n/g, "\n") });
  });

  if (!problems.length && rows.length === 0) problems.push("Filen har inga rader med bedömningar.");
  if (problems.length) {
    const listed = problems.slice(0, MAX_LISTED_PROBLEMS);
    if (problems.length > listed.length) listed.push(`… och ${problems.length - listed.length} problem till.`);
    return { ok: false, problems: listed };
  }
  return { ok: true, rows, skippedRows, hasCommentColumn: columns.has("comment") };
}

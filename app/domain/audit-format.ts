import { formatDateSv, formatDateTimeSv } from "./dates";
import { ROLE_LABELS, type Role } from "./permissions";
import { ROUND_STATUS_LABELS, type RoundStatus } from "./round";

/**
 * The audit log's before/after values as readable Swedish: the JSON the log stores (English keys,
 * codes) becomes labelled lines ("Roller: Samordnare, Planerare", "Län: Hallands län"). Pure, so the
 * page and the CSV export show the same words.
 */

export type AuditLine = {
  /** The field's Swedish name ("" for a value that is not a set of fields). */
  label: string;
  value: string;
  /** True when the other side of the entry (before vs after) holds a different value for the field. */
  changed: boolean;
};

export type AuditNames = {
  /** County names by two-digit code, to show "Hallands län" for "13". */
  counties: ReadonlyMap<string, string>;
};

const yesNo = (value: unknown) => (value === true ? "Ja" : value === false ? "Nej" : text(value));

const LOGIN_FAILURE_REASONS: Record<string, string> = {
  unknown_email: "Okänd e-postadress",
  wrong_password: "Fel lösenord",
  inactive: "Avaktiverat konto",
};

type FieldFormat = { label: string; format?: (value: unknown, names: AuditNames) => string };

/**
 * Every field an audited write records, in the order shown. A field that is not here is shown with
 * its key as recorded: add new fields here with their Swedish name.
 */
export const AUDIT_FIELDS: Record<string, FieldFormat> = {
  name: { label: "Namn" },
  email: { label: "E-post" },
  roles: { label: "Roller", format: (v) => list(v, (r) => ROLE_LABELS[r as Role] ?? r) },
  countyCodes: { label: "Län", format: (v, n) => list(v, (c) => n.counties.get(c) ?? c) },
  counties: { label: "Län", format: (v, n) => list(v, (c) => n.counties.get(c) ?? c) },
  active: { label: "Aktivt konto", format: yesNo },
  mustChangePassword: { label: "Måste byta lösenord", format: yesNo },
  reason: { label: "Orsak", format: (v) => LOGIN_FAILURE_REASONS[String(v)] ?? text(v) },
  failuresInRow: { label: "Misslyckade försök i rad" },
  id: { label: "Id" },
  periodStart: { label: "Periodens början", format: (v) => date(v) },
  periodEnd: { label: "Periodens slut", format: (v) => date(v) },
  status: { label: "Status", format: (v) => ROUND_STATUS_LABELS[v as RoundStatus] ?? text(v) },
  example: { label: "Exempeldata", format: yesNo },
  assessments: { label: "Bedömningar" },
  createdAt: { label: "Skapad", format: (v) => timestamp(v) },
  source: { label: "Källa" },
  featureCount: { label: "Antal kommuner" },
  bytes: { label: "Storlek", format: (v) => (typeof v === "number" ? `${Math.max(1, Math.round(v / 1024))} KB` : text(v)) },
  hash: { label: "Innehållets kontrollsumma" },
};

function text(value: unknown): string {
  if (value === null || value === undefined || value === "") return "–";
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return JSON.stringify(value);
}

function list(value: unknown, name: (item: string) => string): string {
  if (!Array.isArray(value)) return text(value);
  return value.length ? value.map((item) => name(String(item))).join(", ") : "inga";
}

function date(value: unknown): string {
  return typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value) ? formatDateSv(value) : text(value);
}

function timestamp(value: unknown): string {
  return typeof value === "string" && !Number.isNaN(Date.parse(value)) ? formatDateTimeSv(value) : text(value);
}

function parse(json: string | null): { ok: true; value: unknown } | { ok: false } {
  if (json === null) return { ok: false };
  try {
    return { ok: true, value: JSON.parse(json) };
  } catch {
    return { ok: true, value: json };
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** One side of an entry as lines; `other` is the opposite side, to mark what changed. */
function describe(value: unknown, other: unknown, names: AuditNames): AuditLine[] {
  if (!isRecord(value)) return [{ label: "", value: text(value), changed: false }];
  const known = Object.keys(AUDIT_FIELDS);
  const keys = Object.keys(value).sort((a, b) => rank(a) - rank(b));
  function rank(key: string) {
    const i = known.indexOf(key);
    return i === -1 ? known.length : i;
  }
  return keys.map((key) => {
    const field = AUDIT_FIELDS[key];
    const shown = field?.format ? field.format(value[key], names) : text(value[key]);
    const changed = isRecord(other) && key in other && JSON.stringify(other[key]) !== JSON.stringify(value[key]);
    return { label: field?.label ?? key, value: shown, changed };
  });
}

/**
 * An audit entry's before and after (the stored JSON text, or null) as Swedish lines. A field present
 * on both sides with different values is marked `changed` on both.
 */
export function describeAuditChange(
  entry: { before: string | null; after: string | null },
  names: AuditNames,
): { before: AuditLine[]; after: AuditLine[] } {
  const before = parse(entry.before);
  const after = parse(entry.after);
  return {
    before: before.ok ? describe(before.value, after.ok ? after.value : undefined, names) : [],
    after: after.ok ? describe(after.value, before.ok ? before.value : undefined, names) : [],
  };
}

/** Lines as one cell of text (the CSV export): "Namn: Anna; Roller: Samordnare". Empty for no value. */
export function auditLinesText(lines: readonly AuditLine[]): string {
  return lines.map((l) => (l.label ? `${l.label}: ${l.value}` : l.value)).join("; ");
}

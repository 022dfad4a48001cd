import { z } from "zod";
import { isIsoDate } from "./fields";
import { quoteParam } from "./params";

/**
 * What the audit log records: every action and entity type, with its Swedish name. A write that is
 * audited names one of these (the types make a misspelt action a compile error).
 */
export const AUDIT_ACTION_LABELS = {
  "login.success": "Inloggning",
  "login.failure": "Misslyckad inloggning",
  logout: "Utloggning",
  "user.create": "Konto skapat",
  "user.update": "Konto ändrat",
  "user.activate": "Konto aktiverat",
  "user.deactivate": "Konto avaktiverat",
  "user.password_change": "Lösenord bytt",
  "user.password_reset": "Lösenord återställt",
  "user.password_check_failure": "Fel nuvarande lösenord vid lösenordsbyte",
  "round.seed_example": "Exempelkartläggning skapad",
  "round.seed_scale": "Testdata för belastningsprov skapad",
  "round.create": "Kartläggning skapad",
  "round.open": "Kartläggning öppnad",
  "round.close": "Kartläggning avslutad",
  "round.reopen": "Kartläggning öppnad igen",
  "assessment.save": "Bedömning sparad",
  "assessment.confirm": "Bedömning bekräftad oförändrad",
  "assessment.import": "Bedömningar importerade",
  "boundaries.import": "Kommungränser importerade",
  "indicator.value_set": "Indikatorvärde sparat",
  "indicator.value_delete": "Indikatorvärde borttaget",
  "indicator.import": "Indikatorvärden importerade",
  "indicator.seed_example": "Exempelvärden för indikatorer skapade",
  "meeting.create": "Dialogmöte bokat",
  "meeting.update": "Dialogmöte ändrat",
  "meeting.record": "Dialogmöte registrerat som genomfört",
  "meeting.cancel": "Dialogmöte inställt",
  "meeting.postpone": "Dialogmöte flyttat",
  "meeting.delete": "Dialogmöte borttaget",
  "meeting.import": "Dialogmöten importerade",
  "meeting.seed_example": "Exempelmöten skapade",
  "meeting.seed_scale": "Testmöten för belastningsprov skapade",
  "forum.create": "Forum skapat",
  "forum.update": "Forum ändrat",
  "forum.delete": "Forum borttaget",
  "material.create": "Dialogmaterial tillagt",
  "material.delete": "Dialogmaterial borttaget",
  "follow_up.update": "Uppföljning ändrad",
  "follow_up.done": "Uppföljning klarmarkerad",
  "follow_up.reopen": "Uppföljning återöppnad",
  "calendar.subscribe": "Kalenderprenumeration skapad",
  "calendar.revoke": "Kalenderprenumeration återkallad",
} as const satisfies Record<string, string>;
export type AuditAction = keyof typeof AUDIT_ACTION_LABELS;

export const AUDIT_ENTITY_LABELS = {
  session: "Inloggning",
  user: "Konto",
  assessment: "Bedömning",
  mapping_round: "Kartläggning",
  meeting: "Dialogmöte",
  forum: "Forum",
  dialogue_material: "Dialogmaterial",
  follow_up_action: "Uppföljning",
  calendar_subscription: "Kalenderprenumeration",
  boundary_set: "Kommungränser",
  indicator_value: "Indikatorvärde",
} as const satisfies Record<string, string>;
export type AuditEntityType = keyof typeof AUDIT_ENTITY_LABELS;

/** The Swedish name of a recorded action (one recorded by an older version shows as recorded). */
export function auditActionLabel(action: string): string {
  return (AUDIT_ACTION_LABELS as Record<string, string>)[action] ?? action;
}

export function auditEntityLabel(entityType: string): string {
  return (AUDIT_ENTITY_LABELS as Record<string, string>)[entityType] ?? entityType;
}

/** True for a type of change the log knows (the filter's `objekt`). */
export function isAuditEntityType(value: string): value is AuditEntityType {
  return Object.hasOwn(AUDIT_ENTITY_LABELS, value);
}

/** A real calendar date as YYYY-MM-DD (2025-02-30 is refused). */
const date = z.string().refine(isIsoDate, "Ange ett datum som finns, skrivet ÅÅÅÅ-MM-DD.");

/** The audit page's query string: person, entity type, date range, page. Bad values get a message. */
export const AuditQuerySchema = z
  .object({
    person: z.coerce
      .number({ invalid_type_error: "Okänd person." })
      .int("Okänd person.")
      .positive("Okänd person.")
      .max(999_999_999, "Okänd person.")
      .optional(),
    objekt: z
      .string()
      .max(50, "Okänd typ av ändring.")
      .refine(isAuditEntityType, (v) => ({ message: `Det finns ingen typ av ändring som heter "${quoteParam(v)}".` }))
      .optional(),
    fran: date.optional(),
    till: date.optional(),
    sida: z.coerce
      .number({ invalid_type_error: "Sidnumret ska vara ett heltal från 1." })
      .int("Sidnumret ska vara ett heltal från 1.")
      .min(1, "Sidnumret ska vara ett heltal från 1.")
      .max(100_000, "Sidnumret är för stort.")
      .default(1),
  })
  .refine((q) => !q.fran || !q.till || q.fran <= q.till, { path: ["till"], message: "Slutdatum före startdatum." });

export type AuditQuery = z.infer<typeof AuditQuerySchema>;
type AuditParam = "person" | "objekt" | "fran" | "till" | "sida";

const PARAM_NAMES: Record<AuditParam, string> = {
  person: "person",
  objekt: "typ av ändring",
  fran: "från och med",
  till: "till och med",
  sida: "sida",
};

/**
 * Parses the query; a bad parameter is dropped (and reported), the rest still filters. With `actorIds`
 * (the people who appear in the log), a person who does not is reported and dropped too, rather than
 * filtering silently down to nothing.
 */
export function parseAuditQuery(
  params: URLSearchParams,
  known: { actorIds?: ReadonlySet<number> } = {},
): { query: AuditQuery; problems: string[]; ignored: AuditParam[] } {
  const keys: AuditParam[] = ["person", "objekt", "fran", "till", "sida"];
  const raw: Partial<Record<AuditParam, string>> = Object.fromEntries(keys.map((k) => [k, params.get(k) || undefined]));
  const parsed = AuditQuerySchema.safeParse(raw);
  let query: AuditQuery;
  let problems: string[] = [];
  let ignored: AuditParam[] = [];
  if (parsed.success) {
    query = parsed.data;
  } else {
    ignored = [...new Set(parsed.error.issues.map((i) => String(i.path[0]) as AuditParam))];
    problems = parsed.error.issues.map((i) => i.message);
    const retry = AuditQuerySchema.safeParse(Object.fromEntries(Object.entries(raw).filter(([k]) => !ignored.includes(k as AuditParam))));
    query = retry.success ? retry.data : { sida: 1 };
  }
  if (query.person !== undefined && known.actorIds && !known.actorIds.has(query.person)) {
    problems.push(`Personen med id ${query.person} finns inte i loggen.`);
    ignored.push("person");
    const { person: _dropped, ...rest } = query;
    query = rest;
  }
  return { query, problems, ignored };
}

/** "Filtret på person används inte." / "Filtren på typ av ändring och till och med används inte." */
export function ignoredFiltersText(ignored: readonly AuditParam[]): string {
  if (ignored.length === 0) return "";
  const names = ignored.map((k) => PARAM_NAMES[k]);
  const joined = names.length === 1 ? names[0] : `${names.slice(0, -1).join(", ")} och ${names[names.length - 1]}`;
  return names.length === 1 ? `Filtret på ${joined} används inte.` : `Filtren på ${joined} används inte.`;
}

/** True when the query narrows the log (anything but the page number). */
export function isFiltered(query: AuditQuery): boolean {
  return query.person !== undefined || query.objekt !== undefined || query.fran !== undefined || query.till !== undefined;
}

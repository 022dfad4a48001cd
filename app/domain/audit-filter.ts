import { z } from "zod";

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
  "round.create": "Kartläggning skapad",
  "round.open": "Kartläggning öppnad",
  "round.close": "Kartläggning avslutad",
  "round.reopen": "Kartläggning öppnad igen",
  "assessment.save": "Bedömning sparad",
  "assessment.confirm": "Bedömning bekräftad oförändrad",
  "assessment.import": "Bedömningar importerade",
  "boundaries.import": "Kommungränser importerade",
} as const satisfies Record<string, string>;
export type AuditAction = keyof typeof AUDIT_ACTION_LABELS;

export const AUDIT_ENTITY_LABELS = {
  session: "Inloggning",
  user: "Konto",
  assessment: "Bedömning",
  mapping_round: "Kartläggning",
  meeting: "Dialogmöte",
  boundary_set: "Kommungränser",
} as const satisfies Record<string, string>;
export type AuditEntityType = keyof typeof AUDIT_ENTITY_LABELS;

/** The Swedish name of a recorded action (one recorded by an older version shows as recorded). */
export function auditActionLabel(action: string): string {
  return (AUDIT_ACTION_LABELS as Record<string, string>)[action] ?? action;
}

export function auditEntityLabel(entityType: string): string {
  return (AUDIT_ENTITY_LABELS as Record<string, string>)[entityType] ?? entityType;
}

/** A real calendar date as YYYY-MM-DD (2025-02-30 is refused). */
const date = z.string().refine((d) => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(d)) return false;
  const parsed = new Date(`${d}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === d;
}, "Ange ett datum som finns, skrivet ÅÅÅÅ-MM-DD.");

/** The audit page's query string: person, entity type, date range, page. Bad values get a message. */
export const AuditQuerySchema = z
  .object({
    person: z.coerce
      .number({ invalid_type_error: "Okänd person." })
      .int("Okänd person.")
      .positive("Okänd person.")
      .max(999_999_999, "Okänd person.")
      .optional(),
    objekt: z.string().max(50, "Okänd typ.").regex(/^[a-z_]+$/, "Okänd typ.").optional(),
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

/** Parses the query; a bad parameter is dropped (and reported), the rest still filters. */
export function parseAuditQuery(params: URLSearchParams): { query: AuditQuery; problems: string[] } {
  const raw = Object.fromEntries(
    ["person", "objekt", "fran", "till", "sida"].map((k) => [k, params.get(k) || undefined]),
  );
  const parsed = AuditQuerySchema.safeParse(raw);
  if (parsed.success) return { query: parsed.data, problems: [] };
  const bad = new Set(parsed.error.issues.map((i) => String(i.path[0])));
  const problems = parsed.error.issues.map((i) => i.message);
  const retry = AuditQuerySchema.safeParse(Object.fromEntries(Object.entries(raw).filter(([k]) => !bad.has(k))));
  return { query: retry.success ? retry.data : { sida: 1 }, problems };
}

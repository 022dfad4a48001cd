import { and, asc, eq, sql } from "drizzle-orm";
import { getDb, type Db } from "../../db/client.server";
import { auditLog, indicators, indicatorValues } from "../../db/schema";
import { EXAMPLE_INDICATOR_SOURCE, exampleIndicatorValues } from "../domain/example-indicators";
import { INDICATOR_CATALOGUE, periodSortKey } from "../domain/indicators";
import { appendAudit, SYSTEM_ACTOR, type Actor } from "./audit.server";

export type IndicatorValueInput = {
  indicatorKey: string;
  period: string;
  countyCode: string | null;
  value: number;
  source: string;
  note: string;
};

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

/** Adds the catalogue's indicators that are missing (keyed on `key`); names an admin changed are kept. */
export function ensureIndicatorCatalogue(): number {
  return getDb().transaction((tx) => {
    let added = 0;
    INDICATOR_CATALOGUE.forEach((indicator, position) => {
      added += tx
        .insert(indicators)
        .values({ ...indicator, position })
        .onConflictDoNothing()
        .run().changes;
    });
    return added;
  });
}

/**
 * The example values for 2023–2026, once: on the first start (an audit entry marks that it happened,
 * so values someone removed do not come back at the next start).
 */
export function ensureExampleIndicatorValues(): { created: boolean } {
  return getDb().transaction((tx) => {
    const done = tx
      .select({ id: auditLog.id })
      .from(auditLog)
      .where(eq(auditLog.action, "indicator.seed_example"))
      .get();
    if (done) return { created: false };
    const now = new Date().toISOString();
    let count = 0;
    for (const v of exampleIndicatorValues()) {
      count += tx
        .insert(indicatorValues)
        .values({ ...v, place: v.countyCode ?? "", source: EXAMPLE_INDICATOR_SOURCE, note: "", example: true, updatedAt: now })
        .onConflictDoNothing()
        .run().changes;
    }
    appendAudit(tx, {
      actor: SYSTEM_ACTOR,
      action: "indicator.seed_example",
      entityType: "indicator_value",
      after: { values: count },
    });
    return { created: true };
  });
}

export function listIndicators() {
  return getDb().select().from(indicators).orderBy(asc(indicators.position), asc(indicators.key)).all();
}

export type StoredIndicatorValue = {
  id: number;
  indicatorKey: string;
  period: string;
  countyCode: string | null;
  value: number;
  source: string;
  note: string;
  example: boolean;
  updatedAt: string;
};

/** Every stored value, in catalogue order, then by period in time order, the whole country first. */
export function listIndicatorValues(): StoredIndicatorValue[] {
  const rows = getDb()
    .select({
      id: indicatorValues.id,
      indicatorKey: indicatorValues.indicatorKey,
      period: indicatorValues.period,
      countyCode: indicatorValues.countyCode,
      value: indicatorValues.value,
      source: indicatorValues.source,
      note: indicatorValues.note,
      example: indicatorValues.example,
      updatedAt: indicatorValues.updatedAt,
      position: indicators.position,
    })
    .from(indicatorValues)
    .innerJoin(indicators, eq(indicators.key, indicatorValues.indicatorKey))
    .all();
  rows.sort(
    (a, b) =>
      a.position - b.position ||
      periodSortKey(a.period).localeCompare(periodSortKey(b.period)) ||
      (a.countyCode ?? "").localeCompare(b.countyCode ?? ""),
  );
  return rows.map(({ position: _position, ...rest }) => rest);
}

/** The national values of whole years (for the report and its charts). */
export function listNationalYearValues() {
  return getDb()
    .select({ indicatorKey: indicatorValues.indicatorKey, period: indicatorValues.period, value: indicatorValues.value, example: indicatorValues.example })
    .from(indicatorValues)
    .where(and(eq(indicatorValues.place, ""), sql`length(${indicatorValues.period}) = 4`))
    .all();
}

function findValue(tx: Tx, key: { indicatorKey: string; period: string; countyCode: string | null }) {
  return tx
    .select()
    .from(indicatorValues)
    .where(
      and(
        eq(indicatorValues.indicatorKey, key.indicatorKey),
        eq(indicatorValues.period, key.period),
        eq(indicatorValues.place, key.countyCode ?? ""),
      ),
    )
    .get();
}

type WriteOutcome = "added" | "changed" | "unchanged";

/** Inserts or updates one value inside `tx`; an identical value is left alone (imports are idempotent). */
function writeValue(tx: Tx, input: IndicatorValueInput, actor: Actor, now: string) {
  const existing = findValue(tx, input);
  const after = { ...input, example: false };
  if (!existing) {
    const row = tx
      .insert(indicatorValues)
      .values({ ...input, place: input.countyCode ?? "", example: false, updatedBy: actor.id, updatedAt: now })
      .returning({ id: indicatorValues.id })
      .get();
    return { outcome: "added" as WriteOutcome, id: row.id, before: null, after };
  }
  const before = {
    indicatorKey: existing.indicatorKey,
    period: existing.period,
    countyCode: existing.countyCode,
    value: existing.value,
    source: existing.source,
    note: existing.note,
    example: existing.example,
  };
  if (existing.value === input.value && existing.source === input.source && existing.note === input.note && !existing.example) {
    return { outcome: "unchanged" as WriteOutcome, id: existing.id, before, after };
  }
  tx.update(indicatorValues)
    .set({ value: input.value, source: input.source, note: input.note, example: false, updatedBy: actor.id, updatedAt: now })
    .where(eq(indicatorValues.id, existing.id))
    .run();
  return { outcome: "changed" as WriteOutcome, id: existing.id, before, after };
}

/** Saves one value from the entry form, audited in the same transaction. */
export function saveIndicatorValue(input: IndicatorValueInput, actor: Actor) {
  return getDb().transaction((tx) => {
    const result = writeValue(tx, input, actor, new Date().toISOString());
    if (result.outcome !== "unchanged") {
      appendAudit(tx, {
        actor,
        action: "indicator.value_set",
        entityType: "indicator_value",
        entityId: result.id,
        before: result.before,
        after: result.after,
      });
    }
    return result.outcome;
  });
}

/** Removes one value (a mistake), audited. False when there was no such value. */
export function deleteIndicatorValue(id: number, actor: Actor): boolean {
  return getDb().transaction((tx) => {
    const existing = tx.select().from(indicatorValues).where(eq(indicatorValues.id, id)).get();
    if (!existing) return false;
    tx.delete(indicatorValues).where(eq(indicatorValues.id, id)).run();
    appendAudit(tx, { actor, action: "indicator.value_delete", entityType: "indicator_value", entityId: id, before: existing });
    return true;
  });
}

/**
 * Stores an import's rows in one transaction (the rows are already valid: parseIndicatorCsv refused
 * the file otherwise). Rows identical to what is stored change nothing, so importing the same file
 * twice is harmless. One audit entry lists what changed.
 */
export function importIndicatorValues(rows: readonly IndicatorValueInput[], actor: Actor, options: { fileName?: string } = {}) {
  return getDb().transaction((tx) => {
    const now = new Date().toISOString();
    const counts: Record<WriteOutcome, number> = { added: 0, changed: 0, unchanged: 0 };
    const changes: { before: unknown; after: unknown }[] = [];
    for (const row of rows) {
      const result = writeValue(tx, row, actor, now);
      counts[result.outcome] += 1;
      if (result.outcome !== "unchanged") changes.push({ before: result.before, after: result.after });
    }
    if (changes.length > 0) {
      appendAudit(tx, {
        actor,
        action: "indicator.import",
        entityType: "indicator_value",
        after: { file: options.fileName ?? null, ...counts, changes },
      });
    }
    return counts;
  });
}

export function countIndicatorValues(): number {
  return getDb().select({ n: sql<number>`count(*)` }).from(indicatorValues).get()?.n ?? 0;
}

import { desc, eq, ne } from "drizzle-orm";
import { getDb } from "../../db/client.server";
import { assessments, assessmentHistory, mappingRounds, municipalities } from "../../db/schema";
import { exampleRatings } from "../domain/example-ratings";
import { appendAudit, SYSTEM_ACTOR } from "./audit.server";

export const EXAMPLE_ROUND = {
  name: "Kartläggning februari 2025",
  periodStart: "2025-02-01",
  periodEnd: "2025-02-28",
} as const;

/** Newest period first. */
export function listRounds() {
  return getDb()
    .select()
    .from(mappingRounds)
    .orderBy(desc(mappingRounds.periodStart), desc(mappingRounds.id))
    .all();
}

export function getRound(id: number) {
  return getDb().select().from(mappingRounds).where(eq(mappingRounds.id, id)).get();
}

/** The round shown by default: the newest one that has started (open or closed), else the newest. */
export function getLatestRound() {
  const db = getDb();
  return (
    db
      .select()
      .from(mappingRounds)
      .where(ne(mappingRounds.status, "planned"))
      .orderBy(desc(mappingRounds.periodStart), desc(mappingRounds.id))
      .get() ??
    db.select().from(mappingRounds).orderBy(desc(mappingRounds.periodStart), desc(mappingRounds.id)).get()
  );
}

/**
 * Creates the February 2025 round with example ratings, once. Keyed on the round's name: a database
 * that already has it (or had it renamed and then recreated it) is left alone.
 */
export function ensureExampleRound(): { created: boolean; roundId: number } {
  return getDb().transaction((tx) => {
    const existing = tx
      .select({ id: mappingRounds.id })
      .from(mappingRounds)
      .where(eq(mappingRounds.name, EXAMPLE_ROUND.name))
      .get();
    if (existing) return { created: false, roundId: existing.id };

    const round = tx
      .insert(mappingRounds)
      .values({ ...EXAMPLE_ROUND, status: "closed", example: true })
      .returning()
      .get();
    // Dated to the end of the mapped period, when the published assessments were made.
    const now = `${EXAMPLE_ROUND.periodEnd}T12:00:00.000Z`;
    const all = tx.select({ code: municipalities.code, countyCode: municipalities.countyCode }).from(municipalities).all();
    for (const rating of exampleRatings(all)) {
      const row = tx
        .insert(assessments)
        .values({ roundId: round.id, ...rating, comment: "", updatedAt: now, version: 1 })
        .returning()
        .get();
      tx.insert(assessmentHistory)
        .values({
          assessmentId: row.id,
          roundId: round.id,
          municipalityCode: row.municipalityCode,
          collaboration: row.collaboration,
          interventionAccess: row.interventionAccess,
          comment: row.comment,
          version: row.version,
          changedAt: now,
        })
        .run();
    }
    appendAudit(tx, {
      actor: SYSTEM_ACTOR,
      action: "round.seed_example",
      entityType: "mapping_round",
      entityId: round.id,
      after: { ...round, assessments: all.length },
    });
    return { created: true, roundId: round.id };
  });
}

export function hasAssessments(roundId: number): boolean {
  return !!getDb()
    .select({ id: assessments.id })
    .from(assessments)
    .where(eq(assessments.roundId, roundId))
    .get();
}

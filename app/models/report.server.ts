import { sql } from "drizzle-orm";
import { getDb } from "../../db/client.server";
import { assessments, municipalities } from "../../db/schema";
import { categorize, type Category, type Collaboration, type InterventionAccess } from "../domain/rating";

export type CategoryCounts = Record<Category, number>;

/**
 * Category counts of every round in one grouped query (the report's history chart covers every round;
 * reading 290 rows per round would cost more). Municipalities without an assessment are `unrated`.
 */
export function categoryCountsByRound(): Map<number, CategoryCounts> {
  const db = getDb();
  const total = db.select({ n: sql<number>`count(*)` }).from(municipalities).get()?.n ?? 0;
  const rows = db
    .select({
      roundId: assessments.roundId,
      collaboration: assessments.collaboration,
      interventionAccess: assessments.interventionAccess,
      n: sql<number>`count(*)`,
    })
    .from(assessments)
    .groupBy(assessments.roundId, assessments.collaboration, assessments.interventionAccess)
    .all();
  const byRound = new Map<number, CategoryCounts>();
  for (const r of rows) {
    const counts = byRound.get(r.roundId) ?? { good: 0, access_gap: 0, needs_strengthening: 0, unrated: total };
    const category = categorize(r.collaboration as Collaboration, r.interventionAccess as InterventionAccess);
    counts[category] += r.n;
    counts.unrated -= r.n;
    byRound.set(r.roundId, counts);
  }
  return byRound;
}

export function countMunicipalities(): number {
  return getDb().select({ n: sql<number>`count(*)` }).from(municipalities).get()?.n ?? 0;
}

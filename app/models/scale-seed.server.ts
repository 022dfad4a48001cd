import { eq } from "drizzle-orm";
import { getDb } from "../../db/client.server";
import { assessmentHistory, assessments, mappingRounds, municipalities } from "../../db/schema";
import type { ScaleRound } from "../domain/scale-seed";
import { appendAudit, type Actor } from "./audit.server";

export function listMunicipalityCodes(): string[] {
  return getDb()
    .select({ code: municipalities.code })
    .from(municipalities)
    .orderBy(municipalities.code)
    .all()
    .map((m) => m.code);
}

/**
 * Writes one generated round (closed, marked as example data) with its assessments and their
 * history, audited, in one transaction. A round whose name exists is left alone.
 */
export function insertScaleRound(round: ScaleRound, actor: Actor): { created: boolean; assessments: number; versions: number } {
  return getDb().transaction((tx) => {
    const existing = tx.select({ id: mappingRounds.id }).from(mappingRounds).where(eq(mappingRounds.name, round.name)).get();
    if (existing) return { created: false, assessments: 0, versions: 0 };
    const row = tx
      .insert(mappingRounds)
      .values({ name: round.name, periodStart: round.periodStart, periodEnd: round.periodEnd, status: "closed", example: true })
      .returning()
      .get();
    let versions = 0;
    for (const a of round.assessments) {
      const last = a.versions.at(-1)!;
      const assessment = tx
        .insert(assessments)
        .values({
          roundId: row.id,
          municipalityCode: a.municipalityCode,
          collaboration: last.collaboration,
          interventionAccess: last.interventionAccess,
          comment: last.comment,
          updatedAt: last.changedAt,
          version: a.versions.length,
        })
        .returning({ id: assessments.id })
        .get();
      tx.insert(assessmentHistory)
        .values(
          a.versions.map((v, i) => ({
            assessmentId: assessment.id,
            roundId: row.id,
            municipalityCode: a.municipalityCode,
            collaboration: v.collaboration,
            interventionAccess: v.interventionAccess,
            comment: v.comment,
            version: i + 1,
            changedAt: v.changedAt,
          })),
        )
        .run();
      versions += a.versions.length;
    }
    appendAudit(tx, {
      actor,
      action: "round.seed_scale",
      entityType: "mapping_round",
      entityId: row.id,
      after: { ...row, assessments: round.assessments.length, versions },
    });
    return { created: true, assessments: round.assessments.length, versions };
  });
}

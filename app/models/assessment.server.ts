import { and, asc, desc, eq } from "drizzle-orm";
import { getDb } from "../../db/client.server";
import { assessments, counties, mappingRounds, municipalities } from "../../db/schema";
import { sortSwedish } from "../domain/collation";
import { MUNICIPALITY_COLUMNS } from "./register.server";
import { categorize, type Category } from "../domain/rating";
import type { Collaboration, InterventionAccess } from "../domain/rating";

export type MunicipalityRating = {
  code: string;
  name: string;
  countyCode: string;
  countyName: string;
  latitude: number;
  longitude: number;
  collaboration: Collaboration | null;
  interventionAccess: InterventionAccess | null;
  comment: string | null;
  category: Category;
};

/** All 290 municipalities with their rating in one round (null when unrated), in Swedish order. */
export function listMunicipalityRatings(roundId: number | null): MunicipalityRating[] {
  const db = getDb();
  const rows = db
    .select({
      ...MUNICIPALITY_COLUMNS,
      collaboration: assessments.collaboration,
      interventionAccess: assessments.interventionAccess,
      comment: assessments.comment,
    })
    .from(municipalities)
    .innerJoin(counties, eq(counties.code, municipalities.countyCode))
    .leftJoin(
      assessments,
      and(eq(assessments.municipalityCode, municipalities.code), eq(assessments.roundId, roundId ?? -1)),
    )
    .all();
  return sortSwedish(
    rows.map((r) => ({ ...r, category: categorize(r.collaboration, r.interventionAccess) })),
    (r) => r.name,
  );
}

/** A municipality's rating in every round so far, newest round first (unrated rounds included). */
export function listRatingsForMunicipality(code: string) {
  return getDb()
    .select({
      roundId: mappingRounds.id,
      roundName: mappingRounds.name,
      periodStart: mappingRounds.periodStart,
      periodEnd: mappingRounds.periodEnd,
      status: mappingRounds.status,
      example: mappingRounds.example,
      collaboration: assessments.collaboration,
      interventionAccess: assessments.interventionAccess,
      comment: assessments.comment,
      updatedAt: assessments.updatedAt,
    })
    .from(mappingRounds)
    .leftJoin(
      assessments,
      and(eq(assessments.roundId, mappingRounds.id), eq(assessments.municipalityCode, code)),
    )
    .orderBy(desc(mappingRounds.periodStart), asc(mappingRounds.id))
    .all()
    .map((r) => ({ ...r, category: categorize(r.collaboration, r.interventionAccess) }));
}

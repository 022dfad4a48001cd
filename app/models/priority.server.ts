import { sql } from "drizzle-orm";
import { getDb, type Db } from "../../db/client.server";
import { categorize, type Category, type Collaboration, type InterventionAccess } from "../domain/rating";

/**
 * Every municipality's category in a round and in the round before it, in one query (the priority
 * list needs both; it sorts by its own rules, so no Swedish sort here).
 */
export function listCategoriesForPriority(roundId: number, previousRoundId: number | null) {
  return getDb()
    .all<{
      code: string;
      name: string;
      county_code: string;
      county_name: string;
      c: Collaboration | null;
      a: InterventionAccess | null;
      pc: Collaboration | null;
      pa: InterventionAccess | null;
    }>(sql`select k.code, k.name, k.county_code, l.name as county_name,
        cur.collaboration as c, cur.intervention_access as a, prev.collaboration as pc, prev.intervention_access as pa
      from municipalities k join counties l on l.code = k.county_code
      left join assessments cur on cur.municipality_code = k.code and cur.round_id = ${roundId}
      left join assessments prev on prev.municipality_code = k.code and prev.round_id = ${previousRoundId ?? -1}`)
    .map((r) => ({
      code: r.code,
      name: r.name,
      countyCode: r.county_code,
      countyName: r.county_name,
      category: categorize(r.c, r.a),
      previousCategory: (previousRoundId === null ? null : categorize(r.pc, r.pa)) as Category | null,
    }));
}

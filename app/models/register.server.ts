import { asc, eq, sql } from "drizzle-orm";
import { getDb } from "../../db/client.server";
import { counties, municipalities } from "../../db/schema";
import type { RegisterCounty, RegisterMunicipality } from "../../data/register";
import { sortSwedish } from "../domain/collation";
import { preparedQuery } from "./prepared.server";

/**
 * Loads the register keyed on the official codes. Rows that already match are left alone, so a
 * second load writes nothing; a corrected name or point in a new release of the data is updated.
 * Returns how many rows were inserted or changed.
 */
export function loadRegister(register: {
  counties: readonly RegisterCounty[];
  municipalities: readonly RegisterMunicipality[];
}): number {
  return getDb().transaction((tx) => {
    let changed = 0;
    for (const county of register.counties) {
      changed += tx
        .insert(counties)
        .values(county)
        .onConflictDoUpdate({
          target: counties.code,
          set: { name: county.name },
          setWhere: sql`${counties.name} IS NOT ${county.name}`,
        })
        .run().changes;
    }
    for (const m of register.municipalities) {
      changed += tx
        .insert(municipalities)
        .values(m)
        .onConflictDoUpdate({
          target: municipalities.code,
          set: { name: m.name, countyCode: m.countyCode, latitude: m.latitude, longitude: m.longitude },
          setWhere: sql`${municipalities.name} IS NOT ${m.name} OR ${municipalities.countyCode} IS NOT ${m.countyCode}
            OR ${municipalities.latitude} IS NOT ${m.latitude} OR ${municipalities.longitude} IS NOT ${m.longitude}`,
        })
        .run().changes;
    }
    return changed;
  });
}

/** The counties in Swedish order. */
export function listCounties() {
  return sortSwedish(getDb().select().from(counties).orderBy(asc(counties.code)).all(), (c) => c.name);
}

export function getCounty(code: string) {
  return getDb().select().from(counties).where(eq(counties.code, code)).get();
}

/** The columns every municipality listing selects (join `counties` on the county code). */
export const MUNICIPALITY_COLUMNS = {
  code: municipalities.code,
  name: municipalities.name,
  countyCode: municipalities.countyCode,
  countyName: counties.name,
  latitude: municipalities.latitude,
  longitude: municipalities.longitude,
};

// Every municipality page, save and permission check reads one: prepared once per connection.
const municipalityByCode = preparedQuery(() =>
  getDb()
    .select(MUNICIPALITY_COLUMNS)
    .from(municipalities)
    .innerJoin(counties, eq(counties.code, municipalities.countyCode))
    .where(eq(municipalities.code, sql.placeholder("code")))
    .prepare(),
);

export function getMunicipality(code: string) {
  return municipalityByCode().get({ code });
}

export function countMunicipalities(): number {
  return getDb().select({ n: sql<number>`count(*)` }).from(municipalities).get()?.n ?? 0;
}

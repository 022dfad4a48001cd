import { can } from "../domain/permissions";
import { MAX_IMPORT_BYTES, parseRatingsImport, type ImportMunicipality } from "../domain/ratings-import";
import { getDb } from "../../db/client.server";
import { counties, municipalities } from "../../db/schema";
import { eq } from "drizzle-orm";
import type { CurrentUser } from "./session.server";

/** The register as the import needs it: code → name, county code and county name. */
export function importRegister(): Map<string, ImportMunicipality> {
  return new Map(
    getDb()
      .select({ code: municipalities.code, name: municipalities.name, countyCode: municipalities.countyCode, countyName: counties.name })
      .from(municipalities)
      .innerJoin(counties, eq(counties.code, municipalities.countyCode))
      .all()
      .map((m) => [m.code, { name: m.name, countyCode: m.countyCode, countyName: m.countyName }]),
  );
}

/**
 * A file's text: UTF-8 (with or without BOM), or Windows-1252 when it is not valid UTF-8 (what Excel
 * on a Swedish Windows writes for "CSV (semikolonavgränsad)").
 */
export function decodeImportFile(bytes: Uint8Array): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder("windows-1252").decode(bytes);
  }
}

/** Reads and checks an import for a user: their counties limit what it may touch (admins: all). */
export function parseImportFor(user: CurrentUser | null, text: string) {
  const allowedCounties = user && !can(user, "update:rating") ? new Set(user.countyCodes) : null;
  return parseRatingsImport(text, { municipalities: importRegister(), allowedCounties });
}

export { MAX_IMPORT_BYTES };

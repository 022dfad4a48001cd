import crypto from "node:crypto";
import fs from "node:fs/promises";
import zlib from "node:zlib";
import { registerMunicipalities } from "../../data/register";
import { prepareBorders } from "../domain/geo/prepare";
import type { Actor } from "../models/audit.server";
import { getCurrentBoundarySet, saveBoundarySet } from "../models/boundary.server";

/** The payload budget from the issue: borders for all 290 municipalities within 50 KB gzip. */
export const BORDER_BUDGET_GZIP_BYTES = 50 * 1024;

export class GeoSourceError extends Error {}

/** Reads a file path or fetches an http(s) URL; a failure becomes one Swedish sentence. */
export async function readGeoSource(source: string, timeoutMs = 30_000): Promise<string> {
  if (/^https?:\/\//i.test(source)) {
    let response: Response;
    try {
      response = await fetch(source, { signal: AbortSignal.timeout(timeoutMs), redirect: "follow" });
    } catch (error) {
      const cause = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).name;
      throw new GeoSourceError(`Kunde inte hämta ${source} (${cause}).`);
    }
    if (!response.ok) throw new GeoSourceError(`Kunde inte hämta ${source}: servern svarade ${response.status}.`);
    return response.text();
  }
  try {
    return await fs.readFile(source, "utf8");
  } catch (error) {
    const code = (error as { code?: string }).code;
    const reason = code === "ENOENT" ? "filen finns inte" : code === "EISDIR" ? "det är en katalog" : code;
    throw new GeoSourceError(`Kunde inte läsa ${source}: ${reason}.`);
  }
}

export type ImportResult =
  | { ok: true; hash: string; featureCount: number; bytes: number; gzipBytes: number; codeProperty: string; reprojected: boolean }
  | { ok: false; problems: string[] };

/**
 * Validates and converts the text, then stores it: all the computing happens before the (synchronous)
 * transaction, which only writes the row and its audit entry. Nothing is stored when anything is wrong.
 */
export function importBorders(
  input: { text: string; source: string; codeProperty?: string },
  actor: Actor,
): ImportResult {
  const prepared = prepareBorders(input.text, registerMunicipalities, { codeProperty: input.codeProperty });
  if (!prepared.ok) return prepared;
  const topology = JSON.stringify(prepared.topology);
  const gzipBytes = zlib.gzipSync(topology).length;
  if (gzipBytes > BORDER_BUDGET_GZIP_BYTES) {
    return {
      ok: false,
      problems: [`Gränserna blir ${Math.round(gzipBytes / 1024)} KB komprimerade, mer än taket på 50 KB.`],
    };
  }
  const hash = crypto.createHash("sha256").update(topology).digest("hex").slice(0, 20);
  saveBoundarySet({ topology, hash, source: input.source, featureCount: prepared.featureCount }, actor);
  return {
    ok: true,
    hash,
    featureCount: prepared.featureCount,
    bytes: topology.length,
    gzipBytes,
    codeProperty: prepared.codeProperty,
    reprojected: prepared.sourceCrs !== "wgs84",
  };
}

/**
 * GEO_SOURCE_URL at start: imports once, when no borders are stored yet. Never stops the server: when
 * the source is unreachable or refused, the map keeps its circles and the reason goes to the log.
 */
export async function importBordersOnFirstStart(
  source: string,
  actor: Actor,
): Promise<{ imported: boolean; reason?: string }> {
  if (getCurrentBoundarySet()) return { imported: false, reason: "borders already stored" };
  let text: string;
  try {
    text = await readGeoSource(source, 20_000);
  } catch (error) {
    return { imported: false, reason: (error as Error).message };
  }
  const result = importBorders({ text, source }, actor);
  return result.ok ? { imported: true } : { imported: false, reason: result.problems.join(" ") };
}

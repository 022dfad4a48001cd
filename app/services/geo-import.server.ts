import crypto from "node:crypto";
import { readFileSync } from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";
import zlib from "node:zlib";
import { registerMunicipalities } from "../../data/register";
import { prepareBorders } from "../domain/geo/prepare";
import { borderTopologyProblems } from "../domain/geo/topology";
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

/** A border set ready to store: the TopoJSON text exactly as served, its content hash and sizes. */
export type PreparedBorderSet = {
  topology: string;
  hash: string;
  featureCount: number;
  bytes: number;
  gzipBytes: number;
  codeProperty: string;
  reprojected: boolean;
};

/** The content hash that names a border set in its URL (`/karta/granser/<hash>`). */
export function borderSetHash(topology: string): string {
  return crypto.createHash("sha256").update(topology).digest("hex").slice(0, 20);
}

function overBudget(gzipBytes: number): string | null {
  return gzipBytes > BORDER_BUDGET_GZIP_BYTES
    ? `Gränserna blir ${Math.round(gzipBytes / 1024)} KB komprimerade, mer än taket på 50 KB.`
    : null;
}

/**
 * The whole import without storing anything: validation and conversion (`prepareBorders`), then the
 * payload budget. `geo:import`, GEO_SOURCE_URL and `borders:generate` (the borders the product ships)
 * all go through here, so they accept and produce the same thing.
 */
export function prepareBorderSet(input: {
  text: string;
  codeProperty?: string;
}): { ok: true; set: PreparedBorderSet } | { ok: false; problems: string[] } {
  const prepared = prepareBorders(input.text, registerMunicipalities, { codeProperty: input.codeProperty });
  if (!prepared.ok) return prepared;
  const topology = JSON.stringify(prepared.topology);
  const gzipBytes = zlib.gzipSync(topology).length;
  const problem = overBudget(gzipBytes);
  if (problem) return { ok: false, problems: [problem] };
  return {
    ok: true,
    set: {
      topology,
      hash: borderSetHash(topology),
      featureCount: prepared.featureCount,
      bytes: topology.length,
      gzipBytes,
      codeProperty: prepared.codeProperty,
      reprojected: prepared.sourceCrs !== "wgs84",
    },
  };
}

export type ImportResult = ({ ok: true } & Omit<PreparedBorderSet, "topology">) | { ok: false; problems: string[] };

/**
 * Validates and converts the text, then stores it: all the computing happens before the (synchronous)
 * transaction, which only writes the row and its audit entry. Nothing is stored when anything is wrong.
 */
export function importBorders(
  input: { text: string; source: string; codeProperty?: string },
  actor: Actor,
): ImportResult {
  const prepared = prepareBorderSet(input);
  if (!prepared.ok) return prepared;
  const { topology, ...set } = prepared.set;
  saveBoundarySet({ topology, hash: set.hash, source: input.source, featureCount: set.featureCount }, actor);
  return { ok: true, ...set };
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

/**
 * The borders the product ships: Valmyndigheten's municipality borders as simplified and published for
 * reuse in okfse/sweden-geojson, run through the import pipeline by `npm run borders:generate` and
 * committed. Read at run time from the product's own `data/`, never from the source.
 */
export const SHIPPED_BORDERS_FILE = "data/borders.topo.json";
export const SHIPPED_BORDERS_SOURCE = "Valmyndigheten via okfse/sweden-geojson (data/borders.topo.json)";
/** The credit the map shows under the shipped borders. */
export const SHIPPED_BORDERS_ATTRIBUTION = "Kommungränser: Valmyndigheten (okfse/sweden-geojson)";

let shippedHash: string | null | undefined;

/**
 * The credit for a stored border set: the shipped borders' (also when the same data came in through
 * geo:import), none for borders from elsewhere, whose source the operator knows.
 */
export function bordersAttribution(hash: string): string | null {
  if (shippedHash === undefined) {
    try {
      shippedHash = borderSetHash(readFileSync(path.resolve(SHIPPED_BORDERS_FILE), "utf8"));
    } catch {
      shippedHash = null;
    }
  }
  return hash === shippedHash ? SHIPPED_BORDERS_ATTRIBUTION : null;
}

/**
 * At start, when no borders are stored (nothing imported, GEO_SOURCE_URL unset or unusable): stores the
 * shipped borders, so a new installation shows municipality shapes rather than circles. `geo:import`
 * replaces them like any other set.
 */
export function loadShippedBordersOnFirstStart(
  actor: Actor,
  file = path.resolve(SHIPPED_BORDERS_FILE),
): { loaded: boolean; reason?: string } {
  if (getCurrentBoundarySet()) return { loaded: false, reason: "borders already stored" };
  let topology: string;
  try {
    topology = readFileSync(file, "utf8");
  } catch (error) {
    return { loaded: false, reason: `Kunde inte läsa ${file}: ${(error as Error).message}` };
  }
  const problems = borderTopologyProblems(topology, registerMunicipalities);
  const budget = overBudget(zlib.gzipSync(topology).length);
  if (budget) problems.push(budget);
  if (problems.length) return { loaded: false, reason: problems.join(" ") };
  const featureCount = registerMunicipalities.length;
  saveBoundarySet({ topology, hash: borderSetHash(topology), source: SHIPPED_BORDERS_SOURCE, featureCount }, actor);
  return { loaded: true };
}

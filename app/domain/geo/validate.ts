import type { Feature, Geometry, MultiPolygon, Polygon, Position } from "geojson";
import booleanValid from "@turf/boolean-valid";
import kinks from "@turf/kinks";

export type KnownMunicipality = { code: string; name: string };

/** How many codes a problem line lists before it says "and N more". */
const LIST_LIMIT = 30;

function list(items: readonly string[]): string {
  const shown = items.slice(0, LIST_LIMIT).join(", ");
  return items.length > LIST_LIMIT ? `${shown} och ${items.length - LIST_LIMIT} till` : shown;
}

/** Every known municipality exactly once, and nothing else. Returns one problem line per kind. */
export function checkCodes(codes: readonly (string | null)[], register: readonly KnownMunicipality[]): string[] {
  const known = new Map(register.map((m) => [m.code, m.name]));
  const counts = new Map<string, number>();
  let withoutCode = 0;
  for (const code of codes) {
    if (code === null) withoutCode += 1;
    else counts.set(code, (counts.get(code) ?? 0) + 1);
  }
  const problems: string[] = [];
  if (withoutCode) problems.push(`${withoutCode} objekt saknar kommunkod.`);
  const missing = register.filter((m) => !counts.has(m.code)).map((m) => `${m.code} ${m.name}`);
  if (missing.length) problems.push(`${missing.length} kommuner saknas: ${list(missing)}.`);
  const unknown = [...counts.keys()].filter((c) => !known.has(c)).sort();
  if (unknown.length) problems.push(`${unknown.length} okända kommunkoder: ${list(unknown)}.`);
  const duplicated = [...counts.entries()]
    .filter(([c, n]) => n > 1 && known.has(c))
    .map(([c, n]) => `${c} ${known.get(c)} (${n} gånger)`);
  if (duplicated.length) problems.push(`${duplicated.length} kommuner förekommer flera gånger: ${list(duplicated)}.`);
  return problems;
}

function isPosition(p: unknown): p is Position {
  return Array.isArray(p) && p.length >= 2 && p.slice(0, 2).every((n) => typeof n === "number" && Number.isFinite(n));
}

function ringProblem(ring: unknown): string | null {
  if (!Array.isArray(ring) || !ring.every(isPosition)) return "har koordinater som inte är tal";
  if (ring.length < 4) return "har en ring med färre än fyra punkter";
  const first = ring[0]!;
  const last = ring[ring.length - 1]!;
  if (first[0] !== last[0] || first[1] !== last[1]) return "har en ring som inte är sluten";
  return null;
}

/**
 * Why a municipality's geometry cannot be used, or null when it can: it must be a Polygon or
 * MultiPolygon with closed rings, and valid by the OGC Simple Features rules (no self-intersection),
 * which turf's kinks and boolean-valid check for us.
 */
export function geometryProblem(geometry: Geometry | null): string | null {
  if (!geometry) return "saknar geometri";
  if (geometry.type !== "Polygon" && geometry.type !== "MultiPolygon") {
    return `har geometritypen ${geometry.type}, inte Polygon eller MultiPolygon`;
  }
  const polygons: unknown[] = geometry.type === "Polygon" ? [geometry.coordinates] : (geometry.coordinates as unknown[]);
  if (!Array.isArray(polygons) || polygons.length === 0) return "har en tom geometri";
  for (const polygon of polygons) {
    if (!Array.isArray(polygon) || polygon.length === 0) return "har en tom polygon";
    for (const ring of polygon) {
      const problem = ringProblem(ring);
      if (problem) return problem;
    }
  }
  // boolean-valid checks rings, spikes and overlapping parts; kinks finds rings that cross themselves.
  const polygonal = geometry as Polygon | MultiPolygon;
  if (kinks(polygonal).features.length > 0) return "korsar sig själv";
  if (!booleanValid(polygonal)) return "är ogiltig (överlappande delar eller taggar)";
  return null;
}

export function checkGeometries(
  features: readonly { code: string | null; feature: Feature<Geometry | null> }[],
  names: ReadonlyMap<string, string>,
): string[] {
  const problems: string[] = [];
  features.forEach(({ code, feature }, i) => {
    const problem = geometryProblem(feature.geometry);
    if (!problem) return;
    const who = code ? `${code} ${names.get(code) ?? ""}`.trim() : `Objekt nr ${i + 1}`;
    problems.push(`${who}: geometrin ${problem}.`);
  });
  return problems;
}

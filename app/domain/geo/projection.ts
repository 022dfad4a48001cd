import type { FeatureCollection, Geometry, Position } from "geojson";
import proj4 from "proj4";

/** SWEREF 99 TM, the Swedish national grid (Lantmäteriet's definition). */
const SWEREF99TM = "+proj=utm +zone=33 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs +type=crs";

export type CoordinateSystem = "wgs84" | "sweref99tm";

export type DetectResult = { ok: true; crs: CoordinateSystem } | { ok: false; problem: string };

const NAMED: [RegExp, CoordinateSystem][] = [
  [/(EPSG:{1,2}|EPSG::)3006$/i, "sweref99tm"],
  [/(EPSG:{1,2}|EPSG::)4326$/i, "wgs84"],
  [/CRS84$/i, "wgs84"],
];

function forEachPosition(geometry: Geometry | null, visit: (p: Position) => void) {
  if (!geometry) return;
  switch (geometry.type) {
    case "Point":
      visit(geometry.coordinates);
      break;
    case "MultiPoint":
    case "LineString":
      geometry.coordinates.forEach(visit);
      break;
    case "MultiLineString":
    case "Polygon":
      geometry.coordinates.forEach((ring) => ring.forEach(visit));
      break;
    case "MultiPolygon":
      geometry.coordinates.forEach((poly) => poly.forEach((ring) => ring.forEach(visit)));
      break;
    case "GeometryCollection":
      geometry.geometries.forEach((g) => forEachPosition(g, visit));
      break;
  }
}

/**
 * Tells WGS 84 from SWEREF 99 TM: by the `crs` member when the file names one (old-style GeoJSON
 * from Swedish GIS tools often does), otherwise by the range of the coordinates.
 */
export function detectCoordinateSystem(collection: FeatureCollection<Geometry | null>): DetectResult {
  const named = (collection as { crs?: { properties?: { name?: unknown } } }).crs?.properties?.name;
  if (typeof named === "string") {
    const match = NAMED.find(([pattern]) => pattern.test(named.trim()));
    if (match) return { ok: true, crs: match[1] };
    return {
      ok: false,
      problem: `Koordinatsystemet ${named} stöds inte. Använd WGS 84 (EPSG:4326) eller SWEREF 99 TM (EPSG:3006).`,
    };
  }
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (const f of collection.features) {
    forEachPosition(f.geometry, ([x, y]) => {
      if (typeof x !== "number" || typeof y !== "number") return;
      minX = Math.min(minX, x); maxX = Math.max(maxX, x);
      minY = Math.min(minY, y); maxY = Math.max(maxY, y);
    });
  }
  if (minX === Infinity) return { ok: false, problem: "Filen innehåller inga koordinater." };
  // Sweden in WGS 84 lies within about 10–25° E and 55–70° N.
  if (minX >= 5 && maxX <= 30 && minY >= 50 && maxY <= 72) return { ok: true, crs: "wgs84" };
  // ... and in SWEREF 99 TM within about 200 000–1 000 000 E and 6 100 000–7 700 000 N.
  if (minX >= 100_000 && maxX <= 1_100_000 && minY >= 6_000_000 && maxY <= 7_800_000) {
    return { ok: true, crs: "sweref99tm" };
  }
  return {
    ok: false,
    problem:
      `Koordinaterna (x ${minX}–${maxX}, y ${minY}–${maxY}) ser varken ut som WGS 84 eller SWEREF 99 TM över Sverige.`,
  };
}

function mapPositions(geometry: Geometry | null, fn: (p: Position) => Position): Geometry | null {
  if (!geometry) return geometry;
  switch (geometry.type) {
    case "Point":
      return { ...geometry, coordinates: fn(geometry.coordinates) };
    case "MultiPoint":
    case "LineString":
      return { ...geometry, coordinates: geometry.coordinates.map(fn) };
    case "MultiLineString":
    case "Polygon":
      return { ...geometry, coordinates: geometry.coordinates.map((r) => r.map(fn)) };
    case "MultiPolygon":
      return { ...geometry, coordinates: geometry.coordinates.map((p) => p.map((r) => r.map(fn))) };
    case "GeometryCollection":
      return { ...geometry, geometries: geometry.geometries.map((g) => mapPositions(g, fn)!) };
  }
}

/** Returns the collection in WGS 84 (longitude, latitude), reprojecting from SWEREF 99 TM with proj4. */
export function toWgs84(
  collection: FeatureCollection<Geometry | null>,
  crs: CoordinateSystem,
): FeatureCollection<Geometry | null> {
  if (crs === "wgs84") return collection;
  const converter = proj4(SWEREF99TM, "WGS84");
  const { crs: _dropped, ...rest } = collection as FeatureCollection<Geometry | null> & { crs?: unknown };
  return {
    ...rest,
    features: collection.features.map((f) => ({
      ...f,
      geometry: mapPositions(f.geometry, ([x, y]) => converter.forward([x!, y!])),
    })),
  };
}

/** The other way, for tests and for anyone preparing a SWEREF file. */
export function fromWgs84ToSweref(position: Position): Position {
  return proj4("WGS84", SWEREF99TM, [position[0]!, position[1]!]);
}

import type { Polygon, MultiPolygon } from "geojson";
import { findCodeProperty, readCode } from "./code-property";
import { parseFeatureCollection } from "./parse";
import { detectCoordinateSystem, toWgs84, type CoordinateSystem } from "./projection";
import { buildBorderTopology, DEFAULT_BORDER_OPTIONS, type BorderOptions, type BorderTopology } from "./topology";
import { checkCodes, checkGeometries } from "./validate";

export type RegisterEntry = { code: string; name: string; countyCode: string };

export type PreparedBorders =
  | {
      ok: true;
      topology: BorderTopology;
      codeProperty: string;
      sourceCrs: CoordinateSystem;
      featureCount: number;
    }
  | { ok: false; problems: string[] };

/**
 * The whole import, from file text to TopoJSON, with no I/O: parse, detect and reproject the
 * coordinate system, find the code property, check codes and geometries (every problem, not just the
 * first), then build the topology. Any problem refuses the whole file.
 */
export function prepareBorders(
  text: string,
  register: readonly RegisterEntry[],
  options: { codeProperty?: string; border?: BorderOptions } = {},
): PreparedBorders {
  const parsed = parseFeatureCollection(text);
  if (!parsed.ok) return parsed;
  const detected = detectCoordinateSystem(parsed.collection);
  if (!detected.ok) return { ok: false, problems: [detected.problem] };
  const collection = toWgs84(parsed.collection, detected.crs);

  const knownCodes = new Set(register.map((m) => m.code));
  const property = findCodeProperty(collection.features, knownCodes, options.codeProperty);
  if (!property.ok) return { ok: false, problems: [property.problem] };

  const coded = collection.features.map((feature) => ({ code: readCode(feature, property.property), feature }));
  const problems = [
    ...checkCodes(
      coded.map((c) => c.code),
      register,
    ),
    ...checkGeometries(coded, new Map(register.map((m) => [m.code, m.name]))),
  ];
  if (problems.length) return { ok: false, problems };

  const countyOf = new Map(register.map((m) => [m.code, m.countyCode]));
  const topology = buildBorderTopology(
    coded.map(({ code, feature }) => ({
      code: code!,
      countyCode: countyOf.get(code!)!,
      geometry: feature.geometry as Polygon | MultiPolygon,
    })),
    options.border ?? DEFAULT_BORDER_OPTIONS,
  );
  return {
    ok: true,
    topology,
    codeProperty: property.property,
    sourceCrs: detected.crs,
    featureCount: coded.length,
  };
}

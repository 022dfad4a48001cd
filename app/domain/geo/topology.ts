import type { Feature, FeatureCollection, MultiPolygon, Polygon } from "geojson";
import { mergeArcs, quantize } from "topojson-client";
import { topology } from "topojson-server";
import { presimplify, quantile, simplify } from "topojson-simplify";
import type { GeometryCollection, Objects, Topology } from "topojson-specification";
import { checkCodes, type KnownMunicipality } from "./validate";

export type BorderOptions = {
  /** Share of the points with the least visual weight that simplification removes at least (0–1). */
  simplifyShare: number;
  /**
   * Most points kept: a detailed source (a surveying authority's file has millions) is simplified
   * further, so the payload stays within its budget whatever the source.
   */
  maxPoints: number;
  /** Grid size for quantization: 3e4 places points within about 50 m across Sweden. */
  quantization: number;
};

export const DEFAULT_BORDER_OPTIONS: BorderOptions = { simplifyShare: 0.25, maxPoints: 16_000, quantization: 3e4 };

export type MunicipalityShape = { code: string; countyCode: string; geometry: Polygon | MultiPolygon };

export type BorderTopology = Topology<{ municipalities: GeometryCollection; counties: GeometryCollection }>;

/**
 * Builds the TopoJSON the map draws: shared borders stored once (so neighbours never gap or overlap),
 * lightly simplified, quantized, each municipality's id its code, and county polygons derived by
 * merging their municipalities' arcs (no second geometry to keep in step).
 */
export function buildBorderTopology(
  shapes: readonly MunicipalityShape[],
  options: BorderOptions = DEFAULT_BORDER_OPTIONS,
): BorderTopology {
  const collection: FeatureCollection<Polygon | MultiPolygon> = {
    type: "FeatureCollection",
    features: shapes.map(
      (s): Feature<Polygon | MultiPolygon> => ({ type: "Feature", id: s.code, properties: {}, geometry: s.geometry }),
    ),
  };
  let topo = topology({ municipalities: collection }) as unknown as Topology<Objects<{}>>;
  const points = topo.arcs.reduce((n, arc) => n + arc.length, 0);
  const share = Math.max(options.simplifyShare, 1 - options.maxPoints / points);
  if (share > 0) {
    topo = presimplify(topo);
    topo = simplify(topo, quantile(topo, share));
  }
  topo = quantize(topo, options.quantization);

  const municipalities = topo.objects.municipalities as GeometryCollection;
  for (const g of municipalities.geometries) delete (g as { properties?: unknown }).properties;
  const countyOf = new Map(shapes.map((s) => [s.code, s.countyCode]));
  const byCounty = new Map<string, GeometryCollection["geometries"]>();
  for (const g of municipalities.geometries) {
    const county = countyOf.get(String(g.id))!;
    byCounty.set(county, [...(byCounty.get(county) ?? []), g]);
  }
  const counties: GeometryCollection = {
    type: "GeometryCollection",
    geometries: [...byCounty.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([county, geometries]) => ({
        ...mergeArcs(topo, geometries as Parameters<typeof mergeArcs>[1]),
        id: county,
      })),
  };
  return { ...topo, objects: { municipalities, counties } } as BorderTopology;
}

/**
 * Why a stored or shipped TopoJSON text cannot be shown as the municipality borders, or an empty list:
 * a topology with one geometry per municipality of the register (ids are the codes, each once) and the
 * merged counties. It was validated as GeoJSON when it was made; this guards against a damaged file.
 */
export function borderTopologyProblems(text: string, register: readonly KnownMunicipality[]): string[] {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return [`Gränsfilen är inte giltig JSON: ${(error as Error).message}`];
  }
  const topology = value as Partial<BorderTopology> | null;
  const municipalities = topology?.objects?.municipalities?.geometries;
  const counties = topology?.objects?.counties?.geometries;
  if (topology?.type !== "Topology" || !Array.isArray(topology.arcs) || !Array.isArray(municipalities) || !Array.isArray(counties)) {
    return ["Gränsfilen är inte en TopoJSON-topologi med kommuner och län."];
  }
  return checkCodes(
    municipalities.map((g) => (g.id === undefined ? null : String(g.id))),
    register,
  );
}

import type { Feature, FeatureCollection, Geometry } from "geojson";

export type ParseResult =
  | { ok: true; collection: FeatureCollection<Geometry | null> }
  | { ok: false; problems: string[] };

/** Reads a GeoJSON FeatureCollection from text; anything else is refused with a Swedish reason. */
export function parseFeatureCollection(text: string): ParseResult {
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (error) {
    return { ok: false, problems: [`Filen är inte giltig JSON: ${(error as Error).message}`] };
  }
  if (!value || typeof value !== "object" || (value as { type?: unknown }).type !== "FeatureCollection") {
    return { ok: false, problems: ["Filen är inte en GeoJSON FeatureCollection (\"type\": \"FeatureCollection\" saknas)."] };
  }
  const features = (value as { features?: unknown }).features;
  if (!Array.isArray(features)) {
    return { ok: false, problems: ["FeatureCollection saknar listan \"features\"."] };
  }
  const problems: string[] = [];
  features.forEach((f: Partial<Feature> | null, i) => {
    if (!f || typeof f !== "object" || f.type !== "Feature") problems.push(`Objekt nr ${i + 1} är inte en Feature.`);
  });
  if (problems.length) return { ok: false, problems };
  return { ok: true, collection: value as FeatureCollection<Geometry | null> };
}

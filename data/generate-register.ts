/**
 * Developer tool, not used at run time: rebuilds data/municipalities.json from a GeoJSON file of the
 * official municipality borders (e.g. ../shared/fixtures/swedish_municipalities.geojson).
 * The representative point is the pole of inaccessibility of the municipality's largest polygon,
 * which always lies inside it (a centroid may fall in the sea for a coastal or crescent shape).
 *
 *   npx tsx data/generate-register.ts ../shared/fixtures/swedish_municipalities.geojson
 */
import { readFileSync, writeFileSync } from "node:fs";
import polylabel from "polylabel";

type Ring = [number, number][];
type Feature = {
  properties: { id: string; kom_namn: string; lan_code: string };
  geometry: { type: "Polygon"; coordinates: Ring[] } | { type: "MultiPolygon"; coordinates: Ring[][] };
};

function ringArea(ring: Ring): number {
  let a = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    a += (ring[j]![0] + ring[i]![0]) * (ring[j]![1] - ring[i]![1]);
  }
  return Math.abs(a / 2);
}

const file = process.argv[2];
if (!file) throw new Error("usage: tsx data/generate-register.ts <municipalities.geojson>");
const { features } = JSON.parse(readFileSync(file, "utf8")) as { features: Feature[] };

const rows = features
  .map((f) => {
    const polygons = f.geometry.type === "Polygon" ? [f.geometry.coordinates] : f.geometry.coordinates;
    const largest = polygons.reduce((a, b) => (ringArea(b[0]!) > ringArea(a[0]!) ? b : a));
    const [lng, lat] = polylabel(largest, 0.0005);
    return {
      code: f.properties.id,
      name: f.properties.kom_namn,
      countyCode: f.properties.lan_code,
      latitude: Math.round(lat! * 1e5) / 1e5,
      longitude: Math.round(lng! * 1e5) / 1e5,
    };
  })
  .sort((a, b) => a.code.localeCompare(b.code));

writeFileSync(new URL("./municipalities.json", import.meta.url), JSON.stringify(rows, null, 1) + "\n");
console.log(`wrote ${rows.length} municipalities`);

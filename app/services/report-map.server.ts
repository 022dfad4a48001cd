import * as Plot from "@observablehq/plot";
import { parseHTML } from "linkedom";
import type { FeatureCollection, Geometry } from "geojson";
import { feature } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
import { BORDER_COLOUR, CATEGORY_COLOURS, COUNTY_BORDER_COLOUR } from "../components/map/colours";
import type { Category } from "../domain/rating";
import { getBoundaryTopology, getCurrentBoundarySet } from "../models/boundary.server";

/**
 * The national map of a round for the report, as a static SVG drawn on the server (Observable Plot's
 * geo mark, Web Mercator like the Leaflet map, the map's colours): with the imported borders when there
 * are any, otherwise a dot at each municipality's representative point. It prints and goes into the
 * Word file as a PNG. When the server-rendered map of issue 12 lands, this is the one function to
 * point at it.
 */

export type MapInput = { code: string; latitude: number; longitude: number; category: Category };

const borderCache = new Map<string, { municipalities: FeatureCollection<Geometry>; counties: FeatureCollection<Geometry> }>();
const svgCache = new Map<string, string>();

type Ring = number[][];

function signedArea(ring: Ring): number {
  let sum = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) sum += (ring[j]![0]! - ring[i]![0]!) * (ring[j]![1]! + ring[i]![1]!);
  return sum / 2;
}

/**
 * d3-geo (under Plot's geo mark) wants exterior rings clockwise, the opposite of GeoJSON's right-hand
 * rule that the imported borders follow; a ring the wrong way round fills the whole globe instead.
 */
function rewindForD3(collection: FeatureCollection<Geometry>): FeatureCollection<Geometry> {
  const fix = (polygon: Ring[]) => polygon.map((ring, i) => ((i === 0) === signedArea(ring) > 0 ? [...ring].reverse() : ring));
  return {
    ...collection,
    features: collection.features.map((f) => {
      const g = f.geometry;
      if (g?.type === "Polygon") return { ...f, geometry: { ...g, coordinates: fix(g.coordinates as Ring[]) } };
      if (g?.type === "MultiPolygon") return { ...f, geometry: { ...g, coordinates: (g.coordinates as Ring[][]).map(fix) } };
      return f;
    }),
  };
}

function borders() {
  const set = getCurrentBoundarySet();
  if (!set) return null;
  let hit = borderCache.get(set.hash);
  if (!hit) {
    const text = getBoundaryTopology(set.hash);
    if (!text) return null;
    const topology = JSON.parse(text) as Topology<{ municipalities: GeometryCollection; counties: GeometryCollection }>;
    hit = {
      municipalities: rewindForD3(feature(topology, topology.objects.municipalities) as FeatureCollection<Geometry>),
      counties: rewindForD3(feature(topology, topology.objects.counties) as FeatureCollection<Geometry>),
    };
    borderCache.clear();
    borderCache.set(set.hash, hit);
  }
  return { hash: set.hash, ...hit };
}

export function nationalMapSvg(items: readonly MapInput[], options: { label: string }): string {
  const shapes = borders();
  const key = `${shapes?.hash ?? "points"}:${items.map((i) => `${i.code}${i.category[0]}`).join("")}`;
  const cached = svgCache.get(key);
  if (cached) return cached;

  const categoryOf = new Map(items.map((i) => [i.code, i.category]));
  const { document } = parseHTML("<!doctype html><html><body></body></html>");
  const width = 360;
  const marks = shapes
    ? [
        Plot.geo(shapes.municipalities, {
          fill: (f: { id?: string | number }) => CATEGORY_COLOURS[categoryOf.get(String(f.id)) ?? "unrated"],
          stroke: BORDER_COLOUR,
          strokeWidth: 0.3,
        }),
        Plot.geo(shapes.counties, { stroke: COUNTY_BORDER_COLOUR, strokeWidth: 0.8, fill: "none" }),
      ]
    : [
        Plot.dot(items, {
          x: "longitude",
          y: "latitude",
          r: 3.2,
          fill: (d: MapInput) => CATEGORY_COLOURS[d.category],
          stroke: BORDER_COLOUR,
          strokeWidth: 0.5,
        }),
      ];
  const domain: FeatureCollection<Geometry> = shapes?.municipalities ?? {
    type: "FeatureCollection",
    features: items.map((i) => ({ type: "Feature", properties: {}, geometry: { type: "Point", coordinates: [i.longitude, i.latitude] } })),
  };
  const svg = Plot.plot({
    document: document as unknown as Document,
    width,
    margin: 6,
    projection: { type: "mercator", domain },
    marks,
  }) as SVGSVGElement;
  svg.querySelectorAll("style").forEach((s) => s.remove());
  svg.removeAttribute("style");
  svg.removeAttribute("class");
  svg.setAttribute("xmlns", "http://www.w3.org/2000/svg");
  svg.setAttribute("aria-hidden", "true");
  svg.setAttribute("focusable", "false");
  svg.setAttribute("data-label", options.label);
  // One decimal is a tenth of a pixel at the drawn size: the geo mark writes fifteen, three times the bytes.
  const out = svg.outerHTML.replace(/(\d+\.\d)\d+/g, "$1");
  if (svgCache.size > 20) svgCache.clear();
  svgCache.set(key, out);
  return out;
}

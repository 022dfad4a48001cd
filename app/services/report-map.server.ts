import { BORDER_COLOUR, CATEGORY_COLOURS, COUNTY_BORDER_COLOUR } from "../components/map/colours";
import { standaloneMapSvg } from "../domain/geo/map-svg";
import type { Category } from "../domain/rating";
import { getCurrentBoundarySet } from "../models/boundary.server";
import { geometryFor } from "./map-geometry.server";

/**
 * The national map of a round for the report, as a static SVG: the map page's own server-drawn geometry
 * (Web Mercator, the whole country, cached per borders hash; app/domain/geo/map-svg.ts) with the map's
 * colours written as attributes, so it needs no stylesheet; with the stored borders when there are any,
 * otherwise a dot at each municipality's representative point. It prints and goes into the Word file as
 * a PNG.
 */

export type MapInput = { code: string; latitude: number; longitude: number; category: Category };

const WIDTH = 360;
const svgCache = new Map<string, string>();

export function nationalMapSvg(items: readonly MapInput[], options: { label: string }): string {
  const hash = getCurrentBoundarySet()?.hash ?? null;
  const key = `${hash ?? "points"}:${options.label}:${items.map((i) => `${i.code}${i.category[0]}`).join("")}`;
  const cached = svgCache.get(key);
  if (cached) return cached;

  const categoryOf = new Map(items.map((i) => [i.code, i.category]));
  const out = standaloneMapSvg(geometryFor(hash, null, items), {
    width: WIDTH,
    fillOf: (code) => CATEGORY_COLOURS[categoryOf.get(code) ?? "unrated"],
    stroke: BORDER_COLOUR,
    strokeWidth: 0.3,
    countyStroke: COUNTY_BORDER_COLOUR,
    countyStrokeWidth: 0.8,
    circleRadius: 3.2,
    attributes: { "aria-hidden": "true", focusable: "false", "data-label": options.label },
  });
  if (svgCache.size > 20) svgCache.clear();
  svgCache.set(key, out);
  return out;
}

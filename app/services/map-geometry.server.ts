import { bordersGeometry, circlesGeometry, mapSvgMarkup, type MapGeometry } from "../domain/geo/map-svg";
import type { BorderTopology } from "../domain/geo/topology";
import {
  drawnUnconfirmed,
  mapSearchParams,
  SELECTED_PARAM,
  shapeClassName,
  shapeColourClass,
  shapeDrawOrder,
  matchesFilters,
  type MapView,
} from "../domain/map-view";
import { getBoundaryTopology } from "../models/boundary.server";

/*
 * The server's map: the geometry of a view (the whole country or one county) is computed once per
 * borders hash and view and kept; each request only adds its colours, order and links.
 */

const CACHE_LIMIT = 48;
const geometries = new Map<string, MapGeometry>();
let parsed: { hash: string; topology: BorderTopology } | null = null;

function topologyFor(hash: string): BorderTopology | null {
  if (parsed?.hash === hash) return parsed.topology;
  const text = getBoundaryTopology(hash);
  if (!text) return null;
  parsed = { hash, topology: JSON.parse(text) as BorderTopology };
  return parsed.topology;
}

/**
 * The geometry of the page's view: borders when a set is stored, else circles at the representative
 * points; fitted to the chosen county or the whole country.
 */
export function getMapGeometry(view: Pick<MapView, "borders" | "filters" | "municipalities">): MapGeometry {
  return geometryFor(view.borders?.hash ?? null, view.filters.county, view.municipalities);
}

/**
 * The geometry of a view by the borders' hash (null: circles at the points given) and county (null: the
 * whole country); the map page and the status report's map share it.
 */
export function geometryFor(
  bordersHash: string | null,
  county: string | null | undefined,
  municipalities: readonly { code: string; countyCode?: string; latitude: number; longitude: number }[],
): MapGeometry {
  const key = `${bordersHash ?? "circles"}|${county ?? ""}`;
  const cached = geometries.get(key);
  if (cached) {
    // Most recently used last, so the oldest goes first when the cache is full.
    geometries.delete(key);
    geometries.set(key, cached);
    return cached;
  }
  const focus = county ? municipalities.filter((m) => m.countyCode === county).map((m) => m.code) : null;
  const topology = bordersHash ? topologyFor(bordersHash) : null;
  const geometry = topology ? bordersGeometry(topology, focus) : circlesGeometry(municipalities, focus);
  geometries.set(key, geometry);
  if (geometries.size > CACHE_LIMIT) geometries.delete(geometries.keys().next().value!);
  return geometry;
}

/**
 * The page's map as SVG markup: the view's geometry with this request's colouring, filter, selection and
 * links (each to the same view with `?municipality=CODE`).
 */
export function renderMapSvg(
  geometry: MapGeometry,
  view: Pick<MapView, "filters" | "municipalities" | "selected" | "round">,
): string {
  const query = mapSearchParams({ round: view.round?.id ?? null, filters: view.filters }).toString();
  const byCode = new Map(view.municipalities.map((m) => [m.code, m]));
  const shown = new Set(view.municipalities.filter((m) => matchesFilters(m, view.filters)).map((m) => m.code));
  const order = shapeDrawOrder([...geometry.shapes.keys()], shown, view.selected);
  return mapSvgMarkup(
    geometry,
    order.flatMap((code) => {
      const m = byCode.get(code);
      if (!m) return [];
      return [
        {
          code,
          name: m.name,
          className: shapeClassName(shapeColourClass(m, view.filters.colourBy), {
            shown: shown.has(code),
            selected: code === view.selected,
            unconfirmed: drawnUnconfirmed(m, view.filters.colourBy),
          }),
          href: `?${query ? `${query}&` : ""}${SELECTED_PARAM}=${code}`,
        },
      ];
    }),
  );
}

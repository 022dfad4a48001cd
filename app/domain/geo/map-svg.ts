import type { MultiLineString, MultiPolygon, Polygon, Position } from "geojson";
import { feature, mesh } from "topojson-client";
import type { BorderTopology } from "./topology";

/*
 * The map as the server draws it: an SVG of the municipalities in Web Mercator, fitted to the same
 * bounds Leaflet fits in the browser. Leaflet's `fitBounds` with `zoomSnap: 0` and no padding scales the
 * bounds like a `viewBox` with `preserveAspectRatio="xMidYMid meet"`, so the two pictures coincide and
 * Leaflet can take over in place. The geometry depends only on the borders and the view (the country or
 * one county): it is cached per borders hash and view and shared across rounds and users; colours come
 * from CSS classes per request.
 */

/** [[south, west], [north, east]] in degrees, as Leaflet's `fitBounds` takes them. */
export type LatLngBoundsTuple = [[number, number], [number, number]];

export type MapGeometry = {
  kind: "borders" | "circles";
  /** The view: what Leaflet fits (with no padding) and what the viewBox shows. */
  bounds: LatLngBoundsTuple;
  /** The viewBox is `0 0 width height`; the larger side is VIEW_UNITS long. */
  width: number;
  height: number;
  /**
   * Per municipality code, in the order Leaflet draws them: path data (borders) or "cx cy" (circles).
   * Shapes wholly outside the view are left out.
   */
  shapes: Map<string, string>;
  /** Path data of the borders between counties (borders only). */
  countyBorders: string | null;
};

/** Length of the viewBox's larger side; coordinates are written to a tenth of a unit. */
export const VIEW_UNITS = 1000;
/** Room around the municipalities in view, as a share of the larger side; more below, for the attribution. */
export const VIEW_MARGIN = 0.03;
const VIEW_MARGIN_BOTTOM = 0.055;
/** Leaflet's circle markers have a 6 px radius; the SVG's, in units, for a map box about 760 px high. */
const CIRCLE_RADIUS_UNITS = 8;

const MAX_LATITUDE = 85.0511287798;

/** Leaflet's EPSG:3857 at zoom 0 (the world is 256 × 256). */
export function mercator(longitude: number, latitude: number): [number, number] {
  const lat = Math.max(Math.min(MAX_LATITUDE, latitude), -MAX_LATITUDE);
  const sin = Math.sin((lat * Math.PI) / 180);
  return [((longitude + 180) / 360) * 256, (0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI)) * 256];
}

export function inverseMercator(x: number, y: number): [number, number] {
  const longitude = (x / 256) * 360 - 180;
  const latitude = (2 * Math.atan(Math.exp((0.5 - y / 256) * 2 * Math.PI)) - Math.PI / 2) * (180 / Math.PI);
  return [longitude, latitude];
}

type Box = { minX: number; minY: number; maxX: number; maxY: number };
const emptyBox = (): Box => ({ minX: Infinity, minY: Infinity, maxX: -Infinity, maxY: -Infinity });
function extend(box: Box, [x, y]: [number, number]) {
  if (x < box.minX) box.minX = x;
  if (x > box.maxX) box.maxX = x;
  if (y < box.minY) box.minY = y;
  if (y > box.maxY) box.maxY = y;
}

/** The projected box with its margin, and the same bounds in degrees. */
function viewOf(box: Box): { box: Box; bounds: LatLngBoundsTuple; scale: number; width: number; height: number } {
  const side = Math.max(box.maxX - box.minX, box.maxY - box.minY);
  const margin = side * VIEW_MARGIN;
  const view = { minX: box.minX - margin, minY: box.minY - margin, maxX: box.maxX + margin, maxY: box.maxY + side * VIEW_MARGIN_BOTTOM };
  const [west, north] = inverseMercator(view.minX, view.minY);
  const [east, south] = inverseMercator(view.maxX, view.maxY);
  const scale = VIEW_UNITS / Math.max(view.maxX - view.minX, view.maxY - view.minY);
  return {
    box: view,
    bounds: [
      [south, west],
      [north, east],
    ],
    scale,
    width: Math.round((view.maxX - view.minX) * scale * 10) / 10,
    height: Math.round((view.maxY - view.minY) * scale * 10) / 10,
  };
}

/** A number of tenths as SVG path text: 12 → "1.2", -5 → "-.5", 30 → "3". */
function tenths(value: number): string {
  const abs = Math.abs(value);
  const whole = Math.floor(abs / 10);
  const fraction = abs % 10;
  const text = fraction ? (whole ? `${whole}.${fraction}` : `.${fraction}`) : String(whole);
  return value < 0 ? `-${text}` : text;
}

/** Joins path numbers with as few separators as the SVG path grammar allows. */
function joinNumbers(numbers: string[]): string {
  let out = "";
  let previous = "";
  for (const n of numbers) {
    const needsSpace = previous !== "" && !n.startsWith("-") && !(n.startsWith(".") && previous.includes("."));
    out += needsSpace ? ` ${n}` : n;
    previous = n;
  }
  return out;
}

/**
 * Path data for lines in unit coordinates: an absolute move to each line's start, then relative
 * line-tos between the points rounded to a tenth (rounded absolutely, so errors never add up); closed
 * rings end with `z`.
 */
function pathData(lines: readonly (readonly [number, number])[][], closed: boolean): string {
  let d = "";
  for (const line of lines) {
    const points = closed && line.length > 1 ? line.slice(0, -1) : line;
    if (points.length === 0) continue;
    let [px, py] = [Math.round(points[0]![0] * 10), Math.round(points[0]![1] * 10)];
    d += `M${joinNumbers([tenths(px), tenths(py)])}`;
    const steps: string[] = [];
    for (let i = 1; i < points.length; i++) {
      const x = Math.round(points[i]![0] * 10);
      const y = Math.round(points[i]![1] * 10);
      if (x === px && y === py) continue;
      steps.push(tenths(x - px), tenths(y - py));
      [px, py] = [x, y];
    }
    if (steps.length) d += `l${joinNumbers(steps)}`;
    if (closed) d += "z";
  }
  return d;
}

function polygonRings(geometry: Polygon | MultiPolygon): Position[][] {
  return geometry.type === "Polygon" ? geometry.coordinates : geometry.coordinates.flat();
}

/**
 * The view of the borders: every municipality's path and the county borders, fitted to the whole
 * country (`focus` null) or to the municipalities named in `focus` (a county's).
 */
export function bordersGeometry(topology: BorderTopology, focus: readonly string[] | null): MapGeometry {
  const features = feature(topology, topology.objects.municipalities).features;
  const projected = features.map((f) => ({
    code: String(f.id),
    rings: polygonRings(f.geometry as Polygon | MultiPolygon).map((ring) => ring.map(([lng, lat]) => mercator(lng!, lat!))),
  }));
  const focused = focus ? new Set(focus) : null;
  const box = emptyBox();
  for (const shape of projected) {
    if (focused && !focused.has(shape.code)) continue;
    for (const ring of shape.rings) for (const point of ring) extend(box, point);
  }
  const view = viewOf(box);
  const toUnits = ([x, y]: [number, number]): [number, number] => [
    (x - view.box.minX) * view.scale,
    (y - view.box.minY) * view.scale,
  ];
  const shapes = new Map<string, string>();
  for (const shape of projected) {
    const rings = shape.rings.map((ring) => ring.map(toUnits));
    const own = emptyBox();
    for (const ring of rings) for (const point of ring) extend(own, point);
    if (own.maxX < 0 || own.maxY < 0 || own.minX > view.width || own.minY > view.height) continue;
    shapes.set(shape.code, pathData(rings, true));
  }
  const borders = mesh(topology, topology.objects.counties, (a, b) => a !== b) as MultiLineString;
  const countyBorders = pathData(
    borders.coordinates.map((line) => line.map(([lng, lat]) => toUnits(mercator(lng!, lat!)))),
    false,
  );
  return { kind: "borders", bounds: view.bounds, width: view.width, height: view.height, shapes, countyBorders };
}

/** Without borders: a circle at each municipality's representative point, in the order given. */
export function circlesGeometry(
  points: readonly { code: string; latitude: number; longitude: number }[],
  focus: readonly string[] | null,
): MapGeometry {
  const focused = focus ? new Set(focus) : null;
  const projected = points.map((p) => ({ code: p.code, point: mercator(p.longitude, p.latitude) }));
  const box = emptyBox();
  for (const p of projected) if (!focused || focused.has(p.code)) extend(box, p.point);
  const view = viewOf(box);
  const shapes = new Map<string, string>();
  for (const p of projected) {
    const x = Math.round((p.point[0] - view.box.minX) * view.scale * 10);
    const y = Math.round((p.point[1] - view.box.minY) * view.scale * 10);
    shapes.set(p.code, `${tenths(x)} ${tenths(y)}`);
  }
  return { kind: "circles", bounds: view.bounds, width: view.width, height: view.height, shapes, countyBorders: null };
}

/** One municipality as the SVG draws it this time: its colouring class and the link that selects it. */
export type SvgShape = { code: string; name: string; className: string; href: string };

function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * The SVG markup of the map: each municipality a link (its name as accessible name and `<title>`) around
 * its shape, drawn in the order given (later ones on top), the county borders over them.
 */
export function mapSvgMarkup(geometry: MapGeometry, shapes: readonly SvgShape[]): string {
  const parts: string[] = [
    `<svg class="map-svg" viewBox="0 0 ${geometry.width} ${geometry.height}" preserveAspectRatio="xMidYMid meet" data-kind="${geometry.kind}">`,
  ];
  for (const shape of shapes) {
    const data = geometry.shapes.get(shape.code);
    if (data === undefined) continue;
    const name = escapeXml(shape.name);
    const drawn =
      geometry.kind === "borders"
        ? `<path class="${escapeXml(shape.className)}" d="${data}"/>`
        : `<circle class="${escapeXml(shape.className)}" cx="${data.split(" ")[0]}" cy="${data.split(" ")[1]}" r="${CIRCLE_RADIUS_UNITS}"/>`;
    parts.push(
      `<a href="${escapeXml(shape.href)}" aria-label="${name}"><title>${name}</title>${drawn}</a>`,
    );
  }
  if (geometry.countyBorders) parts.push(`<path class="map-county-borders" d="${geometry.countyBorders}"/>`);
  parts.push("</svg>");
  return parts.join("");
}

/**
 * The map as a self-contained SVG (no classes, no links, colours as attributes) for documents that carry
 * no stylesheet: the status report's page and its Word file (as PNG). The same geometry as the page's
 * map; `width` is the drawn width in pixels, and stroke widths are given in those pixels.
 */
export function standaloneMapSvg(
  geometry: MapGeometry,
  options: {
    width: number;
    fillOf: (code: string) => string;
    stroke: string;
    strokeWidth: number;
    countyStroke: string;
    countyStrokeWidth: number;
    /** Circle radius in pixels when the municipalities are drawn as circles. */
    circleRadius: number;
    attributes?: Record<string, string>;
  },
): string {
  const unitsPerPixel = geometry.width / options.width;
  const px = (pixels: number) => Math.round(pixels * unitsPerPixel * 100) / 100;
  const height = Math.round((geometry.height / unitsPerPixel) * 10) / 10;
  const extra = Object.entries(options.attributes ?? {})
    .map(([name, value]) => ` ${name}="${escapeXml(value)}"`)
    .join("");
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${options.width}" height="${height}" viewBox="0 0 ${geometry.width} ${geometry.height}"${extra}>`,
    `<g stroke="${escapeXml(options.stroke)}" stroke-width="${px(options.strokeWidth)}" stroke-linejoin="round" fill-rule="evenodd">`,
  ];
  for (const [code, data] of geometry.shapes) {
    const fill = escapeXml(options.fillOf(code));
    if (geometry.kind === "borders") parts.push(`<path fill="${fill}" d="${data}"/>`);
    else {
      const [cx, cy] = data.split(" ");
      parts.push(`<circle fill="${fill}" cx="${cx}" cy="${cy}" r="${px(options.circleRadius)}"/>`);
    }
  }
  parts.push("</g>");
  if (geometry.countyBorders) {
    parts.push(
      `<path fill="none" stroke="${escapeXml(options.countyStroke)}" stroke-width="${px(options.countyStrokeWidth)}" stroke-linejoin="round" stroke-linecap="round" d="${geometry.countyBorders}"/>`,
    );
  }
  parts.push("</svg>");
  return parts.join("");
}

import { createHash } from "node:crypto";
/** A map or chart: its file name in the image URL, the SVG and its text alternative. */
export type ReportFigure = { name: string; svg: string; alt: string };

/**
 * The report's map and charts are served as images (`/rapport/:year/diagram/:name`; the indicator
 * page's trends as `/indikatorer/diagram/:name`) rather than inlined
 * in the page: an inline SVG travelled twice, in the HTML and again in the loader data, and was sent
 * anew with every page view. Each image URL carries a hash of its SVG (`?v=`), so a browser keeps it
 * as long as the figures are the same and asks again when they change; the answer also has an ETag.
 *
 * The page's loader draws the SVGs (memoised by their input) and leaves them here by hash, so the
 * browser's request for an image that the page just named is a lookup. A request for a hash this
 * process does not hold (another process, a restart, an old page) draws the report again.
 */

export type PublishedFigure = { src: string; alt: string; width: number; height: number };

type Stored = { dir: string; name: string; svg: string; hash: string };

const MAX_STORED = 200;
const byHash = new Map<string, Stored>();
const hashOf = new Map<string, string>();

/** A short, URL-safe hash of the SVG (memoised: the same string is hashed once). */
export function svgHash(svg: string): string {
  let hash = hashOf.get(svg);
  if (!hash) {
    hash = createHash("sha256").update(svg).digest("base64url").slice(0, 22);
    if (hashOf.size > MAX_STORED) hashOf.clear();
    hashOf.set(svg, hash);
  }
  return hash;
}

/** The SVG's own size, for the <img>'s width and height (no layout shift while it loads). */
function svgSize(svg: string): { width: number; height: number } {
  const head = svg.slice(0, svg.indexOf(">"));
  const viewBox = /viewBox="[-\d.]+ [-\d.]+ ([\d.]+) ([\d.]+)"/.exec(head);
  const width = Number(/ width="([\d.]+)"/.exec(head)?.[1] ?? viewBox?.[1] ?? 640);
  const height = Number(/ height="([\d.]+)"/.exec(head)?.[1] ?? viewBox?.[2] ?? 400);
  return { width: Math.round(width), height: Math.round(height) };
}

/**
 * Keeps the figure for its image route (`dir`, e.g. "/rapport/2026/diagram") and answers what the
 * page's <img> needs.
 */
export function publishFigure(dir: string, figure: ReportFigure): PublishedFigure {
  const hash = svgHash(figure.svg);
  const known = byHash.get(hash);
  if (!known || known.dir !== dir || known.name !== figure.name) {
    if (byHash.size >= MAX_STORED) byHash.delete(byHash.keys().next().value!);
    byHash.set(hash, { dir, name: figure.name, svg: figure.svg, hash });
  }
  return { src: `${dir}/${figure.name}?v=${hash}`, alt: figure.alt, ...svgSize(figure.svg) };
}

/** The figure a page named, when this process holds it. */
export function storedFigure(dir: string, name: string, hash: string | null): Stored | null {
  const stored = hash ? byHash.get(hash) : undefined;
  return stored && stored.dir === dir && stored.name === name ? stored : null;
}

/**
 * The image route's answer: the stored figure when the page just named it, otherwise drawn again by
 * `draw` (null: no such figure, 404), kept for a year only when the URL names its current hash.
 */
export function serveFigure(request: Request, dir: string, name: string, draw: () => readonly ReportFigure[]): Response | null {
  const hash = new URL(request.url).searchParams.get("v");
  const stored = storedFigure(dir, name, hash);
  if (stored) return figureResponse(request, stored, true);
  const figure = draw().find((f) => f.name === name);
  if (!figure) return null;
  const current = svgHash(figure.svg);
  return figureResponse(request, { svg: figure.svg, hash: current }, current === hash);
}

/** The image answer: SVG with an ETag; 304 when the browser has it; kept for a year when asked by its hash. */
export function figureResponse(request: Request, figure: { svg: string; hash: string }, immutable: boolean): Response {
  const etag = `"${figure.hash}"`;
  const headers = {
    "Content-Type": "image/svg+xml; charset=utf-8",
    ETag: etag,
    "Cache-Control": immutable ? "private, max-age=31536000, immutable" : "private, no-cache",
  };
  const ifNoneMatch = request.headers.get("If-None-Match");
  if (ifNoneMatch && ifNoneMatch.split(",").some((t) => t.trim().replace(/^W\//, "") === etag || t.trim() === "*")) {
    return new Response(null, { status: 304, headers });
  }
  return new Response(figure.svg, { headers });
}

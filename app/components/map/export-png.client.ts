import L from "leaflet";
import type { DrawnLayers } from "./national-map.client";

type Options = {
  title: string;
  /** Credit for the borders, printed under the map. */
  attribution: string | null;
  legend: readonly { colour: string; text: string }[];
  note: string | null;
  fileName: string;
};

const SCALE = 2;

/** The path's look as drawn on screen: CSS classes (app.css) decide it, Leaflet's options are the fallback. */
function drawnStyle(layer: L.Path, fallback: { fill?: string; stroke?: string; width?: number }) {
  const element = (layer as L.Path & { getElement?: () => Element | undefined }).getElement?.();
  const style = element ? getComputedStyle(element) : null;
  const width = style ? parseFloat(style.strokeWidth) : NaN;
  return {
    fill: style && style.fill !== "none" ? style.fill : fallback.fill,
    stroke: style && style.stroke !== "none" ? style.stroke : fallback.stroke,
    width: Number.isFinite(width) ? width : fallback.width,
    opacity: style ? Number(style.strokeOpacity) || 1 : 1,
    fillOpacity: style && style.fillOpacity !== "" ? Number(style.fillOpacity) : undefined,
  };
}
const FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif";

function tracePolygon(ctx: CanvasRenderingContext2D, map: L.Map, latlngs: unknown) {
  // Polygon latlngs nest: rings of points, or polygons of rings for multi-polygons.
  const rings = (latlngs as unknown[]).length && Array.isArray((latlngs as unknown[])[0]) ? latlngs : [latlngs];
  for (const ring of rings as unknown[]) {
    if (Array.isArray(ring) && Array.isArray(ring[0])) {
      tracePolygon(ctx, map, ring);
      continue;
    }
    (ring as L.LatLng[]).forEach((latlng, i) => {
      const p = map.latLngToContainerPoint(latlng);
      if (i === 0) ctx.moveTo(p.x, p.y);
      else ctx.lineTo(p.x, p.y);
    });
    ctx.closePath();
  }
}

/** Splits text into lines that fit `width` at the context's font, breaking between words. */
function wrap(ctx: CanvasRenderingContext2D, text: string, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(" ")) {
    const candidate = line ? `${line} ${word}` : word;
    if (line && ctx.measureText(candidate).width > width) {
      lines.push(line);
      line = word;
    } else line = candidate;
  }
  if (line) lines.push(line);
  return lines;
}

/**
 * Draws what the map shows (shapes, county borders) with the legend under it onto a canvas and
 * downloads it as PNG. Drawing from the layers, rather than copying the page, needs no inline styles
 * or data: images, so it works under the app's Content-Security-Policy. A tile base map is left out.
 */
export function exportMapPng({ map, municipalities, countyBorders }: DrawnLayers, options: Options) {
  const size = map.getSize();
  const lineHeight = 22;
  const width = size.x;
  // The whole title, on as many lines as it takes.
  const measure = document.createElement("canvas").getContext("2d");
  if (!measure) return;
  measure.font = `600 16px ${FONT}`;
  const titleLines = wrap(measure, options.title, width - 24);
  const top = 16 + titleLines.length * 22;
  // The legend, the note and the credit wrap too: on a phone the map is narrower than their text.
  measure.font = `14px ${FONT}`;
  const legendLines = options.legend.map((entry) => wrap(measure, entry.text, width - 34 - 12));
  measure.font = `600 14px ${FONT}`;
  const noteLines = options.note ? wrap(measure, options.note, width - 24) : [];
  measure.font = `12px ${FONT}`;
  const attributionLines = options.attribution ? wrap(measure, options.attribution, width - 24) : [];
  const textLines = legendLines.reduce((n, lines) => n + lines.length, 0) + noteLines.length + attributionLines.length;
  const legendHeight = 24 + textLines * lineHeight + 16;
  const height = top + size.y + legendHeight;
  const canvas = document.createElement("canvas");
  canvas.width = width * SCALE;
  canvas.height = height * SCALE;
  const ctx = canvas.getContext("2d");
  if (!ctx) return;
  ctx.scale(SCALE, SCALE);
  ctx.fillStyle = "#ffffff";
  ctx.fillRect(0, 0, width, height);
  ctx.fillStyle = "#1d2430";
  ctx.font = `600 16px ${FONT}`;
  titleLines.forEach((line, i) => ctx.fillText(line, 12, 28 + i * 22));

  ctx.save();
  ctx.translate(0, top);
  ctx.beginPath();
  ctx.rect(0, 0, size.x, size.y);
  ctx.clip();
  // In the order they are drawn on screen (faded ones at the back, the selected one in front).
  const position = (layer: L.Path) => {
    const element = (layer as L.Path & { getElement?: () => Element | undefined }).getElement?.();
    return element?.parentNode ? [...element.parentNode.children].indexOf(element) : 0;
  };
  const ordered = [...municipalities.values()].sort((a, b) => position(a) - position(b));
  for (const layer of ordered) {
    const o = layer.options;
    const look = drawnStyle(layer, { fill: o.fillColor, stroke: o.color, width: o.weight });
    ctx.beginPath();
    if (layer instanceof L.CircleMarker) {
      const p = map.latLngToContainerPoint(layer.getLatLng());
      ctx.arc(p.x, p.y, layer.getRadius(), 0, Math.PI * 2);
    } else if (layer instanceof L.Polygon) {
      tracePolygon(ctx, map, layer.getLatLngs());
    }
    ctx.fillStyle = look.fill ?? "#ffffff";
    ctx.globalAlpha = look.fillOpacity ?? o.fillOpacity ?? 1;
    ctx.fill("evenodd");
    ctx.globalAlpha = 1;
    ctx.strokeStyle = look.stroke ?? "#5d6675";
    ctx.lineWidth = look.width ?? 1;
    ctx.stroke();
  }
  countyBorders?.eachLayer((layer) => {
    const look = drawnStyle(layer as L.Path, { stroke: "#1d2430", width: 1.6 });
    const lines = (layer as L.Polyline).getLatLngs() as L.LatLng[] | L.LatLng[][];
    ctx.beginPath();
    for (const line of (Array.isArray(lines[0]) ? lines : [lines]) as L.LatLng[][]) {
      line.forEach((latlng, i) => {
        const p = map.latLngToContainerPoint(latlng);
        if (i === 0) ctx.moveTo(p.x, p.y);
        else ctx.lineTo(p.x, p.y);
      });
    }
    ctx.strokeStyle = look.stroke ?? "#1d2430";
    ctx.globalAlpha = look.opacity;
    ctx.lineWidth = look.width ?? 1.6;
    ctx.stroke();
    ctx.globalAlpha = 1;
  });
  ctx.restore();

  let y = top + size.y + 24;
  ctx.font = `14px ${FONT}`;
  options.legend.forEach((entry, i) => {
    ctx.fillStyle = entry.colour;
    ctx.fillRect(12, y - 12, 14, 14);
    ctx.strokeStyle = "#444";
    ctx.lineWidth = 1;
    ctx.strokeRect(12, y - 12, 14, 14);
    ctx.fillStyle = "#1d2430";
    for (const line of legendLines[i]!) {
      ctx.fillText(line, 34, y);
      y += lineHeight;
    }
  });
  ctx.font = `600 14px ${FONT}`;
  ctx.fillStyle = "#5c4500";
  for (const line of noteLines) {
    ctx.fillText(line, 12, y);
    y += lineHeight;
  }
  ctx.font = `12px ${FONT}`;
  ctx.fillStyle = "#333333";
  for (const line of attributionLines) {
    ctx.fillText(line, 12, y);
    y += lineHeight;
  }

  canvas.toBlob((blob) => {
    if (!blob) return;
    const url = URL.createObjectURL(blob);
    const link = document.createElement("a");
    link.href = url;
    link.download = options.fileName;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }, "image/png");
}

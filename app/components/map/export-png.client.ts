import L from "leaflet";
import type { DrawnLayers } from "./national-map.client";

type Options = {
  title: string;
  legend: readonly { colour: string; text: string }[];
  note: string | null;
  fileName: string;
};

const SCALE = 2;
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

/**
 * Draws what the map shows (shapes, county borders) with the legend under it onto a canvas and
 * downloads it as PNG. Drawing from the layers, rather than copying the page, needs no inline styles
 * or data: images, so it works under the app's Content-Security-Policy. A tile base map is left out.
 */
export function exportMapPng({ map, municipalities, countyBorders }: DrawnLayers, options: Options) {
  const size = map.getSize();
  const lineHeight = 22;
  const legendHeight = 24 + options.legend.length * lineHeight + (options.note ? lineHeight : 0) + 16;
  const width = size.x;
  const height = 44 + size.y + legendHeight;
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
  ctx.fillText(options.title, 12, 28);

  ctx.save();
  ctx.translate(0, 44);
  ctx.beginPath();
  ctx.rect(0, 0, size.x, size.y);
  ctx.clip();
  const ordered = [...municipalities.values()].sort(
    (a, b) => Number(a.options.interactive !== false) - Number(b.options.interactive !== false),
  );
  for (const layer of ordered) {
    const o = layer.options;
    ctx.beginPath();
    if (layer instanceof L.CircleMarker) {
      const p = map.latLngToContainerPoint(layer.getLatLng());
      ctx.arc(p.x, p.y, layer.getRadius(), 0, Math.PI * 2);
    } else if (layer instanceof L.Polygon) {
      tracePolygon(ctx, map, layer.getLatLngs());
    }
    ctx.fillStyle = o.fillColor ?? "#ffffff";
    ctx.globalAlpha = o.fillOpacity ?? 1;
    ctx.fill("evenodd");
    ctx.globalAlpha = 1;
    ctx.strokeStyle = o.color ?? "#5d6675";
    ctx.lineWidth = o.weight ?? 1;
    ctx.stroke();
  }
  countyBorders?.eachLayer((layer) => {
    const lines = (layer as L.Polyline).getLatLngs() as L.LatLng[] | L.LatLng[][];
    ctx.beginPath();
    for (const line of (Array.isArray(lines[0]) ? lines : [lines]) as L.LatLng[][]) {
      line.forEach((latlng, i) => {
        const p = map.latLngToContainerPoint(latlng);
        if (i === 0) ctx.moveTo(p.x, p.y);
        else ctx.lineTo(p.x, p.y);
      });
    }
    ctx.strokeStyle = "#1d2430";
    ctx.lineWidth = 1.6;
    ctx.stroke();
  });
  ctx.restore();

  let y = 44 + size.y + 24;
  ctx.font = `14px ${FONT}`;
  for (const entry of options.legend) {
    ctx.fillStyle = entry.colour;
    ctx.fillRect(12, y - 12, 14, 14);
    ctx.strokeStyle = "#444";
    ctx.lineWidth = 1;
    ctx.strokeRect(12, y - 12, 14, 14);
    ctx.fillStyle = "#1d2430";
    ctx.fillText(entry.text, 34, y);
    y += lineHeight;
  }
  if (options.note) {
    ctx.font = `600 14px ${FONT}`;
    ctx.fillStyle = "#5c4500";
    ctx.fillText(options.note, 12, y);
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

import L from "leaflet";
import { useEffect, useRef, useState } from "react";
import { MapContainer, TileLayer, useMap, ZoomControl } from "react-leaflet";
import { feature, mesh } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
import type { LatLngBoundsTuple } from "../../domain/geo/map-svg";
import { shapeClassName } from "../../domain/map-view";
import { BORDER_COLOUR, COUNTY_BORDER_COLOUR, FILTERED_OUT_FILL, SELECTED_COLOUR, UNCONFIRMED_DASH, UNCONFIRMED_FILL_OPACITY } from "./colours";
import type { SelectionStore } from "./selection";

export type MapShape = {
  code: string;
  name: string;
  latitude: number;
  longitude: number;
  /** Fill colour, or null when the municipality is outside the filter. */
  fill: string | null;
  /** The colouring's CSS class (`shapeColourClass`): what the path looks like, as in the server's SVG. */
  colourClass: string;
  /** A pre-filled rating nobody has confirmed: drawn lighter, with a dashed outline. */
  unconfirmed?: boolean;
};

export type NationalMapProps = {
  shapes: readonly MapShape[];
  bordersUrl: string | null;
  tiles: { url: string; attribution: string } | null;
  /** The selected municipality: a click sets it, and the map restyles itself when it changes. */
  selection: SelectionStore;
  /** The view to fit, with no padding: the same bounds the server's SVG shows (its viewBox). */
  bounds: LatLngBoundsTuple;
  /** Receives the drawn layers, for the PNG export. */
  onLayers?: (layers: DrawnLayers | null) => void;
  /** Called once the shapes are on screen: the server's SVG above them can go. */
  onDrawn?: () => void;
};

export type DrawnLayers = {
  map: L.Map;
  municipalities: Map<string, L.Path>;
  countyBorders: L.GeoJSON | null;
};

/**
 * No simplification on screen: the points are the server's SVG's (already simplified once, by the
 * import), so both draw the same lines. L.geoJSON hands its options to each polygon; its type omits this.
 */
const UNSIMPLIFIED = { smoothFactor: 0 } as L.GeoJSONOptions;

/** County borders get a pane of their own above the municipalities, so raising a shape never covers them. */
const COUNTY_BORDERS_PANE = "county-borders";

type BorderTopology = Topology<{ municipalities: GeometryCollection; counties: GeometryCollection }>;

const topologies = new Map<string, Promise<BorderTopology>>();

/**
 * One request per borders URL. The page also preloads it (a <link rel="preload"> in the HTML), so
 * the download overlaps with loading and hydrating the scripts.
 */
function loadTopology(url: string): Promise<BorderTopology> {
  let pending = topologies.get(url);
  if (!pending) {
    pending = fetch(url, { credentials: "same-origin" }).then((r) =>
      r.ok ? (r.json() as Promise<BorderTopology>) : Promise.reject(new Error(String(r.status))),
    );
    pending.catch(() => topologies.delete(url));
    topologies.set(url, pending);
  }
  return pending;
}

/** Leaflet's attribution control takes HTML; the configured text is shown as text. */
function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** How long the pointer rests on a shape before its name shows. */
const HOVER_DELAY_MS = 60;

/**
 * One tooltip for all shapes, opened a moment after the pointer arrives. Cheaper to set up than 290
 * bound tooltips, and a click is never queued behind a tooltip being built. Its content is a text node,
 * never an HTML string (Leaflet would set a string as innerHTML).
 */
function hoverTooltip(map: L.Map) {
  const tooltip = L.tooltip({ direction: "top", opacity: 1, offset: [0, -8] });
  let timer: ReturnType<typeof setTimeout> | undefined;
  let at: L.LatLng | null = null;
  return {
    show(name: string, latlng: L.LatLng) {
      at = latlng;
      clearTimeout(timer);
      timer = setTimeout(() => {
        const label = document.createElement("span");
        label.textContent = name;
        tooltip.setContent(label).setLatLng(at!);
        if (!map.hasLayer(tooltip)) map.openTooltip(tooltip);
      }, HOVER_DELAY_MS);
    },
    move(latlng: L.LatLng) {
      at = latlng;
      if (map.hasLayer(tooltip)) tooltip.setLatLng(latlng);
    },
    hide() {
      clearTimeout(timer);
      map.closeTooltip(tooltip);
    },
  };
}

/**
 * The path's classes, as the server's SVG gives them: CSS (app.css) draws fill and stroke from them, so
 * Leaflet's shapes look exactly like the SVG's. The style attributes below say the same for the PNG
 * export and the tests.
 */
function setShapeClass(layer: L.Path, shape: MapShape, selected: boolean, circles: boolean) {
  const element = (layer as L.Path & { getElement?: () => Element | undefined }).getElement?.();
  element?.setAttribute(
    "class",
    `leaflet-interactive ${shapeClassName(shape.colourClass, { shown: shape.fill !== null, selected, unconfirmed: shape.unconfirmed })}${circles ? " is-circle" : ""}`,
  );
}

/** The server's drawing order (`shapeDrawOrder`): faded shapes at the back, the selected one in front. */
function applyDrawOrder(layers: ReadonlyMap<string, L.Path>, shapes: readonly MapShape[], selected: string | null) {
  const faded = shapes.filter((s) => s.fill === null && s.code !== selected);
  for (let i = faded.length - 1; i >= 0; i--) layers.get(faded[i]!.code)?.bringToBack();
  if (selected) layers.get(selected)?.bringToFront();
}

function styleFor(shape: MapShape, selected: boolean, circles: boolean): L.PathOptions {
  return {
    fillColor: shape.fill ?? FILTERED_OUT_FILL,
    fillOpacity: shape.unconfirmed && shape.fill ? UNCONFIRMED_FILL_OPACITY : 1,
    color: selected ? SELECTED_COLOUR : shape.fill || circles ? BORDER_COLOUR : "#c3c8d1",
    weight: selected ? 3 : circles ? 0.8 : 0.6,
    dashArray: shape.unconfirmed && shape.fill && !selected ? UNCONFIRMED_DASH : undefined,
    opacity: 1,
    interactive: shape.fill !== null,
  };
}

/** Runs `task` after the next frame has been painted, so it does not delay that frame. */
function afterNextPaint(task: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const frame = requestAnimationFrame(() => {
    timer = setTimeout(task, 0);
  });
  return () => {
    cancelAnimationFrame(frame);
    clearTimeout(timer);
  };
}

/**
 * Leaflet snaps what it draws to whole pixels twice: every projected point, and the view's origin (for
 * tiles). The server's SVG does neither, so Leaflet would draw each border up to a pixel away from where
 * the SVG drew it. Without a tile base map the snapping serves no purpose; switched off, the two
 * pictures coincide to the anti-aliasing and Leaflet takes over without anything moving. The origin is a
 * private method of Leaflet 1.9: should it be gone, the map keeps Leaflet's own rounding.
 */
function drawAtServerPositions(map: L.Map, withTiles: boolean) {
  map.latLngToLayerPoint = function (this: L.Map, latlng: L.LatLngExpression) {
    return this.project(L.latLng(latlng as L.LatLngTuple)).subtract(this.getPixelOrigin());
  };
  const internals = map as unknown as { _getNewPixelOrigin?: unknown; _getMapPanePos?: () => L.Point };
  if (withTiles || typeof internals._getNewPixelOrigin !== "function" || typeof internals._getMapPanePos !== "function") return;
  internals._getNewPixelOrigin = function (this: L.Map, center: L.LatLng, zoom?: number) {
    return this.project(center, zoom).subtract(this.getSize().divideBy(2)).add(internals._getMapPanePos!.call(this));
  };
}

function Shapes({
  shapes,
  bordersUrl,
  selection,
  bounds,
  onLayers,
  onDrawn,
  withTiles,
}: Omit<NationalMapProps, "tiles"> & { withTiles: boolean }) {
  const map = useMap();
  useState(() => drawAtServerPositions(map, withTiles));
  const [topology, setTopology] = useState<BorderTopology | "failed" | null>(null);
  const layers = useRef(new Map<string, L.Path>());
  const latest = useRef({ shapes });
  latest.current = { shapes };

  useEffect(() => {
    if (!bordersUrl) return;
    let cancelled = false;
    loadTopology(bordersUrl)
      .then((t) => !cancelled && setTopology(t))
      .catch(() => !cancelled && setTopology("failed"));
    return () => {
      cancelled = true;
    };
  }, [bordersUrl]);

  const mode = bordersUrl && topology !== "failed" ? (topology ? "borders" : "loading") : "circles";

  // Build the layers once per geometry; colours and selection change through setStyle below.
  useEffect(() => {
    if (mode === "loading") return;
    const byCode = new Map(latest.current.shapes.map((s) => [s.code, s]));
    const group = L.featureGroup();
    const drawn = new Map<string, L.Path>();
    let countyBorders: L.GeoJSON | null = null;
    const hover = hoverTooltip(map);
    const wire = (layer: L.Path, shape: MapShape) => {
      layer.on("mouseover", (e: L.LeafletMouseEvent) => hover.show(shape.name, e.latlng));
      layer.on("mousemove", (e: L.LeafletMouseEvent) => hover.move(e.latlng));
      layer.on("mouseout", () => hover.hide());
      layer.on("click", () => selection.set(shape.code));
      drawn.set(shape.code, layer);
    };
    if (mode === "borders" && topology && topology !== "failed") {
      // Shapes in the topology's order, as the server's SVG draws them.
      const collection = feature(topology, topology.objects.municipalities);
      L.geoJSON(collection, {
        ...UNSIMPLIFIED,
        style: (f) => {
          const shape = byCode.get(String(f?.id));
          return shape ? styleFor(shape, shape.code === selection.get(), false) : {};
        },
        onEachFeature: (f, layer) => {
          const shape = byCode.get(String(f.id));
          if (shape) wire(layer as L.Path, shape);
        },
      }).addTo(group);
      if (!map.getPane(COUNTY_BORDERS_PANE)) map.createPane(COUNTY_BORDERS_PANE).style.zIndex = "450";
      countyBorders = L.geoJSON(mesh(topology, topology.objects.counties, (a, b) => a !== b), {
        style: { color: COUNTY_BORDER_COLOUR, weight: 1.6, opacity: 0.9, fill: false, className: "map-county-borders" },
        interactive: false,
        ...UNSIMPLIFIED,
        pane: COUNTY_BORDERS_PANE,
      }).addTo(group);
    } else {
      for (const shape of latest.current.shapes) {
        const circle = L.circleMarker([shape.latitude, shape.longitude], {
          radius: 6,
          ...styleFor(shape, shape.code === selection.get(), true),
        });
        wire(circle, shape);
        circle.addTo(group);
      }
    }
    group.addTo(map);
    layers.current = drawn;
    const circles = mode === "circles";
    for (const shape of latest.current.shapes) {
      const layer = drawn.get(shape.code);
      if (layer) setShapeClass(layer, shape, shape.code === selection.get(), circles);
    }
    applyDrawOrder(drawn, latest.current.shapes, selection.get());
    const container = map.getContainer();
    container.dataset.mode = mode;
    container.dataset.shapes = String(drawn.size);
    onLayers?.({ map, municipalities: drawn, countyBorders });
    // The shapes are in the DOM now; the mark lands once the browser has painted them.
    requestAnimationFrame(() => {
      performance.mark("map:shapes-drawn", { detail: { mode, count: drawn.size } });
      container.dataset.ready = "true";
      onDrawn?.();
    });
    return () => {
      hover.hide();
      group.remove();
      onLayers?.(null);
      delete container.dataset.ready;
    };
  }, [map, mode, topology, onLayers, onDrawn, selection]);

  // Recolour after a filter or colour-mode change, without rebuilding the layers.
  const styled = useRef<string | null>(null);
  useEffect(() => {
    const circles = mode === "circles";
    for (const shape of shapes) {
      const layer = layers.current.get(shape.code);
      if (!layer) continue;
      layer.setStyle(styleFor(shape, shape.code === selection.get(), circles));
      setShapeClass(layer, shape, shape.code === selection.get(), circles);
    }
    applyDrawOrder(layers.current, shapes, selection.get());
    styled.current = selection.get();
  }, [shapes, mode, selection]);

  // A new selection restyles two shapes, not 290, through Leaflet and without a React render: the
  // click must reach the panel quickly. Raising the shape above its neighbours moves its DOM node,
  // which costs more than the restyle, so that waits until the panel has been painted.
  useEffect(() => {
    const circles = mode === "circles";
    const byCode = (code: string | null) => (code ? latest.current.shapes.find((s) => s.code === code) : undefined);
    let cancelRaise = () => {};
    // The selection the page opened with is in the server's view already: only a new one is panned to.
    const restyle = (pan: boolean) => {
      const selected = selection.get();
      const previous = byCode(styled.current);
      if (previous && previous.code !== selected) {
        const layer = layers.current.get(previous.code);
        layer?.setStyle(styleFor(previous, false, circles));
        if (layer) setShapeClass(layer, previous, false, circles);
      }
      cancelRaise();
      const current = byCode(selected);
      const layer = current && layers.current.get(current.code);
      if (current && layer) {
        layer.setStyle(styleFor(current, true, circles));
        setShapeClass(layer, current, true, circles);
        cancelRaise = afterNextPaint(() => {
          layer.bringToFront();
          if (pan) showInView(map, layer);
        });
      }
      styled.current = selected;
    };
    restyle(false);
    const unsubscribe = selection.subscribe(() => restyle(true));
    return () => {
      unsubscribe();
      cancelRaise();
    };
  }, [map, selection, mode]);

  // Show the view the server chose (the chosen county or the whole country), exactly as its SVG did:
  // no padding, and `zoomSnap: 0` so the zoom is not rounded. Again when the page goes to or comes back
  // from paper: the printed map has another size, and Leaflet only learns it from invalidateSize.
  const boundsKey = JSON.stringify(bounds);
  useEffect(() => {
    const view = JSON.parse(boundsKey) as LatLngBoundsTuple;
    // `reset` computes the view's origin afresh (drawAtServerPositions), even when the view is unchanged.
    const fit = () => map.fitBounds(view, { animate: false, padding: [0, 0], reset: true } as L.FitBoundsOptions);
    fit();
    const print = window.matchMedia("print");
    const refit = () => {
      map.invalidateSize({ animate: false });
      fit();
    };
    print.addEventListener("change", refit);
    return () => print.removeEventListener("change", refit);
  }, [map, boundsKey]);

  return null;
}

/** A municipality chosen from the table or the search box comes into view. */
function showInView(map: L.Map, layer: L.Path) {
  const bounds = "getBounds" in layer ? (layer as L.Polygon).getBounds() : null;
  const point = bounds ? bounds.getCenter() : (layer as L.CircleMarker).getLatLng();
  if (!map.getBounds().contains(point)) map.panTo(point);
}

/**
 * The national map: municipality borders when imported (county borders drawn over them), otherwise a
 * circle at each municipality's representative point. SVG renderer: at 290 shapes it answers clicks
 * faster than Canvas, and paths can be styled one by one.
 */
export default function NationalMap(props: NationalMapProps) {
  return (
    <MapContainer
      bounds={props.bounds}
      className="national-map"
      zoomSnap={0}
      minZoom={3}
      maxZoom={11}
      preferCanvas={false}
      attributionControl={!!props.tiles}
      scrollWheelZoom={false}
      zoomControl={false}
    >
      {/* Leaflet's own zoom buttons are titled in English; these give the title and accessible name in Swedish. */}
      <ZoomControl position="topleft" zoomInTitle="Zooma in" zoomOutTitle="Zooma ut" />
      {props.tiles ? <TileLayer url={props.tiles.url} attribution={escapeHtml(props.tiles.attribution)} /> : null}
      <Shapes
        shapes={props.shapes}
        bordersUrl={props.bordersUrl}
        selection={props.selection}
        bounds={props.bounds}
        onLayers={props.onLayers}
        onDrawn={props.onDrawn}
        withTiles={!!props.tiles}
      />
    </MapContainer>
  );
}

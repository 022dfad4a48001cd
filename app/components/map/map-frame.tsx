import { useCallback, useMemo, useState } from "react";
import { ClientOnly } from "remix-utils/client-only";
import type { LatLngBoundsTuple } from "../../domain/geo/map-svg";
import { drawnUnconfirmed, shapeColourClass, type MapFilters, type MapMunicipality, type MapTiles } from "../../domain/map-view";
import { CATEGORY_COLOURS, CHANGE_COLOURS, DIALOGUE_COLOURS } from "./colours";
import NationalMap, { type DrawnLayers, type MapShape } from "./national-map.client";
import type { SelectionStore } from "./selection";
import { ServerMapSvg } from "./server-map-svg";

/**
 * The map box: the server's SVG map first (in the HTML, usable without script), then Leaflet drawing the
 * same view in the same box once the page has hydrated; when Leaflet has drawn, the SVG goes. Also the
 * "Exempeldata" mark, the borders' attribution, and a note when municipalities are drawn as circles.
 */
export function MapFrame({
  municipalities,
  shownCodes,
  filters,
  bordersUrl,
  bounds,
  attribution,
  tiles,
  selection,
  scope,
  example,
  onLayers,
}: {
  municipalities: readonly MapMunicipality[];
  /** The municipalities that match the filters; the others are drawn faded. */
  shownCodes: ReadonlySet<string>;
  filters: MapFilters;
  bordersUrl: string | null;
  /** The view both maps fit: the chosen county or the whole country (from the server's geometry). */
  bounds: LatLngBoundsTuple;
  /** Credit for the borders, shown on the map. */
  attribution: string | null;
  tiles: MapTiles;
  selection: SelectionStore;
  /** "hela landet" or the county's name, for the map's accessible name. */
  scope: string;
  example: boolean;
  onLayers: (layers: DrawnLayers | null) => void;
}) {
  const [leafletDrawn, setLeafletDrawn] = useState(false);
  const onDrawn = useCallback(() => setLeafletDrawn(true), []);
  const shapes = useMemo(
    (): MapShape[] =>
      municipalities.map((m) => ({
        code: m.code,
        name: m.name,
        latitude: m.latitude,
        longitude: m.longitude,
        fill: !shownCodes.has(m.code)
          ? null
          : filters.colourBy === "dialogue"
            ? DIALOGUE_COLOURS[m.dialogue.status]
            : filters.colourBy === "change"
              ? CHANGE_COLOURS[m.changeClass]
              : CATEGORY_COLOURS[m.category],
        colourClass: shapeColourClass(m, filters.colourBy),
        unconfirmed: drawnUnconfirmed(m, filters.colourBy),
      })),
    [municipalities, shownCodes, filters.colourBy],
  );
  return (
    <div className="map-frame" id="karta">
      <div className={leafletDrawn ? "map-box" : "map-box is-svg-shown"} role="region" aria-label={`Karta över kommunerna i ${scope}`} aria-describedby="map-summary">
        <ClientOnly fallback={null}>
          {() => (
            <NationalMap
              shapes={shapes}
              bordersUrl={bordersUrl}
              tiles={tiles}
              selection={selection}
              bounds={bounds}
              onLayers={onLayers}
              onDrawn={onDrawn}
            />
          )}
        </ClientOnly>
        {leafletDrawn ? null : <ServerMapSvg selection={selection} />}
        {example ? (
          <p className="map-example-note" aria-hidden="true">
            Exempeldata
          </p>
        ) : null}
        {attribution ? <p className="map-attribution">{attribution}</p> : null}
      </div>
      {!bordersUrl ? (
        <p className="muted map-note">Kommungränser är inte importerade: varje kommun visas som en cirkel vid sin centralort.</p>
      ) : null}
    </div>
  );
}

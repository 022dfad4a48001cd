import { useMemo } from "react";
import { ClientOnly } from "remix-utils/client-only";
import type { MapFilters, MapMunicipality, MapTiles } from "../../domain/map-view";
import { CATEGORY_COLOURS, CHANGE_COLOURS, DIALOGUE_COLOURS } from "./colours";
import NationalMap, { type DrawnLayers, type MapShape } from "./national-map.client";
import type { SelectionStore } from "./selection";

/**
 * The map box: Leaflet once the page has hydrated (a same-sized placeholder before), the "Exempeldata"
 * mark, and a note when no borders are imported and municipalities are drawn as circles.
 */
export function MapFrame({
  municipalities,
  shownCodes,
  filters,
  bordersUrl,
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
  tiles: MapTiles;
  selection: SelectionStore;
  /** "hela landet" or the county's name, for the map's accessible name. */
  scope: string;
  example: boolean;
  onLayers: (layers: DrawnLayers | null) => void;
}) {
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
        unconfirmed: filters.colourBy !== "dialogue" && m.confirmed === false,
      })),
    [municipalities, shownCodes, filters.colourBy],
  );
  const focus = useMemo(
    () => (filters.county ? municipalities.filter((m) => m.countyCode === filters.county).map((m) => m.code) : null),
    [municipalities, filters.county],
  );
  return (
    <div className="map-frame" id="karta">
      <div className="map-box" role="region" aria-label={`Karta över kommunerna i ${scope}`} aria-describedby="map-summary">
        <ClientOnly fallback={<div className="national-map map-fallback">Kartan laddas …</div>}>
          {() => (
            <NationalMap
              shapes={shapes}
              bordersUrl={bordersUrl}
              tiles={tiles}
              selection={selection}
              focus={focus}
              onLayers={onLayers}
            />
          )}
        </ClientOnly>
        {example ? (
          <p className="map-example-note" aria-hidden="true">
            Exempeldata
          </p>
        ) : null}
      </div>
      {!bordersUrl ? (
        <p className="muted map-note">Kommungränser är inte importerade: varje kommun visas som en cirkel vid sin centralort.</p>
      ) : null}
    </div>
  );
}

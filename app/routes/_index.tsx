import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData, useSubmit } from "@remix-run/react";
import leafletCss from "leaflet/dist/leaflet.css";
import { useCallback, useMemo, useState } from "react";
import { GeneralErrorBoundary } from "../components/error-boundary";
import { FILTER_FORM_ID, MapFilterForm } from "../components/map/filter-form";
import { HomeCountyNote } from "../components/map/home-county-note";
import { MapFrame } from "../components/map/map-frame";
import { MapPageHead } from "../components/map/map-page-head";
import { MapToolbar } from "../components/map/map-toolbar";
import type { DrawnLayers } from "../components/map/national-map.client";
import { createSelectionStore, selectAndFocusPanel, useSelectionInAddress } from "../components/map/selection";
import { MapSide } from "../components/map/side-column";
import { MAP_SVG_MARKUP, seenMarkScript } from "../components/map/server-map-svg";
import { TableSection } from "../components/map/table-section";
import { RoleIntro } from "../components/role-intro";
import { registerCounties, registerMunicipalities } from "../../data/register";
import { packMapRows, unpackMapRows } from "../domain/map-rows";
import { searchMunicipalities } from "../domain/municipality-search";
import {
  countByDialogueStatus,
  filterFormQuery,
  homeCounty,
  legendEntries,
  countByChangeClass,
  mapImageFileName,
  mapImageTitle,
  mapSearchParams,
  matchesFilters,
  scopeName,
  tableCaption,
} from "../domain/map-view";
import { requireUser } from "../services/auth.server";
import { mapTileLayer } from "../services/env.server";
import { getMapGeometry, renderMapSvg } from "../services/map-geometry.server";
import { getMapView } from "../services/map-view.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: leafletCss }];

/** The register the page's script ships with: names and counties need not travel as loader data. */
const REGISTER = { municipalities: registerMunicipalities, counties: registerCounties };

export function loader({ request, context }: LoaderFunctionArgs) {
  const user = requireUser(request);
  const params = new URL(request.url).searchParams;
  // A coordinator's map opens on their own county when the address names none (`county=alla`: all).
  const home = params.has("county") ? null : homeCounty(user);
  if (home) params.set("county", home);
  const view = getMapView(params);
  // "Hitta kommun" without script: the one municipality found is selected as if linked to.
  const searchQuery = params.get("q");
  if (searchQuery !== null && !view.selected) {
    const found = searchMunicipalities(view.municipalities, searchQuery);
    if (found.kind === "one") view.selected = found.match.code;
  }
  // The map's geometry (cached per borders and view) gives the bounds Leaflet fits; its SVG goes into
  // the HTML only, not into the loader data.
  const geometry = getMapGeometry(view);
  context.serverMarkup?.set(MAP_SVG_MARKUP, () => renderMapSvg(geometry, view) + seenMarkScript(context.cspNonce));
  const { municipalities, ...rest } = view;
  return {
    ...rest,
    rows: packMapRows(municipalities),
    mapBounds: geometry.bounds,
    searchQuery: searchQuery?.slice(0, 100) ?? null,
    home:
      home && view.county
        ? { county: view.county, others: view.counties.filter((c) => c.code !== home && user.countyCodes.includes(c.code)) }
        : null,
    tiles: mapTileLayer(),
  };
}

export default function MapPage() {
  const data = useLoaderData<typeof loader>();
  const { filters } = data;
  const municipalities = useMemo(() => unpackMapRows(data.rows, REGISTER), [data.rows]);
  const submit = useSubmit();
  const [selection] = useState(() => createSelectionStore(data.selected));
  useSelectionInAddress(selection, data.selected);
  const [layers, setLayers] = useState<DrawnLayers | null>(null);

  const shown = useMemo(() => municipalities.filter((m) => matchesFilters(m, filters)), [municipalities, filters]);
  const shownCodes = useMemo(() => new Set(shown.map((m) => m.code)), [shown]);
  const dialogueCounts = useMemo(() => countByDialogueStatus(shown), [shown]);
  const inScope = useMemo(
    () => municipalities.filter((m) => !filters.county || m.countyCode === filters.county),
    [municipalities, filters.county],
  );
  const showOnMap = useCallback(
    (code: string) => {
      selectAndFocusPanel(selection, code);
      document.getElementById("karta")?.scrollIntoView({ block: "nearest" });
    },
    [selection],
  );
  // The legend's checkboxes belong to the form by their `form` attribute, outside it in the DOM: their
  // change events do not bubble to the form, so both call this.
  const { counties } = data;
  const applyFilters = useCallback(() => {
    const form = document.getElementById(FILTER_FORM_ID);
    if (!(form instanceof HTMLFormElement)) return;
    const values = new URLSearchParams([...new FormData(form)].map(([k, v]) => [k, String(v)]));
    submit(filterFormQuery(values, counties, selection.get()), { replace: true, preventScrollReset: true });
  }, [submit, selection, counties]);

  const viewSearch = mapSearchParams({ round: data.round?.id ?? null, filters });
  const query = viewSearch.toString();
  const viewParams = useMemo(() => [...new URLSearchParams(query)] as [string, string][], [query]);
  const scope = scopeName(data.county);
  const roundName = data.round?.name ?? null;

  return (
    <div className="map-page">
      <MapPageHead round={data.round} previousRoundName={data.previousRoundName} notices={data.notices} />
      <RoleIntro />
      {data.borders ? <link rel="preload" href={data.borders.url} as="fetch" crossOrigin="anonymous" /> : null}

      {/* The filters and the summary sit beside the map on a wide screen (app.css), above it on a phone. */}
      <div className="map-layout">
        <MapFilterForm rounds={data.rounds} roundId={data.round?.id ?? null} counties={counties} filters={filters} onChange={applyFilters} />
        {data.home ? (
          <HomeCountyNote county={data.home.county} others={data.home.others} round={data.round?.id ?? null} filters={filters} />
        ) : null}
        <p id="map-summary" className="map-summary">
          {data.summary}
        </p>
        <MapFrame
          municipalities={municipalities}
          shownCodes={shownCodes}
          filters={filters}
          bordersUrl={data.borders?.url ?? null}
          bounds={data.mapBounds}
          attribution={data.borders?.attribution ?? null}
          tiles={data.tiles}
          selection={selection}
          scope={scope}
          example={Boolean(data.round?.example)}
          onLayers={setLayers}
        />
        <MapSide
          municipalities={municipalities}
          counts={data.counts}
          dialogueCounts={dialogueCounts}
          colourBy={filters.colourBy}
          categories={filters.categories}
          inScope={filters.colourBy === "category" && !filters.county ? inScope : null}
          formId={FILTER_FORM_ID}
          onFilterChange={applyFilters}
          selection={selection}
          meetingsRecorded={data.meetingsRecorded}
          previousRoundName={data.previousRoundName}
          county={data.county}
          viewParams={viewParams}
          searchQuery={data.searchQuery}
        />
      </div>

      <MapToolbar
        csvHref={`/karta.csv${query ? `?${query}` : ""}`}
        layers={layers}
        title={mapImageTitle(scope, roundName)}
        fileName={mapImageFileName(scope, roundName)}
        attribution={data.borders?.attribution ?? null}
        legend={legendEntries({ ...filters, counts: data.counts, dialogueCounts, changeCounts: countByChangeClass(shown) })}
        example={Boolean(data.round?.example)}
      />

      <h2 id="tabell">Kommunerna i tabellform</h2>
      {shown.length === 0 ? (
        <p>Inga kommuner matchar filtret.</p>
      ) : (
        <TableSection
          municipalities={shown}
          caption={tableCaption({ shown: shown.length, scope, roundName, categoryFiltered: filters.categories.length > 0 })}
          onShow={showOnMap}
        />
      )}
    </div>
  );
}

export const meta: MetaFunction = () => [{ title: "Karta – Samverkanskartan" }];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

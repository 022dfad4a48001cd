import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData, useSubmit } from "@remix-run/react";
import leafletCss from "leaflet/dist/leaflet.css";
import { useCallback, useMemo, useState } from "react";
import { GeneralErrorBoundary } from "../components/error-boundary";
import { FILTER_FORM_ID, MapFilterForm } from "../components/map/filter-form";
import { MapFrame } from "../components/map/map-frame";
import { MapPageHead } from "../components/map/map-page-head";
import { MapToolbar } from "../components/map/map-toolbar";
import type { DrawnLayers } from "../components/map/national-map.client";
import { createSelectionStore, useSelectionInAddress } from "../components/map/selection";
import { MapSide } from "../components/map/side-column";
import { TableSection } from "../components/map/table-section";
import { RoleIntro } from "../components/role-intro";
import {
  countByDialogueStatus,
  filterFormQuery,
  legendEntries,
  countByChangeClass,
  mapImageTitle,
  mapSearchParams,
  matchesFilters,
  scopeName,
  tableCaption,
} from "../domain/map-view";
import { requireUser } from "../services/auth.server";
import { mapTileLayer } from "../services/env.server";
import { getMapView } from "../services/map-view.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: leafletCss }];

export function loader({ request }: LoaderFunctionArgs) {
  requireUser(request);
  return { ...getMapView(new URL(request.url).searchParams), tiles: mapTileLayer() };
}

export default function MapPage() {
  const data = useLoaderData<typeof loader>();
  const { filters } = data;
  const submit = useSubmit();
  const [selection] = useState(() => createSelectionStore(data.selected));
  useSelectionInAddress(selection, data.selected);
  const [layers, setLayers] = useState<DrawnLayers | null>(null);

  const shown = useMemo(() => data.municipalities.filter((m) => matchesFilters(m, filters)), [data.municipalities, filters]);
  const shownCodes = useMemo(() => new Set(shown.map((m) => m.code)), [shown]);
  const dialogueCounts = useMemo(() => countByDialogueStatus(shown), [shown]);
  const inScope = useMemo(
    () => data.municipalities.filter((m) => !filters.county || m.countyCode === filters.county),
    [data.municipalities, filters.county],
  );
  const showOnMap = useCallback(
    (code: string) => {
      selection.set(code);
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

  const query = mapSearchParams({ round: data.round?.id ?? null, filters }).toString();
  const scope = scopeName(data.county);
  const roundName = data.round?.name ?? null;

  return (
    <div className="map-page">
      <MapPageHead round={data.round} previousRoundName={data.previousRoundName} notices={data.notices} />
      <RoleIntro />
      <MapFilterForm rounds={data.rounds} roundId={data.round?.id ?? null} counties={counties} filters={filters} onChange={applyFilters} />
      {data.borders ? <link rel="preload" href={data.borders.url} as="fetch" crossOrigin="anonymous" /> : null}
      <p id="map-summary" className="map-summary">
        {data.summary}
      </p>

      <div className="map-layout">
        <MapFrame
          municipalities={data.municipalities}
          shownCodes={shownCodes}
          filters={filters}
          bordersUrl={data.borders?.url ?? null}
          tiles={data.tiles}
          selection={selection}
          scope={scope}
          example={Boolean(data.round?.example)}
          onLayers={setLayers}
        />
        <MapSide
          municipalities={data.municipalities}
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
        />
      </div>

      <MapToolbar
        csvHref={`/karta.csv${query ? `?${query}` : ""}`}
        layers={layers}
        title={mapImageTitle(scope, roundName)}
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

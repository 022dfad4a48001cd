import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useLoaderData, useSubmit } from "@remix-run/react";
import leafletCss from "leaflet/dist/leaflet.css";
import { memo, Suspense, useCallback, useEffect, useMemo, useState } from "react";
import { ClientOnly } from "remix-utils/client-only";
import { useHydrated } from "remix-utils/use-hydrated";
import { ExampleBanner } from "../components/example-banner";
import { CATEGORY_COLOURS, DIALOGUE_COLOURS } from "../components/map/colours";
import { CategoryLegend, DialogueLegend } from "../components/map/legend";
import { MapSearch } from "../components/map/map-search";
import { MunicipalityPanel } from "../components/map/municipality-panel";
import { MunicipalityTable } from "../components/map/municipality-table";
import NationalMap, { type DrawnLayers } from "../components/map/national-map.client";
import { createSelectionStore, useSelectedCode, type SelectionStore } from "../components/map/selection";
import { exportMapPng } from "../components/map/export-png.client";
import { DIALOGUE_STATUSES, DIALOGUE_STATUS_LABELS, type DialogueStatus } from "../domain/dialogue-status";
import {
  legendText,
  mapSearchParams,
  matchesFilters,
  municipalitiesWord,
  SELECTED_PARAM,
  topCounties,
  withSelectedMunicipality,
} from "../domain/map-view";
import { CATEGORIES, type Category } from "../domain/rating";
import { mapTileLayer } from "../services/env.server";
import { getMapView, type MapMunicipality } from "../services/map-view.server";
import { requireUser } from "../services/auth.server";
import { GeneralErrorBoundary } from "../components/error-boundary";
import { RoleIntro } from "../components/role-intro";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: leafletCss }];

export function loader({ request }: LoaderFunctionArgs) {
  requireUser(request);
  return { ...getMapView(new URL(request.url).searchParams), tiles: mapTileLayer() };
}

const FORM_ID = "map-filters";

/**
 * The form's values in the canonical URL form: defaults (all categories, colour by rating) left out.
 * The selected municipality stays selected.
 */
function cleanFilterQuery(form: HTMLFormElement, selected: string | null): URLSearchParams {
  const values = new FormData(form);
  const params = new URLSearchParams();
  const round = values.get("round");
  if (round) params.set("round", String(round));
  const county = values.get("county");
  if (county) params.set("county", String(county));
  const categories = values.getAll("category").map(String);
  if (categories.length > 0 && categories.length < CATEGORIES.length) {
    for (const c of categories) params.append("category", c);
  }
  if (values.get("colour") === "dialogue") params.set("colour", "dialogue");
  if (selected) params.set(SELECTED_PARAM, selected);
  return params;
}

export default function MapPage() {
  const data = useLoaderData<typeof loader>();
  const submit = useSubmit();
  const hydrated = useHydrated();
  const [selection] = useState(() => createSelectionStore(data.selected));
  useSelectionInAddress(selection, data.selected);
  const [layers, setLayers] = useState<DrawnLayers | null>(null);
  const { filters } = data;

  const shown = useMemo(
    () => data.municipalities.filter((m) => matchesFilters(m, filters)),
    [data.municipalities, filters],
  );
  const shownCodes = useMemo(() => new Set(shown.map((m) => m.code)), [shown]);
  const shapes = useMemo(
    () =>
      data.municipalities.map((m) => ({
        code: m.code,
        name: m.name,
        latitude: m.latitude,
        longitude: m.longitude,
        fill: !shownCodes.has(m.code)
          ? null
          : filters.colourBy === "dialogue"
            ? DIALOGUE_COLOURS[m.dialogue.status]
            : CATEGORY_COLOURS[m.category],
      })),
    [data.municipalities, shownCodes, filters.colourBy],
  );
  const focus = useMemo(
    () => (filters.county ? data.municipalities.filter((m) => m.countyCode === filters.county).map((m) => m.code) : null),
    [data.municipalities, filters.county],
  );
  const dialogueCounts = useMemo(() => {
    const counts: Record<DialogueStatus, number> = { met_this_year: 0, planned: 0, no_contact: 0 };
    for (const m of shown) counts[m.dialogue.status] += 1;
    return counts;
  }, [shown]);
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
  const applyFilters = useCallback(() => {
    const form = document.getElementById(FORM_ID);
    if (form instanceof HTMLFormElement) {
      submit(cleanFilterQuery(form, selection.get()), { replace: true, preventScrollReset: true });
    }
  }, [submit, selection]);

  const query = mapSearchParams({ round: data.round?.id ?? null, filters }).toString();
  const scopeName = data.county?.name ?? "hela landet";
  const caption =
    `${shown.length} ${municipalitiesWord(shown.length)} i ${scopeName}` +
    (data.round ? `, bedömning i ${data.round.name}` : "") +
    (filters.categories.length ? ` (filtrerat på kategori)` : "");
  const legendEntries =
    filters.colourBy === "dialogue"
      ? DIALOGUE_STATUSES.map((s) => ({ colour: DIALOGUE_COLOURS[s], text: `${dialogueCounts[s]} ${municipalitiesWord(dialogueCounts[s])}: ${DIALOGUE_STATUS_LABELS[s].toLocaleLowerCase("sv")}` }))
      : CATEGORIES.filter((c) => filters.categories.length === 0 || filters.categories.includes(c)).map((c) => ({
          colour: CATEGORY_COLOURS[c],
          text: legendText(c, data.counts[c]),
        }));

  return (
    <div className="map-page">
      <div className="map-page-head">
        <h1>Samverkan med kommunerna</h1>
        {data.round ? (
          <p className="muted round-line">
            {data.round.name} · {data.round.period}
            {data.previousRoundName ? ` · jämförs med ${data.previousRoundName}` : ""}
          </p>
        ) : null}
      </div>
      <RoleIntro />

      {data.notices.map((notice) => (
        <p key={notice} className="form-error" role="alert">
          {notice}
        </p>
      ))}
      {data.round?.example ? <ExampleBanner roundName={data.round.name} /> : null}
      {!data.round ? <p className="panel">Det finns ingen kartläggning ännu. Alla kommuner visas som ej bedömda.</p> : null}

      <Form
        id={FORM_ID}
        method="get"
        className="filters map-filters no-print"
        aria-label="Filtrera kartan"
        onChange={applyFilters}
      >
        <div className="field">
          <label htmlFor="round">Kartläggning</label>
          <select id="round" name="round" defaultValue={data.round?.id ?? ""} key={`round-${data.round?.id}`}>
            {data.rounds.map((r) => (
              <option key={r.id} value={r.id}>
                {r.name}
                {r.example ? " (exempeldata)" : ""}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="county">Län</label>
          <select id="county" name="county" defaultValue={filters.county ?? ""} key={`county-${filters.county}`}>
            <option value="">Hela landet</option>
            {data.counties.map((c) => (
              <option key={c.code} value={c.code}>
                {c.name}
              </option>
            ))}
          </select>
        </div>
        <fieldset className="field segmented" key={`colour-${filters.colourBy}`}>
          <legend>Färglägg efter</legend>
          <label>
            <input type="radio" name="colour" value="category" defaultChecked={filters.colourBy === "category"} />
            Bedömning
          </label>
          <label>
            <input type="radio" name="colour" value="dialogue" defaultChecked={filters.colourBy === "dialogue"} />
            Dialogstatus
          </label>
        </fieldset>
        {filters.colourBy === "dialogue"
          ? filters.categories.map((c) => <input key={c} type="hidden" name="category" value={c} />)
          : null}
        <noscript>
          <button type="submit">Visa</button>
        </noscript>
      </Form>

      {data.borders ? <link rel="preload" href={data.borders.url} as="fetch" crossOrigin="anonymous" /> : null}
      <p id="map-summary" className="map-summary">
        {data.summary}
      </p>

      <div className="map-layout">
        <div className="map-frame" id="karta">
          <div
            className="map-box"
            role="region"
            aria-label={`Karta över kommunerna i ${scopeName}`}
            aria-describedby="map-summary"
          >
            <ClientOnly fallback={<div className="national-map map-fallback">Kartan laddas …</div>}>
              {() => (
                <NationalMap
                  shapes={shapes}
                  bordersUrl={data.borders?.url ?? null}
                  tiles={data.tiles}
                  selection={selection}
                  focus={focus}
                  onLayers={setLayers}
                />
              )}
            </ClientOnly>
            {data.round?.example ? (
              <p className="map-example-note" aria-hidden="true">
                Exempeldata
              </p>
            ) : null}
          </div>
          {!data.borders ? (
            <p className="muted map-note">
              Kommungränser är inte importerade: varje kommun visas som en cirkel vid sin centralort.
            </p>
          ) : null}
        </div>

        <MapSide
          municipalities={data.municipalities}
          counts={data.counts}
          dialogueCounts={dialogueCounts}
          colourBy={filters.colourBy}
          categories={filters.categories}
          inScope={filters.colourBy === "category" && !filters.county ? inScope : null}
          onFilterChange={applyFilters}
          selection={selection}
          meetingsRecorded={data.meetingsRecorded}
        />
      </div>

      <div className="map-toolbar no-print">
        <a className="button secondary" href={`/karta.csv${query ? `?${query}` : ""}`} download>
          Ladda ner tabellen (CSV)
        </a>
        {hydrated ? (
          <>
            <button
              type="button"
              className="button secondary"
              disabled={!layers}
              onClick={() =>
                layers &&
                exportMapPng(layers, {
                  title: `Samverkan med kommunerna – ${scopeName}${data.round ? `, ${data.round.name}` : ""}`,
                  legend: legendEntries,
                  note: data.round?.example ? "Exempeldata, inte verkliga bedömningar." : null,
                  fileName: "samverkanskartan.png",
                })
              }
            >
              Spara kartbild (PNG)
            </button>
            <button type="button" className="button secondary" onClick={() => window.print()}>
              Skriv ut
            </button>
          </>
        ) : null}
      </div>

      <h2 id="tabell">Kommunerna i tabellform</h2>
      {shown.length === 0 ? (
        <p>Inga kommuner matchar filtret.</p>
      ) : (
        <TableSection municipalities={shown} caption={caption} onShow={showOnMap} />
      )}
    </div>
  );
}

/**
 * The selection lives in the address (`?municipality=`), so a view with an open panel can be shared or
 * bookmarked. A click replaces the current history entry in place, keeping Remix's state, without a
 * navigation: the loader does not run again for a click. A navigation (back, forward, a link) brings
 * the selection its URL names.
 */
function useSelectionInAddress(selection: SelectionStore, fromUrl: string | null) {
  useEffect(() => selection.set(fromUrl), [selection, fromUrl]);
  useEffect(
    () =>
      selection.subscribe(() => {
        const { pathname, search, hash } = window.location;
        const next = withSelectedMunicipality(search, selection.get());
        if (next !== search) window.history.replaceState(window.history.state, "", `${pathname}${next}${hash}`);
      }),
    [selection],
  );
}

/*
 * The side column and the table are server-rendered in full but hydrated after the rest of the page:
 * React hydrates a Suspense boundary from the server HTML only once the shell has committed, and at a
 * lower priority than the map's own updates, so the map is drawn without waiting for 290 table rows.
 * Both are memoised on purpose: a boundary that receives new props before it has hydrated is rendered
 * again from scratch instead of being hydrated.
 */

const MapSide = memo(function MapSide({
  municipalities,
  counts,
  dialogueCounts,
  colourBy,
  categories,
  inScope,
  onFilterChange,
  selection,
  meetingsRecorded,
}: {
  municipalities: readonly MapMunicipality[];
  counts: Record<Category, number>;
  dialogueCounts: Record<DialogueStatus, number>;
  colourBy: "category" | "dialogue";
  categories: readonly Category[];
  /** The municipalities for "Län med flest", or null to leave it out. */
  inScope: readonly MapMunicipality[] | null;
  onFilterChange: () => void;
  selection: SelectionStore;
  meetingsRecorded: boolean;
}) {
  const select = useCallback((code: string) => selection.set(code), [selection]);
  return (
    <Suspense fallback={null}>
      <aside className="map-side" aria-label="Teckenförklaring och vald kommun">
        {/* Two columns of their own, so a taller panel never moves the search box or the legend. */}
        <div className="map-side-column">
          <MapSearch municipalities={municipalities} onFound={select} />
          {colourBy === "dialogue" ? (
            <DialogueLegend counts={dialogueCounts} />
          ) : (
            <CategoryLegend counts={counts} selected={categories} formId={FORM_ID} onChange={onFilterChange} />
          )}
        </div>
        <div className="map-side-column">
          <SelectedMunicipality municipalities={municipalities} selection={selection} meetingsRecorded={meetingsRecorded} />
          {inScope ? <TopCounties municipalities={inScope} /> : null}
        </div>
      </aside>
    </Suspense>
  );
});

/** The panel is the only part of the page that re-renders when the selection changes. */
function SelectedMunicipality({
  municipalities,
  selection,
  meetingsRecorded,
}: {
  municipalities: readonly MapMunicipality[];
  selection: SelectionStore;
  meetingsRecorded: boolean;
}) {
  const code = useSelectedCode(selection);
  const municipality = useMemo(() => municipalities.find((m) => m.code === code) ?? null, [municipalities, code]);
  const close = useCallback(() => selection.set(null), [selection]);
  return <MunicipalityPanel municipality={municipality} meetingsRecorded={meetingsRecorded} onClose={close} />;
}

const TableSection = memo(function TableSection({
  municipalities,
  caption,
  onShow,
}: {
  municipalities: readonly MapMunicipality[];
  caption: string;
  onShow: (code: string) => void;
}) {
  return (
    <Suspense fallback={null}>
      <div className="table-section">
        <HydratedTable municipalities={municipalities} caption={caption} onShow={onShow} />
      </div>
    </Suspense>
  );
});

/** The "Visa" buttons and sorting need script: the table gets them once its own boundary has hydrated. */
function HydratedTable(props: { municipalities: readonly MapMunicipality[]; caption: string; onShow: (code: string) => void }) {
  return <MunicipalityTable {...props} interactive={useHydrated()} />;
}

const TopCounties = memo(function TopCounties({ municipalities }: { municipalities: Parameters<typeof topCounties>[0] }) {
  const rows = (["access_gap", "needs_strengthening"] as const)
    .map((category) => ({ category, top: topCounties(municipalities, category, 3) }))
    .filter((r) => r.top.length > 0);
  if (rows.length === 0) return null;
  return (
    <div className="top-counties">
      <h2 className="legend-title">Län med flest</h2>
      <dl>
        {rows.map((r) => (
          <div key={r.category}>
            <dt>
              <span className={`swatch ${r.category}`} aria-hidden="true" />{" "}
              {r.category === "access_gap" ? "Otillfredsställande tillgång" : "Samverkan behöver stärkas"}
            </dt>
            <dd>{r.top.map((t) => `${t.countyName} (${t.count})`).join(", ")}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
});

export const meta: MetaFunction = () => [{ title: "Karta – Samverkanskartan" }];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

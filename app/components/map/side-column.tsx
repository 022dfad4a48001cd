import { useLocation } from "@remix-run/react";
import { memo, Suspense, useCallback, useEffect, useMemo, useRef } from "react";
import type { DialogueStatus } from "../../domain/dialogue-status";
import { topCounties, withSelectedMunicipality, type ColourBy, type MapMunicipality } from "../../domain/map-view";
import { CATEGORY_LABELS, type Category } from "../../domain/rating";
import { CategoryLegend, ChangeLegend, DialogueLegend, UnconfirmedNote } from "./legend";
import { countByChangeClass } from "../../domain/map-view";
import { MapSearch } from "./map-search";
import { MunicipalityPanel } from "./municipality-panel";
import { closePanel, useSelectedCode, type SelectionStore } from "./selection";

/*
 * The side column (but its panel) and the table are server-rendered in full but hydrated after the rest of the page:
 * React hydrates a Suspense boundary from the server HTML only once the shell has committed, and at a
 * lower priority than the map's own updates, so the map is drawn without waiting for 290 table rows.
 * Both are memoised on purpose: a boundary that receives new props before it has hydrated is rendered
 * again from scratch instead of being hydrated.
 */

/** Search, legend (the category filter), the selected municipality's panel and "Län med flest". */
export const MapSide = memo(function MapSide({
  municipalities,
  counts,
  dialogueCounts,
  colourBy,
  categories,
  inScope,
  formId,
  onFilterChange,
  selection,
  meetingsRecorded,
  previousRoundName = null,
  county,
  viewParams,
  searchQuery,
}: {
  municipalities: readonly MapMunicipality[];
  counts: Record<Category, number>;
  dialogueCounts: Record<DialogueStatus, number>;
  colourBy: ColourBy;
  categories: readonly Category[];
  /** The municipalities for "Län med flest", or null to leave it out. */
  inScope: readonly MapMunicipality[] | null;
  /** The filter form the legend's checkboxes belong to. */
  formId: string;
  onFilterChange: () => void;
  selection: SelectionStore;
  meetingsRecorded: boolean;
  previousRoundName?: string | null;
  /** The county the map shows, or null for the whole country (for the search). */
  county: { code: string; name: string } | null;
  /** The view's query without the selection, which the search form keeps. */
  viewParams: readonly [string, string][];
  /** What the page was asked to search for (`?q=`), or null. */
  searchQuery: string | null;
}) {
  const changeCounts = useMemo(() => countByChangeClass(municipalities), [municipalities]);
  const unconfirmed = useMemo(() => municipalities.filter((m) => m.confirmed === false).length, [municipalities]);
  const select = useCallback((code: string) => selection.set(code), [selection]);
  return (
    <aside className="map-side" aria-label="Teckenförklaring och vald kommun">
      {/* Two columns of their own, so a taller panel never moves the search box or the legend. */}
      <Suspense fallback={null}>
        <div className="map-side-column">
          <MapSearch
            municipalities={municipalities}
            county={county}
            viewParams={viewParams}
            initialQuery={searchQuery}
            onFound={select}
          />
          {colourBy === "dialogue" ? (
            <DialogueLegend counts={dialogueCounts} />
          ) : colourBy === "change" ? (
            <ChangeLegend counts={changeCounts} previousRoundName={previousRoundName} />
          ) : (
            <CategoryLegend counts={counts} selected={categories} formId={formId} onChange={onFilterChange} />
          )}
          {colourBy === "dialogue" ? null : <UnconfirmedNote count={unconfirmed} />}
        </div>
      </Suspense>
      {/* The panel hydrates with the page, not after it: a click on the map as soon as Leaflet has drawn
          opens it at once (the search, the legend and "Län med flest" can wait). */}
      <div className="map-side-column">
        <SelectedMunicipality municipalities={municipalities} selection={selection} meetingsRecorded={meetingsRecorded} />
        <Suspense fallback={null}>{inScope ? <TopCounties municipalities={inScope} /> : null}</Suspense>
      </div>
    </aside>
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
  useScrollPanelIntoViewOnPhone(code, selection.initial);
  const close = useCallback(() => closePanel(selection), [selection]);
  const { pathname, search } = useLocation();
  const closeTo = useMemo(
    () => ({ pathname, params: [...new URLSearchParams(withSelectedMunicipality(search, null))] }),
    [pathname, search],
  );
  return <MunicipalityPanel municipality={municipality} meetingsRecorded={meetingsRecorded} closeTo={closeTo} onClose={close} />;
}

/**
 * On a narrow screen the panel sits under the map: a municipality chosen on the map (a tap) brings the
 * panel into view, where the user is looking, unless it already is. Not for the selection the page
 * opened with.
 */
function useScrollPanelIntoViewOnPhone(code: string | null, initial: string | null) {
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      if (code === initial) return;
    }
    if (!code || !window.matchMedia("(max-width: 1000px)").matches) return;
    const panel = document.getElementById("vald-kommun");
    if (!panel) return;
    const box = panel.getBoundingClientRect();
    if (box.top < 0 || box.top > window.innerHeight - Math.min(box.height, window.innerHeight * 0.6)) {
      panel.scrollIntoView({ block: "nearest", behavior: "smooth" });
    }
  }, [code, initial]);
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
              {CATEGORY_LABELS[r.category]}
            </dt>
            <dd>{r.top.map((t) => `${t.countyName} (${t.count})`).join(", ")}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
});

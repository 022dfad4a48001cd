import { memo, Suspense, useCallback, useMemo } from "react";
import type { DialogueStatus } from "../../domain/dialogue-status";
import { topCounties, type ColourBy, type MapMunicipality } from "../../domain/map-view";
import { CATEGORY_LABELS, type Category } from "../../domain/rating";
import { CategoryLegend, ChangeLegend, DialogueLegend, UnconfirmedNote } from "./legend";
import { countByChangeClass } from "../../domain/map-view";
import { MapSearch } from "./map-search";
import { MunicipalityPanel } from "./municipality-panel";
import { useSelectedCode, type SelectionStore } from "./selection";

/*
 * The side column and the table are server-rendered in full but hydrated after the rest of the page:
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
}) {
  const changeCounts = useMemo(() => countByChangeClass(municipalities), [municipalities]);
  const unconfirmed = useMemo(() => municipalities.filter((m) => m.confirmed === false).length, [municipalities]);
  const select = useCallback((code: string) => selection.set(code), [selection]);
  return (
    <Suspense fallback={null}>
      <aside className="map-side" aria-label="Teckenförklaring och vald kommun">
        {/* Two columns of their own, so a taller panel never moves the search box or the legend. */}
        <div className="map-side-column">
          <MapSearch municipalities={municipalities} onFound={select} />
          {colourBy === "dialogue" ? (
            <DialogueLegend counts={dialogueCounts} />
          ) : colourBy === "change" ? (
            <ChangeLegend counts={changeCounts} previousRoundName={previousRoundName} />
          ) : (
            <CategoryLegend counts={counts} selected={categories} formId={formId} onChange={onFilterChange} />
          )}
          {colourBy === "dialogue" ? null : <UnconfirmedNote count={unconfirmed} />}
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

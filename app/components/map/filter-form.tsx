import { Form } from "@remix-run/react";
import { WHOLE_COUNTRY, type MapFilters } from "../../domain/map-view";
import { RATING_FIELD_LABELS } from "../../domain/rating";

/** The id the legend's category checkboxes name in their `form` attribute. */
export const FILTER_FORM_ID = "map-filters";

/**
 * Round, county and colouring. A plain GET form without script; with script every change applies at
 * once (`onChange`), and the legend's category checkboxes belong to it by their `form` attribute.
 */
export function MapFilterForm({
  rounds,
  roundId,
  counties,
  filters,
  onChange,
}: {
  rounds: readonly { id: number; name: string; example: boolean }[];
  roundId: number | null;
  counties: readonly { code: string; name: string }[];
  filters: MapFilters;
  onChange: () => void;
}) {
  return (
    <Form id={FILTER_FORM_ID} method="get" className="filters map-filters no-print" aria-label="Filtrera kartan" onChange={onChange}>
      <div className="field">
        <label htmlFor="round">Kartläggning</label>
        <select id="round" name="round" defaultValue={roundId ?? ""} key={`round-${roundId}`}>
          {rounds.map((r) => (
            <option key={r.id} value={r.id}>
              {r.name}
              {r.example ? " (exempeldata)" : ""}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="county">Län</label>
        <select id="county" name="county" defaultValue={filters.county ?? WHOLE_COUNTRY} key={`county-${filters.county}`}>
          <option value={WHOLE_COUNTRY}>Hela landet</option>
          {counties.map((c) => (
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
          {RATING_FIELD_LABELS.category}
        </label>
        <label>
          <input type="radio" name="colour" value="dialogue" defaultChecked={filters.colourBy === "dialogue"} />
          Dialogstatus
        </label>
        <label>
          <input type="radio" name="colour" value="change" defaultChecked={filters.colourBy === "change"} />
          Förändring
        </label>
      </fieldset>
      {filters.colourBy !== "category"
        ? filters.categories.map((c) => <input key={c} type="hidden" name="category" value={c} />)
        : null}
      <noscript>
        <button type="submit">Visa</button>
      </noscript>
    </Form>
  );
}

import { memo } from "react";
import { DIALOGUE_STATUSES, DIALOGUE_STATUS_LABELS, type DialogueStatus } from "../../domain/dialogue-status";
import { changeLegendText, dialogueLegendText, legendText } from "../../domain/map-view";
import { CHANGE_CLASSES, type ChangeClass } from "../../domain/round-comparison";
import { CATEGORIES, RATING_FIELD_LABELS, type Category } from "../../domain/rating";

/**
 * The legend doubles as the category filter: each entry is a checkbox of the filter form (by its
 * `form` attribute), with the swatch, the label and the count.
 */
export const CategoryLegend = memo(function CategoryLegend({
  counts,
  selected,
  formId,
  onChange,
}: {
  counts: Record<Category, number>;
  selected: readonly Category[];
  formId: string;
  onChange: () => void;
}) {
  return (
    <fieldset className="legend">
      <legend>
        {RATING_FIELD_LABELS.category}
        <span className="no-print"> (visa eller dölj)</span>
      </legend>
      <ul>
        {CATEGORIES.map((c) => (
          <li key={c}>
            <label>
              <input
                type="checkbox"
                name="category"
                value={c}
                form={formId}
                onChange={onChange}
                defaultChecked={selected.length === 0 || selected.includes(c)}
                key={`${c}-${selected.join()}`}
              />
              <span className={`swatch ${c}`} aria-hidden="true" />
              <span>{legendText(c, counts[c])}</span>
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
});

export function DialogueLegend({ counts }: { counts: Record<DialogueStatus, number> }) {
  return (
    <div className="legend">
      <h2 className="legend-title">Dialogstatus</h2>
      <ul>
        {DIALOGUE_STATUSES.map((s) => (
          <li key={s}>
            <span className={`swatch dlg-${s}`} aria-hidden="true" />
            <span>{dialogueLegendText(s, counts[s])}</span>
          </li>
        ))}
      </ul>
      <p className="legend-note">
        Utifrån registrerade dialogmöten, direkt eller via ett forum som kommunen är med i. "{DIALOGUE_STATUS_LABELS.met_this_year}":
        ett genomfört möte i år; "{DIALOGUE_STATUS_LABELS.planned}": inget i år men ett bokat framåt.
      </p>
    </div>
  );
}

/** The change map's legend: better, the same, worse, or not comparable, since the previous round. */
export function ChangeLegend({ counts, previousRoundName }: { counts: Record<ChangeClass, number>; previousRoundName: string | null }) {
  return (
    <div className="legend">
      <h2 className="legend-title">Förändring{previousRoundName ? ` sedan ${previousRoundName}` : ""}</h2>
      <ul>
        {CHANGE_CLASSES.map((c) => (
          <li key={c}>
            <span className={`swatch change-${c}`} aria-hidden="true" />
            <span>{changeLegendText(c, counts[c])}</span>
          </li>
        ))}
      </ul>
      {previousRoundName ? null : <p className="legend-note">Det finns ingen tidigare kartläggning att jämföra med.</p>}
    </div>
  );
}

/** Shown under a legend when some ratings are only pre-filled. */
export function UnconfirmedNote({ count }: { count: number }) {
  if (count === 0) return null;
  return (
    <p className="legend-note">
      <span className="swatch unconfirmed" aria-hidden="true" /> Ljusare med streckad kant: förifylld, ej bekräftad ({count}).
    </p>
  );
}

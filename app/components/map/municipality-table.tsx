import { Link } from "@remix-run/react";
import { memo, useMemo, useState } from "react";
import { compareSwedish } from "../../domain/collation";
import {
  CATEGORIES,
  COLLABORATION_LABELS,
  collaborationLabel,
  INTERVENTION_ACCESS_LABELS,
  interventionAccessLabel,
  RATING_FIELD_LABELS,
} from "../../domain/rating";
import type { MapMunicipality } from "../../domain/map-view";
import { CategoryBadge } from "../category";
import { TableScroll } from "../table-scroll";

type SortKey = "name" | "county" | "collaboration" | "access" | "category";
const COLUMNS: { key: SortKey; label: string }[] = [
  { key: "name", label: "Kommun" },
  { key: "county", label: "Län" },
  { key: "collaboration", label: RATING_FIELD_LABELS.collaboration },
  { key: "access", label: RATING_FIELD_LABELS.interventionAccess },
  { key: "category", label: RATING_FIELD_LABELS.category },
];

function sortValue(m: MapMunicipality, key: SortKey): string {
  switch (key) {
    case "name":
      return m.name;
    case "county":
      return m.countyName;
    case "collaboration":
      return m.collaboration ? COLLABORATION_LABELS[m.collaboration] : "\uffff";
    case "access":
      return m.interventionAccess ? INTERVENTION_ACCESS_LABELS[m.interventionAccess] : "\uffff";
    case "category":
      return String(CATEGORIES.indexOf(m.category));
  }
}

/**
 * The map's accessible twin: the municipalities shown, sortable the Swedish way (Å, Ä, Ö after Z),
 * with ties broken by name. Sorting needs script; the server renders it sorted by name.
 */
export const MunicipalityTable = memo(function MunicipalityTable({
  municipalities,
  caption,
  onShow,
  interactive,
}: {
  municipalities: readonly MapMunicipality[];
  caption: string;
  onShow: (code: string) => void;
  interactive: boolean;
}) {
  const [sort, setSort] = useState<{ key: SortKey; descending: boolean }>({ key: "name", descending: false });
  const rows = useMemo(() => {
    const sorted = [...municipalities].sort(
      (a, b) => compareSwedish(sortValue(a, sort.key), sortValue(b, sort.key)) || compareSwedish(a.name, b.name),
    );
    return sort.descending ? sorted.reverse() : sorted;
  }, [municipalities, sort]);

  return (
    <TableScroll label={caption}>
      <table className="data municipality-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            {COLUMNS.map((c) => {
              const active = sort.key === c.key;
              return (
                <th
                  key={c.key}
                  scope="col"
                  aria-sort={active ? (sort.descending ? "descending" : "ascending") : undefined}
                >
                  {interactive ? (
                    <button
                      type="button"
                      className="sort"
                      onClick={() => setSort({ key: c.key, descending: active ? !sort.descending : false })}
                    >
                      {c.label}
                      <span className="sort-indicator" aria-hidden="true">
                        {active ? (sort.descending ? " ▼" : " ▲") : " ↕"}
                      </span>
                    </button>
                  ) : (
                    c.label
                  )}
                </th>
              );
            })}
            {interactive ? (
              <th scope="col">
                <span className="visually-hidden">Visa på kartan</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {rows.map((m) => (
            <tr key={m.code} data-code={m.code}>
              <td>
                {/* The server's table is never hydrated (table-section.tsx): a plain link, cheaper to render. */}
                {interactive ? <Link to={`/kommuner/${m.code}`}>{m.name}</Link> : <a href={`/kommuner/${m.code}`}>{m.name}</a>}
              </td>
              <td>{m.countyName}</td>
              <td>{collaborationLabel(m.collaboration, "–")}</td>
              <td>{interventionAccessLabel(m.interventionAccess, "–")}</td>
              <td>
                <CategoryBadge category={m.category} />
                {m.confirmed === false ? <div className="unconfirmed-note">ej bekräftad</div> : null}
              </td>
              {interactive ? (
                <td>
                  <button type="button" className="link-button" onClick={() => onShow(m.code)}>
                    Visa<span className="visually-hidden"> {m.name} på kartan</span>
                  </button>
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
});

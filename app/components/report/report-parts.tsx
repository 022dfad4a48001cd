import type { ReactNode } from "react";
import { formatIndicatorValue } from "../../domain/indicators";
import { CATEGORIES, CATEGORY_LABELS, type Category } from "../../domain/rating";
import { ExampleBadge } from "../example-banner";
import { TableScroll } from "../table-scroll";

/**
 * A map or chart drawn on the server, shown as an image of its SVG (served by
 * /rapport/:year/diagram/:name) with its text alternative, a caption, and its table twin under it, so
 * the figures are there to read and to print.
 */
export function ChartFigure({
  figure,
  caption,
  className,
  children,
}: {
  figure: { src: string; alt: string; width: number; height: number };
  caption: ReactNode;
  className?: string;
  children?: ReactNode;
}) {
  return (
    <figure className={`chart ${className ?? ""}`}>
      <img className="chart-image" src={figure.src} alt={figure.alt} width={figure.width} height={figure.height} decoding="async" />
      <figcaption>{caption}</figcaption>
      {children}
    </figure>
  );
}

/** Category counts as a table: one row per group (the country, a county, a round). */
export function CategoryTable({
  caption,
  groupLabel,
  rows,
}: {
  caption: string;
  groupLabel: string;
  rows: readonly { key: string | number; label: ReactNode; counts: Record<Category, number> }[];
}) {
  return (
    <TableScroll label={caption}>
    <table className="data report-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{groupLabel}</th>
          {CATEGORIES.map((c) => (
            <th key={c} scope="col" className="num">
              <span className={`swatch ${c}`} aria-hidden="true" /> {CATEGORY_LABELS[c]}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key}>
            <th scope="row">{r.label}</th>
            {CATEGORIES.map((c) => (
              <td key={c} className="num">
                {r.counts[c]}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
    </TableScroll>
  );
}

export function Example({ when }: { when: boolean }) {
  return when ? (
    <>
      {" "}
      <ExampleBadge />
    </>
  ) : null;
}

export function Value({ value }: { value: number | string | null }) {
  return <>{formatIndicatorValue(value)}</>;
}

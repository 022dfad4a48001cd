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

export type FigureTableColumn = { label: ReactNode; key?: string | number; num?: boolean };
export type FigureTableRow = { key: string | number; head: ReactNode; cells: readonly ReactNode[]; total?: boolean };

/**
 * The one way the report draws a table of figures: a caption, an optional head row (its first column
 * names the rows), one row header per row and its cells. Numeric columns are right-aligned; without a
 * head row every cell is a number.
 */
export function FigureTable({
  label,
  caption,
  columns,
  rows,
  narrow = false,
  className,
}: {
  label?: string;
  caption: ReactNode;
  columns?: readonly FigureTableColumn[];
  rows: readonly FigureTableRow[];
  narrow?: boolean;
  className?: string;
}) {
  const numeric = (i: number) => (columns ? Boolean(columns[i + 1]?.num) : true);
  return (
    <TableScroll label={label ?? (typeof caption === "string" ? caption : "Tabell")}>
      <table className={["data report-table", narrow ? "narrow" : "", className ?? ""].filter(Boolean).join(" ")}>
        <caption>{caption}</caption>
        {columns ? (
          <thead>
            <tr>
              {columns.map((c, i) => (
                <th key={c.key ?? i} scope="col" className={c.num ? "num" : undefined}>
                  {c.label}
                </th>
              ))}
            </tr>
          </thead>
        ) : null}
        <tbody>
          {rows.map((r) => (
            <tr key={r.key} className={r.total ? "total" : undefined}>
              <th scope="row">{r.head}</th>
              {r.cells.map((cell, i) => (
                <td key={i} className={numeric(i) ? "num" : undefined}>
                  {cell}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
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
    <FigureTable
      caption={caption}
      columns={[
        { label: groupLabel },
        ...CATEGORIES.map((c) => ({
          key: c,
          num: true,
          label: (
            <>
              <span className={`swatch ${c}`} aria-hidden="true" /> {CATEGORY_LABELS[c]}
            </>
          ),
        })),
      ]}
      rows={rows.map((r) => ({ key: r.key, head: r.label, cells: CATEGORIES.map((c) => r.counts[c]) }))}
    />
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

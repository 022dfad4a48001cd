import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { CategoryBadge } from "../components/category";
import { CountySelect } from "../components/county-select";
import { TableScroll } from "../components/table-scroll";
import { GeneralErrorBoundary } from "../components/error-boundary";
import { ExampleBadge } from "../components/example-banner";
import { formatPeriodSv } from "../domain/dates";
import { CATEGORIES, CATEGORY_LABELS, CATEGORY_SHORT_LABELS, isCategory, type Category } from "../domain/rating";
import { CHANGE_CLASS_LABELS, CHANGE_CLASSES } from "../domain/round-comparison";
import { listCounties } from "../models/register.server";
import { listRounds } from "../models/round.server";
import { requireUser } from "../services/auth.server";
import { compareRoundsFor, resolveComparison, roundSummary } from "../services/comparison.server";

export function loader({ request }: LoaderFunctionArgs) {
  requireUser(request);
  const params = new URL(request.url).searchParams;
  const rounds = listRounds().map(roundSummary);
  const pair = resolveComparison(request, params.get("fran"), params.get("till"));
  if (!pair) return { rounds, comparison: null, counties: listCounties() };
  const result = compareRoundsFor(request, pair.from.id, pair.to.id, params.get("county"));
  const cellFrom = params.get("fran_kategori");
  const cellTo = params.get("till_kategori");
  const cell = cellFrom && cellTo && isCategory(cellFrom) && isCategory(cellTo) ? { from: cellFrom, to: cellTo } : null;
  const comments = new Map(result.rows.map((r) => [r.code, r.comment]));
  const withComment = (list: typeof result.improved) => list.map((m) => ({ ...m, comment: comments.get(m.code) ?? "" }));
  return {
    rounds,
    counties: listCounties(),
    comparison: {
      from: roundSummary(pair.from),
      to: roundSummary(pair.to),
      county: result.county,
      matrix: result.matrix,
      counts: result.counts,
      total: result.rows.length,
      improved: withComment(result.improved),
      worsened: withComment(result.worsened),
      cell: cell && { ...cell, municipalities: result.rows.filter((r) => r.from === cell.from && r.to === cell.to).map((r) => ({ code: r.code, name: r.name })) },
    },
  };
}

export default function ComparePage() {
  const { rounds, counties, comparison } = useLoaderData<typeof loader>();
  if (!comparison) {
    return (
      <>
        <h1>Jämför kartläggningar</h1>
        <p>Det behövs minst två påbörjade kartläggningar för en jämförelse.</p>
      </>
    );
  }
  const { from, to, county, matrix, counts, total, improved, worsened, cell } = comparison;
  const base = new URLSearchParams({ fran: String(from.id), till: String(to.id), ...(county ? { county: county.code } : {}) });
  const cellLink = (f: Category, t: Category) => `?${base}&fran_kategori=${f}&till_kategori=${t}#kommuner`;
  const mapLink = `/?round=${to.id}&colour=change${county ? `&county=${county.code}` : ""}`;
  return (
    <>
      <p className="no-print page-links">
        <Link to="/kartlaggningar">← Alla kartläggningar</Link>
      </p>
      <h1>
        Jämför {from.name} och {to.name}
        {county ? `, ${county.name}` : ""}
      </h1>
      {from.example || to.example ? (
        <p className="example-banner" role="note">
          <strong>Exempeldata.</strong> {[from, to].filter((r) => r.example).map((r) => r.name).join(" och ")} innehåller påhittade
          exempel, inte Försäkringskassans verkliga bedömningar.
        </p>
      ) : null}
      <Form method="get" className="filters no-print">
        <div className="field">
          <label htmlFor="fran">Från</label>
          <select id="fran" name="fran" defaultValue={from.id} key={`fran-${from.id}`}>
            {rounds.map((r) => (
              <option key={r.id} value={r.id}>
                {r.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="till">Till</label>
          <select id="till" name="till" defaultValue={to.id} key={`till-${to.id}`}>
            {rounds.map((r) => (
              <option key={r.id} value={r.id}>
                {r.name}
              </option>
            ))}
          </select>
        </div>
        <CountySelect counties={counties} value={county?.code} />
        <div>
          <button type="submit">Jämför</button>
        </div>
      </Form>
      <p className="page-links no-print">
        <Link to={mapLink}>Visa förändringen på kartan</Link>
        <a href={`/api/v1/rounds/compare?from=${from.id}&to=${to.id}${county ? `&county=${county.code}` : ""}`}>Som JSON</a>
      </p>
      <p>
        {from.name} ({formatPeriodSv(from.periodStart, from.periodEnd)}) {from.example ? <ExampleBadge /> : null} jämförd med {to.name} (
        {formatPeriodSv(to.periodStart, to.periodEnd)}) {to.example ? <ExampleBadge /> : null}, {total} kommuner.
      </p>
      <ul className="counts change-counts" aria-label="Förändring">
        {CHANGE_CLASSES.map((c) => (
          <li key={c}>
            <span className={`swatch change-${c}`} aria-hidden="true" /> {CHANGE_CLASS_LABELS[c]}: <strong data-testid={`count-${c}`}>{counts[c]}</strong>
          </li>
        ))}
      </ul>

      <TableScroll label="Övergångar mellan kategorierna">
        <table className="data matrix" data-testid="transition-matrix">
          <caption>
            Övergångar: rader visar kategorin i {from.name}, kolumner kategorin i {to.name}. Välj en siffra för att se kommunerna.
          </caption>
          <thead>
            <tr>
              <td />
              {CATEGORIES.map((t) => (
                <th scope="col" key={t} title={CATEGORY_LABELS[t]}>
                  <CategoryHeading category={t} />
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {CATEGORIES.map((f) => (
              <tr key={f}>
                <th scope="row" title={CATEGORY_LABELS[f]}>
                  <CategoryHeading category={f} />
                </th>
                {CATEGORIES.map((t) => (
                  <td key={t} className={f === t ? "diagonal" : undefined}>
                    {matrix[f][t] > 0 ? (
                      <Link to={cellLink(f, t)} aria-label={`${matrix[f][t]} kommuner från ${CATEGORY_LABELS[f]} till ${CATEGORY_LABELS[t]}`}>
                        {matrix[f][t]}
                      </Link>
                    ) : (
                      <span className="muted">0</span>
                    )}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>

      {cell ? (
        <section id="kommuner" aria-labelledby="cell-title" className="panel">
          <h2 id="cell-title">
            Från {CATEGORY_LABELS[cell.from].toLocaleLowerCase("sv")} till {CATEGORY_LABELS[cell.to].toLocaleLowerCase("sv")} ({cell.municipalities.length})
          </h2>
          <ul className="columns">
            {cell.municipalities.map((m) => (
              <li key={m.code}>
                <Link to={`/kommuner/${m.code}`}>{m.name}</Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <ChangeList title="Förbättrade" id="forbattrade" items={improved} />
      <ChangeList title="Försämrade" id="forsamrade" items={worsened} />
    </>
  );
}

/**
 * A category as a matrix heading: the full label, and on a phone two or three words so the matrix fits
 * (the full label stays for screen readers and as the tooltip).
 */
function CategoryHeading({ category }: { category: Category }) {
  return (
    <>
      <span className="label-short" aria-hidden="true">
        {CATEGORY_SHORT_LABELS[category]}
      </span>
      <span className="label-full">{CATEGORY_LABELS[category]}</span>
    </>
  );
}

function ChangeList({ title, id, items }: { title: string; id: string; items: { code: string; name: string; from: Category; to: Category; comment: string }[] }) {
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>
        {title} ({items.length})
      </h2>
      {items.length === 0 ? (
        <p>Inga.</p>
      ) : (
        <TableScroll label={title}>
          <table className="data">
            <thead>
              <tr>
                <th scope="col">Kommun</th>
                <th scope="col">Före</th>
                <th scope="col">Efter</th>
                <th scope="col">Kommentar</th>
              </tr>
            </thead>
            <tbody>
              {items.map((m) => (
                <tr key={m.code}>
                  <td>
                    <Link to={`/kommuner/${m.code}`}>{m.name}</Link>
                  </td>
                  <td>
                    <CategoryBadge category={m.from} />
                  </td>
                  <td>
                    <CategoryBadge category={m.to} />
                  </td>
                  <td>{m.comment || <span className="muted">–</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </section>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => {
  const c = data?.comparison;
  const what = c ? `Jämför ${c.from.name} och ${c.to.name}${c.county ? `, ${c.county.name}` : ""}` : "Jämför kartläggningar";
  return [{ title: `${what} – Samverkanskartan` }];
};

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { CategoryBadge } from "../components/category";
import { TableScroll } from "../components/table-scroll";
import { GeneralErrorBoundary } from "../components/error-boundary";
import { ExampleBadge } from "../components/example-banner";
import { ASSESSMENT_STATUS_LABELS, ASSESSMENT_STATUSES } from "../domain/assessment";
import { formatDateTimeSv } from "../domain/dates";
import { parseId, quoteParam } from "../domain/params";
import { ROUND_STATUS_LABELS } from "../domain/round";
import { RATING_FIELD_LABELS } from "../domain/rating";
import { WORKLIST_SORT_LABELS, WORKLIST_SORTS, worklistSearch } from "../domain/worklist";
import { getRound } from "../models/round.server";
import { requireUser } from "../services/auth.server";
import { invariantResponse } from "../services/http.server";
import { worklistFor } from "../services/worklist.server";

export function loader({ request, params }: LoaderFunctionArgs) {
  const user = requireUser(request);
  const id = parseId(params.id);
  const round = id ? getRound(id) : undefined;
  invariantResponse(round, `Det finns ingen kartläggning med id "${quoteParam(params.id ?? "")}".`, { request });
  const { counties, query, notices, items, shown } = worklistFor(request, user, round.id);
  const counts = Object.fromEntries(ASSESSMENT_STATUSES.map((s) => [s, items.filter((i) => i.status === s).length])) as Record<
    (typeof ASSESSMENT_STATUSES)[number],
    number
  >;
  return { round, counties, query, notices, items: shown, total: items.length, counts, search: worklistSearch(query) };
}

export default function WorklistPage() {
  const { round, counties, query, notices, items, total, counts, search } = useLoaderData<typeof loader>();
  return (
    <>
      <p className="no-print page-links">
        <Link to={`/kartlaggningar/${round.id}`}>← {round.name}</Link>
      </p>
      <h1>
        Arbetslista: {round.name} {round.example ? <ExampleBadge /> : null}
      </h1>
      {round.status !== "open" ? (
        <p className="notice" role="note">
          Kartläggningen är {ROUND_STATUS_LABELS[round.status].toLocaleLowerCase("sv")}: bedömningarna kan inte ändras nu.
        </p>
      ) : null}
      {notices.map((n) => (
        <p key={n} className="notice" role="status">
          {n}
        </p>
      ))}
      <p data-testid="worklist-progress">
        <strong>
          {counts.confirmed} av {total} bekräftade
        </strong>{" "}
        ({counts.prefilled} förifyllda men ej bekräftade, {counts.not_started} ej påbörjade).
      </p>
      <Form method="get" className="filters no-print">
        <div className="field">
          <label htmlFor="status">Status</label>
          <select id="status" name="status" defaultValue={query.status ?? ""}>
            <option value="">Alla</option>
            {ASSESSMENT_STATUSES.map((s) => (
              <option key={s} value={s}>
                {ASSESSMENT_STATUS_LABELS[s]} ({counts[s]})
              </option>
            ))}
          </select>
        </div>
        {counties.length > 1 ? (
          <div className="field">
            <label htmlFor="lan">Län</label>
            <select id="lan" name="lan" defaultValue={query.county ?? ""}>
              <option value="">Alla mina län</option>
              {counties.map((c) => (
                <option key={c.code} value={c.code}>
                  {c.name}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        <div className="field">
          <label htmlFor="sortera">Sortera på</label>
          <select id="sortera" name="sortera" defaultValue={query.sort}>
            {WORKLIST_SORTS.map((s) => (
              <option key={s} value={s}>
                {WORKLIST_SORT_LABELS[s]}
              </option>
            ))}
          </select>
        </div>
        <div>
          <button type="submit">Visa</button>
        </div>
      </Form>
      <p className="result-count" role="status">
        {items.length} av {total} kommuner
      </p>
      {items.length === 0 ? (
        <p>Inga kommuner matchar filtret.</p>
      ) : (
        <TableScroll label="Arbetslista">
          <table className="data worklist">
            <thead>
              <tr>
                {/* aria-sort: which column the list is sorted on (the "Sortera på" choice), for screen readers. */}
                <th scope="col" aria-sort={query.sort === "namn" ? "ascending" : undefined}>
                  Kommun
                </th>
                <th scope="col" aria-sort={query.sort === "status" ? "ascending" : undefined}>
                  Status
                </th>
                <th scope="col">{RATING_FIELD_LABELS.category}</th>
                <th scope="col" aria-sort={query.sort === "lan" ? "ascending" : undefined}>
                  Län
                </th>
                <th scope="col" aria-sort={query.sort === "andrad" ? "descending" : undefined}>
                  Senast ändrad
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((m) => (
                <tr key={m.code} data-status={m.status}>
                  <td>
                    <Link to={`/kartlaggningar/${round.id}/kommuner/${m.code}${search}`}>{m.name}</Link>
                  </td>
                  <td>
                    <span className={`status-badge ${m.status}`}>{ASSESSMENT_STATUS_LABELS[m.status]}</span>
                  </td>
                  <td>{m.status === "not_started" ? <span className="muted">–</span> : <CategoryBadge category={m.category} />}</td>
                  <td>{m.countyName}</td>
                  <td>{m.updatedAt ? `${formatDateTimeSv(m.updatedAt)}${m.updatedByName ? `, ${m.updatedByName}` : ""}` : "–"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Arbetslista ${data.round.name} – Samverkanskartan` : "Arbetslista – Samverkanskartan" },
];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

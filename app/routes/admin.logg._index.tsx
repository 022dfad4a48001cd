import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { describeAuditChange, type AuditLine } from "../domain/audit-format";
import { auditActionLabel, auditEntityLabel, ignoredFiltersText, isFiltered, parseAuditQuery } from "../domain/audit-filter";
import { formatDateTimeSv } from "../domain/dates";
import { DOWNLOAD_CSV } from "../domain/wording";
import { countAudit, listAudit, listAuditActors, listAuditEntityTypes } from "../models/audit.server";
import { listCounties } from "../models/register.server";
import { requirePermission } from "../services/auth.server";
import { GeneralErrorBoundary } from "../components/error-boundary";
import { TableScroll } from "../components/table-scroll";

const PAGE_SIZE = 100;

export function loader({ request }: LoaderFunctionArgs) {
  requirePermission(request, "read:audit");
  const url = new URL(request.url);
  const actors = listAuditActors();
  const { query, problems, ignored } = parseAuditQuery(url.searchParams, { actorIds: new Set(actors.map((a) => a.id)) });
  const filter = { actorId: query.person, entityType: query.objekt, from: query.fran, to: query.till };
  const total = countAudit(filter);
  const names = { counties: new Map(listCounties().map((c) => [c.code, c.name])) };
  const entries = listAudit(filter, { limit: PAGE_SIZE, offset: (query.sida - 1) * PAGE_SIZE }).map((e) => ({
    id: e.id,
    at: e.at,
    actorLabel: e.actorLabel,
    action: e.action,
    entityType: e.entityType,
    entityId: e.entityId,
    ...describeAuditChange(e, names),
  }));
  const exportParams = new URLSearchParams(url.searchParams);
  exportParams.delete("sida");
  const pageHref = (page: number) => {
    const params = new URLSearchParams(url.searchParams);
    params.set("sida", String(page));
    return `?${params}`;
  };
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  return {
    query,
    problems,
    ignoredText: ignoredFiltersText(ignored),
    filtered: isFiltered(query),
    total,
    pages,
    newerHref: query.sida > 1 ? pageHref(query.sida - 1) : null,
    olderHref: query.sida < pages ? pageHref(query.sida + 1) : null,
    entries,
    actors,
    entityTypes: listAuditEntityTypes(),
    exportHref: `/admin/logg/csv${exportParams.size ? `?${exportParams}` : ""}`,
  };
}

export default function AuditLogPage() {
  const data = useLoaderData<typeof loader>();
  const q = data.query;
  return (
    <>
      <h1>Logg över ändringar</h1>
      <p className="muted">
        Varje ändring som en person gör, och varje inloggning, med vem, när och vad som ändrades. Loggen kan inte
        ändras.
      </p>
      <Form method="get" className="filters" aria-label="Filtrera loggen">
        <div className="field">
          <label htmlFor="person">Person</label>
          <select id="person" name="person" defaultValue={q.person ?? ""}>
            <option value="">Alla</option>
            {data.actors.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name} ({a.email})
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="objekt">Typ av ändring</label>
          <select id="objekt" name="objekt" defaultValue={q.objekt ?? ""}>
            <option value="">Alla</option>
            {data.entityTypes.map((t) => (
              <option key={t} value={t}>
                {auditEntityLabel(t)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="fran">Från och med</label>
          <input id="fran" name="fran" type="date" defaultValue={q.fran ?? ""} />
        </div>
        <div className="field">
          <label htmlFor="till">Till och med</label>
          <input id="till" name="till" type="date" defaultValue={q.till ?? ""} />
        </div>
        <button type="submit">Filtrera</button>
        <a className="button secondary" href={data.exportHref} download>
          {DOWNLOAD_CSV}
        </a>
      </Form>
      {data.problems.length ? (
        <p className="form-error" role="alert">
          {data.problems.join(" ")} {data.ignoredText}
        </p>
      ) : null}
      {data.entries.length === 0 ? (
        <p className="panel" role="status">
          {data.total > 0
            ? `Sidan ${q.sida} finns inte: det finns ${data.pages} ${data.pages === 1 ? "sida" : "sidor"}.`
            : data.filtered
              ? "Inga händelser matchar filtret. Ändra eller ta bort något av villkoren."
              : "Loggen är tom: ingen har loggat in eller ändrat något ännu."}
        </p>
      ) : (
        <TableScroll label="Händelser i loggen">
          <table className="data">
            <caption>{data.total} händelser</caption>
            <thead>
              <tr>
                <th scope="col">Tidpunkt</th>
                <th scope="col">Person</th>
                <th scope="col">Händelse</th>
                <th scope="col">Objekt</th>
                <th scope="col">Före</th>
                <th scope="col">Efter</th>
              </tr>
            </thead>
            <tbody>
              {data.entries.map((e) => (
                <tr key={e.id}>
                  <td>{formatDateTimeSv(e.at)}</td>
                  <td>{e.actorLabel}</td>
                  <td>{auditActionLabel(e.action)}</td>
                  <td>
                    {auditEntityLabel(e.entityType)}
                    {e.entityId ? ` ${e.entityId}` : ""}
                  </td>
                  <td>
                    <AuditLines lines={e.before} />
                  </td>
                  <td>
                    <AuditLines lines={e.after} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      {data.pages > 1 ? (
        <nav className="pager" aria-label="Sidor">
          {data.newerHref ? <Link to={data.newerHref}>← Nyare</Link> : null}
          <span>
            Sida {q.sida} av {data.pages}
          </span>
          {data.olderHref ? <Link to={data.olderHref}>Äldre →</Link> : null}
        </nav>
      ) : null}
    </>
  );
}

/** A before/after cell: one line per field, the changed ones in bold. */
function AuditLines({ lines }: { lines: readonly AuditLine[] }) {
  if (lines.length === 0) return <span className="muted">–</span>;
  return (
    <ul className="audit-lines">
      {lines.map((l, i) => (
        <li key={i} className={l.changed ? "changed" : undefined}>
          {l.label ? <span className="audit-label">{l.label}:</span> : null} {l.value}
          {l.changed ? <span className="visually-hidden"> (ändrat)</span> : null}
        </li>
      ))}
    </ul>
  );
}

export const meta: MetaFunction = () => [{ title: "Logg – Samverkanskartan" }];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { CategoryBadge } from "../components/category";
import { ExampleBadge } from "../components/example-banner";
import { formatDateTimeSv, formatPeriodSv } from "../domain/dates";
import { GeneralErrorBoundary } from "../components/error-boundary";
import { parseMunicipalityCode, quoteParam } from "../domain/params";
import { collaborationLabel, interventionAccessLabel, RATING_FIELD_LABELS } from "../domain/rating";
import { NO_ROUND_YET, periodBesideName } from "../domain/round";
import { listRatingsForMunicipality } from "../models/assessment.server";
import { getMunicipality } from "../models/register.server";
import { requireUser } from "../services/auth.server";
import { invariantResponse } from "../services/http.server";
import { TableScroll } from "../components/table-scroll";

export function loader({ request, params }: LoaderFunctionArgs) {
  requireUser(request);
  const code = parseMunicipalityCode(params.code);
  const municipality = code === null ? undefined : getMunicipality(code);
  invariantResponse(municipality, `Det finns ingen kommun med kommunkoden "${quoteParam(params.code ?? "")}".`);
  return { municipality, ratings: listRatingsForMunicipality(municipality.code) };
}

export default function MunicipalityPage() {
  const { municipality, ratings } = useLoaderData<typeof loader>();
  return (
    <>
      <p className="no-print page-links">
        <Link to="/kommuner">← Alla kommuner</Link>
        <Link to={`/?county=${municipality.countyCode}&municipality=${municipality.code}`}>Visa på kartan</Link>
      </p>
      <h1>{municipality.name}</h1>
      <dl className="facts panel">
        <dt>Kommunkod</dt>
        <dd>{municipality.code}</dd>
        <dt>Län</dt>
        <dd>
          <Link to={`/kommuner?county=${municipality.countyCode}`}>{municipality.countyName}</Link>
        </dd>
      </dl>
      <h2>Bedömningar per kartläggning</h2>
      {ratings.length === 0 ? (
        <p>{NO_ROUND_YET}</p>
      ) : (
        <TableScroll label="Bedömningar per kartläggning">
          <table className="data">
            <thead>
              <tr>
                <th scope="col">Kartläggning</th>
                <th scope="col">{RATING_FIELD_LABELS.collaboration}</th>
                <th scope="col">{RATING_FIELD_LABELS.interventionAccess}</th>
                <th scope="col">{RATING_FIELD_LABELS.category}</th>
                <th scope="col">Kommentar</th>
                <th scope="col">Senast ändrad</th>
              </tr>
            </thead>
            <tbody>
              {ratings.map((r) => (
                <tr key={r.roundId}>
                  <td>
                    {r.roundName} {r.example ? <ExampleBadge /> : null}
                    {periodBesideName(r.roundName, formatPeriodSv(r.periodStart, r.periodEnd)) ? (
                      <>
                        <br />
                        <span className="muted">{formatPeriodSv(r.periodStart, r.periodEnd)}</span>
                      </>
                    ) : null}
                  </td>
                  <td>{collaborationLabel(r.collaboration, "–")}</td>
                  <td>{interventionAccessLabel(r.interventionAccess, "–")}</td>
                  <td>
                    <CategoryBadge category={r.category} />
                  </td>
                  <td>{r.comment || <span className="muted">–</span>}</td>
                  <td>{r.updatedAt ? formatDateTimeSv(r.updatedAt) : "–"}</td>
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
  { title: data ? `${data.municipality.name} – Samverkanskartan` : "Kommunen finns inte – Samverkanskartan" },
];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

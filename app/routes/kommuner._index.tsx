import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useSubmit } from "@remix-run/react";
import { CategoryBadge } from "../components/category";
import { CountySelect } from "../components/county-select";
import { ExampleBadge, ExampleBanner } from "../components/example-banner";
import { filterMunicipalities } from "../domain/municipality-filter";
import { RATING_FIELD_LABELS } from "../domain/rating";
import { listMunicipalityRatings } from "../models/assessment.server";
import { listCounties } from "../models/register.server";
import { getLatestRound } from "../models/round.server";
import { requireUser } from "../services/auth.server";
import { GeneralErrorBoundary } from "../components/error-boundary";
import { TableScroll } from "../components/table-scroll";

export function loader({ request }: LoaderFunctionArgs) {
  requireUser(request);
  const params = new URL(request.url).searchParams;
  const query = (params.get("q") ?? "").slice(0, 100);
  const counties = listCounties();
  const requestedCounty = params.get("county") ?? "";
  const county = counties.find((c) => c.code === requestedCounty) ?? null;
  const round = getLatestRound() ?? null;
  const all = listMunicipalityRatings(round?.id ?? null);
  const municipalities = filterMunicipalities(all, { query, countyCode: county?.code });
  return {
    query,
    countyCode: county?.code ?? "",
    unknownCounty: requestedCounty !== "" && !county ? requestedCounty : null,
    counties,
    round: round && { id: round.id, name: round.name, example: round.example },
    total: all.length,
    municipalities: municipalities.map((m) => ({
      code: m.code,
      name: m.name,
      countyName: m.countyName,
      category: m.category,
    })),
  };
}

export default function MunicipalitiesPage() {
  const data = useLoaderData<typeof loader>();
  const submit = useSubmit();
  return (
    <>
      <h1>Kommuner</h1>
      {data.round?.example ? <ExampleBanner roundName={data.round.name} /> : null}
      <Form method="get" className="filters" role="search" aria-label="Sök kommun"
        onChange={(e) => submit(e.currentTarget, { replace: true, preventScrollReset: true })}>
        <div className="field">
          <label htmlFor="q">Sök på namn eller kommunkod</label>
          <input id="q" name="q" type="search" defaultValue={data.query} maxLength={100} autoComplete="off" />
        </div>
        <CountySelect counties={data.counties} value={data.countyCode} />
        <noscript>
          <button type="submit">Sök</button>
        </noscript>
      </Form>
      {data.unknownCounty ? (
        <p className="form-error" role="alert">
          Länet med kod "{data.unknownCounty}" finns inte. Hela landet visas.
        </p>
      ) : null}
      <p className="result-count" aria-live="polite">
        {data.municipalities.length === data.total
          ? `${data.total} kommuner`
          : `${data.municipalities.length} av ${data.total} kommuner`}
      </p>
      {data.municipalities.length === 0 ? (
        <p>Ingen kommun matchar sökningen.</p>
      ) : (
        <TableScroll label="Kommuner">
          <table className="data">
            <caption>
              Kommuner i bokstavsordning
              {data.round ? (
                <>
                  {" "}
                  med bedömning i {data.round.name} {data.round.example ? <ExampleBadge /> : null}
                </>
              ) : null}
            </caption>
            <thead>
              <tr>
                <th scope="col">Kommun</th>
                <th scope="col">Kommunkod</th>
                <th scope="col">Län</th>
                <th scope="col">{RATING_FIELD_LABELS.category}</th>
              </tr>
            </thead>
            <tbody>
              {data.municipalities.map((m) => (
                <tr key={m.code}>
                  <td>
                    <Link to={`/kommuner/${m.code}`}>{m.name}</Link>
                  </td>
                  <td>{m.code}</td>
                  <td>{m.countyName}</td>
                  <td>
                    <CategoryBadge category={m.category} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </>
  );
}

export const meta: MetaFunction = () => [{ title: "Kommuner – Samverkanskartan" }];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

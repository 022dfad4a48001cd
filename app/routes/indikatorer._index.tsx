import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "../components/error-boundary";
import { TableScroll } from "../components/table-scroll";
import { ChartFigure, Example, Value } from "../components/report/report-parts";
import { INDICATOR_BENEFIT_LABELS, INDICATOR_UNIT_LABELS, periodLabelSv } from "../domain/indicators";
import { can } from "../domain/permissions";
import { requireUser } from "../services/auth.server";
import { indicatorOverview, indicatorTrendFigures } from "../services/indicators.server";
import { publishFigure } from "../services/report-images.server";

export function loader({ request }: LoaderFunctionArgs) {
  const user = requireUser(request);
  const overview = indicatorOverview();
  const figures = indicatorTrendFigures(overview);
  const indicators = overview.indicators.map((i) => {
    const figure = figures.get(i.key);
    const chart = figure ? publishFigure("/indikatorer/diagram", figure) : null;
    return { ...i, chart, values: overview.values.filter((v) => v.indicatorKey === i.key) };
  });
  return { indicators, threshold: overview.threshold, example: overview.example, canEdit: can(user, "manage:indicators") };
}

export default function IndicatorsPage() {
  const { indicators, threshold, example, canEdit } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Indikatorer</h1>
      {example ? (
        <p className="example-banner" role="note">
          <strong>Exempeldata.</strong> Värden märkta Exempeldata är påhittade, inte Försäkringskassans statistik.
        </p>
      ) : null}
      <p className="hint">
        Indikatorerna som Försäkringskassan följer för att mäta effekterna av samverkan: sammanräknade uppgifter ur
        myndighetens statistik, per år eller halvår, för hela riket och ibland per län. Antal personer under {threshold} visas
        som &lt;{threshold}.
      </p>
      {canEdit ? (
        <p>
          <Link className="button" to="/indikatorer/redigera">
            Ange eller importera värden
          </Link>
        </p>
      ) : null}
      {indicators.map((i) => (
        <section key={i.key} aria-labelledby={`ind-${i.key}`} className="indicator-section">
          <h2 id={`ind-${i.key}`}>{i.name}</h2>
          <p>
            {i.description} <span className="muted">({INDICATOR_BENEFIT_LABELS[i.benefit]}; enhet: {INDICATOR_UNIT_LABELS[i.unit]})</span>
          </p>
          {i.values.length === 0 ? (
            <p>Inga värden ännu.</p>
          ) : (
            <div className="indicator-row">
              {i.chart ? <ChartFigure figure={i.chart} caption={`${i.name}, hela riket per år`} className="trend" /> : null}
              <TableScroll label={`Värden: ${i.name}`}>
              <table className="data report-table">
                <caption>Värden: {i.name}</caption>
                <thead>
                  <tr>
                    <th scope="col">Period</th>
                    <th scope="col">Län</th>
                    <th scope="col" className="num">
                      Värde
                    </th>
                    <th scope="col">Källa</th>
                  </tr>
                </thead>
                <tbody>
                  {i.values.map((v) => (
                    <tr key={v.id}>
                      <td>{periodLabelSv(v.period)}</td>
                      <td>{v.countyName ?? "Hela riket"}</td>
                      <td className="num">
                        <Value value={v.value} />
                        <Example when={v.example} />
                      </td>
                      <td>
                        {v.source}
                        {v.note ? ` – ${v.note}` : ""}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
              </TableScroll>
            </div>
          )}
        </section>
      ))}
    </>
  );
}

export const meta: MetaFunction = () => [{ title: "Indikatorer – Samverkanskartan" }];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

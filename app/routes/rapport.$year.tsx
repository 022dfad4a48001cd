import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "../components/error-boundary";
import { TableScroll } from "../components/table-scroll";
import { CategoryTable, ChartFigure, Example, Value } from "../components/report/report-parts";
import { formatDateSv, formatPeriodSv } from "../domain/dates";
import { INDICATOR_UNIT_LABELS } from "../domain/indicators";
import { CATEGORY_LABELS } from "../domain/rating";
import { DIALOGUE_NOT_AVAILABLE, monthLabel, reportTitle } from "../domain/report";
import { requireUser } from "../services/auth.server";
import { reportView, requireYearReport } from "../services/report-view.server";

export function loader({ request, params }: LoaderFunctionArgs) {
  requireUser(request);
  const report = requireYearReport(request, params.year);
  return { ...reportView(report), generatedOn: new Date().toISOString().slice(0, 10) };
}

export default function ReportPage() {
  const { report, notice, summary, map, distribution, meetings, indicators, generatedOn } = useLoaderData<typeof loader>();
  const latest = report.rounds[report.rounds.length - 1]!;
  const dialogue = report.dialogue;
  const years = Array.from(new Set(report.indicators.flatMap((i) => i.series.map((p) => p.year)))).sort();
  const figureOf = new Map(indicators.map((f) => [f.key, f]));
  return (
    <article className="report">
      {notice ? (
        <p className="example-banner report-first-line" role="note">
          <strong>Exempeldata.</strong> {notice.replace(/^Exempeldata\. /, "")}
        </p>
      ) : null}
      <h1>{reportTitle(report.year)}</h1>
      <p className="report-meta">
        Försäkringskassan · Samverkanskartan · uttag {formatDateSv(generatedOn)} ·{" "}
        {report.rounds.length === 1 ? "kartläggningen" : "kartläggningarna"}{" "}
        {report.rounds.map((r) => `${r.name} (${formatPeriodSv(r.periodStart, r.periodEnd)})`).join(", ")}
      </p>
      <nav className="report-downloads no-print" aria-label="Ladda ner rapporten">
        <a className="button" href={`/rapport/${report.year}.docx`} download>
          Ladda ner som Word (.docx)
        </a>
        <a className="button secondary" href={`/rapport/${report.year}.csv`} download>
          Alla siffror som CSV
        </a>
        <a className="button secondary" href={`/api/v1/report?year=${report.year}`}>
          Alla siffror som JSON
        </a>
        <span className="hint">Skriv ut eller spara som PDF med webbläsarens utskrift (A4).</span>
      </nav>

      <section aria-labelledby="summary-heading">
        <h2 id="summary-heading">Sammanfattning</h2>
        {summary.map((p) => (
          <p key={p} className="report-summary">
            {p}
          </p>
        ))}
      </section>

      <section aria-labelledby="rounds-heading">
        <h2 id="rounds-heading">Kartläggningar</h2>
        <div className="report-map-row">
          <ChartFigure
            svg={map.svg}
            alt={map.alt}
            className="report-map"
            caption={
              <>
                Karta: {map.roundName}
                <Example when={latest.example} />
              </>
            }
          >
            <ul className="report-legend">
              {(["good", "access_gap", "needs_strengthening", "unrated"] as const).map((c) => (
                <li key={c}>
                  <span className={`swatch ${c}`} aria-hidden="true" /> {CATEGORY_LABELS[c]}: {latest.counts[c]}
                </li>
              ))}
            </ul>
          </ChartFigure>
          <div className="report-map-side">
            <CategoryTable
              caption="Bedömning per kartläggning, hela riket"
              groupLabel="Kartläggning"
              rows={report.rounds.map((r) => ({
                key: r.id,
                label: (
                  <>
                    {r.name}
                    <Example when={r.example} />
                  </>
                ),
                counts: r.counts,
              }))}
            />
            {report.rounds.map((r) =>
              r.transition ? (
                <div key={r.id} className="report-transition">
                  <h3>
                    {r.name}: förändring sedan {r.transition.from.name}
                  </h3>
                  <TableScroll label="Antal kommuner efter förändring">
                  <table className="data report-table">
                    <caption>Antal kommuner efter förändring</caption>
                    <tbody>
                      <tr>
                        <th scope="row">Bättre bedömning</th>
                        <td className="num">{r.transition.improved.length}</td>
                      </tr>
                      <tr>
                        <th scope="row">Sämre bedömning</th>
                        <td className="num">{r.transition.worsened.length}</td>
                      </tr>
                      <tr>
                        <th scope="row">Oförändrad</th>
                        <td className="num">{r.transition.unchanged}</td>
                      </tr>
                      <tr>
                        <th scope="row">Kan inte jämföras (ej bedömd)</th>
                        <td className="num">{r.transition.notCompared}</td>
                      </tr>
                    </tbody>
                  </table>
                  </TableScroll>
                  <MunicipalityList title="Fått en bättre bedömning" items={r.transition.improved} />
                  <MunicipalityList title="Fått en sämre bedömning" items={r.transition.worsened} />
                </div>
              ) : (
                <p key={r.id}>{r.name}: det finns ingen tidigare kartläggning att jämföra med.</p>
              ),
            )}
          </div>
        </div>

        <ChartFigure svg={distribution.svg} alt={distribution.alt} caption="Bedömningarnas fördelning i alla kartläggningar">
          <CategoryTable
            caption="Tabell: bedömningarnas fördelning i alla kartläggningar"
            groupLabel="Kartläggning"
            rows={report.history.map((r) => ({ key: r.id, label: r.name, counts: r.counts }))}
          />
        </ChartFigure>

        {report.rounds.map((r) => (
          <CategoryTable
            key={r.id}
            caption={`${r.name}: bedömning per län${r.example ? " (exempeldata)" : ""}`}
            groupLabel="Län"
            rows={r.byCounty.map((c) => ({ key: c.code, label: c.name, counts: c.counts }))}
          />
        ))}
      </section>

      <section aria-labelledby="dialogue-heading">
        <h2 id="dialogue-heading">Dialog med kommunerna</h2>
        {dialogue === null ? (
          <p className="report-unavailable">{DIALOGUE_NOT_AVAILABLE}</p>
        ) : (
          <>
            {dialogue.example ? (
              <p>
                <ExampleBadgeLine />
              </p>
            ) : null}
            <TableScroll label="Genomförda möten per form">
            <table className="data report-table">
              <caption>Genomförda möten {report.year} per form</caption>
              <thead>
                <tr>
                  <th scope="col">Form</th>
                  <th scope="col" className="num">
                    Möten
                  </th>
                </tr>
              </thead>
              <tbody>
                {dialogue.byFormat.map((f) => (
                  <tr key={f.format}>
                    <th scope="row">{f.label}</th>
                    <td className="num">{f.held}</td>
                  </tr>
                ))}
                <tr>
                  <th scope="row">Totalt</th>
                  <td className="num">{dialogue.held}</td>
                </tr>
              </tbody>
            </table>
            </TableScroll>
            {meetings ? (
              <ChartFigure svg={meetings.svg} alt={meetings.alt} caption={`Genomförda dialogmöten per månad ${report.year}`}>
                <TableScroll label="Genomförda dialogmöten per månad">
                <table className="data report-table">
                  <caption>Tabell: genomförda dialogmöten per månad</caption>
                  <thead>
                    <tr>
                      <th scope="col">Månad</th>
                      <th scope="col" className="num">
                        Möten
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {dialogue.byMonth.map((m) => (
                      <tr key={m.month}>
                        <th scope="row">{monthLabel(m.month)}</th>
                        <td className="num">{m.held}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
                </TableScroll>
              </ChartFigure>
            ) : null}
            <TableScroll label="Kommuner nådda">
            <table className="data report-table">
              <caption>Kommuner nådda {report.year}</caption>
              <tbody>
                <tr>
                  <th scope="row">Direkt i möten</th>
                  <td className="num">{dialogue.reach.direct}</td>
                </tr>
                <tr>
                  <th scope="row">Via samordningsförbund och andra forum</th>
                  <td className="num">{dialogue.reach.viaForum}</td>
                </tr>
                {dialogue.priority ? (
                  <>
                    <tr>
                      <th scope="row">{CATEGORY_LABELS.needs_strengthening} ({latest.name}): nådda av</th>
                      <td className="num">
                        {dialogue.priority.needs_strengthening.reached} av {dialogue.priority.needs_strengthening.total}
                      </td>
                    </tr>
                    <tr>
                      <th scope="row">{CATEGORY_LABELS.access_gap} ({latest.name}): nådda av</th>
                      <td className="num">
                        {dialogue.priority.access_gap.reached} av {dialogue.priority.access_gap.total}
                      </td>
                    </tr>
                  </>
                ) : null}
              </tbody>
            </table>
            </TableScroll>
            {dialogue.material.length > 0 ? (
              <TableScroll label="Dialogmaterialets avsnitt">
              <table className="data report-table">
                <caption>Dialogmaterialets avsnitt: användning {report.year}</caption>
                <thead>
                  <tr>
                    <th scope="col">Avsnitt</th>
                    <th scope="col" className="num">
                      Möten
                    </th>
                    <th scope="col" className="num">
                      Kommuner
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {dialogue.material.map((s) => (
                    <tr key={s.title}>
                      <th scope="row">{s.title}</th>
                      <td className="num">{s.meetings}</td>
                      <td className="num">{s.municipalities}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              </TableScroll>
            ) : null}
            <TableScroll label="Uppföljningsåtgärder">
            <table className="data report-table">
              <caption>Uppföljningsåtgärder</caption>
              <tbody>
                <tr>
                  <th scope="row">Klara</th>
                  <td className="num">{dialogue.actions.done}</td>
                </tr>
                <tr>
                  <th scope="row">Öppna</th>
                  <td className="num">{dialogue.actions.open}</td>
                </tr>
                <tr>
                  <th scope="row">varav försenade</th>
                  <td className="num">{dialogue.actions.overdue}</td>
                </tr>
              </tbody>
            </table>
            </TableScroll>
          </>
        )}
      </section>

      <section aria-labelledby="indicators-heading">
        <h2 id="indicators-heading">Indikatorer</h2>
        <TableScroll label="Indikatorer">
        <table className="data report-table">
          <caption>
            Indikatorer för hela riket, {report.year} jämfört med {report.year - 1}. Antal personer under{" "}
            {report.disclosureThreshold} visas som &lt;{report.disclosureThreshold}.
          </caption>
          <thead>
            <tr>
              <th scope="col">Indikator</th>
              <th scope="col" className="num">
                {report.year}
              </th>
              <th scope="col" className="num">
                {report.year - 1}
              </th>
              <th scope="col" className="num">
                Förändring
              </th>
              <th scope="col">Enhet</th>
            </tr>
          </thead>
          <tbody>
            {report.indicators.map((i) => (
              <tr key={i.key}>
                <th scope="row">
                  {i.name}
                  <Example when={i.example} />
                </th>
                <td className="num">
                  <Value value={i.value} />
                </td>
                <td className="num">
                  <Value value={i.previous} />
                </td>
                <td className="num">{i.change ?? "–"}</td>
                <td>{INDICATOR_UNIT_LABELS[i.unit]}</td>
              </tr>
            ))}
          </tbody>
        </table>
        </TableScroll>
        <div className="report-trends">
          {report.indicators.map((i) => {
            const figure = figureOf.get(i.key)!;
            return <ChartFigure key={i.key} svg={figure.svg} alt={figure.alt} caption={i.name} className="trend" />;
          })}
        </div>
        <TableScroll label="Indikatorerna år för år">
        <table className="data report-table report-trend-table">
          <caption>Tabell: indikatorerna år för år (hela riket); streckade linjer i diagrammen markerar kartläggningarna</caption>
          <thead>
            <tr>
              <th scope="col">Indikator</th>
              {years.map((y) => (
                <th key={y} scope="col" className="num">
                  {y}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {report.indicators.map((i) => (
              <tr key={i.key}>
                <th scope="row">{i.name}</th>
                {years.map((y) => {
                  const point = i.series.find((p) => p.year === y);
                  return (
                    <td key={y} className="num">
                      <Value value={point?.value ?? null} />
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
        </TableScroll>
        <p className="hint no-print">
          <Link to="/indikatorer">Alla indikatorvärden</Link>
        </p>
      </section>
    </article>
  );
}

function ExampleBadgeLine() {
  return (
    <span className="example-badge">Exempeldata: mötena är påhittade exempel.</span>
  );
}

function MunicipalityList({ title, items }: { title: string; items: readonly { code: string; name: string; countyName: string; from: string; to: string }[] }) {
  if (items.length === 0) return null;
  return (
    <details className="report-list" open>
      <summary>
        {title} ({items.length})
      </summary>
      <ul className="columns">
        {items.map((m) => (
          <li key={m.code}>
            <Link to={`/kommuner/${m.code}`}>{m.name}</Link> ({m.countyName}):{" "}
            {CATEGORY_LABELS[m.from as keyof typeof CATEGORY_LABELS]} → {CATEGORY_LABELS[m.to as keyof typeof CATEGORY_LABELS]}
          </li>
        ))}
      </ul>
    </details>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${reportTitle(data.report.year)} – Samverkanskartan` : "Lägesrapport – Samverkanskartan" },
];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

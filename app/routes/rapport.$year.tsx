import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "../components/error-boundary";
import { TableScroll } from "../components/table-scroll";
import { CategoryTable, ChartFigure, Example, Value } from "../components/report/report-parts";
import { formatDateSv, formatPeriodSv } from "../domain/dates";
import { INDICATOR_UNIT_LABELS } from "../domain/indicators";
import { CATEGORY_LABELS, RATING_FIELD_LABELS } from "../domain/rating";
import { monthLabel, reportTitle } from "../domain/report";
import { requireUser } from "../services/auth.server";
import { publishFigure } from "../services/report-images.server";
import { reportView, requireYearReport } from "../services/report-view.server";

export function loader({ request, params }: LoaderFunctionArgs) {
  requireUser(request);
  const report = requireYearReport(request, params.year);
  const view = reportView(report);
  // The SVGs go to the browser as images (their own cacheable requests), never in the page or its data.
  const publish = (figure: Parameters<typeof publishFigure>[1]) => publishFigure(`/rapport/${report.year}/diagram`, figure);
  return {
    report,
    notice: view.notice,
    summary: view.summary,
    map: { roundName: view.map.roundName, ...publish(view.map) },
    distribution: publish(view.distribution),
    meetings: publish(view.meetings),
    indicators: view.indicators.map((i) => ({ key: i.key, ...publish(i) })),
    generatedOn: new Date().toISOString().slice(0, 10),
  };
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
            figure={map}
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

        <ChartFigure figure={distribution} caption="Bedömningarnas fördelning i alla kartläggningar">
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
        {dialogue.example ? (
          <p>
            <ExampleBadgeLine />
          </p>
        ) : null}
        <TableScroll label="Dialogmöten per form och status">
          <table className="data report-table narrow">
            <caption>Dialogmöten {report.year}</caption>
            <thead>
              <tr>
                <th scope="col">Möten</th>
                <th scope="col" className="num">
                  Antal
                </th>
              </tr>
            </thead>
            <tbody>
              {dialogue.byFormat.map((f) => (
                <tr key={f.format}>
                  <th scope="row">Genomförda: {f.label}</th>
                  <td className="num">{f.held}</td>
                </tr>
              ))}
              <tr className="total">
                <th scope="row">Genomförda totalt</th>
                <td className="num">{dialogue.held}</td>
              </tr>
              <tr>
                <th scope="row">Planerade (ännu inte genomförda)</th>
                <td className="num">{dialogue.planned}</td>
              </tr>
              <tr>
                <th scope="row">Inställda</th>
                <td className="num">{dialogue.cancelled}</td>
              </tr>
              <tr>
                <th scope="row">Flyttade</th>
                <td className="num">{dialogue.postponed}</td>
              </tr>
            </tbody>
          </table>
        </TableScroll>
        <ChartFigure figure={meetings} caption={`Dialogmöten per månad ${report.year}`}>
          <TableScroll label="Dialogmöten per månad">
            <table className="data report-table">
              <caption>Tabell: dialogmöten per månad och status</caption>
              <thead>
                <tr>
                  <th scope="col">Månad</th>
                  <th scope="col" className="num">
                    Genomförda
                  </th>
                  <th scope="col" className="num">
                    Planerade
                  </th>
                  <th scope="col" className="num">
                    Inställda
                  </th>
                  <th scope="col" className="num">
                    Flyttade
                  </th>
                </tr>
              </thead>
              <tbody>
                {dialogue.byMonth.map((m) => (
                  <tr key={m.month}>
                    <th scope="row">{monthLabel(m.month)}</th>
                    <td className="num">{m.held}</td>
                    <td className="num">{m.planned}</td>
                    <td className="num">{m.cancelled}</td>
                    <td className="num">{m.postponed}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        </ChartFigure>
        <TableScroll label="Kommuner nådda">
          <table className="data report-table narrow">
            <caption>Kommuner nådda av genomförda möten {report.year}</caption>
            <tbody>
              <tr>
                <th scope="row">Direkt i möten</th>
                <td className="num">{dialogue.reach.direct}</td>
              </tr>
              <tr>
                <th scope="row">Enbart via samordningsförbund och andra forum</th>
                <td className="num">{dialogue.reach.viaForum}</td>
              </tr>
              <tr className="total">
                <th scope="row">Totalt</th>
                <td className="num">{dialogue.reach.total}</td>
              </tr>
            </tbody>
          </table>
        </TableScroll>
        <TableScroll label="Prioriterade kommuner nådda">
          <table className="data report-table">
            <caption>Prioriterade kommuner enligt {dialogue.priority.roundName}: nådda {report.year}</caption>
            <thead>
              <tr>
                <th scope="col">{RATING_FIELD_LABELS.category}</th>
                <th scope="col" className="num">
                  Kommuner
                </th>
                <th scope="col" className="num">
                  Nådda
                </th>
                <th scope="col" className="num">
                  varav direkt
                </th>
                <th scope="col" className="num">
                  varav via forum
                </th>
              </tr>
            </thead>
            <tbody>
              {(["needs_strengthening", "access_gap"] as const).map((c) => (
                <tr key={c}>
                  <th scope="row">
                    <span className={`swatch ${c}`} aria-hidden="true" /> {CATEGORY_LABELS[c]}
                  </th>
                  <td className="num">{dialogue.priority[c].total}</td>
                  <td className="num">{dialogue.priority[c].reached}</td>
                  <td className="num">{dialogue.priority[c].direct}</td>
                  <td className="num">{dialogue.priority[c].viaForum}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
        <PlainList title={`${CATEGORY_LABELS.needs_strengthening}: inte nådda ${report.year}`} items={dialogue.priority.needs_strengthening.notReached} />
        <PlainList title={`${CATEGORY_LABELS.access_gap}: inte nådda ${report.year}`} items={dialogue.priority.access_gap.notReached} />
        <TableScroll label="Dialogmaterialets avsnitt">
          <table className="data report-table">
            <caption>
              Dialogmaterialet {report.year}: använt i {dialogue.materialMeetings} av {dialogue.held} genomförda möten
            </caption>
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
        <TableScroll label="Uppföljningsåtgärder">
          <table className="data report-table narrow">
            <caption>Uppföljningsåtgärder från årets möten, status {formatDateSv(generatedOn)}</caption>
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
        {dialogue.participants.length > 0 ? (
          <TableScroll label="Deltagare från kommunerna">
            <table className="data report-table narrow">
              <caption>
                Deltagare från kommunerna i genomförda möten, per funktion (färre än {report.disclosureThreshold} visas som &lt;
                {report.disclosureThreshold})
              </caption>
              <thead>
                <tr>
                  <th scope="col">Funktion</th>
                  <th scope="col" className="num">
                    Personer
                  </th>
                </tr>
              </thead>
              <tbody>
                {dialogue.participants.map((p) => (
                  <tr key={p.function}>
                    <th scope="row">{p.label}</th>
                    <td className="num">
                      <Value value={p.people} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        ) : null}
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
            return <ChartFigure key={i.key} figure={figure} caption={i.name} className="trend" />;
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

function PlainList({ title, items }: { title: string; items: readonly { code: string; name: string }[] }) {
  if (items.length === 0) return null;
  return (
    <details className="report-list" open>
      <summary>
        {title} ({items.length})
      </summary>
      <ul className="columns">
        {items.map((m) => (
          <li key={m.code}>
            <Link to={`/kommuner/${m.code}`}>{m.name}</Link>
          </li>
        ))}
      </ul>
    </details>
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

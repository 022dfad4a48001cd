import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "../components/error-boundary";
import { DialogueSection, IndicatorsSection, RoundsSection } from "../components/report/report-sections";
import { formatDateSv, formatPeriodSv } from "../domain/dates";
import { reportTitle } from "../domain/report";
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

      <RoundsSection report={report} map={map} distribution={distribution} />
      <DialogueSection report={report} meetings={meetings} generatedOn={generatedOn} />
      <IndicatorsSection report={report} charts={indicators} />
    </article>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${reportTitle(data.report.year)} – Samverkanskartan` : "Lägesrapport – Samverkanskartan" },
];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

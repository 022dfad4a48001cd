import {
  distributionChartText,
  exampleNotice,
  indicatorChartText,
  meetingsChartText,
  noReportMessage,
  parseReportYear,
  reportSummary,
  type YearReport,
} from "../domain/report";
import { quoteParam } from "../domain/params";
import { distributionChartSvg, indicatorTrendSvg, meetingsChartSvg } from "./charts.server";
import { httpError } from "./http.server";
import { databaseChangeMark } from "../models/ratings-version.server";
import { todayInSweden } from "./priorities.server";
import { getYearReport, latestRoundRatings, reportYears } from "./report.server";
import { nationalMapSvg } from "./report-map.server";
import type { ReportFigure } from "./report-images.server";

/**
 * The year's report, or the Swedish answer for a year that has none: 400 for something that is not a
 * year, 404 for a year without a started round (naming the years that have one). Thrown, so the
 * page, the Word file, the CSV and the API answer alike.
 */
export function requireYearReport(request: Request, yearParam: string | null | undefined): YearReport {
  const year = parseReportYear(yearParam);
  if (year === null) {
    throw httpError(request, 400, `"${quoteParam(yearParam ?? "")}" är inget år. Skriv året med fyra siffror, till exempel 2026.`);
  }
  const report = cachedYearReport(year);
  if (!report) throw httpError(request, 404, noReportMessage(year, reportYears()));
  return report;
}

const reports = new Map<string, YearReport | null>();
const views = new WeakMap<YearReport, ReportView>();

/**
 * The year's report, built once for as long as nothing at all is committed to the database (by this
 * process or another: `databaseChangeMark`) on the same Swedish day (overdue follow-ups depend on it):
 * the report is read far more often than its data change, and the page, its images, the Word file, the
 * CSV and the JSON then share one build.
 */
function cachedYearReport(year: number): YearReport | null {
  const key = `${year}|${todayInSweden()}|${databaseChangeMark()}`;
  if (reports.has(key)) return reports.get(key)!;
  const report = getYearReport(year);
  if (reports.size >= 8) reports.clear();
  reports.set(key, report);
  return report;
}


/** The report with its sentences, map and charts: what the page shows and the Word file prints. */
export function reportView(report: YearReport): ReportView {
  let view = views.get(report);
  if (!view) views.set(report, (view = buildReportView(report)));
  return view;
}

function buildReportView(report: YearReport) {
  const latest = report.rounds[report.rounds.length - 1]!;
  const roundMarks = report.history.map((r) => ({ name: r.name, periodStart: r.periodStart }));
  const map: ReportFigure & { roundName: string } = {
    name: "karta.svg",
    roundName: latest.name,
    svg: nationalMapSvg(latestRoundRatings(report), { label: latest.name }),
    alt: `Karta över Sveriges kommuner färgade efter bedömningen i ${latest.name}.`,
  };
  return {
    report,
    notice: exampleNotice(report),
    summary: reportSummary(report),
    map,
    distribution: { name: "fordelning.svg", svg: distributionChartSvg(report.history), alt: distributionChartText(report.history) } as ReportFigure,
    meetings: {
      name: "moten.svg",
      svg: meetingsChartSvg(report.dialogue.byMonth),
      alt: meetingsChartText(report.year, report.dialogue.byMonth),
    } as ReportFigure,
    indicators: report.indicators.map((i) => ({
      key: i.key,
      name: `indikator-${i.key}.svg`,
      svg: indicatorTrendSvg(i, roundMarks),
      alt: indicatorChartText(i, report.history.map((r) => r.name)),
    })),
  };
}

export type ReportView = ReturnType<typeof buildReportView>;

/** Every figure of a view, for the image route. */
export function reportFigures(view: ReportView): ReportFigure[] {
  return [view.map, view.distribution, view.meetings, ...view.indicators];
}

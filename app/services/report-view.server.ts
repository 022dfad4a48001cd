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
import { getYearReport, latestRoundRatings, reportYears } from "./report.server";
import { nationalMapSvg } from "./report-map.server";

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
  const report = getYearReport(year);
  if (!report) throw httpError(request, 404, noReportMessage(year, reportYears()));
  return report;
}

export type ReportFigure = { svg: string; alt: string };

/** The report with its sentences, map and charts: what the page shows and the Word file prints. */
export function reportView(report: YearReport) {
  const latest = report.rounds[report.rounds.length - 1]!;
  const roundMarks = report.history.map((r) => ({ name: r.name, periodStart: r.periodStart }));
  return {
    report,
    notice: exampleNotice(report),
    summary: reportSummary(report),
    map: {
      roundName: latest.name,
      svg: nationalMapSvg(latestRoundRatings(report), { label: latest.name }),
      alt: `Karta över Sveriges kommuner färgade efter bedömningen i ${latest.name}.`,
    },
    distribution: { svg: distributionChartSvg(report.history), alt: distributionChartText(report.history) } as ReportFigure,
    meetings: report.dialogue
      ? ({ svg: meetingsChartSvg(report.dialogue.byMonth), alt: meetingsChartText(report.year, report.dialogue.byMonth) } as ReportFigure)
      : null,
    indicators: report.indicators.map((i) => ({
      key: i.key,
      svg: indicatorTrendSvg(i, roundMarks),
      alt: indicatorChartText(i, report.history.map((r) => r.name)),
    })),
  };
}

export type ReportView = ReturnType<typeof reportView>;

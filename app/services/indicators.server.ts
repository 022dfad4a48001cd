import {
  disclosedValue,
  parsePeriod,
  periodInRange,
  type IndicatorUnit,
  type Period,
} from "../domain/indicators";
import { listIndicators, listIndicatorValues } from "../models/indicator.server";
import { listCounties } from "../models/register.server";
import { indicatorChartText } from "../domain/report";
import { listRounds } from "../models/round.server";
import { indicatorTrendSvg } from "./charts.server";
import { getEnv } from "./env.server";
import type { ReportFigure } from "./report-images.server";

/** Counts of people under this are shown as "<N" outside the indicator editor (DISCLOSURE_THRESHOLD). */
export function disclosureThreshold(): number {
  return getEnv().DISCLOSURE_THRESHOLD;
}

export type PublicIndicatorValue = {
  id: number;
  indicatorKey: string;
  period: string;
  countyCode: string | null;
  countyName: string | null;
  /** The value, or "<5" when a count of people is under the disclosure threshold. */
  value: number | string;
  source: string;
  note: string;
  example: boolean;
};

/**
 * The catalogue and its values as everyone outside the editor sees them: masked under the threshold
 * (unless `raw`, the editor's view), optionally limited to periods from..to.
 */
export function indicatorOverview(options: { from?: Period | null; to?: Period | null; raw?: boolean } = {}) {
  const threshold = disclosureThreshold();
  const catalogue = listIndicators();
  const unitOf = new Map<string, IndicatorUnit>(catalogue.map((i) => [i.key, i.unit]));
  const countyName = new Map(listCounties().map((c) => [c.code, c.name]));
  const values: PublicIndicatorValue[] = listIndicatorValues()
    .filter((v) => periodInRange(v.period, options.from ?? null, options.to ?? null))
    .map((v) => ({
      id: v.id,
      indicatorKey: v.indicatorKey,
      period: v.period,
      countyCode: v.countyCode,
      countyName: v.countyCode ? (countyName.get(v.countyCode) ?? v.countyCode) : null,
      value: options.raw ? v.value : disclosedValue(v.value, unitOf.get(v.indicatorKey) ?? "people", threshold),
      source: v.source,
      note: v.note,
      example: v.example,
    }));
  return {
    threshold,
    indicators: catalogue.map((i) => ({ key: i.key, name: i.name, description: i.description, unit: i.unit, benefit: i.benefit })),
    values,
    example: values.some((v) => v.example),
  };
}

/** `from`/`to` query parameters: a year or half-year each, or absent. Problems are Swedish sentences. */
export function parsePeriodRange(params: URLSearchParams): { from: Period | null; to: Period | null; problems: string[] } {
  const problems: string[] = [];
  const read = (name: "from" | "to") => {
    const raw = params.get(name);
    if (!raw) return null;
    const p = parsePeriod(raw);
    if (!p) problems.push(`${name}=${raw.slice(0, 20)} är ingen period; skriv ett år (2025) eller ett halvår (2025H1).`);
    return p;
  };
  const from = read("from");
  const to = read("to");
  if (from && to && `${from.year}${from.half ?? 1}` > `${to.year}${to.half ?? 2}`) problems.push("from ligger efter to.");
  return { from, to, problems };
}

/**
 * Each indicator's national yearly trend as a chart (the mapping rounds marked), keyed by indicator:
 * the indicator page's figures, served as images by /indikatorer/diagram/:name. Indicators without a
 * yearly national value have none.
 */
export function indicatorTrendFigures(overview: ReturnType<typeof indicatorOverview>): Map<string, ReportFigure> {
  const rounds = listRounds()
    .filter((r) => r.status !== "planned")
    .sort((a, b) => a.periodStart.localeCompare(b.periodStart))
    .map((r) => ({ name: r.name, periodStart: r.periodStart }));
  const figures = new Map<string, ReportFigure>();
  for (const i of overview.indicators) {
    const national = overview.values.filter((v) => v.indicatorKey === i.key && v.countyCode === null && /^\d{4}$/.test(v.period));
    const series = national.map((v) => ({ year: Number(v.period), value: typeof v.value === "number" ? v.value : null }));
    if (series.length === 0) continue;
    figures.set(i.key, {
      name: `indikator-${i.key}.svg`,
      svg: indicatorTrendSvg({ ...i, series }, rounds),
      alt: indicatorChartText({ ...i, series, value: null, previous: null, change: null, example: false }, rounds.map((r) => r.name)),
    });
  }
  return figures;
}

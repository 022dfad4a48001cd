import { sortSwedish } from "../domain/collation";
import { disclosedValue, formatChange } from "../domain/indicators";
import { CATEGORIES, type Category } from "../domain/rating";
import { roundInYear, type ReportIndicator, type ReportRound, type ReportTransition, type YearReport } from "../domain/report";
import { compareRounds } from "../domain/round-comparison";
import { countCategoriesByRound, listMunicipalityRatings, listRoundTransitions, type MunicipalityRating } from "../models/assessment.server";
import { listIndicators, listNationalYearValues } from "../models/indicator.server";
import { listCounties } from "../models/register.server";
import { countMunicipalities } from "../models/report.server";
import { listRounds } from "../models/round.server";
import { disclosureThreshold } from "./indicators.server";
import { todayInSweden } from "./priorities.server";
import { reportDialogue } from "./report-dialogue.server";

/** Years of indicator history the trend charts show (the report's year and nine before it). */
const TREND_YEARS = 10;

function emptyCounts(): Record<Category, number> {
  return { good: 0, access_gap: 0, needs_strengthening: 0, unrated: 0 };
}

/** Started rounds (open or closed), oldest period first. */
function startedRounds() {
  return listRounds()
    .filter((r) => r.status !== "planned")
    .sort((a, b) => (a.periodStart === b.periodStart ? a.id - b.id : a.periodStart < b.periodStart ? -1 : 1));
}

/** The years that have a report: those in which a started round's period falls. */
export function reportYears(): number[] {
  const years = new Set<number>();
  for (const r of startedRounds()) {
    for (let y = Number(r.periodStart.slice(0, 4)); y <= Number(r.periodEnd.slice(0, 4)); y++) years.add(y);
  }
  return [...years].sort((a, b) => b - a);
}

/** The change since the previous round, by the rounds' own comparison (the same as /kartlaggningar/jamfor). */
function transition(previous: { id: number; name: string }, roundId: number, countyNames: ReadonlyMap<string, string>): ReportTransition {
  const comparison = compareRounds(listRoundTransitions(previous.id, roundId));
  const named = (m: (typeof comparison.improved)[number]) => ({
    code: m.code,
    name: m.name,
    countyName: countyNames.get(m.countyCode) ?? m.countyCode,
    from: m.from,
    to: m.to,
  });
  return {
    from: previous,
    improved: comparison.improved.map(named),
    worsened: comparison.worsened.map(named),
    unchanged: comparison.counts.unchanged,
    notCompared: comparison.counts.unrated,
  };
}

function byCounty(ratings: readonly MunicipalityRating[]): ReportRound["byCounty"] {
  const counties = new Map<string, { code: string; name: string; counts: Record<Category, number> }>();
  for (const m of ratings) {
    const county = counties.get(m.countyCode) ?? { code: m.countyCode, name: m.countyName, counts: emptyCounts() };
    county.counts[m.category] += 1;
    counties.set(m.countyCode, county);
  }
  return sortSwedish([...counties.values()], (c) => c.name);
}

function reportIndicators(year: number, threshold: number): ReportIndicator[] {
  const values = listNationalYearValues();
  return listIndicators().map((indicator) => {
    const own = values.filter((v) => v.indicatorKey === indicator.key);
    const at = (y: number) => own.find((v) => v.period === String(y));
    const shown = (y: number) => {
      const v = at(y);
      return v ? disclosedValue(v.value, indicator.unit, threshold) : null;
    };
    const value = shown(year);
    const previous = shown(year - 1);
    const series = Array.from({ length: TREND_YEARS }, (_, i) => year - TREND_YEARS + 1 + i)
      .filter((y) => at(y) !== undefined || y >= year - 3)
      .map((y) => {
        const v = shown(y);
        return { year: y, value: typeof v === "number" ? v : null };
      });
    return {
      key: indicator.key,
      name: indicator.name,
      unit: indicator.unit,
      value,
      previous,
      change: formatChange(value, previous),
      example: !!at(year)?.example || !!at(year - 1)?.example,
      series,
    };
  });
}

/**
 * Everything the status report for `year` says, or null when no started round's period falls in it.
 * Counts of people under the disclosure threshold arrive here already as "<5".
 */
export function getYearReport(year: number): YearReport | null {
  const started = startedRounds();
  const inYear = started.filter((r) => roundInYear(r, year));
  if (inYear.length === 0) return null;
  const counts = countCategoriesByRound();
  const total = countMunicipalities();
  let counties: Map<string, string> | undefined;
  const countyNames = () => (counties ??= new Map(listCounties().map((c) => [c.code, c.name])));
  const ratingsCache = new Map<number, MunicipalityRating[]>();
  const ratingsOf = (id: number) => {
    let r = ratingsCache.get(id);
    if (!r) ratingsCache.set(id, (r = listMunicipalityRatings(id)));
    return r;
  };
  const rounds: ReportRound[] = inYear.map((round) => {
    const ratings = ratingsOf(round.id);
    const index = started.findIndex((r) => r.id === round.id);
    const previous = index > 0 ? started[index - 1]! : null;
    return {
      id: round.id,
      name: round.name,
      periodStart: round.periodStart,
      periodEnd: round.periodEnd,
      example: round.example,
      counts: counts.get(round.id) ?? { ...emptyCounts(), unrated: total },
      byCounty: byCounty(ratings),
      transition: previous ? transition({ id: previous.id, name: previous.name }, round.id, countyNames()) : null,
    };
  });
  const history = started
    .filter((r) => r.periodStart <= `${year}-12-31`)
    .map((r) => ({ id: r.id, name: r.name, periodStart: r.periodStart, example: r.example, counts: counts.get(r.id) ?? { ...emptyCounts(), unrated: total } }));
  const latest = rounds[rounds.length - 1]!;
  const threshold = disclosureThreshold();
  const dialogue = reportDialogue(year, { name: latest.name, ratings: ratingsOf(latest.id) }, { today: todayInSweden(), threshold });
  const indicators = reportIndicators(year, threshold);
  return {
    year,
    municipalityTotal: total,
    example: rounds.some((r) => r.example) || indicators.some((i) => i.example) || dialogue.example,
    rounds,
    history,
    dialogue,
    indicators,
    disclosureThreshold: threshold,
  };
}

/** The ratings of the latest round in the year's report, for its map. */
export function latestRoundRatings(report: YearReport) {
  const latest = report.rounds[report.rounds.length - 1]!;
  return listMunicipalityRatings(latest.id).map((m) => ({ code: m.code, name: m.name, latitude: m.latitude, longitude: m.longitude, category: m.category }));
}

export { CATEGORIES };

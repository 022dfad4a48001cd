import { format, parseISO } from "date-fns";
import { sv } from "date-fns/locale";
import { formatChange, formatIndicatorValue, INDICATOR_UNIT_LABELS, type IndicatorUnit } from "./indicators";
import { CATEGORIES, CATEGORY_LABELS, CATEGORY_PHRASES, type Category } from "./rating";
import { countSv, pluralSv } from "./wording";

/**
 * The yearly status report (/rapport/:year): its figures as plain data, and every sentence it writes,
 * from templates with the figures in place (never free-form generation). The page, the Word file, the
 * CSV and the JSON all print from one YearReport, so they cannot disagree.
 */

export type CategoryCounts = Record<Category, number>;

export type ReportMunicipality = { code: string; name: string; countyName: string; from: Category; to: Category };

export type ReportTransition = {
  from: { id: number; name: string };
  improved: ReportMunicipality[];
  worsened: ReportMunicipality[];
  unchanged: number;
  /** Unrated in either round: cannot be compared. */
  notCompared: number;
};

export type ReportRound = {
  id: number;
  name: string;
  periodStart: string;
  periodEnd: string;
  example: boolean;
  counts: CategoryCounts;
  byCounty: { code: string; name: string; counts: CategoryCounts }[];
  /** Since the previous round by period; null when there is none. */
  transition: ReportTransition | null;
};

export type PriorityReach = { total: number; reached: number; direct: number; viaForum: number };

/** Dialogue figures for the year; the report shows "not yet available" when the app has no meetings module. */
export type ReportDialogue = {
  example: boolean;
  held: number;
  byFormat: { format: string; label: string; held: number }[];
  /** Twelve months, "2026-01" … "2026-12". */
  byMonth: { month: string; held: number }[];
  reach: { direct: number; viaForum: number; total: number };
  /** Of the latest round's municipalities in these categories, how many were reached this year. */
  priority: { needs_strengthening: PriorityReach; access_gap: PriorityReach } | null;
  material: { title: string; meetings: number; municipalities: number }[];
  actions: { done: number; open: number; overdue: number };
};

export type ReportIndicator = {
  key: string;
  name: string;
  unit: IndicatorUnit;
  /** The year's national value, "<5" when hidden, null when none is recorded. */
  value: number | string | null;
  previous: number | string | null;
  change: string | null;
  example: boolean;
  /** Whole years, for the trend chart (hidden values are null). */
  series: { year: number; value: number | null }[];
};

export type YearReport = {
  year: number;
  municipalityTotal: number;
  example: boolean;
  rounds: ReportRound[];
  /** Every started round up to the end of the year, oldest first: the distribution chart. */
  history: { id: number; name: string; periodStart: string; example: boolean; counts: CategoryCounts }[];
  dialogue: ReportDialogue | null;
  indicators: ReportIndicator[];
  disclosureThreshold: number;
};

// ---------------------------------------------------------------------------------------------

function joinSwedish(parts: readonly string[]): string {
  if (parts.length <= 1) return parts.join("");
  return `${parts.slice(0, -1).join(", ")} och ${parts[parts.length - 1]}`;
}

/** "I februari 2025" for a one-month round, "Under mars–maj 2026" for a longer one. */
export function roundTimePhrase(periodStart: string, periodEnd: string): string {
  const s = parseISO(periodStart);
  const e = parseISO(periodEnd);
  const month = (d: Date) => format(d, "LLLL", { locale: sv });
  if (format(s, "yyyy-MM") === format(e, "yyyy-MM")) return `I ${month(s)} ${format(s, "yyyy")}`;
  if (format(s, "yyyy") === format(e, "yyyy")) return `Under ${month(s)}–${month(e)} ${format(e, "yyyy")}`;
  return `Under ${month(s)} ${format(s, "yyyy")}–${month(e)} ${format(e, "yyyy")}`;
}

/**
 * "I februari 2025 hade 203 av Sveriges 290 kommuner bra samverkan och tillgång till insatser, 76 bra
 * samverkan men otillfredsställande tillgång till insatser och 11 samverkan som behöver stärkas."
 */
export function roundSentence(round: Pick<ReportRound, "periodStart" | "periodEnd" | "counts">, municipalityTotal: number): string {
  const rated = CATEGORIES.filter((c) => c !== "unrated" && round.counts[c] > 0);
  const when = roundTimePhrase(round.periodStart, round.periodEnd);
  if (rated.length === 0) return `${when} var ingen av Sveriges ${municipalityTotal} kommuner bedömd.`;
  const [first, ...rest] = rated;
  const parts = [
    `${round.counts[first!]} av Sveriges ${municipalityTotal} ${pluralSv(municipalityTotal, "kommun", "kommuner")} ${CATEGORY_PHRASES[first!]}`,
    ...rest.map((c) => `${round.counts[c]} ${CATEGORY_PHRASES[c]}`),
  ];
  const unrated = round.counts.unrated > 0 ? ` ${countSv(round.counts.unrated, "kommun", "kommuner")} var inte bedömd${round.counts.unrated === 1 ? "" : "a"}.` : "";
  return `${when} hade ${joinSwedish(parts)}.${unrated}`;
}

/** "Jämfört med Kartläggning februari 2025 har 25 kommuner fått en bättre bedömning och 4 en sämre; 261 är oförändrade." */
export function transitionSentence(t: ReportTransition): string {
  const better = t.improved.length;
  const worse = t.worsened.length;
  if (better === 0 && worse === 0) return `Jämfört med ${t.from.name} har ingen kommun fått en annan bedömning.`;
  const parts: string[] = [];
  if (better > 0) parts.push(`${countSv(better, "kommun", "kommuner")} fått en bättre bedömning`);
  if (worse > 0) parts.push(better > 0 ? `${worse} en sämre` : `${countSv(worse, "kommun", "kommuner")} fått en sämre bedömning`);
  const unchanged = t.unchanged > 0 ? `; ${t.unchanged} ${pluralSv(t.unchanged, "är oförändrad", "är oförändrade")}` : "";
  return `Jämfört med ${t.from.name} har ${joinSwedish(parts)}${unchanged}.`;
}

/** What the report says when the app holds no dialogue meetings yet. */
export const DIALOGUE_NOT_AVAILABLE = "Uppgifter om dialogmöten finns ännu inte i Samverkanskartan.";

export function dialogueSentences(year: number, d: ReportDialogue): string[] {
  if (d.held === 0) return [`Inga dialogmöten genomfördes under ${year}.`];
  const out = [
    `Under ${year} genomfördes ${countSv(d.held, "dialogmöte", "dialogmöten")}. De nådde ${countSv(d.reach.direct, "kommun", "kommuner")} direkt och ytterligare ${d.reach.viaForum} via samordningsförbund och andra forum.`,
  ];
  if (d.priority) {
    const ns = d.priority.needs_strengthening;
    const ag = d.priority.access_gap;
    out.push(
      `Av de ${ns.total} ${pluralSv(ns.total, "kommun", "kommuner")} vars samverkan behövde stärkas har ${ns.reached} nåtts, och av de ${ag.total} med otillfredsställande tillgång till insatser ${ag.reached}.`,
    );
  }
  const a = d.actions;
  if (a.done + a.open > 0) {
    out.push(
      `${countSv(a.done, "uppföljningsåtgärd", "uppföljningsåtgärder")} är ${pluralSv(a.done, "klar", "klara")} och ${a.open} ${pluralSv(a.open, "är öppen", "är öppna")}, varav ${a.overdue} ${pluralSv(a.overdue, "är försenad", "är försenade")}.`,
    );
  }
  return out;
}

/** "Aktivitetsersättning i rehabiliteringssamverkan: 5 040 personer 2026 (+330 jämfört med 2025)." */
export function indicatorSentence(i: ReportIndicator, year: number): string | null {
  if (i.value === null) return null;
  const change = formatChange(i.value, i.previous);
  const tail = change ? ` (${change} jämfört med ${year - 1})` : i.previous === null ? ` (inget värde för ${year - 1})` : "";
  return `${i.name}: ${formatIndicatorValue(i.value)} ${INDICATOR_UNIT_LABELS[i.unit]} ${year}${tail}.`;
}

/** The report's summary, paragraph by paragraph. */
export function reportSummary(report: YearReport): string[] {
  const paragraphs: string[] = [];
  const latest = report.rounds[report.rounds.length - 1];
  for (const round of report.rounds) paragraphs.push(roundSentence(round, report.municipalityTotal));
  if (latest?.transition) paragraphs.push(transitionSentence(latest.transition));
  paragraphs.push(...(report.dialogue ? dialogueSentences(report.year, report.dialogue) : [DIALOGUE_NOT_AVAILABLE]));
  const withValues = report.indicators.map((i) => indicatorSentence(i, report.year)).filter((s): s is string => s !== null);
  if (withValues.length > 0) paragraphs.push(withValues.join(" "));
  else paragraphs.push(`Inga indikatorvärden finns för ${report.year}.`);
  return paragraphs;
}

/** The report's first line when any figure in it is example data. */
export function exampleNotice(report: Pick<YearReport, "example">): string | null {
  return report.example
    ? "Exempeldata. Rapporten bygger helt eller delvis på påhittade exempeluppgifter, inte på Försäkringskassans verkliga bedömningar, möten eller statistik."
    : null;
}

export function reportTitle(year: number): string {
  return `Lägesrapport ${year}: samverkan med kommunerna`;
}

// ---------------------------------------------------------------------------------------------
// Text alternatives for the charts

export function distributionChartText(history: YearReport["history"]): string {
  const parts = history.map(
    (r) => `${r.name}: ${joinSwedish(CATEGORIES.filter((c) => r.counts[c] > 0).map((c) => `${r.counts[c]} ${CATEGORY_PHRASES[c]}`))}`,
  );
  return `Staplat stapeldiagram över kommunernas bedömning i varje kartläggning. ${parts.join("; ")}.`;
}

const MONTH_NAMES = ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober", "november", "december"];

export function monthLabel(month: string): string {
  return `${MONTH_NAMES[Number(month.slice(5, 7)) - 1]} ${month.slice(0, 4)}`;
}

export function meetingsChartText(year: number, byMonth: ReportDialogue["byMonth"]): string {
  const total = byMonth.reduce((n, m) => n + m.held, 0);
  if (total === 0) return `Stapeldiagram över genomförda dialogmöten per månad ${year}: inga möten.`;
  const max = byMonth.reduce((best, m) => (m.held > best.held ? m : best), byMonth[0]!);
  return `Stapeldiagram över genomförda dialogmöten per månad ${year}: totalt ${total}, flest i ${monthLabel(max.month)} (${max.held}).`;
}

export function indicatorChartText(i: ReportIndicator, roundNames: readonly string[]): string {
  const known = i.series.filter((p): p is { year: number; value: number } => p.value !== null);
  const marked = roundNames.length > 0 ? ` Kartläggningarna är markerade: ${roundNames.join(", ")}.` : "";
  if (known.length === 0) return `Linjediagram för ${i.name}: inga värden.${marked}`;
  const first = known[0]!;
  const last = known[known.length - 1]!;
  const unit = INDICATOR_UNIT_LABELS[i.unit];
  return `Linjediagram för ${i.name} ${first.year}–${last.year}: från ${formatIndicatorValue(first.value)} till ${formatIndicatorValue(last.value)} ${unit}.${marked}`;
}

// ---------------------------------------------------------------------------------------------
// Every figure as rows: the CSV download (and a check that the formats agree)

export type FigureRow = { section: string; measure: string; group: string; value: number | string; example: boolean };

export function reportFigureRows(report: YearReport): FigureRow[] {
  const rows: FigureRow[] = [];
  for (const r of report.rounds) {
    for (const c of CATEGORIES) rows.push({ section: `Kartläggning: ${r.name}`, measure: CATEGORY_LABELS[c], group: "Hela riket", value: r.counts[c], example: r.example });
    for (const county of r.byCounty) {
      for (const c of CATEGORIES) rows.push({ section: `Kartläggning: ${r.name}`, measure: CATEGORY_LABELS[c], group: county.name, value: county.counts[c], example: r.example });
    }
    if (r.transition) {
      const t = r.transition;
      const section = `Förändring sedan ${t.from.name}`;
      rows.push({ section, measure: "Bättre bedömning", group: "Hela riket", value: t.improved.length, example: r.example });
      rows.push({ section, measure: "Sämre bedömning", group: "Hela riket", value: t.worsened.length, example: r.example });
      rows.push({ section, measure: "Oförändrad bedömning", group: "Hela riket", value: t.unchanged, example: r.example });
      for (const m of t.improved) rows.push({ section, measure: "Bättre bedömning", group: `${m.name} (${m.code})`, value: `${CATEGORY_LABELS[m.from]} → ${CATEGORY_LABELS[m.to]}`, example: r.example });
      for (const m of t.worsened) rows.push({ section, measure: "Sämre bedömning", group: `${m.name} (${m.code})`, value: `${CATEGORY_LABELS[m.from]} → ${CATEGORY_LABELS[m.to]}`, example: r.example });
    }
  }
  const d = report.dialogue;
  if (d) {
    const ex = d.example;
    rows.push({ section: "Dialogmöten", measure: "Genomförda möten", group: "Totalt", value: d.held, example: ex });
    for (const f of d.byFormat) rows.push({ section: "Dialogmöten", measure: "Genomförda möten", group: f.label, value: f.held, example: ex });
    for (const m of d.byMonth) rows.push({ section: "Dialogmöten per månad", measure: "Genomförda möten", group: m.month, value: m.held, example: ex });
    rows.push({ section: "Räckvidd", measure: "Kommuner nådda direkt", group: "Hela riket", value: d.reach.direct, example: ex });
    rows.push({ section: "Räckvidd", measure: "Kommuner nådda via forum", group: "Hela riket", value: d.reach.viaForum, example: ex });
    if (d.priority) {
      for (const c of ["needs_strengthening", "access_gap"] as const) {
        rows.push({ section: "Räckvidd", measure: `${CATEGORY_LABELS[c]}: antal`, group: "Senaste kartläggningen", value: d.priority[c].total, example: ex });
        rows.push({ section: "Räckvidd", measure: `${CATEGORY_LABELS[c]}: nådda`, group: "Senaste kartläggningen", value: d.priority[c].reached, example: ex });
      }
    }
    for (const s of d.material) rows.push({ section: "Dialogmaterial", measure: "Möten där avsnittet användes", group: s.title, value: s.meetings, example: ex });
    rows.push({ section: "Uppföljningsåtgärder", measure: "Klara", group: "Totalt", value: d.actions.done, example: ex });
    rows.push({ section: "Uppföljningsåtgärder", measure: "Öppna", group: "Totalt", value: d.actions.open, example: ex });
    rows.push({ section: "Uppföljningsåtgärder", measure: "Försenade", group: "Totalt", value: d.actions.overdue, example: ex });
  }
  for (const i of report.indicators) {
    rows.push({ section: "Indikatorer", measure: i.name, group: String(report.year), value: i.value ?? "", example: i.example });
    rows.push({ section: "Indikatorer", measure: i.name, group: String(report.year - 1), value: i.previous ?? "", example: i.example });
  }
  return rows;
}

// ---------------------------------------------------------------------------------------------

/** The year in /rapport/:year: four digits, 2000–2100; null for anything else. */
export function parseReportYear(text: string | null | undefined): number | null {
  if (!text || !/^\d{4}$/.test(text)) return null;
  const year = Number(text);
  return year >= 2000 && year <= 2100 ? year : null;
}

/** Whether a round's period (YYYY-MM-DD … YYYY-MM-DD) falls, wholly or partly, in the year. */
export function roundInYear(round: { periodStart: string; periodEnd: string }, year: number): boolean {
  return round.periodStart <= `${year}-12-31` && round.periodEnd >= `${year}-01-01`;
}

/** Why there is no report for the year, in Swedish, naming the years that have one. */
export function noReportMessage(year: number, yearsWithRounds: readonly number[]): string {
  const years = [...new Set(yearsWithRounds)].sort();
  const alternatives =
    years.length === 0
      ? " Det finns inga påbörjade kartläggningar ännu."
      : ` Lägesrapporter finns för ${years.length === 1 ? "" : "åren "}${joinSwedish(years.map(String))}.`;
  return `Det finns ingen lägesrapport för ${year}: ingen påbörjad kartläggning har sin period under året.${alternatives}`;
}

/** GET /api/v1/report?year=YYYY: the issue's shape, plus periods, counties, transitions and the summary. */
export function reportJson(report: YearReport) {
  const d = report.dialogue;
  return {
    year: report.year,
    example: report.example,
    disclosureThreshold: report.disclosureThreshold,
    rounds: report.rounds.map((r) => ({
      id: r.id,
      name: r.name,
      periodStart: r.periodStart,
      periodEnd: r.periodEnd,
      example: r.example,
      counts: r.counts,
      byCounty: r.byCounty.map((c) => ({ code: c.code, name: c.name, counts: c.counts })),
      transition: r.transition && {
        from: r.transition.from,
        improved: r.transition.improved.length,
        worsened: r.transition.worsened.length,
        unchanged: r.transition.unchanged,
        notCompared: r.transition.notCompared,
        improvedMunicipalities: r.transition.improved.map((m) => ({ code: m.code, name: m.name, from: m.from, to: m.to })),
        worsenedMunicipalities: r.transition.worsened.map((m) => ({ code: m.code, name: m.name, from: m.from, to: m.to })),
      },
    })),
    /** False while the app holds no dialogue meetings; meetings, reach and actions are then null. */
    dialogueAvailable: d !== null,
    meetings: d && {
      held: d.held,
      byFormat: Object.fromEntries(d.byFormat.map((f) => [f.format, f.held])),
      byMonth: Object.fromEntries(d.byMonth.map((m) => [m.month, m.held])),
    },
    reach: d && {
      direct: d.reach.direct,
      viaForum: d.reach.viaForum,
      needs_strengthening: d.priority ? { total: d.priority.needs_strengthening.total, reached: d.priority.needs_strengthening.reached } : null,
      access_gap: d.priority ? { total: d.priority.access_gap.total, reached: d.priority.access_gap.reached } : null,
    },
    material: d && d.material,
    actions: d && d.actions,
    indicators: report.indicators.map((i) => ({ key: i.key, name: i.name, unit: i.unit, value: i.value, previous: i.previous, example: i.example })),
    summary: reportSummary(report),
  };
}

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

export type PriorityReach = {
  /** The latest round's municipalities in the category. */
  total: number;
  /** Of those, reached by a held meeting in the year, directly or through a forum. */
  reached: number;
  direct: number;
  viaForum: number;
  /** Those not reached, in Swedish order: whom the planners still have to meet. */
  notReached: { code: string; name: string }[];
};

/** Meetings dated in the year by status: planned means booked and not yet recorded as held. */
export type MeetingStatusCounts = { held: number; planned: number; cancelled: number; postponed: number };

/**
 * Dialogue figures for the year (meetings dated in it). Counts of meetings, municipalities and actions
 * are shown as they are; counts of people (municipal participants) under the disclosure threshold
 * arrive as "<5", like the indicators.
 */
export type ReportDialogue = MeetingStatusCounts & {
  example: boolean;
  /** Held meetings per format, in the vocabulary's order; formats without a held meeting are left out. */
  byFormat: { format: string; label: string; held: number }[];
  /** Twelve months, "2026-01" … "2026-12", each by status. */
  byMonth: ({ month: string } & MeetingStatusCounts)[];
  /** Distinct municipalities met in held meetings: directly, and only through a forum. */
  reach: { direct: number; viaForum: number; total: number };
  /** Of the latest round's municipalities in these categories, how many were reached this year. */
  priority: { roundName: string; needs_strengthening: PriorityReach; access_gap: PriorityReach };
  /** Held meetings where the dialogue material was used. */
  materialMeetings: number;
  /** Per section: held meetings that used it and the municipalities they reached (directly or via forum). */
  material: { title: string; version: number; meetings: number; municipalities: number }[];
  /** Follow-up actions agreed at the year's meetings, by their status today. */
  actions: { done: number; open: number; overdue: number };
  /** Municipal participants at the year's held meetings, by function (people: "<5" under the threshold). */
  participants: { function: string; label: string; people: number | string }[];
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
  dialogue: ReportDialogue;
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

/** "Av årets övriga möten var 4 inställda, 2 flyttade och 12 planerade." */
function otherMeetingsSentence(d: MeetingStatusCounts): string | null {
  const parts: string[] = [];
  if (d.cancelled > 0) parts.push(`${d.cancelled} ${pluralSv(d.cancelled, "inställt", "inställda")}`);
  if (d.postponed > 0) parts.push(`${d.postponed} ${pluralSv(d.postponed, "flyttat", "flyttade")}`);
  if (d.planned > 0) parts.push(`${d.planned} ${pluralSv(d.planned, "planerat", "planerade")}`);
  if (parts.length === 0) return null;
  return `Av årets övriga möten var ${joinSwedish(parts)}.`;
}

export function dialogueSentences(year: number, d: ReportDialogue): string[] {
  const out: string[] = [];
  if (d.held === 0) out.push(`Inga dialogmöten genomfördes under ${year}.`);
  else {
    out.push(
      `Under ${year} genomfördes ${countSv(d.held, "dialogmöte", "dialogmöten")}. De nådde ${countSv(d.reach.direct, "kommun", "kommuner")} direkt och ytterligare ${d.reach.viaForum} via samordningsförbund och andra forum.`,
    );
  }
  const other = otherMeetingsSentence(d);
  if (other) out.push(other);
  if (d.held > 0) {
    const ns = d.priority.needs_strengthening;
    const ag = d.priority.access_gap;
    out.push(
      `Av de ${ns.total} ${pluralSv(ns.total, "kommun", "kommuner")} vars samverkan behövde stärkas har ${ns.reached} nåtts, och av de ${ag.total} med otillfredsställande tillgång till insatser ${ag.reached}.`,
    );
    if (d.materialMeetings > 0) {
      out.push(`Dialogmaterialet användes i ${d.materialMeetings} av ${d.held} genomförda möten.`);
    }
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
  paragraphs.push(...dialogueSentences(report.year, report.dialogue));
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
  const sum = (key: keyof MeetingStatusCounts) => byMonth.reduce((n, m) => n + m[key], 0);
  const held = sum("held");
  const all = held + sum("planned") + sum("cancelled") + sum("postponed");
  const title = `Staplat stapeldiagram över dialogmöten per månad ${year}, efter status (genomförda, planerade, flyttade, inställda)`;
  if (all === 0) return `${title}: inga möten.`;
  const parts = [`${held} genomförda`, `${sum("planned")} planerade`, `${sum("postponed")} flyttade`, `${sum("cancelled")} inställda`];
  if (held === 0) return `${title}: ${joinSwedish(parts)}.`;
  const max = byMonth.reduce((best, m) => (m.held > best.held ? m : best), byMonth[0]!);
  return `${title}: ${joinSwedish(parts)}; flest genomförda i ${monthLabel(max.month)} (${max.held}).`;
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

/** The CSV's words for meetings by status. */
export const MEETING_STATUS_MEASURES: Record<keyof MeetingStatusCounts, string> = {
  held: "Genomförda möten",
  planned: "Planerade möten",
  cancelled: "Inställda möten",
  postponed: "Flyttade möten",
};

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
  const ex = d.example;
  const dialogue = (section: string, measure: string, group: string, value: number | string) => rows.push({ section, measure, group, value, example: ex });
  for (const status of ["held", "planned", "cancelled", "postponed"] as const) {
    dialogue("Dialogmöten", MEETING_STATUS_MEASURES[status], "Totalt", d[status]);
  }
  for (const f of d.byFormat) dialogue("Dialogmöten", MEETING_STATUS_MEASURES.held, f.label, f.held);
  for (const m of d.byMonth) {
    for (const status of ["held", "planned", "cancelled", "postponed"] as const) dialogue("Dialogmöten per månad", MEETING_STATUS_MEASURES[status], m.month, m[status]);
  }
  dialogue("Räckvidd", "Kommuner nådda direkt", "Hela riket", d.reach.direct);
  dialogue("Räckvidd", "Kommuner nådda via forum", "Hela riket", d.reach.viaForum);
  dialogue("Räckvidd", "Kommuner nådda totalt", "Hela riket", d.reach.total);
  for (const c of ["needs_strengthening", "access_gap"] as const) {
    const p = d.priority[c];
    dialogue("Räckvidd", `${CATEGORY_LABELS[c]}: antal`, d.priority.roundName, p.total);
    dialogue("Räckvidd", `${CATEGORY_LABELS[c]}: nådda`, d.priority.roundName, p.reached);
    dialogue("Räckvidd", `${CATEGORY_LABELS[c]}: nådda direkt`, d.priority.roundName, p.direct);
    dialogue("Räckvidd", `${CATEGORY_LABELS[c]}: nådda via forum`, d.priority.roundName, p.viaForum);
    for (const m of p.notReached) dialogue("Räckvidd", `${CATEGORY_LABELS[c]}: inte nådd`, `${m.name} (${m.code})`, "ej nådd");
  }
  dialogue("Dialogmaterial", "Genomförda möten där materialet användes", "Totalt", d.materialMeetings);
  for (const s of d.material) {
    dialogue("Dialogmaterial", "Möten där avsnittet användes", s.title, s.meetings);
    dialogue("Dialogmaterial", "Kommuner som mötet nådde", s.title, s.municipalities);
  }
  dialogue("Uppföljningsåtgärder", "Klara", "Totalt", d.actions.done);
  dialogue("Uppföljningsåtgärder", "Öppna", "Totalt", d.actions.open);
  dialogue("Uppföljningsåtgärder", "Försenade", "Totalt", d.actions.overdue);
  for (const p of d.participants) dialogue("Deltagare från kommunerna", "Personer i genomförda möten", p.label, p.people);
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

function reachJson(p: PriorityReach) {
  return { total: p.total, reached: p.reached, direct: p.direct, viaForum: p.viaForum, notReached: p.notReached };
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
    meetings: {
      held: d.held,
      planned: d.planned,
      cancelled: d.cancelled,
      postponed: d.postponed,
      byFormat: Object.fromEntries(d.byFormat.map((f) => [f.format, f.held])),
      byMonth: Object.fromEntries(d.byMonth.map(({ month, ...counts }) => [month, counts])),
    },
    reach: {
      direct: d.reach.direct,
      viaForum: d.reach.viaForum,
      total: d.reach.total,
      round: d.priority.roundName,
      needs_strengthening: reachJson(d.priority.needs_strengthening),
      access_gap: reachJson(d.priority.access_gap),
    },
    material: { meetings: d.materialMeetings, sections: d.material },
    actions: d.actions,
    participants: Object.fromEntries(d.participants.map((p) => [p.function, p.people])),
    indicators: report.indicators.map((i) => ({ key: i.key, name: i.name, unit: i.unit, value: i.value, previous: i.previous, example: i.example })),
    summary: reportSummary(report),
  };
}

import { describe, expect, it } from "vitest";
import {
  dialogueSentences,
  exampleNotice,
  indicatorSentence,
  meetingsChartText,
  noReportMessage,
  parseReportYear,
  reportFigureRows,
  reportJson,
  reportSummary,
  roundInYear,
  roundSentence,
  roundTimePhrase,
  transitionSentence,
  type ReportDialogue,
  type ReportIndicator,
  type ReportTransition,
  type YearReport,
} from "../../app/domain/report";

const feb2025 = { periodStart: "2025-02-01", periodEnd: "2025-02-28", counts: { good: 203, access_gap: 76, needs_strengthening: 11, unrated: 0 } };

const m = (name: string, from: "good" | "access_gap" | "needs_strengthening", to: "good" | "access_gap" | "needs_strengthening") => ({
  code: "0000",
  name,
  countyName: "Län",
  from,
  to,
});

const reach = (total: number, direct: number, viaForum: number) => ({ total, reached: direct + viaForum, direct, viaForum, notReached: [] });

const dialogue = (over: Partial<ReportDialogue> = {}): ReportDialogue => ({
  example: false,
  held: 0,
  planned: 0,
  cancelled: 0,
  postponed: 0,
  byFormat: [],
  byMonth: [],
  reach: { direct: 30, viaForum: 12, total: 42 },
  priority: { roundName: "Kartläggning februari 2025", needs_strengthening: reach(11, 7, 2), access_gap: reach(76, 30, 10) },
  materialMeetings: 0,
  material: [],
  actions: { done: 1, open: 3, overdue: 1 },
  participants: [],
  ...over,
});

const indicator = (over: Partial<ReportIndicator> = {}): ReportIndicator => ({
  key: "ae_rehab_collaboration",
  name: "Aktivitetsersättning i rehabiliteringssamverkan",
  unit: "people",
  value: 5040,
  previous: 4710,
  change: "+330",
  example: true,
  series: [],
  ...over,
});

describe("the report's summary sentences", () => {
  it("writes the published February 2025 figures as the government report says them", () => {
    expect(roundSentence(feb2025, 290)).toBe(
      "I februari 2025 hade 203 av Sveriges 290 kommuner bra samverkan och tillgång till insatser, 76 bra samverkan men otillfredsställande tillgång till insatser och 11 samverkan som behöver stärkas.",
    );
  });
  it("names a longer period and counts the unrated municipalities, leaving out empty categories", () => {
    expect(
      roundSentence({ periodStart: "2026-03-01", periodEnd: "2026-05-31", counts: { good: 280, access_gap: 0, needs_strengthening: 9, unrated: 1 } }, 290),
    ).toBe("Under mars–maj 2026 hade 280 av Sveriges 290 kommuner bra samverkan och tillgång till insatser och 9 samverkan som behöver stärkas. 1 kommun var inte bedömd.");
    expect(roundTimePhrase("2025-11-01", "2026-01-31")).toBe("Under november 2025–januari 2026");
    expect(roundSentence({ ...feb2025, counts: { good: 0, access_gap: 0, needs_strengthening: 0, unrated: 290 } }, 290)).toBe(
      "I februari 2025 var ingen av Sveriges 290 kommuner bedömd.",
    );
  });
  it("says how many improved and worsened since the previous round, in the right number", () => {
    const t = (improved: number, worsened: number, unchanged: number): ReportTransition => ({
      from: { id: 1, name: "Kartläggning februari 2025" },
      improved: Array.from({ length: improved }, () => m("A", "access_gap", "good")),
      worsened: Array.from({ length: worsened }, () => m("B", "good", "access_gap")),
      unchanged,
      notCompared: 0,
    });
    expect(transitionSentence(t(25, 4, 261))).toBe(
      "Jämfört med Kartläggning februari 2025 har 25 kommuner fått en bättre bedömning och 4 en sämre; 261 är oförändrade.",
    );
    expect(transitionSentence(t(1, 0, 1))).toBe("Jämfört med Kartläggning februari 2025 har 1 kommun fått en bättre bedömning; 1 är oförändrad.");
    expect(transitionSentence(t(0, 2, 0))).toBe("Jämfört med Kartläggning februari 2025 har 2 kommuner fått en sämre bedömning.");
    expect(transitionSentence(t(0, 0, 290))).toBe("Jämfört med Kartläggning februari 2025 har ingen kommun fått en annan bedömning.");
  });
  it("writes the dialogue figures, and says plainly when no meeting was held", () => {
    const d = dialogue({ held: 42, planned: 12, cancelled: 4, postponed: 1, materialMeetings: 20 });
    expect(dialogueSentences(2026, d)).toEqual([
      "Under 2026 genomfördes 42 dialogmöten. De nådde 30 kommuner direkt och ytterligare 12 via samordningsförbund och andra forum.",
      "Av årets övriga möten var 4 inställda, 1 flyttat och 12 planerade.",
      "Av de 11 kommuner vars samverkan behövde stärkas har 9 nåtts, och av de 76 med otillfredsställande tillgång till insatser 40.",
      "Dialogmaterialet användes i 20 av 42 genomförda möten.",
      "1 uppföljningsåtgärd är klar och 3 är öppna, varav 1 är försenad.",
    ]);
    expect(dialogueSentences(2026, { ...d, held: 0, planned: 0, cancelled: 0, postponed: 0, actions: { done: 0, open: 0, overdue: 0 } })).toEqual([
      "Inga dialogmöten genomfördes under 2026.",
    ]);
    expect(dialogueSentences(2027, { ...d, held: 0, planned: 1, cancelled: 0, postponed: 0, actions: { done: 0, open: 0, overdue: 0 } })).toEqual([
      "Inga dialogmöten genomfördes under 2027.",
      "Av årets övriga möten var 1 planerat.",
    ]);
  });
  it("describes the meetings chart from its figures", () => {
    const byMonth = Array.from({ length: 12 }, (_, i) => ({ month: `2026-${String(i + 1).padStart(2, "0")}`, held: i === 2 ? 7 : 1, planned: i === 11 ? 3 : 0, cancelled: 0, postponed: 0 }));
    expect(meetingsChartText(2026, byMonth)).toBe(
      "Staplat stapeldiagram över dialogmöten per månad 2026, efter status (genomförda, planerade, flyttade, inställda): 18 genomförda, 3 planerade, 0 flyttade och 0 inställda; flest genomförda i mars 2026 (7).",
    );
  });
  it("writes an indicator with its change, a hidden value as <5 without a change, and nothing without a value", () => {
    expect(indicatorSentence(indicator(), 2026)).toBe("Aktivitetsersättning i rehabiliteringssamverkan: 5\u00a0040 personer 2026 (+330 jämfört med 2025).");
    expect(indicatorSentence(indicator({ value: "<5", previous: 7 }), 2026)).toBe("Aktivitetsersättning i rehabiliteringssamverkan: <5 personer 2026.");
    expect(indicatorSentence(indicator({ previous: null }), 2026)).toContain("(inget värde för 2025)");
    expect(indicatorSentence(indicator({ value: null }), 2026)).toBeNull();
  });
});

describe("the report as a whole", () => {
  const report: YearReport = {
    year: 2025,
    municipalityTotal: 290,
    example: true,
    rounds: [{ id: 1, name: "Kartläggning februari 2025", ...feb2025, example: true, byCounty: [], transition: null }],
    history: [{ id: 1, name: "Kartläggning februari 2025", periodStart: "2025-02-01", example: true, counts: feb2025.counts }],
    dialogue: dialogue({
      example: true,
      held: 11,
      byFormat: [{ format: "dialogue", label: "Dialogmöte", held: 11 }],
      reach: { direct: 11, viaForum: 9, total: 20 },
      priority: { roundName: "Kartläggning februari 2025", needs_strengthening: reach(11, 11, 0), access_gap: { ...reach(76, 2, 3), notReached: [{ code: "1480", name: "Göteborg" }] } },
      participants: [{ function: "daily_activities", label: "Daglig verksamhet", people: 14 }, { function: "management", label: "Ledning", people: "<5" }],
      actions: { done: 2, open: 2, overdue: 1 },
    }),
    indicators: [indicator({ value: 4710, previous: 4380, change: "+330" })],
    disclosureThreshold: 5,
  };
  it("says 'Exempeldata' first, then the rounds, the dialogue and the indicators", () => {
    expect(exampleNotice(report)).toMatch(/^Exempeldata\. /);
    expect(exampleNotice({ example: false })).toBeNull();
    expect(reportSummary(report)).toEqual([
      expect.stringMatching(/^I februari 2025 hade 203 av Sveriges 290 kommuner/),
      "Under 2025 genomfördes 11 dialogmöten. De nådde 11 kommuner direkt och ytterligare 9 via samordningsförbund och andra forum.",
      "Av de 11 kommuner vars samverkan behövde stärkas har 11 nåtts, och av de 76 med otillfredsställande tillgång till insatser 5.",
      "2 uppföljningsåtgärder är klara och 2 är öppna, varav 1 är försenad.",
      "Aktivitetsersättning i rehabiliteringssamverkan: 4\u00a0710 personer 2025 (+330 jämfört med 2024).",
    ]);
    const json = reportJson(report);
    expect(json).toMatchObject({
      year: 2025,
      example: true,
      meetings: { held: 11, planned: 0, cancelled: 0, postponed: 0, byFormat: { dialogue: 11 } },
      reach: { direct: 11, viaForum: 9, total: 20, needs_strengthening: { total: 11, reached: 11 }, access_gap: { total: 76, reached: 5 } },
      actions: { done: 2, open: 2, overdue: 1 },
      participants: { daily_activities: 14, management: "<5" },
    });
    expect(json.rounds[0]!.counts).toEqual(feb2025.counts);
    expect(json.indicators[0]).toMatchObject({ key: "ae_rehab_collaboration", value: 4710, previous: 4380 });
  });
  it("lists every figure as a CSV row marked as example data", () => {
    const rows = reportFigureRows(report);
    expect(rows).toContainEqual({ section: "Kartläggning: Kartläggning februari 2025", measure: "Bra samverkan och tillgång till insatser", group: "Hela riket", value: 203, example: true });
    expect(rows).toContainEqual({ section: "Indikatorer", measure: "Aktivitetsersättning i rehabiliteringssamverkan", group: "2024", value: 4380, example: true });
    expect(rows).toContainEqual({ section: "Dialogmöten", measure: "Genomförda möten", group: "Dialogmöte", value: 11, example: true });
    expect(rows).toContainEqual({ section: "Räckvidd", measure: "Bra samverkan men otillfredsställande tillgång till insatser: inte nådd", group: "Göteborg (1480)", value: "ej nådd", example: true });
    expect(rows).toContainEqual({ section: "Deltagare från kommunerna", measure: "Personer i genomförda möten", group: "Ledning", value: "<5", example: true });
  });
  it("reads the year in the address and knows which rounds fall in it", () => {
    expect(parseReportYear("2026")).toBe(2026);
    for (const bad of ["26", "abcd", "2026.5", "1999", "", null]) expect(parseReportYear(bad)).toBeNull();
    expect(roundInYear({ periodStart: "2025-11-01", periodEnd: "2026-01-31" }, 2026)).toBe(true);
    expect(roundInYear({ periodStart: "2025-02-01", periodEnd: "2025-02-28" }, 2026)).toBe(false);
    expect(noReportMessage(2019, [2026, 2025])).toBe(
      "Det finns ingen lägesrapport för 2019: ingen påbörjad kartläggning har sin period under året. Lägesrapporter finns för åren 2025 och 2026.",
    );
  });
});

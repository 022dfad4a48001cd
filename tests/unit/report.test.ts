import { describe, expect, it } from "vitest";
import {
  dialogueSentences,
  exampleNotice,
  indicatorSentence,
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
    const d: ReportDialogue = {
      example: false,
      held: 42,
      byFormat: [],
      byMonth: [],
      reach: { direct: 30, viaForum: 12, total: 42 },
      priority: {
        needs_strengthening: { total: 11, reached: 9, direct: 7, viaForum: 2 },
        access_gap: { total: 76, reached: 40, direct: 30, viaForum: 10 },
      },
      material: [],
      actions: { done: 1, open: 3, overdue: 1 },
    };
    expect(dialogueSentences(2026, d)).toEqual([
      "Under 2026 genomfördes 42 dialogmöten. De nådde 30 kommuner direkt och ytterligare 12 via samordningsförbund och andra forum.",
      "Av de 11 kommuner vars samverkan behövde stärkas har 9 nåtts, och av de 76 med otillfredsställande tillgång till insatser 40.",
      "1 uppföljningsåtgärd är klar och 3 är öppna, varav 1 är försenad.",
    ]);
    expect(dialogueSentences(2026, { ...d, held: 0 })).toEqual(["Inga dialogmöten genomfördes under 2026."]);
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
    dialogue: null,
    indicators: [indicator({ value: 4710, previous: 4380, change: "+330" })],
    disclosureThreshold: 5,
  };
  it("says 'Exempeldata' first and that dialogue figures are not available yet, instead of zeros", () => {
    expect(exampleNotice(report)).toMatch(/^Exempeldata\. /);
    expect(exampleNotice({ example: false })).toBeNull();
    expect(reportSummary(report)).toEqual([
      expect.stringMatching(/^I februari 2025 hade 203 av Sveriges 290 kommuner/),
      "Uppgifter om dialogmöten finns ännu inte i Samverkanskartan.",
      "Aktivitetsersättning i rehabiliteringssamverkan: 4\u00a0710 personer 2025 (+330 jämfört med 2024).",
    ]);
    const json = reportJson(report);
    expect(json).toMatchObject({ year: 2025, example: true, dialogueAvailable: false, meetings: null, reach: null, actions: null });
    expect(json.rounds[0]!.counts).toEqual(feb2025.counts);
    expect(json.indicators[0]).toMatchObject({ key: "ae_rehab_collaboration", value: 4710, previous: 4380 });
  });
  it("lists every figure as a CSV row marked as example data", () => {
    const rows = reportFigureRows(report);
    expect(rows).toContainEqual({ section: "Kartläggning: Kartläggning februari 2025", measure: "Bra samverkan och tillgång till insatser", group: "Hela riket", value: 203, example: true });
    expect(rows).toContainEqual({ section: "Indikatorer", measure: "Aktivitetsersättning i rehabiliteringssamverkan", group: "2024", value: 4380, example: true });
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

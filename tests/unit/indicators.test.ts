import { describe, expect, it } from "vitest";
import { exampleIndicatorValues } from "../../app/domain/example-indicators";
import {
  disclosedValue,
  formatChange,
  formatIndicatorValue,
  INDICATOR_CATALOGUE,
  indicatorValueSchema,
  isFuturePeriod,
  parseIndicatorNumber,
  parsePeriod,
  periodInRange,
  periodLabelSv,
  periodSortKey,
  todayInSweden,
} from "../../app/domain/indicators";
import { indicatorValuesCsv, parseIndicatorCsv, type ImportContext } from "../../app/domain/indicators-import";

const context: ImportContext = {
  indicators: INDICATOR_CATALOGUE,
  counties: [
    { code: "01", name: "Stockholms län" },
    { code: "14", name: "Västra Götalands län" },
    { code: "25", name: "Norrbottens län" },
  ],
  today: "2026-11-28",
};

describe("indicator periods", () => {
  it("reads a year or a half-year, however it is typed", () => {
    expect(parsePeriod("2025")).toEqual({ year: 2025, half: null });
    expect(parsePeriod("2025H1")).toEqual({ year: 2025, half: 1 });
    expect(parsePeriod(" 2025 h2 ")).toEqual({ year: 2025, half: 2 });
    for (const bad of ["2025H3", "25", "2025-01", "år 2025", "", "2025Q1"]) expect(parsePeriod(bad)).toBeNull();
  });
  it("a period that has not begun is in the future; the current year and half-year are not", () => {
    expect(isFuturePeriod(parsePeriod("2027")!, "2026-11-28")).toBe(true);
    expect(isFuturePeriod(parsePeriod("2026")!, "2026-11-28")).toBe(false);
    expect(isFuturePeriod(parsePeriod("2026H2")!, "2026-11-28")).toBe(false);
    expect(isFuturePeriod(parsePeriod("2026H2")!, "2026-06-30")).toBe(true);
  });
  it("sorts half-years before their year and filters ranges", () => {
    const sorted = ["2025", "2024", "2025H2", "2025H1"].sort((a, b) => periodSortKey(a).localeCompare(periodSortKey(b)));
    expect(sorted).toEqual(["2024", "2025H1", "2025H2", "2025"]);
    expect(periodInRange("2025H1", parsePeriod("2025"), null)).toBe(true);
    expect(periodInRange("2024", parsePeriod("2025"), null)).toBe(false);
    expect(periodInRange("2026", null, parsePeriod("2025H2"))).toBe(false);
    expect(periodLabelSv("2025H1")).toBe("första halvåret 2025");
  });
  it("today is the Swedish date, not the UTC one", () => {
    expect(todayInSweden(new Date("2026-12-31T23:30:00Z"))).toBe("2027-01-01");
  });
});

describe("indicator values", () => {
  it("reads numbers the way Swedes and spreadsheets write them", () => {
    expect(parseIndicatorNumber("1 234")).toBe(1234);
    expect(parseIndicatorNumber("1\u00a0234,5")).toBe(1234.5);
    expect(parseIndicatorNumber("12.5")).toBe(12.5);
    for (const bad of ["", "tolv", "1,2,3", "12%", "1e3", "NaN"]) expect(parseIndicatorNumber(bad)).toBeNull();
  });
  it("counts of people under the threshold are shown as <5, days never are", () => {
    expect(disclosedValue(3, "people", 5)).toBe("<5");
    expect(disclosedValue(5, "people", 5)).toBe(5);
    expect(disclosedValue(0, "people", 5)).toBe(0);
    expect(disclosedValue(3, "days", 5)).toBe(3);
    expect(disclosedValue(9, "people", 10)).toBe("<10");
    expect(formatIndicatorValue("<5")).toBe("<5");
    expect(formatIndicatorValue(4710)).toBe("4\u00a0710");
  });
  it("says the change since the previous value with a sign, and nothing for a hidden value", () => {
    expect(formatChange(4710, 4380)).toBe("+330");
    expect(formatChange(88, 97)).toBe("−9");
    expect(formatChange(5, 5)).toBe("±0");
    expect(formatChange("<5", 7)).toBeNull();
    expect(formatChange(5, null)).toBeNull();
  });
  it("the entry form refuses a value that is not a number and a period in the future, in Swedish", () => {
    const schema = indicatorValueSchema({ indicatorKeys: ["ae_rehab_collaboration"], countyCodes: ["14"], today: "2026-11-28" });
    const bad = schema.safeParse({ indicator: "ae_rehab_collaboration", period: "2027", value: "många" });
    expect(bad.success).toBe(false);
    const messages = bad.error!.issues.map((i) => `${i.path[0]}: ${i.message}`);
    expect(messages).toContain("period: Perioden 2027 har inte börjat än; ett värde kan bara anges för en period som har börjat.");
    expect(messages.some((m) => m.startsWith('value: "många" är inte ett tal'))).toBe(true);
    const good = schema.parse({ indicator: "ae_rehab_collaboration", period: "2025h1", county: "", value: "1 200" });
    expect(good).toMatchObject({ period: "2025H1", county: null, value: 1200, source: "", note: "" });
  });
  it("example values cover 2023–2026 for every indicator in the catalogue", () => {
    const values = exampleIndicatorValues();
    for (const i of INDICATOR_CATALOGUE) {
      for (const year of ["2023", "2024", "2025", "2026"]) {
        expect(values.some((v) => v.indicatorKey === i.key && v.period === year && v.countyCode === null)).toBe(true);
      }
    }
    const keys = values.map((v) => `${v.indicatorKey}|${v.period}|${v.countyCode}`);
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe("indicator CSV import", () => {
  it("reads a file with a header, county codes and names and the national level", () => {
    const result = parseIndicatorCsv(
      "\uFEFFperiod;län;indikator;värde;källa\r\n2025;;ae_rehab_collaboration;4 710;MiDAS\r\n2025H1;14;Dagar i sjukförsäkringen;2410,5;MiDAS\r\n2024;Norrbotten;sfs_rehab_collaboration;3;\r\n",
      context,
    );
    expect(result).toEqual({
      ok: true,
      rows: [
        { line: 2, indicatorKey: "ae_rehab_collaboration", period: "2025", countyCode: null, value: 4710, source: "MiDAS", note: "" },
        { line: 3, indicatorKey: "days_in_sickness_insurance", period: "2025H1", countyCode: "14", value: 2410.5, source: "MiDAS", note: "" },
        { line: 4, indicatorKey: "sfs_rehab_collaboration", period: "2024", countyCode: "25", value: 3, source: "", note: "" },
      ],
    });
  });
  it("names every bad row by its line, and refuses the whole file", () => {
    const result = parseIndicatorCsv(
      [
        "period;län;indikator;värde;källa",
        "2025;;ae_rehab_collaboration;4710;MiDAS",
        "2025;;ae_rehab_collaboration;4711;MiDAS",
        "2030;;ae_rehab_collaboration;10;MiDAS",
        "2025;99;ae_rehab_collaboration;10;MiDAS",
        "2025;;finns_inte;10;MiDAS",
        "2025;;sfs_rehab_collaboration;tio;MiDAS",
        "2025;;sfs_rehab_collaboration;2,5;MiDAS",
        "2025,ae_rehab_collaboration,1",
      ].join("\n"),
      context,
    );
    expect(result.ok).toBe(false);
    const messages = !result.ok ? result.problems.map((p) => p.message) : [];
    expect(messages).toEqual([
      "Rad 3: samma period, län och indikator som rad 2.",
      "Rad 4: perioden 2030 har inte börjat än.",
      'Rad 5: länet "99" finns inte (ange länskod, länets namn eller lämna tomt för hela riket).',
      'Rad 6: indikatorn "finns_inte" finns inte i katalogen.',
      'Rad 7: värdet "tio" är inte ett tal.',
      "Rad 8: Antal personer ska vara ett heltal.",
      "Rad 9: ska ha kolumnerna period;län;indikator;värde;källa (1 kolumner hittades; är avgränsaren semikolon?).",
    ]);
  });
  it("an empty file or one with only a header is refused", () => {
    expect(parseIndicatorCsv("", context).ok).toBe(false);
    expect(parseIndicatorCsv("period;län;indikator;värde;källa\n", context).ok).toBe(false);
  });
  it("an exported file can be imported again", () => {
    const csv = indicatorValuesCsv([{ period: "2025", countyCode: "14", indicatorKey: "days_in_sickness_insurance", value: 12.5, source: "=cmd", note: "" }]);
    const result = parseIndicatorCsv(csv, context);
    expect(result.ok && result.rows[0]).toMatchObject({ value: 12.5, countyCode: "14", source: "'=cmd" });
  });
});

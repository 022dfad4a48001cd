import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { assessmentsCsv } from "../../app/domain/ratings-csv";
import { parseRatingsImport, parseCollaboration, parseInterventionAccess } from "../../app/domain/ratings-import";

const municipalities = new Map([
  ["0114", { name: "Upplands Väsby", countyCode: "01", countyName: "Stockholms län" }],
  ["1480", { name: "Göteborg", countyCode: "14", countyName: "Västra Götalands län" }],
  ["1440", { name: "Ale", countyCode: "14", countyName: "Västra Götalands län" }],
]);
const all = { municipalities, allowedCounties: null };

describe("reading a ratings file", () => {
  it("reads semicolons with a BOM, and commas without, whatever the header's case and accents", () => {
    const a = parseRatingsImport("\uFEFFKommunkod;Samverkan;Tillgång;Kommentar\r\n1480;Bra;Otillfredsställande;Väntetider\r\n", all);
    const b = parseRatingsImport("KOMMUNKOD,samverkan,TILLGANG\n1480,bra,otillfredsstallande\n", all);
    expect(a).toEqual({ ok: true, rows: [{ row: 2, code: "1480", collaboration: "good", interventionAccess: "unsatisfactory", comment: "Väntetider" }], skippedRows: [], hasCommentColumn: true });
    expect(b.ok && b.rows[0]).toMatchObject({ code: "1480", collaboration: "good", interventionAccess: "unsatisfactory", comment: undefined });
    expect(b.ok && b.hasCommentColumn).toBe(false);
  });

  it("accepts the values with or without å/ä/ö, with spaces or underscores, in any case", () => {
    for (const v of ["behöver stärkas", "BEHOVER_STARKAS", "Behover  starkas", " behöver_stärkas "]) expect(parseCollaboration(v)).toBe("needs_strengthening");
    for (const v of ["otillfredsställande", "inte tillfredsställande", "INTE_TILLFREDSSTALLANDE"]) expect(parseInterventionAccess(v)).toBe("unsatisfactory");
    expect(parseInterventionAccess("Tillfredsstallande")).toBe("satisfactory");
    expect(parseCollaboration("kanske")).toBeNull();
  });

  it("restores a leading zero that a spreadsheet dropped", () => {
    const r = parseRatingsImport("kommunkod;samverkan;tillgang\n114;bra;tillfredsställande\n", all);
    expect(r.ok && r.rows[0]!.code).toBe("0114");
  });

  it("lists every bad row with its number, and accepts none of them", () => {
    const r = parseRatingsImport(
      [
        "kommunkod;samverkan;tillgång",
        "1480;bra;tillfredsställande",
        "9999;bra;tillfredsställande",
        "1480;bra;otillfredsställande",
        "1440;kanske;tillfredsställande",
        "0114;bra;",
      ].join("\n"),
      all,
    );
    expect(r).toEqual({
      ok: false,
      problems: [
        'Rad 3: okänd kommunkod "9999".',
        "Rad 4: Göteborg (1480) finns redan på rad 2.",
        'Rad 5: okänt värde för samverkan "kanske" (ange bra eller behöver stärkas).',
        "Rad 6: tillgång saknas (tillfredsställande eller otillfredsställande).",
      ],
    });
  });

  it("refuses municipalities outside the importing coordinator's counties", () => {
    const r = parseRatingsImport("kommunkod;samverkan;tillgång\n0114;bra;tillfredsställande\n1480;bra;tillfredsställande\n", {
      municipalities,
      allowedCounties: new Set(["14"]),
    });
    expect(r).toEqual({ ok: false, problems: ["Rad 2: Upplands Väsby ligger i Stockholms län, utanför dina län."] });
  });

  it("names a missing column and an empty file", () => {
    expect(parseRatingsImport("kommunkod;samverkan\n1480;bra\n", all)).toEqual({
      ok: false,
      problems: ['Kolumnen "tillgång" saknas i rubrikraden (första raden ska namnge kommunkod, samverkan och tillgång).'],
    });
    expect(parseRatingsImport("\uFEFF  \r\n", all)).toEqual({ ok: false, problems: ["Filen är tom."] });
    expect(parseRatingsImport("kommunkod;samverkan;tillgång\r\n", all)).toEqual({ ok: false, problems: ["Filen har inga rader med bedömningar."] });
  });

  it("reads back its own export: unrated rows are skipped, quoted comments with semicolons and line breaks survive", () => {
    const csv = assessmentsCsv([
      { code: "1480", name: "Göteborg", countyName: "Västra Götalands län", collaboration: "good", interventionAccess: "unsatisfactory", category: "access_gap", channels: ["other"], channelOther: "x", comment: 'Väntetider; "långa"\nrad två', confirmed: true, assessedBy: "Anna", assessedAt: "2026-04-12T12:05:00Z" },
      { code: "0114", name: "Upplands Väsby", countyName: "Stockholms län", collaboration: null, interventionAccess: null, category: "unrated", channels: [], channelOther: "", comment: "", confirmed: null, assessedBy: null, assessedAt: null },
    ]);
    const r = parseRatingsImport(csv, all);
    expect(r).toEqual({
      ok: true,
      rows: [{ row: 2, code: "1480", collaboration: "good", interventionAccess: "unsatisfactory", comment: 'Väntetider; "långa"\nrad två' }],
      skippedRows: [3],
      hasCommentColumn: true,
    });
  });
});

describe("the round's CSV export", () => {
  const csv = assessmentsCsv([
    { code: "1480", name: "Göteborg", countyName: "Västra Götalands län", collaboration: "needs_strengthening", interventionAccess: "satisfactory", category: "needs_strengthening", channels: ["municipal_federation", "other"], channelOther: "Länsnätverk", comment: "=cmd|' /C calc'!A0", confirmed: false, assessedBy: "Anna Andersson", assessedAt: "2026-01-15T08:30:00Z" },
  ]);

  it("opens right in Swedish Excel: semicolons, CRLF and Swedish words (fileResponse adds the BOM)", () => {
    expect(csv.startsWith("kommunkod;kommun;län;samverkan;tillgång;kategori;kanaler;kommentar;bekräftad;bedömd av;bedömd\r\n")).toBe(true);
    expect(csv.endsWith("\r\n")).toBe(true);
    const [, row] = Papa.parse<string[]>(csv, { delimiter: ";" }).data;
    expect(row).toEqual([
      "1480",
      "Göteborg",
      "Västra Götalands län",
      "behöver stärkas",
      "tillfredsställande",
      "Samverkan behöver stärkas",
      "Kommunalförbund, Annat: Länsnätverk",
      "'=cmd|' /C calc'!A0",
      "nej",
      "Anna Andersson",
      "2026-01-15 09:30",
    ]);
  });
});

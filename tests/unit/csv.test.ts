import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { looksLikeFormula, toCsv } from "../../app/domain/csv";
import { ratingsCsv } from "../../app/domain/ratings-csv";

const parse = (csv: string) => Papa.parse<string[]>(csv.replace(/^\uFEFF/, "").replace(/\r\n$/, ""), { delimiter: ";", newline: "\r\n" }).data;

describe("CSV that a spreadsheet opens safely", () => {
  it("uses semicolons and CRLF, quotes what needs quoting, and reads back to the same text", () => {
    const csv = toCsv(["Namn", "Kommentar"], [["Åsa Öberg", 'säger "hej"; sedan\r\nnästa rad'], ["Kiruna", null]]);
    expect(csv).toBe('Namn;Kommentar\r\nÅsa Öberg;"säger ""hej""; sedan\r\nnästa rad"\r\nKiruna;\r\n');
    expect(parse(csv)).toEqual([["Namn", "Kommentar"], ["Åsa Öberg", 'säger "hej"; sedan\r\nnästa rad'], ["Kiruna", ""]]);
  });

  // Each of these would run as a formula (or smuggle one in) in Excel or LibreOffice.
  const FORMULAS = [
    "=HYPERLINK(\"https://evil.test\",\"klicka\")",
    "+1+1",
    "-1+1",
    "@SUM(A1)",
    "\t=1+1",
    "\r=1+1",
    " =1+1",
    "  @cmd",
    "\n=1+1",
    "\r\n=1+1",
    "=1+1\nandra raden",
    "=cmd|' /C calc'!A0\r\nx",
    "＝1+1",
    "\tvanlig text",
  ];

  it.each(FORMULAS)("%j is written so that it cannot run", (value) => {
    expect(looksLikeFormula(value)).toBe(true);
    const cell = parse(toCsv(["Värde"], [[value]]))[1]![0]!;
    expect(cell).toBe(`'${value}`);
  });

  it("leaves ordinary text and numbers alone", () => {
    const csv = toCsv(["a", "b", "c", "d"], [["Göteborg", 1480, "e-post: a@b.se", -5]]);
    expect(parse(csv)[1]).toEqual(["Göteborg", "1480", "e-post: a@b.se", "-5"]);
  });

  it("guards the map's export the same way, also when a comment has a line break", () => {
    const csv = ratingsCsv([
      {
        code: "2584",
        name: "Kiruna",
        countyName: "Norrbottens län",
        collaboration: null,
        interventionAccess: null,
        comment: "=HYPERLINK(\"https://evil.test\")\nandra raden",
        category: "unrated",
      },
    ]);
    expect(parse(csv)[1]![6]).toBe("'=HYPERLINK(\"https://evil.test\")\nandra raden");
  });
});

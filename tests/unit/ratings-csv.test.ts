import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { CSV_HEADER, ratingsCsv } from "../../app/domain/ratings-csv";

describe("CSV export of the map's table", () => {
  const rows = [
    {
      code: "1480",
      name: "Göteborg",
      countyName: "Västra Götalands län",
      collaboration: "good" as const,
      interventionAccess: "unsatisfactory" as const,
      comment: 'Väntetider; "långa"',
      category: "access_gap" as const,
    },
    {
      code: "2584",
      name: "Kiruna",
      countyName: "Norrbottens län",
      collaboration: null,
      interventionAccess: null,
      comment: "=HYPERLINK(\"x\")",
      category: "unrated" as const,
    },
  ];

  it("opens right in Swedish Excel: BOM, semicolons, CRLF, å/ä/ö intact", () => {
    const csv = ratingsCsv(rows);
    expect(csv.startsWith("\uFEFFKommunkod;Kommun;Län;")).toBe(true);
    expect(csv).toContain("\r\n1480;Göteborg;Västra Götalands län;Bra samverkan;");
    const parsed = Papa.parse<string[]>(csv.slice(1).trim(), { delimiter: ";" });
    expect(parsed.data[0]).toEqual(CSV_HEADER);
    expect(parsed.data[1]![6]).toBe('Väntetider; "långa"');
    expect(parsed.data[2]![3]).toBe("Ej bedömd");
  });

  it("a comment that looks like a formula is not run by the spreadsheet", () => {
    const parsed = Papa.parse<string[]>(ratingsCsv(rows).slice(1).trim(), { delimiter: ";" });
    expect(parsed.data[2]![6]!.startsWith("=")).toBe(false);
  });
});

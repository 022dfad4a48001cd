import { describe, expect, it } from "vitest";
import { parseMeetingsCsv } from "../../app/domain/meetings-import";

const lookups = {
  municipalityCodes: new Set(["0114", "0180", "1480"]),
  forumsByName: new Map([["samordningsförbundet norr", 3]]),
  sectionsByTitle: new Map([["daglig verksamhet mot arbete", 10], ["samverkansformer", 13]]),
  today: "2026-03-01",
};
const header = "datum;start;slut;kommunkoder;forum;format;status;dialogmaterial;avsnitt;anteckning";

describe("importing meetings held before the app", () => {
  it("reads meetings with several codes, a forum, sections and a default end an hour after the start", () => {
    const csv = [
      header,
      `2025-04-03;09:00;10:30;0114, 0180;;dialogmöte;genomfört;ja;"Daglig verksamhet mot arbete|Samverkansformer";Bra samtal`,
      `2025-05-12;13:00;;;Samordningsförbundet Norr;Beredningsgrupp;genomfört;nej;;`,
    ].join("\n");
    const result = parseMeetingsCsv(csv, lookups);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.meetings[0]).toMatchObject({ municipalityCodes: ["0114", "0180"], sectionIds: [10, 13], status: "held", materialUsed: true });
    expect(result.meetings[1]).toMatchObject({ forumId: 3, endTime: "14:00", format: "preparatory_group", municipalityCodes: [] });
  });

  it("reports every bad row by its number, in Swedish, and imports nothing", () => {
    const csv = [
      header,
      "2025-02-30;09:00;;0114;;dialogmöte;genomfört;ja;;",
      "2025-04-03;10:00;09:00;9999;Okänt forum;fika;klart;kanske;;Ring 19900101-0017",
      "2025-04-04;10:00;;0114;;dialogmöte;genomfört;nej;;",
    ].join("\n");
    const result = parseMeetingsCsv(csv, lookups);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toHaveLength(2);
    expect(result.errors[0]).toMatch(/^Rad 2: datum "2025-02-30"/);
    expect(result.errors[1]).toMatch(/^Rad 3: /);
    for (const part of ["slut måste vara efter start", 'okänd kommunkod "9999"', 'forumet "Okänt forum" finns inte', 'okänd mötesform "fika"', "status", "dialogmaterial ska vara ja eller nej", '"19900101-0017"']) {
      expect(result.errors[1]).toContain(part);
    }
  });

  it("refuses missing columns, an empty file and the same meeting twice in one file", () => {
    expect(parseMeetingsCsv("datum;start\n2025-01-01;09:00", lookups)).toMatchObject({ ok: false, errors: [expect.stringMatching(/^Rad 1: kolumnerna "kommunkoder"/)] });
    expect(parseMeetingsCsv(header + "\n", lookups)).toEqual({ ok: false, errors: ["Filen innehåller inga möten."] });
    const twice = [header, "2025-04-04;10:00;;0114;;dialogmöte;genomfört;nej;;", "2025-04-04;10:00;11:00;0114;;Dialogmöte;genomfört;nej;;"].join("\n");
    expect(parseMeetingsCsv(twice, lookups)).toEqual({ ok: false, errors: ["Rad 3: samma möte som på rad 2 (datum, start, kommuner, forum och form)."] });
  });

  it("refuses a held meeting in the future and material on a cancelled one", () => {
    const csv = [header, "2026-04-04;10:00;;0114;;dialogmöte;genomfört;nej;;", "2025-04-04;10:00;;0114;;dialogmöte;inställt;ja;;"].join("\n");
    const result = parseMeetingsCsv(csv, lookups);
    expect(result).toEqual({
      ok: false,
      errors: [
        "Rad 2: ett genomfört möte kan inte ha ett datum efter i dag.",
        "Rad 3: dialogmaterialet kan bara ha använts vid ett genomfört möte.",
      ],
    });
  });
});

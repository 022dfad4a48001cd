import { describe, expect, it } from "vitest";
import { registerCounties, registerMunicipalities } from "../../data/register";
import { foldForSearch, searchMessage, searchMunicipalities } from "../../app/domain/municipality-search";

const names = (query: string) => {
  const result = searchMunicipalities(registerMunicipalities, query);
  return result.kind === "one" ? [result.match.name] : result.kind === "several" ? result.matches.map((m) => m.name) : result.kind;
};
const countyNameOf = (code: string) => registerCounties.find((c) => c.code === code)!.name;

describe("finding a municipality on the map", () => {
  it("by any part of its name, without caring about case or å, ä and ö", () => {
    expect(names("gote")).toEqual(["Göteborg", "Götene"]);
    expect(names("goteb")).toEqual(["Göteborg"]);
    expect(names("GÖTEBORG")).toEqual(["Göteborg"]);
    expect(names("orebro")).toEqual(["Örebro"]);
    expect(names("vasby")).toEqual(["Upplands Väsby"]);
    expect(names("upplands bro")).toEqual(["Upplands-Bro"]);
  });

  it("by its code", () => {
    expect(names("1480")).toEqual(["Göteborg"]);
    expect(names("9999")).toBe("none");
  });

  it("lists the candidates when several match, those starting with it first", () => {
    const found = names("sala");
    expect(found).toContain("Sala");
    expect(names("borg")).toEqual(expect.arrayContaining(["Göteborg", "Vänersborg", "Helsingborg"]));
    const lund = names("lund");
    expect(lund[0]).toBe("Lund");
  });

  it("a whole name wins over names that contain it", () => {
    expect(names("Mora")).toEqual(["Mora"]);
    expect(names("Ale")).toEqual(["Ale"]);
  });

  it("says what it found in the words the user typed", () => {
    const scope = { countyCode: null, countyName: null, countyNameOf };
    expect(searchMessage("Atlantis", searchMunicipalities(registerMunicipalities, "Atlantis"), scope)).toBe(
      'Ingen kommun heter "Atlantis".',
    );
    expect(searchMessage("  ", searchMunicipalities(registerMunicipalities, "  "), scope)).toBe("Skriv namnet eller koden på en kommun.");
    expect(searchMessage("Borg", searchMunicipalities(registerMunicipalities, "Borg"), scope)).toMatch(/^\d+ kommuner matchar "Borg"\. Välj en:$/);
    expect(searchMessage("a", searchMunicipalities(registerMunicipalities, "a"), scope)).toMatch(/Skriv mer av namnet\.$/);
  });

  it("explains a municipality outside the county shown", () => {
    const scope = { countyCode: "01", countyName: "Stockholms län", countyNameOf };
    expect(searchMessage("göteborg", searchMunicipalities(registerMunicipalities, "göteborg"), scope)).toBe(
      "Göteborg ligger i Västra Götalands län, utanför Stockholms län som kartan visar.",
    );
    expect(searchMessage("solna", searchMunicipalities(registerMunicipalities, "solna"), scope)).toBeNull();
  });

  it("folds accents, case, hyphens and spaces", () => {
    expect(foldForSearch("  Upplands-Bro ")).toBe("upplands bro");
    expect(foldForSearch("Malmö")).toBe("malmo");
    expect(foldForSearch("Åre")).toBe("are");
  });
});

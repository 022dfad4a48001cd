import { describe, expect, it } from "vitest";
import { filterMunicipalities } from "../../app/domain/municipality-filter";
import { registerMunicipalities } from "../../data/register";

describe("searching the municipality list", () => {
  it("finds a municipality by part of its name, ignoring case", () => {
    expect(filterMunicipalities(registerMunicipalities, { query: "väsby" }).map((m) => m.name)).toEqual([
      "Upplands Väsby",
    ]);
  });
  it("keeps å, ä and ö distinct from a and o", () => {
    const names = filterMunicipalities(registerMunicipalities, { query: "Örebro" }).map((m) => m.name);
    expect(names).toEqual(["Örebro"]);
    expect(filterMunicipalities(registerMunicipalities, { query: "orebro" })).toEqual([]);
  });
  it("finds a municipality by its code or a code prefix", () => {
    expect(filterMunicipalities(registerMunicipalities, { query: "1480" }).map((m) => m.name)).toEqual(["Göteborg"]);
    expect(filterMunicipalities(registerMunicipalities, { query: "09" })).toHaveLength(1);
  });
  it("limits the list to one county", () => {
    const halland = filterMunicipalities(registerMunicipalities, { countyCode: "13" });
    expect(halland).toHaveLength(6);
    expect(filterMunicipalities(registerMunicipalities, { countyCode: "13", query: "varberg" })).toHaveLength(1);
  });
});

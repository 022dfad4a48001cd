import { describe, expect, it } from "vitest";
import {
  legendText,
  mapSearchParams,
  matchesFilters,
  parseMapFilters,
  parseSelectedMunicipality,
  summarySentence,
  topCounties,
  withSelectedMunicipality,
} from "../../app/domain/map-view";

const counties = [{ code: "14" }, { code: "01" }];

describe("map filters from the URL", () => {
  it("a shared link with county and two categories shows exactly that view", () => {
    const { filters, notices } = parseMapFilters(
      new URLSearchParams("county=14&category=access_gap&category=needs_strengthening"),
      counties,
    );
    expect(filters).toEqual({ county: "14", categories: ["access_gap", "needs_strengthening"], colourBy: "category" });
    expect(notices).toEqual([]);
  });

  it("an unknown county is named in Swedish and the whole country is shown", () => {
    const { filters, notices } = parseMapFilters(new URLSearchParams("county=99"), counties);
    expect(filters.county).toBeNull();
    expect(notices).toEqual(['Länet med kod "99" finns inte. Hela landet visas.']);
  });

  it("an unknown category is ignored with a notice, the known ones still apply", () => {
    const { filters, notices } = parseMapFilters(new URLSearchParams("category=good&category=bad"), counties);
    expect(filters.categories).toEqual(["good"]);
    expect(notices[0]).toContain('"bad"');
  });

  it("ticking every category is the same view as no category filter", () => {
    const all = "category=good&category=access_gap&category=needs_strengthening&category=unrated";
    expect(parseMapFilters(new URLSearchParams(all), counties).filters.categories).toEqual([]);
  });

  it("the dialogue colouring survives a round trip through the URL", () => {
    const { filters } = parseMapFilters(new URLSearchParams("colour=dialogue&county=01"), counties);
    const params = mapSearchParams({ round: 3, filters });
    expect(params.toString()).toBe("round=3&county=01&colour=dialogue");
    expect(parseMapFilters(params, counties).filters).toEqual(filters);
  });

  it("a municipality outside the chosen county or categories is not shown", () => {
    const filters = { county: "14", categories: ["good" as const] };
    expect(matchesFilters({ countyCode: "14", category: "good" }, filters)).toBe(true);
    expect(matchesFilters({ countyCode: "01", category: "good" }, filters)).toBe(false);
    expect(matchesFilters({ countyCode: "14", category: "access_gap" }, filters)).toBe(false);
  });
});

describe("legend and summary", () => {
  it("the legend says how many municipalities each colour stands for", () => {
    expect(legendText("good", 203)).toBe("203 kommuner: bra samverkan och tillgång till insatser");
    expect(legendText("needs_strengthening", 1)).toBe("1 kommun: samverkan behöver stärkas");
  });

  it("the national summary sentence gives the three counts of February 2025", () => {
    const sentence = summarySentence({ good: 203, access_gap: 76, needs_strengthening: 11, unrated: 0 }, {});
    expect(sentence).toBe(
      "Av Sveriges 290 kommuner har 203 bra samverkan och tillgång till insatser, 76 bra samverkan men " +
        "otillfredsställande tillgång till insatser och 11 samverkan som behöver stärkas.",
    );
  });

  it("a county summary names the county and leaves out empty categories", () => {
    const sentence = summarySentence({ good: 8, access_gap: 41, needs_strengthening: 0, unrated: 0 }, {
      countyName: "Västra Götalands län",
    });
    expect(sentence).toBe(
      "Av de 49 kommunerna i Västra Götalands län har 8 bra samverkan och tillgång till insatser och 41 bra samverkan men otillfredsställande tillgång till insatser.",
    );
  });

  it("a round with no ratings says that nobody is rated", () => {
    expect(summarySentence({ good: 0, access_gap: 0, needs_strengthening: 0, unrated: 290 }, {})).toBe(
      "Av Sveriges 290 kommuner är ingen bedömd i den här kartläggningen.",
    );
  });

  it("the counties with most access gaps come first", () => {
    const items = [
      ...Array.from({ length: 5 }, () => ({ countyName: "Värmlands län", category: "access_gap" as const })),
      ...Array.from({ length: 9 }, () => ({ countyName: "Västra Götalands län", category: "access_gap" as const })),
      { countyName: "Skåne län", category: "access_gap" as const },
      { countyName: "Skåne län", category: "good" as const },
    ];
    expect(topCounties(items, "access_gap", 2)).toEqual([
      { countyName: "Västra Götalands län", count: 9 },
      { countyName: "Värmlands län", count: 5 },
    ]);
  });
});

describe("the selected municipality in the URL", () => {
  const municipalities = [{ code: "1480" }, { code: "2584" }];

  it("a known code is selected, an absent one selects nothing, both without a notice", () => {
    expect(parseSelectedMunicipality(new URLSearchParams("municipality=1480"), municipalities)).toEqual({ code: "1480", notice: null });
    expect(parseSelectedMunicipality(new URLSearchParams("county=14"), municipalities)).toEqual({ code: null, notice: null });
  });

  it("an unknown code selects nothing and says so in Swedish", () => {
    expect(parseSelectedMunicipality(new URLSearchParams("municipality=9999"), municipalities)).toEqual({
      code: null,
      notice: 'Kommunen med kod "9999" finns inte. Ingen kommun är vald.',
    });
  });

  it("setting, replacing and clearing it keeps the other parameters as they were", () => {
    expect(withSelectedMunicipality("?round=2&county=14", "1480")).toBe("?round=2&county=14&municipality=1480");
    expect(withSelectedMunicipality("?municipality=1480&county=14", "2584")).toBe("?county=14&municipality=2584");
    expect(withSelectedMunicipality("?county=14&municipality=1480", null)).toBe("?county=14");
    expect(withSelectedMunicipality("?municipality=1480", null)).toBe("");
    expect(withSelectedMunicipality("", "1480")).toBe("?municipality=1480");
  });
});

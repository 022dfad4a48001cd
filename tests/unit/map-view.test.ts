import { describe, expect, it } from "vitest";
import {
  countByDialogueStatus,
  dialogueLegendText,
  filterFormQuery,
  legendEntries,
  legendText,
  mapImageTitle,
  roundSubtitle,
  scopeName,
  tableCaption,
  mapSearchParams,
  matchesFilters,
  parseMapFilters,
  parseSelectedMunicipality,
  summarySentence,
  topCounties,
  withSelectedMunicipality,
} from "../../app/domain/map-view";
import { periodBesideName } from "../../app/domain/round";

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

describe("the map page's texts", () => {
  const counts = { good: 203, access_gap: 76, needs_strengthening: 11, unrated: 0 };
  const dialogueCounts = { met_this_year: 2, planned: 1, no_contact: 287 };

  it("the table caption names the count, the place, the round and a category filter", () => {
    expect(tableCaption({ shown: 290, scope: "hela landet", roundName: "Kartläggning februari 2025", categoryFiltered: false })).toBe(
      "290 kommuner i hela landet, bedömning i Kartläggning februari 2025",
    );
    expect(tableCaption({ shown: 1, scope: "Gotlands län", roundName: null, categoryFiltered: true })).toBe(
      "1 kommun i Gotlands län (filtrerat på bedömning)",
    );
  });

  it("the view is the whole country unless a county is chosen", () => {
    expect(scopeName(null)).toBe("hela landet");
    expect(scopeName({ name: "Skåne län" })).toBe("Skåne län");
  });

  it("dialogue counts add up the statuses of the municipalities shown", () => {
    const items = [{ dialogue: { status: "planned" as const } }, { dialogue: { status: "planned" as const } }, { dialogue: { status: "no_contact" as const } }];
    expect(countByDialogueStatus(items)).toEqual({ met_this_year: 0, planned: 2, no_contact: 1 });
    expect(countByDialogueStatus([])).toEqual({ met_this_year: 0, planned: 0, no_contact: 0 });
  });

  it("a dialogue legend line says how many municipalities are in each status", () => {
    expect(dialogueLegendText("no_contact", 290)).toBe("290 kommuner: ingen kontakt ännu");
    expect(dialogueLegendText("met_this_year", 1)).toBe("1 kommun: möte i år");
  });

  it("the exported legend lists the categories shown, or every dialogue status", () => {
    const all = legendEntries({ colourBy: "category", categories: [], counts, dialogueCounts });
    expect(all.map((e) => e.key)).toEqual(["good", "access_gap", "needs_strengthening", "unrated"]);
    expect(all[0]).toEqual({ kind: "category", key: "good", text: "203 kommuner: bra samverkan och tillgång till insatser" });
    const some = legendEntries({ colourBy: "category", categories: ["needs_strengthening"], counts, dialogueCounts });
    expect(some.map((e) => e.text)).toEqual(["11 kommuner: samverkan behöver stärkas"]);
    const dialogue = legendEntries({ colourBy: "dialogue", categories: ["good"], counts, dialogueCounts });
    expect(dialogue.map((e) => e.text)).toEqual(["2 kommuner: möte i år", "1 kommun: möte planerat", "287 kommuner: ingen kontakt ännu"]);
  });

  it("the subtitle names the round's period only when its name does not already say it", () => {
    expect(roundSubtitle({ name: "Kartläggning februari 2025", period: "februari 2025" }, null)).toBe("Kartläggning februari 2025");
    expect(roundSubtitle({ name: "Hösten 2025", period: "1 september – 31 oktober 2025" }, "Kartläggning februari 2025")).toBe(
      "Hösten 2025 · 1 september – 31 oktober 2025 · jämförs med Kartläggning februari 2025",
    );
    expect(roundSubtitle({ name: "Kartläggning Februari 2025", period: "februari 2025" }, "Hösten 2024")).toBe(
      "Kartläggning Februari 2025 · jämförs med Hösten 2024",
    );
  });

  it("the image title names the place and the round", () => {
    expect(mapImageTitle("hela landet", "Kartläggning februari 2025")).toBe(
      "Samverkan med kommunerna – hela landet, Kartläggning februari 2025",
    );
    expect(mapImageTitle("Skåne län", null)).toBe("Samverkan med kommunerna – Skåne län");
  });
});

describe("the filter form's values as the view's address", () => {
  it("leaves out the defaults: every category ticked and colouring by rating", () => {
    const form = new URLSearchParams(
      "round=3&county=&colour=category&category=good&category=access_gap&category=needs_strengthening&category=unrated",
    );
    expect(filterFormQuery(form, counties, null).toString()).toBe("round=3");
  });

  it("keeps the chosen county, categories (in legend order), colouring and the selected municipality", () => {
    const form = new URLSearchParams("round=3&county=14&colour=dialogue&category=needs_strengthening&category=access_gap");
    expect(filterFormQuery(form, counties, "1480").toString()).toBe(
      "round=3&county=14&category=access_gap&category=needs_strengthening&colour=dialogue&municipality=1480",
    );
  });

  it("drops what the loader would not understand", () => {
    const form = new URLSearchParams("round=x&county=77&category=nope");
    expect(filterFormQuery(form, counties, null).toString()).toBe("");
  });
});

import { changeLegendText as _changeLegendText, countByChangeClass as _countByChangeClass, parseMapFilters as _parse, mapSearchParams as _msp, legendEntries as _legend } from "../../app/domain/map-view";

describe("the change map (colour=change)", () => {
  it("is the third choice of 'Färglägg efter' and survives a round trip through the address", () => {
    const { filters } = _parse(new URLSearchParams("colour=change&county=14"), [{ code: "14" }]);
    expect(filters.colourBy).toBe("change");
    expect(_msp({ round: 2, filters }).toString()).toBe("round=2&county=14&colour=change");
  });

  it("counts and names the change classes for the legend and the PNG", () => {
    const counts = _countByChangeClass([{ changeClass: "improved" }, { changeClass: "improved" }, { changeClass: "unrated" }]);
    expect(counts).toEqual({ improved: 2, unchanged: 0, worsened: 0, unrated: 1 });
    expect(_changeLegendText("improved", 2)).toBe("2 kommuner: förbättrad");
    const entries = _legend({ colourBy: "change", categories: [], counts: { good: 0, access_gap: 0, needs_strengthening: 0, unrated: 0 }, dialogueCounts: { met_this_year: 0, planned: 0, no_contact: 0 }, changeCounts: counts });
    expect(entries.map((e) => e.text)).toEqual(["2 kommuner: förbättrad", "0 kommuner: oförändrad", "0 kommuner: försämrad", "1 kommun: ej bedömd"]);
  });
});

describe("a round's period beside its name", () => {
  it("is left out when the name already says it", () => {
    expect(periodBesideName("Kartläggning februari 2025", "februari 2025")).toBeNull();
    expect(periodBesideName("Hösten 2025", "1 september – 31 oktober 2025")).toBe("1 september – 31 oktober 2025");
  });
});

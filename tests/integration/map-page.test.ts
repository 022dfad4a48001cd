import Papa from "papaparse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assessments, mappingRounds } from "../../db/schema";
import { ensureExampleRound } from "../../app/models/round.server";
import { loader } from "../../app/routes/_index";
import { registerCounties, registerMunicipalities } from "../../data/register";
import { unpackMapRows } from "../../app/domain/map-rows";
import { getMapView } from "../../app/services/map-view.server";
import { getMapGeometry, renderMapSvg } from "../../app/services/map-geometry.server";
import { loader as csvLoader } from "../../app/routes/karta[.csv]";
import { signedInRequest } from "../support/auth";
import { closeTestDatabase, createTestDatabase } from "../support/database";

// The real `/` loader (its Leaflet modules are *.client, empty on the server and in tests), called as a
// signed-in manager: one session, made in beforeAll, for every call.
let cookie = "";
// The loader sends the rows as columns without the register's fields (domain/map-rows.ts); the page
// unpacks them with the register it ships, and so do these tests.
const mapLoader = (args: { request: Request }) => {
  const data = loader({ ...args, params: {}, context: { cspNonce: "test", requestId: "test" } });
  return { ...data, municipalities: unpackMapRows(data.rows, { municipalities: registerMunicipalities, counties: registerCounties }) };
};
const args = (url: string) => ({ request: new Request(`http://localhost${url}`, { headers: { Cookie: cookie } }) });

describe("the map page's data", () => {
  let handle: ReturnType<typeof createTestDatabase>;
  let exampleRoundId: number;
  let laterRoundId: number;
  let followUpRoundId: number;

  beforeAll(async () => {
    handle = createTestDatabase();
    cookie = (await signedInRequest("/")).headers.get("Cookie")!;
    const seeded = ensureExampleRound();
    exampleRoundId = seeded.roundId;
    followUpRoundId = seeded.followUpId!;
    // A later round where Göteborg improved and everyone else is not rated yet.
    laterRoundId = handle.db
      .insert(mappingRounds)
      .values({ name: "Kartläggning hösten 2026", periodStart: "2026-09-01", periodEnd: "2026-10-31", status: "open" })
      .returning()
      .get().id;
    handle.db
      .insert(assessments)
      .values({
        roundId: laterRoundId,
        municipalityCode: "1480",
        collaboration: "good",
        interventionAccess: "satisfactory",
        comment: "Nya insatser på plats",
        updatedAt: new Date().toISOString(),
      })
      .run();
  });
  afterAll(() => closeTestDatabase(handle));

  it("a manager sees 11 municipalities needing stronger collaboration and 76 with poor access, nationally", () => {
    const data = mapLoader(args(`/?round=${exampleRoundId}`));
    expect(data.counts).toEqual({ good: 203, access_gap: 76, needs_strengthening: 11, unrated: 0 });
    expect(data.summary).toContain("76 bra samverkan men otillfredsställande tillgång till insatser och 11 samverkan");
    expect(data.municipalities).toHaveLength(290);
    expect(data.notices).toEqual([]);
    expect(data.round).toMatchObject({ id: exampleRoundId, example: true });
  });

  it("an unknown round or county in the link is explained in Swedish and the national latest view is shown", () => {
    const data = mapLoader(args("/?round=abc&county=77&category=nope"));
    expect(data.notices).toEqual([
      'Kartläggningen "abc" finns inte. Den senaste kartläggningen visas.',
      'Länet med kod "77" finns inte. Hela landet visas.',
      'Bedömningen "nope" finns inte och används inte som filter.',
    ]);
    expect(data.round?.id).toBe(laterRoundId);
    expect(data.filters.county).toBeNull();
    expect(data.counts.unrated).toBe(289);
  });

  it("a link naming a municipality opens its panel; an unknown code is explained and selects nothing", () => {
    expect(mapLoader(args("/?municipality=1480")).selected).toBe("1480");
    const unknown = mapLoader(args("/?municipality=0000"));
    expect(unknown.selected).toBeNull();
    expect(unknown.notices).toEqual(['Kommunen med kod "0000" finns inte. Ingen kommun är vald.']);
    expect(unknown.municipalities).toHaveLength(290);
  });

  it("a county filter counts only that county's municipalities", () => {
    const data = mapLoader(args(`/?round=${exampleRoundId}&county=14`));
    const total = Object.values(data.counts).reduce((a, b) => a + b, 0);
    expect(total).toBe(data.municipalities.filter((m) => m.countyCode === "14").length);
    expect(data.summary).toMatch(/^Av de \d+ kommunerna i Västra Götalands län/);
  });

  it("the side panel's change compares with the previous round by period", () => {
    const data = mapLoader(args(`/?round=${laterRoundId}`));
    expect(data.previousRoundName).toBe("Uppföljning våren 2026");
    const gothenburg = data.municipalities.find((m) => m.code === "1480")!;
    const before = mapLoader(args(`/?round=${followUpRoundId}`)).municipalities.find((m) => m.code === "1480")!;
    expect(gothenburg.comment).toBe("Nya insatser på plats");
    expect(gothenburg.change.kind).toBe(before.category === "good" ? "unchanged" : "better");
    expect(data.municipalities.find((m) => m.code === "0114")!.change.kind).toBe("not_yet_rated");
  });

  it("without imported borders the page gets no borders URL (circles), and without meetings everyone is 'no contact yet'", () => {
    const data = mapLoader(args("/"));
    expect(data.borders).toBeNull();
    expect(new Set(data.municipalities.map((m) => m.dialogue.status))).toEqual(new Set(["no_contact"]));
  });

  it("the CSV export follows the filters: only the county's access gaps, in Swedish order", async () => {
    const request = await signedInRequest(`/karta.csv?round=${exampleRoundId}&county=14&category=access_gap`);
    const response = await csvLoader({ request, params: {}, context: {} as never });
    expect(response.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("Content-Disposition")).toContain(".csv");
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
    const rows = Papa.parse<string[]>(text.slice(1).trim(), { delimiter: ";" }).data.slice(1);
    const expected = mapLoader(args(`/?round=${exampleRoundId}&county=14`)).counts.access_gap;
    expect(rows).toHaveLength(expected);
    expect(rows.every((r) => r[2] === "Västra Götalands län" && r[5]!.startsWith("Bra samverkan men"))).toBe(true);
    const names = rows.map((r) => r[1]!);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, "sv")));
  });

  it("the server's SVG map: each shape a link to the same view, coloured by class, faded ones first, the selection last", () => {
    const view = getMapView(new URLSearchParams(`round=${exampleRoundId}&category=needs_strengthening&municipality=1480`));
    const geometry = getMapGeometry(view);
    expect(geometry.kind).toBe("circles"); // no borders stored in this database
    expect(getMapGeometry(view)).toBe(geometry); // cached per borders and view
    const svg = renderMapSvg(geometry, view);
    const links = [...svg.matchAll(/<a href="([^"]+municipality=(\d{4}))"[^>]*><title>[^<]*<\/title><circle class="([^"]+)"/g)];
    expect(links).toHaveLength(290);
    expect(links[0]![1]).toBe(`?round=${exampleRoundId}&#38;category=needs_strengthening&#38;municipality=${links[0]![2]}`);
    const classes = links.map((l) => l[3]!);
    const firstShown = classes.findIndex((c) => !c.includes("is-filtered-out"));
    // The selected one is last whether it matches or not.
    expect(classes.slice(firstShown, -1).every((c) => !c.includes("is-filtered-out"))).toBe(true);
    expect(classes.filter((c) => !c.includes("is-filtered-out")).length).toBe(view.counts.needs_strengthening);
    expect(links.at(-1)![2]).toBe("1480");
    expect(classes.at(-1)).toContain("is-selected");
    expect(classes.slice(firstShown, -1).every((c) => c.includes("fill-category-needs_strengthening"))).toBe(true);
  });
});

describe("the map page on a database without any mapping round", () => {
  let handle: ReturnType<typeof createTestDatabase>;
  beforeAll(async () => {
    handle = createTestDatabase();
    cookie = (await signedInRequest("/")).headers.get("Cookie")!;
  });
  afterAll(() => closeTestDatabase(handle));

  it("says once that there is no round yet, and who can create the first, instead of 'none rated in this round'", () => {
    const data = mapLoader(args("/"));
    expect(data.round).toBeNull();
    expect(data.notices).toEqual([]);
    expect(data.summary).toBe(
      "Ingen av de 290 kommunerna är bedömd ännu. " +
        "Den första kartläggningen läggs upp av en administratör eller chef under Kartläggningar.",
    );
    expect(data.summary).not.toContain("i den här kartläggningen");
  });
});

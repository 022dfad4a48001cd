import { sql } from "drizzle-orm";
import { unzipSync, strFromU8 } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assessments, mappingRounds } from "../../db/schema";
import { ensureExampleIndicatorValues, ensureIndicatorCatalogue } from "../../app/models/indicator.server";
import { ensureExampleRound } from "../../app/models/round.server";
import { loader as apiLoader } from "../../app/routes/api.v1.report";
import { loader as pageLoader } from "../../app/routes/rapport.$year";
import { loader as csvLoader } from "../../app/routes/rapport.$year[.csv]";
import { loader as docxLoader } from "../../app/routes/rapport.$year[.docx]";
import { loader as imageLoader } from "../../app/routes/rapport.$year_.diagram.$name";
import { callRoute } from "../support/call-route";
import { closeTestDatabase, createTestDatabase } from "../support/database";

type Figure = { src: string; alt: string; width: number; height: number };

type ReportJson = {
  year: number;
  example: boolean;
  rounds: { id: number; name: string; counts: Record<string, number>; transition: { improved: number; worsened: number; improvedMunicipalities: { name: string }[] } | null }[];
  meetings: { held: number; planned: number };
  actions: { done: number; open: number; overdue: number };
  indicators: { key: string; name: string; value: number | string | null; previous: number | string | null }[];
  summary: string[];
};

/** The text of each paragraph of word/document.xml (runs joined), entities decoded. */
function docxParagraphs(bytes: Uint8Array): { paragraphs: string[]; images: string[]; headings: string[] } {
  const files = unzipSync(bytes);
  const xml = strFromU8(files["word/document.xml"]!);
  const decode = (s: string) => s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, "&");
  const paragraphs: string[] = [];
  const headings: string[] = [];
  for (const p of xml.split("</w:p>")) {
    const text = decode([...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(""));
    if (!text) continue;
    paragraphs.push(text);
    if (/<w:pStyle w:val="Heading\d"\/>/.test(p)) headings.push(text);
  }
  return { paragraphs, headings, images: Object.keys(files).filter((f) => f.startsWith("word/media/")) };
}

describe("the yearly status report", () => {
  let handle: ReturnType<typeof createTestDatabase>;
  let followUpId = 0;
  beforeAll(() => {
    handle = createTestDatabase();
    const db = handle.db;
    // This test builds its own follow-up below; the seeded example follow-up of spring 2026 would be a
    // second round in the same year, so it is taken out again.
    const seeded = ensureExampleRound();
    db.run(sql`delete from assessment_history where round_id = ${seeded.followUpId}`);
    db.run(sql`delete from assessments where round_id = ${seeded.followUpId}`);
    db.run(sql`delete from mapping_rounds where id = ${seeded.followUpId}`);
    ensureIndicatorCatalogue();
    ensureExampleIndicatorValues();
    // A follow-up round in 2026: three February access gaps are now good, one good municipality worsened.
    const feb = db.select().from(mappingRounds).get()!;
    const follow = db.insert(mappingRounds).values({ name: "Testuppföljning 2026", periodStart: "2026-03-01", periodEnd: "2026-05-31", status: "closed" }).returning().get();
    followUpId = follow.id;
    const rows = db.select().from(assessments).all().filter((a) => a.roundId === feb.id);
    let gapsFixed = 0;
    const worsen = rows.find((a) => a.collaboration === "good" && a.interventionAccess === "satisfactory")!.municipalityCode;
    for (const a of rows) {
      let access = a.interventionAccess;
      if (a.collaboration === "good" && access === "unsatisfactory" && gapsFixed < 3) {
        access = "satisfactory";
        gapsFixed += 1;
      } else if (a.municipalityCode === worsen) access = "unsatisfactory";
      db.insert(assessments).values({ roundId: follow.id, municipalityCode: a.municipalityCode, collaboration: a.collaboration, interventionAccess: access, updatedAt: "2026-05-31T12:00:00Z" }).run();
    }
  });
  afterAll(() => closeTestDatabase(handle));

  it("a year without a round gets a Swedish explanation and 404, something that is not a year 400", async () => {
    const none = await callRoute(pageLoader, { as: ["manager"], url: "/rapport/2019", params: { year: "2019" } });
    expect(none.status).toBe(404);
    expect(none.data).toBe(
      "Det finns ingen lägesrapport för 2019: ingen påbörjad kartläggning har sin period under året. Lägesrapporter finns för åren 2025 och 2026.",
    );
    const bad = await callRoute(apiLoader, { as: ["manager"], url: "/api/v1/report?year=tjugo" });
    expect(bad.status).toBe(400);
    expect((bad.data as { message: string }).message).toContain("är inget år");
    const docx = await callRoute(docxLoader, { as: ["manager"], url: "/rapport/1999.docx", params: { year: "1999" } });
    expect(docx.status).toBe(400);
  });

  it("2026 shows the follow-up round with who improved and worsened since February 2025", async () => {
    const api = await callRoute(apiLoader, { as: ["planner"], url: "/api/v1/report?year=2026" });
    expect(api.status).toBe(200);
    const body = api.data as ReportJson;
    expect(body.rounds.map((r) => r.name)).toEqual(["Testuppföljning 2026"]);
    expect(body.rounds[0]!.counts).toEqual({ good: 205, access_gap: 74, needs_strengthening: 11, unrated: 0 });
    expect(body.rounds[0]!.transition).toMatchObject({ improved: 3, worsened: 1 });
    expect(body.rounds[0]!.transition!.improvedMunicipalities).toHaveLength(3);
    expect(body.example).toBe(true); // the indicators are example values
    expect(body.meetings).toMatchObject({ held: 0, planned: 0 });
    expect(body.indicators.find((i) => i.key === "ae_rehab_collaboration")).toMatchObject({ value: 5040, previous: 4710 });
    expect(body.summary[0]).toBe(
      "Under mars–maj 2026 hade 205 av Sveriges 290 kommuner bra samverkan och tillgång till insatser, 74 bra samverkan men otillfredsställande tillgång till insatser och 11 samverkan som behöver stärkas.",
    );
    expect(body.summary[1]).toBe("Jämfört med Kartläggning februari 2025 har 3 kommuner fått en bättre bedömning och 1 en sämre; 286 är oförändrade.");
  });

  it("the page, the JSON and the Word file give the same figures", async () => {
    const page = await callRoute(pageLoader, { as: ["manager"], url: "/rapport/2026", params: { year: "2026" } });
    expect(page.status).toBe(200);
    const view = page.data as { summary: string[]; notice: string; map: Figure; distribution: Figure; meetings: Figure; indicators: Figure[] };
    const api = (await callRoute(apiLoader, { as: ["manager"], url: "/api/v1/report?year=2026" })).data as ReportJson;
    expect(view.summary).toEqual(api.summary);
    // The map and charts are images of their own, not SVG inlined in the page's data.
    expect(JSON.stringify(page.data)).not.toContain("<svg");
    expect(view.map.src).toMatch(/^\/rapport\/2026\/diagram\/karta\.svg\?v=[\w-]{22}$/);
    for (const figure of [view.map, view.distribution, view.meetings, ...view.indicators]) {
      expect(figure.alt.length, figure.src).toBeGreaterThan(20);
      expect(figure.width).toBeGreaterThan(100);
      const image = await callRoute(imageLoader, { as: ["coordinator"], url: figure.src, params: { year: "2026", name: figure.src.split("/").pop()!.split("?")[0]! } });
      expect(image.status, figure.src).toBe(200);
      expect(image.headers.get("Content-Type")).toBe("image/svg+xml; charset=utf-8");
      expect(image.headers.get("Cache-Control")).toBe("private, max-age=31536000, immutable");
      expect(image.data as string).toMatch(/^<svg[^>]+xmlns="http:\/\/www.w3.org\/2000\/svg"/);
      expect(image.data as string).not.toContain("<style");
    }

    const docx = await callRoute(docxLoader, { as: ["manager"], url: "/rapport/2026.docx", params: { year: "2026" } });
    expect(docx.status).toBe(200);
    expect(docx.headers.get("Content-Type")).toBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    expect(docx.headers.get("Content-Disposition")).toBe('attachment; filename="lagesrapport-2026.docx"');
  });

  it("the Word file opens and holds the page's sentences, headings, tables and images", async () => {
    const { signedInRequest } = await import("../support/auth");
    const response = (await docxLoader({
      request: await signedInRequest("http://localhost/rapport/2026.docx", ["manager"]),
      params: { year: "2026" },
      context: { cspNonce: "test", requestId: "test" },
    })) as Response;
    const bytes = new Uint8Array(await response.arrayBuffer());
    const { paragraphs, headings, images } = docxParagraphs(bytes);
    const api = (await callRoute(apiLoader, { as: ["manager"], url: "/api/v1/report?year=2026" })).data as ReportJson;

    expect(paragraphs[0]).toMatch(/^Exempeldata\. /);
    expect(headings).toEqual(expect.arrayContaining(["Lägesrapport 2026: samverkan med kommunerna", "Sammanfattning", "Kartläggningar", "Dialog med kommunerna", "Indikatorer"]));
    for (const sentence of api.summary) expect(paragraphs).toContain(sentence);
    // The national table's row: the round's name, then its four counts, as separate cells.
    const round = api.rounds[0]!;
    const at = paragraphs.indexOf(round.name);
    expect(at).toBeGreaterThan(-1);
    expect(paragraphs.slice(at + 1, at + 5)).toEqual([round.counts.good, round.counts.access_gap, round.counts.needs_strengthening, round.counts.unrated].map(String));
    for (const m of round.transition!.improvedMunicipalities) expect(paragraphs).toContain(m.name);
    // Each indicator's row: name (exempeldata), this year, last year, formatted as on the page.
    const fmt = (v: number | string | null) => (v === null ? "–" : typeof v === "string" ? v : new Intl.NumberFormat("sv-SE", { maximumFractionDigits: 1 }).format(v));
    for (const i of api.indicators) {
      const row = paragraphs.indexOf(`${i.name} (exempeldata)`);
      expect(row, i.name).toBeGreaterThan(-1);
      expect(paragraphs.slice(row + 1, row + 3)).toEqual([fmt(i.value), fmt(i.previous)]);
    }
    // No meetings in this database: the dialogue tables say 0, as the JSON does.
    const held = paragraphs.indexOf("Genomförda totalt");
    expect(paragraphs[held + 1]).toBe(String(api.meetings.held));
    expect(paragraphs).toContain("Inga dialogmöten genomfördes under 2026.");
    // The map, the distribution chart, the meetings chart and one trend chart per indicator.
    expect(images.length).toBe(3 + api.indicators.length);
  });

  it("a chart image is answered 304 when the browser has it, drawn again for an old address, 404 for an unknown name", async () => {
    const page = await callRoute(pageLoader, { as: ["manager"], url: "/rapport/2026", params: { year: "2026" } });
    const src = (page.data as { distribution: Figure }).distribution.src;
    const hash = src.split("v=")[1]!;
    const params = { year: "2026", name: "fordelning.svg" };
    const { signedInRequest } = await import("../support/auth");
    const request = await signedInRequest(`http://localhost${src}`, ["manager"]);
    request.headers.set("If-None-Match", `"${hash}"`);
    const revalidated = (await imageLoader({ request, params, context: { cspNonce: "t", requestId: "t" } })) as Response;
    expect(revalidated.status).toBe(304);
    expect(revalidated.headers.get("ETag")).toBe(`"${hash}"`);
    // An address from an older page: the current chart, with its ETag, to be revalidated next time.
    const old = await callRoute(imageLoader, { as: ["manager"], url: "/rapport/2026/diagram/fordelning.svg?v=gammal", params });
    expect(old.status).toBe(200);
    expect(old.headers.get("ETag")).toBe(`"${hash}"`);
    expect(old.headers.get("Cache-Control")).toBe("private, no-cache");
    const unknown = await callRoute(imageLoader, { as: ["manager"], url: "/rapport/2026/diagram/okand.svg", params: { year: "2026", name: "okand.svg" } });
    expect(unknown.status).toBe(404);
    const noYear = await callRoute(imageLoader, { as: ["manager"], url: "/rapport/2019/diagram/karta.svg", params: { year: "2019", name: "karta.svg" } });
    expect(noYear.status).toBe(404);
  });

  it("the CSV holds every figure, marked as example data where it is", async () => {
    const csv = await callRoute(csvLoader, { as: ["coordinator"], url: "/rapport/2026.csv", params: { year: "2026" } });
    expect(csv.status).toBe(200);
    const text = csv.data as string;
    // (Response.text() drops the byte-order mark; fileResponse adds it, tested in http.test.ts.)
    expect(text.startsWith("Avsnitt;Mått;Grupp;Värde;Exempeldata\r\n")).toBe(true);
    expect(text).toContain("Kartläggning: Testuppföljning 2026;Bra samverkan och tillgång till insatser;Hela riket;205;nej");
    expect(text).toContain("Indikatorer;Aktivitetsersättning i rehabiliteringssamverkan;2026;5040;ja");
    expect(text).toContain(`Förändring sedan Kartläggning februari 2025;Bättre bedömning;Hela riket;3;nej`);
  });

  it("counts of people under the threshold reach the report as <5", async () => {
    handle.db.$client.exec("UPDATE indicator_values SET value = 3 WHERE indicator_key = 'sfs_granted_after_ae_at_30' AND period = '2026' AND place = ''");
    const api = (await callRoute(apiLoader, { as: ["manager"], url: "/api/v1/report?year=2026" })).data as ReportJson;
    expect(api.indicators.find((i) => i.key === "sfs_granted_after_ae_at_30")).toMatchObject({ value: "<5", previous: 281 });
    void followUpId;
  });
});

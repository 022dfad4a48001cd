import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { action as roundsAction } from "../../app/routes/kartlaggningar._index";
import { action as roundAction, loader as roundLoader } from "../../app/routes/kartlaggningar.$id._index";
import { loader as worklistLoader } from "../../app/routes/kartlaggningar.$id.kommuner._index";
import { action as assessAction, loader as assessLoader } from "../../app/routes/kartlaggningar.$id.kommuner.$code";
import { loader as compareApi } from "../../app/routes/api.v1.rounds.compare";
import { loader as roundsApi } from "../../app/routes/api.v1.rounds";
import { loader as exportCsv } from "../../app/routes/kartlaggningar.$id.bedomningar[.csv]";
import { loader as comparePage } from "../../app/routes/kartlaggningar.jamfor";
import { getAssessment } from "../../app/models/assessment.server";
import { createRound, ensureExampleRound, transitionRound } from "../../app/models/round.server";
import { callRoute } from "../support/call-route";
import { closeTestDatabase, createTestDatabase } from "../support/database";

let handle: ReturnType<typeof createTestDatabase>;
let roundId = 0;
let example = { roundId: 0, followUpId: 0 as number | null };
const vg = { as: ["coordinator" as const], counties: ["14"] };
const count = (table: string) => (handle.db.get(sql.raw(`select count(*) as n from ${table}`)) as { n: number }).n;

beforeAll(() => {
  handle = createTestDatabase();
  example = ensureExampleRound();
  const created = createRound({ name: "Kartläggning 2027", periodStart: "2027-02-01", periodEnd: "2027-02-28" }, { id: null, label: "test" });
  roundId = created.ok ? created.round.id : 0;
  transitionRound(roundId, "open", { actor: { id: null, label: "test" }, prefill: true });
});
afterAll(() => closeTestDatabase(handle));

const url = (code: string) => `/kartlaggningar/${roundId}/kommuner/${code}`;
const params = (code: string) => ({ id: String(roundId), code });

describe("assessing a municipality", () => {
  it("asks for both ratings, in Swedish next to the fields, and saves nothing", async () => {
    const before = count("assessment_history");
    const r = await callRoute(assessAction, { ...vg, url: url("1480"), params: params("1480"), form: { intent: "save", version: "1", comment: "mitt utkast" } });
    expect(r.status).toBe(400);
    const result = (r.data as { result: { error: Record<string, string[]>; initialValue: Record<string, unknown> } }).result;
    expect(result.error.collaboration).toEqual(["Välj om samverkan är bra eller behöver stärkas."]);
    expect(result.initialValue.comment).toBe("mitt utkast");
    expect(count("assessment_history")).toBe(before);
  });

  it("asks for a comment when a rating differs from the previous round", async () => {
    const current = getAssessment(roundId, "1480")!;
    const flipped = current.collaboration === "good" ? "needs_strengthening" : "good";
    const r = await callRoute(assessAction, {
      ...vg,
      url: url("1480"),
      params: params("1480"),
      form: { intent: "save", version: String(current.version), collaboration: flipped, interventionAccess: current.interventionAccess },
    });
    expect(r.status).toBe(400);
    expect((r.data as { result: { error: Record<string, string[]> } }).result.error.comment?.[0]).toMatch(/^Skriv en kommentar om varför bedömningen ändrats sedan Uppföljning våren 2026/);
  });

  it("a coordinator cannot change a municipality outside their counties, nor can a manager", async () => {
    const form = { intent: "confirm", version: "1" };
    expect((await callRoute(assessAction, { as: ["coordinator"], counties: ["01"], url: url("1480"), params: params("1480"), form })).status).toBe(403);
    expect((await callRoute(assessAction, { as: ["manager"], url: url("1480"), params: params("1480"), form })).status).toBe(403);
    expect((await callRoute(assessAction, { as: ["planner"], url: url("1480"), params: params("1480"), form })).status).toBe(403);
  });

  it("shows a manager the assessment without edit controls", async () => {
    const r = await callRoute(assessLoader, { as: ["manager"], url: url("1480"), params: params("1480") });
    expect(r.status).toBe(200);
    expect(r.data).toMatchObject({ canEdit: false, mayRate: false, nav: null });
  });

  it("answers 404 for an unknown municipality or round", async () => {
    expect((await callRoute(assessAction, { ...vg, url: url("9999"), params: params("9999"), form: { intent: "confirm", version: "1" } })).status).toBe(404);
    expect((await callRoute(assessLoader, { ...vg, url: "/kartlaggningar/999/kommuner/1480", params: { id: "999", code: "1480" } })).status).toBe(404);
    expect((await callRoute(assessLoader, { ...vg, url: "/kartlaggningar/abc/kommuner/1480", params: { id: "abc", code: "1480" } })).status).toBe(404);
  });

  it("refuses a stale save with 409, names who saved what, and keeps the user's input", async () => {
    const current = getAssessment(roundId, "1440")!;
    const first = await callRoute(assessAction, { ...vg, url: url("1440"), params: params("1440"), form: { intent: "confirm", version: String(current.version) } });
    expect(first.status).toBe(302);
    const stale = await callRoute(assessAction, {
      ...vg,
      url: url("1440"),
      params: params("1440"),
      form: { intent: "save", version: String(current.version), collaboration: current.collaboration, interventionAccess: current.interventionAccess, comment: "Min text som inte får försvinna" },
    });
    expect(stale.status).toBe(409);
    const body = stale.data as { result: { initialValue: Record<string, unknown> }; conflict: { current: { version: number; updatedByName: string }; message: string } };
    expect(body.conflict.current.version).toBe(current.version + 1);
    expect(body.conflict.current.updatedByName).toMatch(/^Test /);
    expect(body.conflict.message).toMatch(/sparade bedömningen .* efter att du öppnade den/);
    expect(body.result.initialValue.comment).toBe("Min text som inte får försvinna");
  });

  it("a save and go to next lands on the next municipality of the worklist", async () => {
    const a = getAssessment(roundId, "1489")!;
    const r = await callRoute(assessAction, { ...vg, url: `${url("1489")}?status=prefilled`, params: params("1489"), form: { intent: "confirm-next", version: String(a.version), next: "1460" } });
    expect(r.status).toBe(302);
    expect(r.location).toBe(`/kartlaggningar/${roundId}/kommuner/1460?status=prefilled&sparad=1489`);
  });

  it("a closed round is read-only: 409 for a save", async () => {
    const r = await callRoute(assessAction, { as: ["admin"], url: `/kartlaggningar/${example.roundId}/kommuner/1480`, params: { id: String(example.roundId), code: "1480" }, form: { intent: "confirm", version: "1" } });
    expect(r.status).toBe(409);
    expect(JSON.stringify(r.data)).toContain("Kartläggningen är avslutad och kan inte ändras.");
  });
});

describe("the worklist", () => {
  it("lists a Västra Götaland coordinator's 49 municipalities, filterable by status", async () => {
    const r = await callRoute(worklistLoader, { ...vg, url: `/kartlaggningar/${roundId}/kommuner`, params: { id: String(roundId) } });
    const data = r.data as { total: number; items: { countyCode: string }[] };
    expect(data.total).toBe(49);
    expect(new Set(data.items.map((i) => i.countyCode))).toEqual(new Set(["14"]));
    const filtered = await callRoute(worklistLoader, { ...vg, url: `/kartlaggningar/${roundId}/kommuner?status=confirmed`, params: { id: String(roundId) } });
    expect((filtered.data as { items: unknown[] }).items.length).toBeGreaterThanOrEqual(2);
  });

  it("is closed to managers", async () => {
    expect((await callRoute(worklistLoader, { as: ["manager"], url: `/kartlaggningar/${roundId}/kommuner`, params: { id: String(roundId) } })).status).toBe(403);
  });
});

describe("the round page", () => {
  it("shows progress nationally and per county", async () => {
    const r = await callRoute(roundLoader, { as: ["manager"], url: `/kartlaggningar/${roundId}`, params: { id: String(roundId) } });
    const data = r.data as { progress: { national: { total: number; confirmed: number } } };
    expect(data.progress.national.total).toBe(290);
    expect(data.progress.national.confirmed).toBeGreaterThanOrEqual(2);
  });

  it("needs a reason to reopen, and only admins may", async () => {
    const empty = await callRoute(roundAction, { as: ["admin"], url: `/kartlaggningar/${example.roundId}`, params: { id: String(example.roundId) }, form: { intent: "reopen", reason: "" } });
    expect(empty.status).toBe(400);
    expect((await callRoute(roundAction, { as: ["manager"], url: `/kartlaggningar/${example.roundId}`, params: { id: String(example.roundId) }, form: { intent: "reopen", reason: "Ett skäl" } })).status).toBe(403);
  });

  it("refuses to open a second round while one is open", async () => {
    const other = createRound({ name: "Extra 2028", periodStart: "2028-01-01", periodEnd: "2028-01-31" }, { id: null, label: "test" });
    const r = await callRoute(roundAction, { as: ["manager"], url: "/kartlaggningar/x", params: { id: String(other.ok ? other.round.id : 0) }, form: { intent: "open" } });
    expect(r.status).toBe(409);
    expect(JSON.stringify(r.data)).toContain("Kartläggning 2027 är redan öppen");
  });

  it("previews an import with every bad row numbered, and writes nothing", async () => {
    const form = new FormData();
    form.set("intent", "import-preview");
    form.set("file", new File(["kommunkod;samverkan;tillgång\n1480;bra;tillfredsställande\n0114;bra;tillfredsställande\n1440;kanske;x\n"], "vg.csv", { type: "text/csv" }));
    const before = count("assessment_history");
    const r = await callRoute(roundAction, { ...vg, url: `/kartlaggningar/${roundId}`, params: { id: String(roundId) }, form });
    expect(r.status).toBe(400);
    expect((r.data as { importProblems: string[] }).importProblems).toEqual([
      "Rad 3: Upplands Väsby ligger i Stockholms län, utanför dina län.",
      'Rad 4: okänt värde för samverkan "kanske" (ange bra eller behöver stärkas); okänt värde för tillgång "x" (ange tillfredsställande eller otillfredsställande).',
    ]);
    expect(count("assessment_history")).toBe(before);
  });

  it("refuses an import row that changes a rating since the previous round without a comment, naming the row", async () => {
    const target = handle.db.get(
      sql`select a.municipality_code as code, a.collaboration as collaboration, m.name as name from assessments a join municipalities m on m.code = a.municipality_code where a.round_id = ${roundId} and m.county_code = '14' and a.confirmed = 0 and a.comment = '' order by a.municipality_code limit 1`,
    ) as { code: string; collaboration: string; name: string };
    const flipped = target.collaboration === "good" ? "behöver stärkas" : "bra";
    const form = new FormData();
    form.set("intent", "import-preview");
    form.set("file", new File([`kommunkod;samverkan;tillgång;kommentar\n${target.code};${flipped};tillfredsställande;\n`], "vg.csv", { type: "text/csv" }));
    const before = count("assessment_history");
    const r = await callRoute(roundAction, { ...vg, url: `/kartlaggningar/${roundId}`, params: { id: String(roundId) }, form });
    expect(r.status).toBe(400);
    expect((r.data as { importProblems: string[] }).importProblems).toEqual([
      expect.stringMatching(new RegExp(`^Rad 2: ${target.name} \\(${target.code}\\): Skriv en kommentar om varför bedömningen ändrats sedan Uppföljning våren 2026 \\(då samverkan: (bra|behöver stärkas)\\) i kolumnen kommentar\\.$`)),
    ]);
    expect(count("assessment_history")).toBe(before);
  });

  it("previews, then applies a good import once; the same file again changes nothing", async () => {
    const text = "kommunkod,samverkan,tillgang,kommentar\n1480,bra,tillfredsstallande,Ny insats\n";
    const form = new FormData();
    form.set("intent", "import-preview");
    form.set("file", new File([text], "vg.csv"));
    const preview = await callRoute(roundAction, { ...vg, url: `/kartlaggningar/${roundId}`, params: { id: String(roundId) }, form });
    expect(preview.status).toBe(200);
    const p = (preview.data as { preview: { changed: number; content: string; basis: string } }).preview;
    expect(p.changed).toBe(1);
    const apply = { intent: "import-apply", content: p.content, basis: p.basis, fileName: "vg.csv" };
    const applied = await callRoute(roundAction, { ...vg, url: `/kartlaggningar/${roundId}`, params: { id: String(roundId) }, form: apply });
    expect((applied.data as { imported: { changed: number } }).imported.changed).toBe(1);
    const imports = () => (handle.db.get(sql`select count(*) as n from audit_log where action = 'assessment.import'`) as { n: number }).n;
    const audit = imports();
    const again = await callRoute(roundAction, { ...vg, url: `/kartlaggningar/${roundId}`, params: { id: String(roundId) }, form: { ...apply, basis: "" } });
    expect((again.data as { imported: { changed: number } }).imported.changed).toBe(0);
    expect(imports()).toBe(audit);
  });

  it("explains a bad new round next to its fields", async () => {
    const r = await callRoute(roundsAction, { as: ["manager"], url: "/kartlaggningar", form: { intent: "create", name: "Kartläggning 2027", periodStart: "2027-02" } });
    expect(r.status).toBe(400);
    expect((r.data as { result: { error: Record<string, string[]> } }).result.error.name).toEqual(['Det finns redan en kartläggning som heter "Kartläggning 2027".']);
  });
});

describe("comparing rounds", () => {
  it("answers the JSON shape with every pair of the matrix, zeros included", async () => {
    const r = await callRoute(compareApi, { as: ["manager"], url: `/api/v1/rounds/compare?from=${example.roundId}&to=${example.followUpId}` });
    expect(r.status).toBe(200);
    const body = r.data as { from: { id: number; name: string }; to: { name: string }; matrix: Record<string, Record<string, number>>; changes: { code: string; from: string; to: string }[] };
    expect(body.from).toMatchObject({ id: example.roundId, name: "Kartläggning februari 2025", example: true });
    expect(body.to.name).toBe("Uppföljning våren 2026");
    expect(Object.keys(body.matrix)).toEqual(["good", "access_gap", "needs_strengthening", "unrated"]);
    for (const row of Object.values(body.matrix)) expect(Object.keys(row)).toEqual(["good", "access_gap", "needs_strengthening", "unrated"]);
    expect(body.matrix.unrated!.good).toBe(0);
    expect(body.changes.length).toBe(29);
    expect(body.changes[0]).toEqual({ code: expect.any(String), name: expect.any(String), countyCode: expect.any(String), from: expect.any(String), to: expect.any(String) });
  });

  it("answers 404 JSON for an unknown round or county", async () => {
    const r = await callRoute(compareApi, { as: ["manager"], url: `/api/v1/rounds/compare?from=${example.roundId}&to=4242` });
    expect(r.status).toBe(404);
    expect(r.data).toEqual({ error: "not_found", message: 'Kartläggningen med id "4242" finns inte.' });
    expect((await callRoute(compareApi, { as: ["manager"], url: `/api/v1/rounds/compare?from=${example.roundId}&to=${example.followUpId}&county=99` })).status).toBe(404);
  });

  it("the comparison page defaults to the two latest rounds and narrows to a county", async () => {
    const r = await callRoute(comparePage, { as: ["manager"], url: "/kartlaggningar/jamfor?fran=" + example.roundId + "&till=" + example.followUpId + "&county=14&fran_kategori=access_gap&till_kategori=good" });
    const c = (r.data as { comparison: { total: number; cell: { municipalities: unknown[] } } }).comparison;
    expect(c.total).toBe(49);
    expect(c.cell.municipalities.length).toBeGreaterThan(0);
  });

  it("lists rounds newest period first with counts and confirmed", async () => {
    const r = await callRoute(roundsApi, { as: ["planner"], url: "/api/v1/rounds" });
    const rounds = (r.data as { rounds: { name: string; counts: Record<string, number>; confirmed: number; status: string }[] }).rounds;
    expect(rounds.map((x) => x.name).slice(-2)).toEqual(["Uppföljning våren 2026", "Kartläggning februari 2025"]);
    expect(rounds.at(-1)).toMatchObject({ counts: { good: 203, access_gap: 76, needs_strengthening: 11, unrated: 0 }, confirmed: 290, status: "closed" });
  });
});

describe("the round's CSV export", () => {
  it("has a header and one row per municipality (the BOM is checked in the browser test)", async () => {
    const r = await callRoute(exportCsv, { as: ["planner"], url: `/kartlaggningar/${example.followUpId}/bedomningar.csv`, params: { id: String(example.followUpId) } });
    expect(r.status).toBe(200);
    expect(r.headers.get("Content-Disposition")).toContain("bedomningar-uppfoljning-varen-2026-exempeldata.csv");
    const text = r.data as string;
    expect(text.replace(/^\uFEFF/, "").startsWith("kommunkod;kommun;län;samverkan;tillgång;kategori;kanaler;kommentar;bekräftad;bedömd av;bedömd\r\n")).toBe(true);
    expect(text.trimEnd().split("\r\n")).toHaveLength(291);
  });
});

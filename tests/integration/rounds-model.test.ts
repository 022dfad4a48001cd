import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  applyImport,
  countCategoriesByRound,
  getAssessment,
  listAssessmentHistory,
  listRoundTransitions,
  previewImport,
  roundProgress,
  saveAssessment,
} from "../../app/models/assessment.server";
import { createRound, ensureExampleRound, transitionRound } from "../../app/models/round.server";
import { parseRatingsImport } from "../../app/domain/ratings-import";
import { compareRounds } from "../../app/domain/round-comparison";
import { registerMunicipalities, registerCounties } from "../../data/register";
import { closeTestDatabase, createTestDatabase } from "../support/database";
import type { Db } from "../../db/client.server";

let handle: ReturnType<typeof createTestDatabase>;
let db: Db;
const anna = { id: null, label: "anna@example.se" };
const count = (table: string) => (db.get(sql.raw(`select count(*) as n from ${table}`)) as { n: number }).n;

beforeAll(() => {
  handle = createTestDatabase();
  db = handle.db;
});
afterAll(() => closeTestDatabase(handle));

describe("example rounds", () => {
  it("seeds February 2025 and the closed follow-up of spring 2026 beside it, once", () => {
    const first = ensureExampleRound();
    expect(first.created).toBe(true);
    expect(first.followUpId).not.toBeNull();
    const again = ensureExampleRound();
    expect(again).toEqual({ ...first, created: false });
    const counts = countCategoriesByRound();
    expect(counts.get(first.roundId)).toEqual({ good: 203, access_gap: 76, needs_strengthening: 11, unrated: 0 });
    const comparison = compareRounds(listRoundTransitions(first.roundId, first.followUpId!));
    expect(comparison.counts.improved).toBeGreaterThan(10);
    expect(comparison.counts.worsened).toBeGreaterThan(0);
  });
});

describe("a round's life", () => {
  let roundId = 0;

  it("creates a planned round and refuses a duplicate name", () => {
    const r = createRound({ name: "Kartläggning 2027", periodStart: "2027-02-01", periodEnd: "2027-02-28" }, anna);
    expect(r.ok).toBe(true);
    roundId = r.ok ? r.round.id : 0;
    const dup = createRound({ name: "Kartläggning 2027", periodStart: "2027-03-01", periodEnd: "2027-03-31" }, anna);
    expect(dup).toEqual({ ok: false, field: "name", message: 'Det finns redan en kartläggning som heter "Kartläggning 2027".' });
  });

  it("opens with every assessment pre-filled, unconfirmed, from the previous round by period", () => {
    const r = transitionRound(roundId, "open", { actor: anna, prefill: true });
    expect(r.ok && r.prefilledFrom?.name).toBe("Uppföljning våren 2026");
    expect(r.ok && r.prefilled).toBe(290);
    expect(roundProgress(roundId).national).toEqual({ total: 290, confirmed: 0, prefilled: 290, notStarted: 0 });
    expect(getAssessment(roundId, "1480")).toMatchObject({ confirmed: false, version: 1, comment: "" });
  });

  it("keeps a second round from opening while this one is open", () => {
    const other = createRound({ name: "Extra", periodStart: "2027-05-01", periodEnd: "2027-05-31" }, anna);
    const r = transitionRound(other.ok ? other.round.id : 0, "open", { actor: anna });
    expect(r).toMatchObject({ ok: false, status: 409 });
  });

  it("saves with the version read, and refuses a stale version with what the other person saved", () => {
    const values = { collaboration: "good", interventionAccess: "satisfactory", channels: ["caseworker_contact"], channelOther: "", comment: "Ny insats" } as const;
    const saved = saveAssessment({ roundId, code: "1480", version: 1, intent: "save", values: { ...values, channels: [...values.channels] } }, anna);
    expect(saved.kind).toBe("saved");
    const stale = saveAssessment({ roundId, code: "1480", version: 1, intent: "save", values: { ...values, channels: [], comment: "Annat" } }, anna);
    expect(stale.kind).toBe("conflict");
    expect(stale.kind === "conflict" && stale.current).toMatchObject({ version: 2, comment: "Ny insats", confirmed: true });
    expect(listAssessmentHistory("1480").filter((h) => h.roundId === roundId).map((h) => [h.version, h.source])).toEqual([
      [2, "form"],
      [1, "prefill"],
    ]);
  });

  it("confirms a pre-filled assessment unchanged in one step", () => {
    const before = getAssessment(roundId, "1440")!;
    const r = saveAssessment({ roundId, code: "1440", version: before.version, intent: "confirm" }, anna);
    expect(r.kind === "saved" && r.assessment).toMatchObject({ confirmed: true, version: 2, collaboration: before.collaboration });
    expect(roundProgress(roundId).national.confirmed).toBe(2);
  });

  it("imports all or nothing, and a second import of the same file changes nothing", () => {
    const municipalities = new Map(
      registerMunicipalities.map((m) => [m.code, { name: m.name, countyCode: m.countyCode, countyName: registerCounties.find((c) => c.code === m.countyCode)!.name }]),
    );
    const ale = getAssessment(roundId, "1440")!; // confirmed above: importing the same values changes nothing
    const words = `${ale.collaboration === "good" ? "bra" : "behöver stärkas"};${ale.interventionAccess === "satisfactory" ? "tillfredsställande" : "otillfredsställande"}`;
    const parsed = parseRatingsImport(`kommunkod;samverkan;tillgång;kommentar\n1480;bra;tillfredsställande;${getAssessment(roundId, "1480")!.comment}\n0114;behöver stärkas;otillfredsställande;Ny ledning\n1440;${words};${ale.comment}\n`, { municipalities, allowedCounties: null });
    if (!parsed.ok) throw new Error(parsed.problems.join());
    const preview = previewImport(roundId, parsed.rows);
    expect(preview.ok && preview.changes.map((c) => c.code)).toEqual(["0114"]);
    const counts = { h: count("assessment_history"), a: count("audit_log") };
    const first = applyImport(roundId, parsed.rows, anna, { basis: preview.ok ? preview.basis : "" });
    expect(first).toEqual({ ok: true, changed: 1 });
    expect(count("assessment_history")).toBe(counts.h + 1);
    expect(count("audit_log")).toBe(counts.a + 1);
    const second = applyImport(roundId, parsed.rows, anna);
    expect(second).toEqual({ ok: true, changed: 0 });
    expect(count("assessment_history")).toBe(counts.h + 1);
    expect(count("audit_log")).toBe(counts.a + 1);
  });

  it("refuses an import that changes a rating since the previous round without a comment, as the form does", () => {
    const municipalities = new Map(
      registerMunicipalities.map((m) => [m.code, { name: m.name, countyCode: m.countyCode, countyName: registerCounties.find((c) => c.code === m.countyCode)!.name }]),
    );
    // A pre-filled municipality without a comment: changing its collaboration needs one.
    const target = db.get(sql`select municipality_code as code, collaboration from assessments where round_id = ${roundId} and confirmed = 0 and comment = '' order by municipality_code limit 1`) as { code: string; collaboration: string };
    const name = registerMunicipalities.find((m) => m.code === target.code)!.name;
    const flipped = target.collaboration === "good" ? "behöver stärkas" : "bra";
    const without = parseRatingsImport(`kommunkod;samverkan;tillgång\n1480;bra;tillfredsställande\n${target.code};${flipped};tillfredsställande\n`, { municipalities, allowedCounties: null });
    if (!without.ok) throw new Error(without.problems.join());
    const counts = { h: count("assessment_history"), a: count("audit_log") };
    const preview = previewImport(roundId, without.rows);
    expect(preview).toMatchObject({ ok: false, status: 400, problems: [expect.stringMatching(new RegExp(`^Rad 3: ${name} \\(${target.code}\\): Skriv en kommentar om varför bedömningen ändrats sedan Uppföljning våren 2026 \\(då samverkan: .*\\) i kolumnen kommentar\\.$`))] });
    expect(applyImport(roundId, without.rows, anna)).toMatchObject({ ok: false, status: 400 });
    expect({ h: count("assessment_history"), a: count("audit_log") }).toEqual(counts);

    const withComment = parseRatingsImport(`kommunkod;samverkan;tillgång;kommentar\n${target.code};${flipped};tillfredsställande;Ny samordnare i kommunen\n`, { municipalities, allowedCounties: null });
    if (!withComment.ok) throw new Error(withComment.problems.join());
    expect(applyImport(roundId, withComment.rows, anna)).toEqual({ ok: true, changed: 1 });
    expect(getAssessment(roundId, target.code)).toMatchObject({ comment: "Ny samordnare i kommunen", confirmed: true });
  });

  it("refuses to apply a preview when the round changed in between", () => {
    const rows = [{ row: 2, code: "0180", collaboration: "needs_strengthening", interventionAccess: "unsatisfactory", comment: "Omorganisation" }] as const;
    const preview = previewImport(roundId, rows);
    const current = getAssessment(roundId, "0180")!;
    saveAssessment({ roundId, code: "0180", version: current.version, intent: "confirm" }, anna);
    expect(applyImport(roundId, rows, anna, { basis: preview.ok ? preview.basis : "" })).toMatchObject({ ok: false, status: 409 });
  });

  it("makes a closed round read-only, and reopening records the reason", () => {
    expect(transitionRound(roundId, "close", { actor: anna }).ok).toBe(true);
    const a = getAssessment(roundId, "1480")!;
    const r = saveAssessment({ roundId, code: "1480", version: a.version, intent: "confirm" }, anna);
    expect(r.kind).toBe("round_locked");
    expect(applyImport(roundId, [], anna)).toMatchObject({ ok: false, status: 409, message: "Kartläggningen är avslutad; inget har importerats." });
    const reopened = transitionRound(roundId, "reopen", { actor: anna, reason: "Två kommuner saknades" });
    expect(reopened.ok && reopened.round).toMatchObject({ status: "open", reopenReason: "Två kommuner saknades" });
  });

  it("never lets the database hold two open rounds", () => {
    let error: unknown;
    try {
      db.run(sql`update mapping_rounds set status = 'open' where name = 'Extra'`);
    } catch (e) {
      error = e;
    }
    expect(String((error as { cause?: unknown })?.cause ?? error)).toMatch(/UNIQUE/);
  });
});

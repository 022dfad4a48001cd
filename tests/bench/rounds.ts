/**
 * `npx tsx tests/bench/rounds.ts`: the rounds' speed budgets from issue 10, measured in-process against
 * a real SQLite file holding 20 rounds × 290 assessments and their history. Server time = the route's
 * action or loader function (parsing, permission check, queries, writes, serialisation), no network.
 *
 * - saving an assessment (the form's action, BEGIN IMMEDIATE, history and audit): p95 ≤ 25 ms
 * - the comparison page's loader and GET /api/v1/rounds/compare (two rounds, 290 municipalities): p95 ≤ 50 ms
 * - importing a 290-row CSV (parse, preview, apply in one transaction): ≤ 1 s
 */
import { sql } from "drizzle-orm";
import { assessmentHistory, assessments, mappingRounds } from "../../db/schema";
import { exampleRatings } from "../../app/domain/example-ratings";
import { action as assessAction } from "../../app/routes/kartlaggningar.$id.kommuner.$code";
import { loader as comparePage } from "../../app/routes/kartlaggningar.jamfor";
import { loader as compareApi } from "../../app/routes/api.v1.rounds.compare";
import { applyImport, getAssessment, previewImport } from "../../app/models/assessment.server";
import { createRound, ensureExampleRound, transitionRound } from "../../app/models/round.server";
import { parseImportFor } from "../../app/services/ratings-import.server";
import { registerMunicipalities } from "../../data/register";
import { signedInRequest } from "../support/auth";
import { closeTestDatabase, createTestDatabase } from "../support/database";

const SAVES = Number(process.env.BENCH_SAVES ?? 300);
const READS = Number(process.env.BENCH_READS ?? 200);

const p = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
};
const fmt = (values: number[]) => `median ${p(values, 0.5).toFixed(2)} ms, p95 ${p(values, 0.95).toFixed(2)} ms, max ${Math.max(...values).toFixed(2)} ms (n=${values.length})`;

const handle = createTestDatabase();
const db = handle.db;
// The app runs with synchronous=FULL (every commit waits for the disk); BENCH_SYNC=NORMAL shows what the disk costs.
if (process.env.BENCH_SYNC) db.$client.pragma(`synchronous = ${process.env.BENCH_SYNC === "NORMAL" ? "NORMAL" : "FULL"}`);
const actor = { id: null, label: "bench" };
ensureExampleRound();

// 18 more closed rounds (20 in all), each with 290 assessments and 1–3 history versions apiece.
const base = exampleRatings(registerMunicipalities);
const started = performance.now();
db.transaction((tx) => {
  for (let year = 2007; year < 2025; year++) {
    const round = tx
      .insert(mappingRounds)
      .values({ name: `Kartläggning ${year}`, periodStart: `${year}-02-01`, periodEnd: `${year}-02-28`, status: "closed" })
      .returning()
      .get();
    base.forEach((r, i) => {
      const versions = 1 + ((i + year) % 3);
      const row = tx
        .insert(assessments)
        .values({ roundId: round.id, ...r, channels: '["caseworker_contact"]', updatedAt: `${year}-02-20T10:00:00.000Z`, version: versions })
        .returning()
        .get();
      for (let v = 1; v <= versions; v++) {
        tx.insert(assessmentHistory)
          .values({ assessmentId: row.id, roundId: round.id, municipalityCode: r.municipalityCode, collaboration: r.collaboration, interventionAccess: r.interventionAccess, version: v, changedAt: `${year}-02-${10 + v}T10:00:00.000Z`, source: "form" })
          .run();
      }
    });
  }
});
const open = createRound({ name: "Kartläggning 2027", periodStart: "2027-02-01", periodEnd: "2027-02-28" }, actor);
if (!open.ok) throw new Error(open.message);
transitionRound(open.round.id, "open", { actor, prefill: true });
const counts = db.get(sql`select (select count(*) from mapping_rounds) r, (select count(*) from assessments) a, (select count(*) from assessment_history) h`) as { r: number; a: number; h: number };
console.log(`Database: ${counts.r} rounds, ${counts.a} assessments, ${counts.h} history rows (built in ${((performance.now() - started) / 1000).toFixed(1)} s)`);

const roundId = open.round.id;
const admin = await signedInRequest("/", ["admin"]);
const cookie = admin.headers.get("Cookie")!;
const codes = registerMunicipalities.map((m) => m.code);

// Saving: alternate the ratings so every save writes; the comment satisfies the comment rule.
const saveTimes: number[] = [];
for (let i = 0; i < SAVES; i++) {
  const code = codes[i % codes.length]!;
  const current = getAssessment(roundId, code)!;
  const flip = i % 2 === 0;
  const body = new URLSearchParams({
    intent: "save",
    version: String(current.version),
    collaboration: flip ? "good" : current.collaboration,
    interventionAccess: flip ? "satisfactory" : current.interventionAccess,
    channels: "caseworker_contact",
    comment: `Bänktest ${i}`,
  });
  const request = new Request(`http://localhost/kartlaggningar/${roundId}/kommuner/${code}`, { method: "POST", headers: { Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded" }, body });
  const t = performance.now();
  const result = await assessAction({ request, params: { id: String(roundId), code }, context: { cspNonce: "bench", requestId: "bench" } }).catch((e: unknown) => e);
  saveTimes.push(performance.now() - t);
  if (!(result instanceof Response) || result.status !== 302) throw new Error(`save ${i} did not redirect`);
}
console.log(`Save an assessment (action):       ${fmt(saveTimes)}   budget p95 ≤ 25 ms`);

const pageTimes: number[] = [];
const apiTimes: number[] = [];
for (let i = 0; i < READS; i++) {
  const from = 1 + (i % 19);
  let t = performance.now();
  comparePage({ request: new Request(`http://localhost/kartlaggningar/jamfor?fran=${from}&till=${roundId}`, { headers: { Cookie: cookie } }), params: {}, context: { cspNonce: "bench", requestId: "bench" } });
  pageTimes.push(performance.now() - t);
  t = performance.now();
  const response = compareApi({ request: new Request(`http://localhost/api/v1/rounds/compare?from=${from}&to=${roundId}`, { headers: { Cookie: cookie } }), params: {}, context: { cspNonce: "bench", requestId: "bench" } });
  await response.text();
  apiTimes.push(performance.now() - t);
}
console.log(`Comparison page (loader):          ${fmt(pageTimes)}   budget p95 ≤ 50 ms`);
console.log(`GET /api/v1/rounds/compare:        ${fmt(apiTimes)}   budget p95 ≤ 50 ms`);

// Import: all 290 rows, every one a change (the opposite of what is stored), then the same file again.
const csv = ["kommunkod;samverkan;tillgång;kommentar", ...codes.map((code, i) => `${code};${i % 3 ? "bra" : "behöver stärkas"};${i % 2 ? "tillfredsställande" : "otillfredsställande"};Import ${i}`)].join("\r\n");
for (const label of ["Import 290 rows (all change)", "Import the same file again"]) {
  const t = performance.now();
  const parsed = parseImportFor(null, csv);
  if (!parsed.ok) throw new Error(parsed.problems.join("\n"));
  const preview = previewImport(roundId, parsed.rows);
  const applied = applyImport(roundId, parsed.rows, actor, { basis: preview.ok ? preview.basis : "" });
  const ms = performance.now() - t;
  console.log(`${label.padEnd(35)}${ms.toFixed(1)} ms, ${applied.ok ? applied.changed : "?"} changed   budget ≤ 1000 ms`);
}
closeTestDatabase(handle);

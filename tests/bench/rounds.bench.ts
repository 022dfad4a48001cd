/**
 * The `rounds` module of `npm run bench` (`npm run bench -- rounds`): the mapping rounds' speed budgets
 * from issue 10, against the production server on 127.0.0.1 with 21 rounds × 290 assessments and their
 * history and audit rows (`db:seed-scale --rounds 18` beside the two example rounds, and an open round
 * pre-filled from the latest: 6,090 assessments).
 *
 * - saving an assessment: a coordinator's form POST (no JavaScript: 302 to the page), one after another,
 *   each a real change with the version read last. Budget p95 ≤ 25 ms server time (the server's own
 *   request log: from the first middleware to the last byte). Beside it, in alternating batches from
 *   the same client, the baseline GET /healthz (the cheapest answer the same server gives: the stack
 *   and one SQLite read), and the server's CPU per answer for both (steadier than wall time on a
 *   shared machine).
 * - the comparison page (GET /kartlaggningar/jamfor, the whole document) and its JSON
 *   (GET /api/v1/rounds/compare): p95 ≤ 50 ms each, client wall time on loopback.
 * - importing a 290-row CSV through the round page (preview, then apply): ≤ 1 s; the same file again
 *   (changes nothing) too.
 * - beside them, without targets: the form page a save leads to, and the disk's floor (a bare one-row
 *   commit with fsync on the same file system: no save can be faster).
 *
 * BENCH_ROUNDS_SAVES (default 60) saves and as many baseline answers per run, `--runs` runs.
 */
import { spawnSync } from "node:child_process";
import Database from "better-sqlite3";
import fs from "node:fs";
import path from "node:path";
import { request, withServerDb } from "../support/auth";
import { makeTempDir } from "../support/database";
import { figure, median, processCpuMs, round, signIn, startBenchServer, type BenchModule } from "./harness";

const SAVES_PER_RUN = Number(process.env.BENCH_ROUNDS_SAVES ?? 60);
const READS = Number(process.env.BENCH_ROUNDS_READS ?? 60);
const COUNTY = "14";

const quantile = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
};

/** Runs one of the app's commands (as an operator would) against the bench database; throws on failure. */
function command(script: string, args: string[], databasePath: string): string {
  const result = spawnSync(process.execPath, ["--import", "tsx", `app/commands/${script}.ts`, ...args], {
    env: { ...process.env, DATABASE_PATH: databasePath, NODE_ENV: "production" },
    encoding: "utf8",
  });
  if (result.status !== 0) throw new Error(`${script} ${args.join(" ")} failed: ${result.stderr || result.stdout}`);
  return result.stdout;
}

/** The server's own time for the requests it logged since `from` (its output offset), by method and path. */
function loggedTimes(output: string, from: number, match: (line: { method: string; path: string; status: number }) => boolean): number[] {
  const times: number[] = [];
  for (const text of output.slice(from).split("\n")) {
    if (!text.includes('"msg":"request"')) continue;
    try {
      const line = JSON.parse(text) as { method: string; path: string; status: number; ms: number };
      if (match(line)) times.push(line.ms);
    } catch {
      /* a partial line at the end */
    }
  }
  return times;
}

/** p50/p95 of single-row commits with the app's pragmas (WAL, synchronous=FULL) in `dir`. */
function commitFloor(dir: string, n: number) {
  const db = new Database(path.join(dir, "floor.sqlite"));
  try {
    db.pragma("journal_mode = WAL");
    db.pragma("synchronous = FULL");
    db.exec("CREATE TABLE t (x TEXT)");
    const insert = db.prepare("INSERT INTO t VALUES (?)");
    const commit = db.transaction((i: number) => insert.run(`${"x".repeat(300)}${i}`));
    const times: number[] = [];
    for (let i = 0; i < n; i++) {
      const started = performance.now();
      commit.immediate(i);
      times.push(performance.now() - started);
    }
    return { n, p50: quantile(times, 0.5), p95: quantile(times, 0.95) };
  } finally {
    db.close();
  }
}

const roundsBench: BenchModule = {
  name: "rounds",
  description: "saving an assessment (coordinator's form POST) against GET /healthz; comparison page and JSON; a 290-row CSV import",
  async run(options) {
    const dir = makeTempDir("samverkan-rounds-bench-");
    const databasePath = path.join(dir, "bench.sqlite");
    const prepared = performance.now();
    command("seed-scale", ["--rounds", "18", "--meetings", "0", "--actions", "0"], databasePath);
    const openId = Number(command("round-create", ["--name", "Kartläggning 2027", "--period", "2027-02", "--open", "--prefill"], databasePath).trim());
    options.log(`  database prepared in ${((performance.now() - prepared) / 1000).toFixed(1)} s`);
    const server = await startBenchServer({ DATABASE_PATH: databasePath });
    try {
      const facts = withServerDb(server, (db) => {
        const sqlite = db.$client;
        const count = (q: string) => (sqlite.prepare(q).get() as { n: number }).n;
        return {
          rounds: count("SELECT count(*) AS n FROM mapping_rounds"),
          assessments: count("SELECT count(*) AS n FROM assessments"),
          history: count("SELECT count(*) AS n FROM assessment_history"),
          audit: count("SELECT count(*) AS n FROM audit_log"),
          rows: sqlite
            .prepare("SELECT a.municipality_code AS code, a.version AS version FROM assessments a JOIN municipalities m ON m.code = a.municipality_code WHERE a.round_id = ? AND m.county_code = ? ORDER BY a.municipality_code")
            .all(openId, COUNTY) as { code: string; version: number }[],
          previousRounds: (sqlite.prepare("SELECT id FROM mapping_rounds WHERE id <> ? ORDER BY period_start").all(openId) as { id: number }[]).map((r) => r.id),
          allCodes: (sqlite.prepare("SELECT code FROM municipalities ORDER BY code").all() as { code: string }[]).map((r) => r.code),
        };
      });
      const scale = `${facts.rounds} rounds, ${facts.assessments} assessments, ${facts.history} history rows, ${facts.audit} audit rows`;
      options.log(`  ${scale}`);
      const cookie = await signIn(server, ["coordinator"], [COUNTY]);
      const admin = await signIn(server, ["admin"]);
      const versions = new Map(facts.rows.map((r) => [r.code, r.version]));
      const codes = [...versions.keys()];

      let saveCount = 0;
      const save = async () => {
        const code = codes[saveCount % codes.length]!;
        const flip = Math.floor(saveCount / codes.length) % 2 === 0;
        const body = new URLSearchParams({
          intent: "save",
          version: String(versions.get(code)),
          collaboration: flip ? "needs_strengthening" : "good",
          interventionAccess: flip ? "unsatisfactory" : "satisfactory",
          channels: "caseworker_contact",
          comment: `Bänktest ${saveCount}`,
        });
        saveCount += 1;
        const started = performance.now();
        const response = await request(server, `/kartlaggningar/${openId}/kommuner/${code}`, {
          method: "POST",
          cookie,
          body: body.toString(),
          headers: { "Content-Type": "application/x-www-form-urlencoded" },
        });
        await response.arrayBuffer();
        const ms = performance.now() - started;
        if (response.status !== 302) throw new Error(`saving ${code} answered ${response.status}`);
        versions.set(code, versions.get(code)! + 1);
        return ms;
      };
      const health = async () => {
        const started = performance.now();
        const response = await request(server, "/healthz");
        await response.arrayBuffer();
        if (response.status !== 200) throw new Error(`/healthz answered ${response.status}`);
        return performance.now() - started;
      };

      // Warm-up: every code path compiled and the caches filled before anything counts.
      for (let i = 0; i < 20; i++) {
        await health();
        await save();
      }
      const wall = { save: [] as number[], health: [] as number[] };
      const cpu = { save: [] as number[], health: [] as number[] };
      const serverMs: number[] = [];
      for (let r = 0; r < options.runs; r++) {
        let before = processCpuMs(server.pid)!;
        for (let i = 0; i < SAVES_PER_RUN; i++) wall.health.push(await health());
        cpu.health.push((processCpuMs(server.pid)! - before) / SAVES_PER_RUN);
        const offset = server.output().length;
        before = processCpuMs(server.pid)!;
        for (let i = 0; i < SAVES_PER_RUN; i++) wall.save.push(await save());
        cpu.save.push((processCpuMs(server.pid)! - before) / SAVES_PER_RUN);
        // The log line is written when the answer finishes: give the last one a moment.
        await new Promise((resolve) => setTimeout(resolve, 50));
        serverMs.push(...loggedTimes(server.output(), offset, (l) => l.method === "POST" && l.path.includes("/kommuner/")));
        options.log(`  run ${r + 1}/${options.runs}: save p50 ${quantile(wall.save.slice(-SAVES_PER_RUN), 0.5).toFixed(1)} ms, p95 ${quantile(wall.save.slice(-SAVES_PER_RUN), 0.95).toFixed(1)} ms, CPU ${cpu.save.at(-1)!.toFixed(2)} ms/save; /healthz p50 ${quantile(wall.health.slice(-SAVES_PER_RUN), 0.5).toFixed(1)} ms, CPU ${cpu.health.at(-1)!.toFixed(2)} ms`);
      }
      const saveNote = `${wall.save.length} saves, ${options.runs} runs alternating with as many GET /healthz, one at a time; ${scale}`;
      const figures = [
        figure({
          name: "rounds.save.server-p95",
          value: round(quantile(serverMs, 0.95), 1),
          unit: "ms",
          target: { op: "<=", value: 25, of: "value" },
          note: `the server's request log (first middleware to last byte), ${serverMs.length} saves; median ${round(quantile(serverMs, 0.5), 1)} ms`,
        }),
        figure({
          name: "rounds.save.p95",
          value: round(quantile(wall.save, 0.95), 1),
          unit: "ms",
          baseline: { label: "GET /healthz", value: round(quantile(wall.health, 0.95), 1) },
          ratioDigits: 1,
          note: `client wall time on loopback; ${saveNote}`,
        }),
        figure({
          name: "rounds.save.p50",
          value: round(quantile(wall.save, 0.5), 1),
          unit: "ms",
          baseline: { label: "GET /healthz", value: round(quantile(wall.health, 0.5), 1) },
          ratioDigits: 1,
          note: "client wall time on loopback",
        }),
        figure({
          name: "rounds.save.server-cpu",
          value: round(median(cpu.save), 2),
          unit: "ms/answer",
          baseline: { label: "GET /healthz", value: round(median(cpu.health), 2) },
          ratioDigits: 1,
          note: "CPU time of the server process per answer (user + system, /proc), median of the runs",
          samples: { value: cpu.save.map((v) => round(v, 2)), baseline: cpu.health.map((v) => round(v, 2)) },
        }),
      ];

      // The page a save leads to (302 to the form with "sparad", or on to the next municipality):
      // the form's loader with the worklist neighbours, rendered as a document.
      const formPage: number[] = [];
      for (let i = 0; i < READS + 5; i++) {
        const code = codes[i % codes.length]!;
        const started = performance.now();
        const response = await request(server, `/kartlaggningar/${openId}/kommuner/${code}?sparad=${code}`, { cookie });
        await response.arrayBuffer();
        if (response.status !== 200) throw new Error(`the form page of ${code} answered ${response.status}`);
        if (i >= 5) formPage.push(performance.now() - started);
      }
      figures.push(
        figure({ name: "rounds.form-page.p95", value: round(quantile(formPage, 0.95), 1), unit: "ms", baseline: { label: "GET /healthz", value: round(quantile(wall.health, 0.95), 1) }, ratioDigits: 1, note: `GET of the assessment form after a save (whole document, worklist neighbours), ${formPage.length} requests; median ${round(quantile(formPage, 0.5), 1)} ms` }),
      );

      // The disk's part: a bare commit (one row, WAL, synchronous=FULL, as the app) on the same file
      // system, from this process, between nothing else. A save cannot be faster than this.
      const floor = commitFloor(dir, SAVES_PER_RUN * options.runs);
      figures.push(
        figure({ name: "rounds.commit-floor.p95", value: round(floor.p95, 1), unit: "ms", note: `one-row commits with fsync on the bench database's file system, ${floor.n} of them; median ${round(floor.p50, 2)} ms: what the disk alone costs a save` }),
      );

      // The comparison, every earlier round against the open one in turn.
      const time = async (url: string, headers: Record<string, string> = {}) => {
        const started = performance.now();
        const response = await request(server, url, { cookie, headers });
        const body = await response.arrayBuffer();
        if (response.status !== 200) throw new Error(`${url} answered ${response.status}`);
        return { ms: performance.now() - started, bytes: body.byteLength };
      };
      const page: number[] = [];
      const api: number[] = [];
      for (let i = 0; i < READS + 5; i++) {
        const from = facts.previousRounds[i % facts.previousRounds.length]!;
        const p = await time(`/kartlaggningar/jamfor?fran=${from}&till=${openId}`);
        const a = await time(`/api/v1/rounds/compare?from=${from}&to=${openId}`, { Accept: "application/json" });
        if (i >= 5) {
          page.push(p.ms);
          api.push(a.ms);
        }
      }
      figures.push(
        figure({ name: "rounds.compare.page-p95", value: round(quantile(page, 0.95), 1), unit: "ms", target: { op: "<=", value: 50, of: "value" }, note: `GET /kartlaggningar/jamfor, whole document, ${page.length} requests after 5 warm-up; median ${round(quantile(page, 0.5), 1)} ms` }),
        figure({ name: "rounds.compare.api-p95", value: round(quantile(api, 0.95), 1), unit: "ms", target: { op: "<=", value: 50, of: "value" }, note: `GET /api/v1/rounds/compare, ${api.length} requests; median ${round(quantile(api, 0.5), 1)} ms` }),
      );

      // Import through the round page as an admin: preview (file upload), then apply; all 290 change.
      const csv = ["kommunkod;samverkan;tillgång;kommentar", ...facts.allCodes.map((code, i) => `${code};${i % 3 ? "bra" : "behöver stärkas"};${i % 2 ? "tillfredsställande" : "otillfredsställande"};Import ${i}`)].join("\r\n");
      const importOnce = async () => {
        const started = performance.now();
        const form = new FormData();
        form.set("intent", "import-preview");
        form.set("file", new File([csv], "bedomningar.csv", { type: "text/csv" }));
        const preview = await request(server, `/kartlaggningar/${openId}`, { method: "POST", cookie: admin, body: form });
        const html = await preview.text();
        if (preview.status !== 200) throw new Error(`import preview answered ${preview.status}: ${html.slice(0, 300)}`);
        const basis = /name="basis" value="([^"]*)"/.exec(html)?.[1];
        // Nothing to change: the preview says so and offers nothing to apply.
        if (basis === undefined && html.includes("Ingen bedömning ändras")) return { ms: performance.now() - started, changed: 0 };
        if (basis === undefined) throw new Error("the import preview has no basis field");
        const apply = new FormData();
        apply.set("intent", "import-apply");
        apply.set("content", csv);
        apply.set("fileName", "bedomningar.csv");
        apply.set("basis", basis.replace(/&amp;/g, "&").replace(/&quot;/g, '"'));
        const applied = await request(server, `/kartlaggningar/${openId}`, { method: "POST", cookie: admin, body: apply });
        const text = await applied.text();
        if (applied.status !== 200) throw new Error(`import apply answered ${applied.status}: ${text.slice(0, 300)}`);
        const changed = /Importen är klar: (\d+) bedöm/.exec(text);
        return { ms: performance.now() - started, changed: changed ? Number(changed[1]) : 0 };
      };
      const first = await importOnce();
      const again = await importOnce();
      figures.push(
        figure({ name: "rounds.import", value: round(first.ms), unit: "ms", target: { op: "<=", value: 1000, of: "value" }, note: `290 rows, every one a change (${first.changed} changed): preview upload and apply, two requests` }),
        figure({ name: "rounds.import.again", value: round(again.ms), unit: "ms", target: { op: "<=", value: 1000, of: "value" }, note: `the same file again (${again.changed} changed)` }),
      );
      return figures;
    } finally {
      await server.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  },
};

export default roundsBench;

/**
 * Mixed load (issue 13): assessment saves at 100 per second and map reads (the map document `/`) at a
 * steady rate, both at once, against one server: save p99 ≤ 50 ms, map p99 ≤ 60 ms, the server's
 * event-loop delay p99 ≤ 20 ms, no errors. Open loop: requests start on a clock whether or not the
 * answers before them came back, so a slow server shows as latency instead of as fewer requests. The
 * baselines, in the same run: the reads alone and the saves alone at the same rates.
 *
 * BENCH_MIXED_SECONDS (default 60) sets the mixed phase; each alone-phase lasts a quarter of it.
 * BENCH_MIXED_SAVES (default 100/s) and BENCH_MIXED_READS (default 10/s) set the rates.
 */
import fs from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { withServerDb } from "../support/auth";
import { makeTempDir } from "../support/database";
import { openRound } from "../support/write-load";
import { figure, onServerCore, processCpuMs, round, signIn, type BenchModule } from "./harness";
import { startMapServer } from "./map-server";

const SECONDS = Number(process.env.BENCH_MIXED_SECONDS ?? 60);
const SAVES_PER_SECOND = Number(process.env.BENCH_MIXED_SAVES ?? 100);
const READS_PER_SECOND = Number(process.env.BENCH_MIXED_READS ?? 10);
const HTML = { "Accept-Encoding": "gzip, deflate, br", Accept: "text/html,application/xhtml+xml" };

type Phase = {
  saves: number[];
  reads: number[];
  errors: string[];
  eventLoop: { p50: number; p99: number; max: number; count: number };
  /** CPU time the server process used during the phase, ms. */
  cpuMs: number;
  /** How long the phase took from its first request to its last answer, s. */
  seconds: number;
};

function percentile(values: number[], q: number): number {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
}

/** Calls `fire` `perSecond` times a second for `seconds`, on a clock; resolves when every call has answered. */
async function openLoop(perSecond: number, seconds: number, fire: (i: number) => Promise<void>) {
  if (perSecond <= 0) return;
  const started = performance.now();
  const total = Math.round(perSecond * seconds);
  const pending: Promise<void>[] = [];
  for (let i = 0; i < total; i++) {
    const due = started + (i * 1000) / perSecond;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    pending.push(fire(i));
  }
  await Promise.all(pending);
}

const mixed: BenchModule = {
  name: "mixed",
  description: `assessment saves (${SAVES_PER_SECOND}/s) and map reads (${READS_PER_SECOND}/s) at once for ${SECONDS} s, against each alone`,
  async run(options) {
    const dir = makeTempDir("samverkan-mixed-");
    const eventLoopFile = path.join(dir, "event-loop.json");
    const { server, cookie: reader } = await onServerCore(() =>
      startMapServer({ NODE_OPTIONS: `--import ${path.resolve("tests/bench/event-loop-hook.mjs")}`, EVENT_LOOP_FILE: eventLoopFile }),
    );
    try {
      const roundId = openRound(server, "Blandad last");
      const codes = withServerDb(server, (db) => (db.$client.prepare("SELECT code FROM municipalities ORDER BY code").all() as { code: string }[]).map((r) => r.code));
      const versions = new Map(
        withServerDb(server, (db) => db.$client.prepare("SELECT municipality_code AS code, version FROM assessments WHERE round_id = ?").all(roundId) as { code: string; version: number }[]).map(
          (r) => [r.code, r.version],
        ),
      );
      const writer = await signIn(server, ["admin"]);
      let saveNumber = 0;

      // A municipality's next save waits for its last one (a person saves from the version they read;
      // two saves of one version are a conflict, rightly answered 409, not what this measures).
      const lastSave = new Map<string, Promise<void>>();
      const save = (phase: Phase) => {
        const i = saveNumber++;
        const code = codes[i % codes.length]!;
        const done = (lastSave.get(code) ?? Promise.resolve()).then(() => saveOne(phase, i, code));
        lastSave.set(code, done);
        return done;
      };
      const saveOne = async (phase: Phase, i: number, code: string) => {
        const body = new URLSearchParams({
          intent: "save",
          version: String(versions.get(code) ?? 0),
          collaboration: i % 2 ? "good" : "needs_strengthening",
          interventionAccess: "satisfactory",
          channels: "caseworker_contact",
          comment: `Blandad last ${i}`,
        });
        const t = performance.now();
        try {
          const response = await fetch(`${server.url}/kartlaggningar/${roundId}/kommuner/${code}`, { method: "POST", body, headers: { Cookie: writer }, redirect: "manual" });
          await response.arrayBuffer();
          phase.saves.push(performance.now() - t);
          if (response.status === 302) versions.set(code, (versions.get(code) ?? 0) + 1);
          else phase.errors.push(`save ${code}: ${response.status}`);
        } catch (error) {
          phase.errors.push(`save ${code}: ${(error as Error).message}`);
        }
      };
      const read = async (phase: Phase) => {
        const t = performance.now();
        try {
          const response = await fetch(`${server.url}/`, { headers: { ...HTML, Cookie: reader } });
          await response.arrayBuffer();
          phase.reads.push(performance.now() - t);
          if (response.status !== 200) phase.errors.push(`map: ${response.status}`);
        } catch (error) {
          phase.errors.push(`map: ${(error as Error).message}`);
        }
      };
      const runPhase = async (label: string, seconds: number, savesPerSecond: number, readsPerSecond: number): Promise<Phase> => {
        const phase: Phase = { saves: [], reads: [], errors: [], eventLoop: { p50: NaN, p99: NaN, max: NaN, count: 0 }, cpuMs: NaN, seconds: NaN };
        process.kill(server.pid, "SIGUSR2"); // a fresh event-loop histogram for this phase
        const from = Date.now();
        const cpuBefore = processCpuMs(server.pid);
        await Promise.all([openLoop(savesPerSecond, seconds, () => save(phase)), openLoop(readsPerSecond, seconds, () => read(phase))]);
        phase.cpuMs = (processCpuMs(server.pid) ?? NaN) - (cpuBefore ?? NaN);
        phase.seconds = (Date.now() - from) / 1000;
        await new Promise((r) => setTimeout(r, 400));
        const stats = JSON.parse(fs.readFileSync(eventLoopFile, "utf8")) as Phase["eventLoop"] & { at: number };
        if (stats.at < from) throw new Error("the server's event-loop file was not written during the phase");
        phase.eventLoop = stats;
        options.log(
          `  ${label}: ${phase.saves.length} saves p99 ${round(percentile(phase.saves, 0.99), 1)} ms, ${phase.reads.length} reads p99 ${round(percentile(phase.reads, 0.99), 1)} ms, event loop p99 ${stats.p99} ms, ${phase.errors.length} errors, server CPU ${round(phase.cpuMs)} ms in ${round(phase.seconds, 1)} s`,
        );
        return phase;
      };

      options.log(`  warm-up ${options.warmupSeconds} s`);
      await runPhase("warm-up", options.warmupSeconds, SAVES_PER_SECOND / 2, READS_PER_SECOND / 2);
      const readsAlone = await runPhase("reads alone", SECONDS / 4, 0, READS_PER_SECOND);
      const savesAlone = await runPhase("saves alone", SECONDS / 4, SAVES_PER_SECOND, 0);
      const both = await runPhase("both", SECONDS, SAVES_PER_SECOND, READS_PER_SECOND);

      const note = `open loop, ${SAVES_PER_SECOND} saves/s over 290 municipalities and ${READS_PER_SECOND} reads/s of /, ${SECONDS} s; baseline: the same rate alone for ${SECONDS / 4} s`;
      const p99 = (values: number[]) => round(percentile(values, 0.99), 1);
      return [
        figure({ name: "mixed.save-p99", value: p99(both.saves), unit: "ms", target: { op: "<=", value: 50, of: "value" }, baseline: { label: "saves alone", value: p99(savesAlone.saves) }, ratioDigits: 1, note }),
        figure({ name: "mixed.map-p99", value: p99(both.reads), unit: "ms", target: { op: "<=", value: 60, of: "value" }, baseline: { label: "reads alone", value: p99(readsAlone.reads) }, ratioDigits: 1, note }),
        figure({
          name: "mixed.event-loop-delay-p99",
          value: both.eventLoop.p99,
          unit: "ms",
          target: { op: "<=", value: 20, of: "value" },
          baseline: { label: "reads alone", value: readsAlone.eventLoop.p99 },
          ratioDigits: 1,
          note: `the server's own histogram (perf_hooks.monitorEventLoopDelay), max ${both.eventLoop.max} ms`,
        }),
        figure({
          // Answers other than the expected (302 for a save, 200 for the map), and failed connections.
          name: "mixed.errors",
          value: both.errors.length,
          unit: "errors",
          target: { op: "<=", value: 0, of: "value" },
          note: both.errors.length ? both.errors.slice(0, 5).join("; ") : `${both.saves.length} saves and ${both.reads.length} reads answered as expected`,
        }),
        figure({
          name: "mixed.save-server-cpu",
          value: round(savesAlone.cpuMs / Math.max(1, savesAlone.saves.length), 2),
          unit: "ms/save",
          baseline: { label: "one map document", value: round(readsAlone.cpuMs / Math.max(1, readsAlone.reads.length), 2) },
          note: "the server's CPU time per answer in the alone-phases (/proc): what bounds the rates on one core, steadier than latency on a shared machine",
        }),
        figure({ name: "mixed.saves-answered", value: round(both.saves.length / both.seconds, 1), unit: "saves/s", target: { op: ">=", value: SAVES_PER_SECOND * 0.99, of: "value" }, note: "saves answered per second, from the mixed phase's first request to its last answer (the open loop offers them on a clock)" }),
      ];
    } finally {
      await server.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  },
};

export default mixed;

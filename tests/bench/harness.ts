/**
 * What every benchmark module shares: the figure type, starting the production server (and a bare
 * baseline server) on the "server" core, signing in, and measuring with autocannon from the "load"
 * core. See run.ts for the module interface.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import type { Role } from "../../app/domain/permissions";
import { createTestUser, loginHttp } from "../support/auth";
import { makeTempDir } from "../support/database";
import { startServer, type RunningServer } from "../support/server";

/** A target a figure (or its ratio to the baseline) must meet. */
export type Target = { op: "<=" | ">="; value: number; of: "value" | "ratio" };

/** One measured number. `baseline` is the same measurement of the baseline in the same run. */
export type Figure = {
  /** Dotted, stable name, e.g. "api.municipalities": what the README and bench.json refer to. */
  name: string;
  value: number;
  unit: string;
  target?: Target;
  baseline?: { label: string; value: number };
  /** value / baseline.value (rounded), present when there is a baseline. */
  ratio?: number;
  /** Whether the target is met; absent when the figure has no target. */
  met?: boolean;
  /** Conditions worth knowing beside the number (connections, runs, samples). */
  note?: string;
  samples?: { value: number[]; baseline?: number[] };
};

export type BenchOptions = {
  /** Measured runs per figure (medians are reported). */
  runs: number;
  /** Seconds per measured load run. */
  seconds: number;
  /** Seconds of warm-up load before the measured runs. */
  warmupSeconds: number;
  /** Progress messages (stderr): never the figures themselves. */
  log: (message: string) => void;
};

export type BenchModule = {
  /** Short name used to select it: `npm run bench -- <name>`. */
  name: string;
  description: string;
  run: (options: BenchOptions) => Promise<Figure[]>;
};

// ---------------------------------------------------------------------------------------------------
// Numbers

export function median(values: number[]): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function round(value: number, digits = 0): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/** Builds a figure, computing ratio and whether the target is met. */
export function figure(input: Omit<Figure, "ratio" | "met"> & { ratioDigits?: number }): Figure {
  const { ratioDigits = 2, ...rest } = input;
  const ratio = rest.baseline && rest.baseline.value > 0 ? round(rest.value / rest.baseline.value, ratioDigits) : undefined;
  let met: boolean | undefined;
  if (rest.target) {
    const subject = rest.target.of === "ratio" ? ratio : rest.value;
    met = subject !== undefined && (rest.target.op === "<=" ? subject <= rest.target.value : subject >= rest.target.value);
  }
  return { ...rest, ...(ratio !== undefined ? { ratio } : {}), ...(met !== undefined ? { met } : {}) };
}

/** `name: value unit (target …, baseline …, ratio …) met|MISSED` */
export function formatFigure(f: Figure): string {
  const parts: string[] = [];
  if (f.target) {
    const op = f.target.op === "<=" ? "≤" : "≥";
    parts.push(f.target.of === "ratio" ? `target ratio ${op} ${f.target.value}` : `target ${op} ${f.target.value} ${f.unit}`);
  }
  if (f.baseline) parts.push(`baseline ${f.baseline.label} ${f.baseline.value} ${f.unit}`);
  if (f.ratio !== undefined) parts.push(`ratio ${f.ratio}`);
  const verdict = f.met === undefined ? "" : f.met ? " met" : " MISSED";
  return `${f.name}: ${f.value} ${f.unit}${parts.length ? ` (${parts.join(", ")})` : ""}${verdict}`;
}

// ---------------------------------------------------------------------------------------------------
// Cores: servers on one, the load generator (this process, and the browsers it starts) on another.

export type CorePlan = { pinned: boolean; serverCores: string; loadCores: string; reason: string };

let plan: CorePlan | undefined;

function hasTaskset(): boolean {
  return spawnSync("taskset", ["-V"], { stdio: "ignore" }).status === 0;
}

function pinSelf(cores: string): boolean {
  // -a: every thread of this process (libuv pool, V8 platform threads), not just the main one.
  return spawnSync("taskset", ["-a", "-cp", cores, String(process.pid)], { stdio: "ignore" }).status === 0;
}

/**
 * Decides the placement once: with `taskset` and at least two cores, servers get core 0 and the load
 * generator the last core (BENCH_SERVER_CORES / BENCH_LOAD_CORES override). Otherwise everything
 * shares the machine and the report says so.
 */
export function corePlan(): CorePlan {
  if (plan) return plan;
  const cpus = os.cpus().length;
  const serverCores = process.env.BENCH_SERVER_CORES ?? "0";
  const loadCores = process.env.BENCH_LOAD_CORES ?? String(Math.max(1, cpus - 1));
  if (cpus < 2) plan = { pinned: false, serverCores: "", loadCores: "", reason: "one core: server and load share it" };
  else if (!hasTaskset()) plan = { pinned: false, serverCores: "", loadCores: "", reason: "no taskset: server and load share the cores" };
  else if (!pinSelf(loadCores)) plan = { pinned: false, serverCores: "", loadCores: "", reason: "taskset refused: server and load share the cores" };
  else plan = { pinned: true, serverCores, loadCores, reason: `server on core ${serverCores}, load generator on core ${loadCores}` };
  return plan;
}

/**
 * Runs `start` (which spawns processes) while this process sits on the server core, so the children
 * inherit that placement, then moves back to the load core. Children keep the affinity they started with.
 */
export async function onServerCore<T>(start: () => Promise<T>): Promise<T> {
  const p = corePlan();
  if (!p.pinned) return start();
  pinSelf(p.serverCores);
  try {
    return await start();
  } finally {
    pinSelf(p.loadCores);
  }
}

/**
 * Runs `start` with this process allowed on every core, so the processes it spawns are too: a browser
 * measures what a user's machine does, and one pinned core (shared with its own renderer, GPU and
 * network processes) is not that machine.
 */
export async function onAllCores<T>(start: () => Promise<T>): Promise<T> {
  const p = corePlan();
  if (!p.pinned) return start();
  pinSelf(`0-${(os.cpus().length) - 1}`);
  try {
    return await start();
  } finally {
    pinSelf(p.loadCores);
  }
}

// ---------------------------------------------------------------------------------------------------
// Servers

/**
 * The production server (tests/support/server.ts: built app, NODE_ENV=production, 127.0.0.1) on the
 * server core. Pass DATABASE_PATH in `env` to serve a prepared database (e.g. from db:seed-scale).
 */
export function startBenchServer(env: Record<string, string> = {}): Promise<RunningServer> {
  return onServerCore(() => startServer({ LOG_LEVEL: "info", ...env }));
}

/** A new user with `roles` in the server's database, signed in through POST /login: "name=value". */
export async function signIn(server: RunningServer, roles: Role[] = ["manager"], countyCodes?: string[]): Promise<string> {
  const user = await createTestUser(server, { roles, countyCodes });
  return loginHttp(server, user);
}

export type RawResponse = { status: number; headers: http.IncomingHttpHeaders; body: Buffer };

/** A GET without any decoding (fetch would gunzip): the bytes on the wire. */
export function getRaw(url: string, headers: Record<string, string> = {}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      })
      .on("error", reject);
  });
}

const HOP_BY_HOP = new Set(["connection", "keep-alive", "transfer-encoding", "date", "content-length"]);

export type BaselineServer = { url: string; pid: number; stop: () => Promise<void> };

/**
 * A bare node:http server (its own process, on the server core) that answers each path with a recorded
 * response: the same status, headers and body bytes, from memory. The baseline for "what the app could
 * do at best".
 */
export async function startBaseline(answers: Record<string, RawResponse>): Promise<BaselineServer> {
  const dir = makeTempDir("samverkan-baseline-");
  const file = path.join(dir, "answers.json");
  const serialisable = Object.fromEntries(
    Object.entries(answers).map(([p, r]) => [
      p,
      {
        status: r.status,
        headers: Object.entries(r.headers).filter(([k]) => !HOP_BY_HOP.has(k)),
        body: r.body.toString("base64"),
      },
    ]),
  );
  fs.writeFileSync(file, JSON.stringify(serialisable));
  const child: ChildProcess = await onServerCore(async () =>
    spawn(process.execPath, ["--import", "tsx", path.resolve("tests/bench/baseline-server.ts"), file], {
      stdio: ["ignore", "pipe", "inherit"],
    }),
  );
  const port = await new Promise<number>((resolve, reject) => {
    let out = "";
    child.stdout!.on("data", (d) => {
      out += d;
      const match = /listening (\d+)/.exec(out);
      if (match) resolve(Number(match[1]));
    });
    child.once("exit", (code) => reject(new Error(`baseline server exited (${code})`)));
  });
  return {
    url: `http://127.0.0.1:${port}`,
    pid: child.pid!,
    stop: () =>
      new Promise<void>((resolve) => {
        fs.rmSync(dir, { recursive: true, force: true });
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}

// ---------------------------------------------------------------------------------------------------
// Load

export type LoadResult = {
  /** Requests per second (autocannon's average over the run). */
  rps: number;
  p50: number;
  p99: number;
  /** Answers outside the expected status class, connection errors and timeouts together. */
  errors: number;
  /** Bytes received per answer (headers included): a check that the expected answer came back. */
  bytesPerAnswer: number;
  /**
   * CPU time the server process spent per answer (user + system, from /proc), when the target names
   * its `pid`: steadier than throughput on a machine shared with other work.
   */
  cpuMsPerAnswer?: number;
};

export type LoadTarget = {
  url: string;
  headers?: Record<string, string>;
  method?: string;
  body?: string;
  /** The status class every answer must have (default 2xx): a redirect to /login is not a page served. */
  expect?: "2xx" | "3xx";
  /** The server's process id: the result then says how much CPU each answer cost it. */
  pid?: number;
};

let ticksPerSecond: number | undefined;

/** CPU time (user + system) a process has used so far, in ms; undefined where /proc is missing. */
export function processCpuMs(pid: number): number | undefined {
  try {
    ticksPerSecond ??= Number(spawnSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).stdout.trim()) || 100;
    // The command name (field 2) may hold spaces: count fields after its closing parenthesis.
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / ticksPerSecond;
  } catch {
    return undefined;
  }
}

/** One autocannon run from this process (the load core). */
export async function load(target: LoadTarget, seconds: number, connections = 10): Promise<LoadResult> {
  const cpuBefore = target.pid ? processCpuMs(target.pid) : undefined;
  const result = await autocannon({
    url: target.url,
    method: (target.method ?? "GET") as "GET",
    headers: target.headers,
    body: target.body,
    connections,
    duration: seconds,
  });
  const answered = result.requests.total || 1;
  const expected = result[target.expect ?? "2xx"];
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result["1xx"] + result["2xx"] + result["3xx"] + result["4xx"] + result["5xx"] - expected + result.errors + result.timeouts,
    bytesPerAnswer: result.throughput.total / answered,
    ...(cpuBefore !== undefined ? { cpuMsPerAnswer: (processCpuMs(target.pid!)! - cpuBefore) / answered } : {}),
  };
}

/**
 * Measures `subject` and `baseline` alternately (warm-up of each first), `options.runs` times each, so
 * drift on a shared machine hits both alike. Throws when either answers with errors: a fast 500 or
 * redirect is not a result.
 */
export async function compareLoad(
  subject: LoadTarget,
  baseline: LoadTarget,
  options: BenchOptions & { connections?: number; label?: string },
): Promise<{ subject: LoadResult[]; baseline: LoadResult[] }> {
  const connections = options.connections ?? 10;
  await load(baseline, options.warmupSeconds, connections);
  await load(subject, options.warmupSeconds, connections);
  const results = { subject: [] as LoadResult[], baseline: [] as LoadResult[] };
  for (let i = 0; i < options.runs; i++) {
    const b = await load(baseline, options.seconds, connections);
    const s = await load(subject, options.seconds, connections);
    for (const [which, r] of [["baseline", b], ["subject", s]] as const) {
      if (r.errors > 0) throw new Error(`${options.label ?? subject.url}: the ${which} answered ${r.errors} requests with errors`);
    }
    results.baseline.push(b);
    results.subject.push(s);
    const cpu = s.cpuMsPerAnswer !== undefined && b.cpuMsPerAnswer !== undefined ? `, server CPU ${s.cpuMsPerAnswer.toFixed(3)} vs ${b.cpuMsPerAnswer.toFixed(3)} ms per answer` : "";
    options.log(`  run ${i + 1}/${options.runs}: ${Math.round(s.rps)} vs ${Math.round(b.rps)} req/s, p99 ${s.p99} vs ${b.p99} ms${cpu}`);
  }
  return results;
}

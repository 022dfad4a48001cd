/**
 * `npm run bench [-- [--json] [--runs N] [--seconds S] [--strict] [module…]]`: runs every benchmark
 * module in tests/bench against the production build on 127.0.0.1 (`npm run bench` builds first) and
 * prints one line per figure:
 *
 *   name: value unit (target …, baseline …, ratio …) met|MISSED
 *
 * With --json, stdout is one JSON document of the same figures (progress goes to stderr); either way
 * the document is written to tests/.artifacts/bench.json. Name modules to run a subset
 * (`npm run bench -- api pages`). --strict exits 1 when a target is missed. BENCH_RUNS / BENCH_SECONDS
 * set the defaults; BENCH_SERVER_CORES / BENCH_LOAD_CORES the placement.
 *
 * Placement: with `taskset` and two or more cores, this process (the load generator, and any browser it
 * starts) runs on the last core and every server it starts on core 0 (harness.ts `onServerCore`).
 * Without taskset everything shares the machine and the JSON says so. Absolute numbers drift on a shared
 * machine; the ratio to a baseline measured alternately in the same run is what to compare.
 *
 * ## Writing a benchmark module
 *
 * A file `tests/bench/<name>.bench.ts` whose default export is a `BenchModule` (harness.ts):
 *
 *   export default {
 *     name: "rounds",                      // what `npm run bench -- rounds` selects
 *     description: "one line",
 *     async run(options) {                  // { runs, seconds, warmupSeconds, log }
 *       const server = await startBenchServer({ DATABASE_PATH: file }); // optional prepared database
 *       try {
 *         const cookie = await signIn(server, ["coordinator"], ["14"]);
 *         const r = await compareLoad({ url, headers: { Cookie: cookie } }, { url: baselineUrl }, options);
 *         return [figure({ name: "rounds.save", value, unit: "ms", target: { op: "<=", value: 50, of: "value" } })];
 *       } finally {
 *         await server.stop();
 *       }
 *     },
 *   } satisfies BenchModule;
 *
 * Rules: start servers through `startBenchServer` / `startBaseline` (they land on the server core), use
 * `load` / `compareLoad` (autocannon, warm-up first, alternated runs) or your own timing, report medians
 * of `options.runs` runs, give every figure with a target its `target`, and stop what you started.
 * A module that throws is reported as failed and the others still run. Prepared databases come from
 * `npm run db:seed-scale` (app/commands/seed-scale.ts): generate one into a temp dir in `run`.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { corePlan, formatFigure, type BenchModule, type BenchOptions, type Figure } from "./harness";

const BENCH_DIR = path.resolve("tests/bench");
const ARTIFACT = path.resolve("tests/.artifacts/bench.json");

function parseArgs(argv: string[]) {
  const args = { json: false, strict: false, runs: Number(process.env.BENCH_RUNS ?? 5), seconds: Number(process.env.BENCH_SECONDS ?? 5), only: [] as string[] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === "--json") args.json = true;
    else if (a === "--strict") args.strict = true;
    else if (a === "--runs") args.runs = Number(argv[++i]);
    else if (a === "--seconds") args.seconds = Number(argv[++i]);
    else if (a.startsWith("--")) throw new Error(`unknown option ${a}`);
    else args.only.push(a);
  }
  if (!(args.runs >= 1) || !(args.seconds > 0)) throw new Error("--runs and --seconds must be positive");
  return args;
}

async function loadModules(): Promise<BenchModule[]> {
  const files = fs.readdirSync(BENCH_DIR).filter((f) => f.endsWith(".bench.ts")).sort();
  const modules: BenchModule[] = [];
  for (const file of files) {
    const mod = (await import(pathToFileURL(path.join(BENCH_DIR, file)).href)) as { default?: BenchModule };
    if (!mod.default?.name || typeof mod.default.run !== "function") throw new Error(`${file} has no default BenchModule export`);
    modules.push(mod.default);
  }
  return modules;
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  for (const file of ["build/index.js", "build/server.js"]) {
    if (!fs.existsSync(path.resolve(file))) throw new Error(`No build (${file}): run \`npm run build\` (npm run bench does).`);
  }
  const all = await loadModules();
  const unknown = args.only.filter((n) => !all.some((m) => m.name === n));
  if (unknown.length) throw new Error(`unknown benchmark ${unknown.join(", ")}; there are: ${all.map((m) => m.name).join(", ")}`);
  const selected = args.only.length ? all.filter((m) => args.only.includes(m.name)) : all;

  const say = (line: string) => (args.json ? process.stderr : process.stdout).write(`${line}\n`);
  const progress = (line: string) => process.stderr.write(`${line}\n`);
  const placement = corePlan();
  progress(`bench: ${selected.map((m) => m.name).join(", ")}; ${placement.reason}; ${args.runs} runs × ${args.seconds} s; load average ${os.loadavg().map((l) => l.toFixed(2)).join(" ")}`);

  const options: BenchOptions = { runs: args.runs, seconds: args.seconds, warmupSeconds: Math.min(3, args.seconds), log: progress };
  const report: { name: string; description: string; seconds: number; figures: Figure[]; error?: string }[] = [];
  for (const module of selected) {
    progress(`${module.name}: ${module.description}`);
    const started = Date.now();
    try {
      const figures = await module.run(options);
      for (const f of figures) say(formatFigure(f));
      report.push({ name: module.name, description: module.description, seconds: Math.round((Date.now() - started) / 1000), figures });
    } catch (error) {
      say(`${module.name}: FAILED ${(error as Error).message}`);
      progress((error as Error).stack ?? "");
      report.push({ name: module.name, description: module.description, seconds: Math.round((Date.now() - started) / 1000), figures: [], error: (error as Error).message });
    }
  }

  const document = {
    generatedAt: new Date().toISOString(),
    machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model, node: process.version, loadAverageAtEnd: os.loadavg(), placement },
    runs: args.runs,
    secondsPerRun: args.seconds,
    modules: report,
  };
  fs.mkdirSync(path.dirname(ARTIFACT), { recursive: true });
  fs.writeFileSync(ARTIFACT, JSON.stringify(document, null, 2));
  if (args.json) process.stdout.write(`${JSON.stringify(document, null, 2)}\n`);

  const failed = report.some((m) => m.error);
  const missed = report.flatMap((m) => m.figures).filter((f) => f.met === false);
  if (failed || (args.strict && missed.length)) process.exitCode = 1;
}

main().catch((error) => {
  process.stderr.write(`${(error as Error).stack ?? error}\n`);
  process.exit(1);
});

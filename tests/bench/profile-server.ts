/**
 * `npx tsx tests/bench/profile-server.ts [path …] [--seconds S]` (needs `npm run build`): where the
 * server's CPU goes while autocannon loads one path (default `/`) signed in, 10 connections. Starts the
 * production server (borders imported), warms it up, samples its CPU while loading it, and prints
 * the CPU per request and the share of busy time per stage (session check, loader, React render, serialisation,
 * compression, Express and middleware, logging, GC) and the heaviest functions. The profile is kept in
 * tests/.artifacts/ (open it in Chrome DevTools → Performance, or VS Code). A tool, not a benchmark.
 */
import fs from "node:fs";
import path from "node:path";
import { load, onServerCore, round } from "./harness";
import { startMapServer } from "./map-server";

type Node = { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] };
type Profile = { nodes: Node[]; samples: number[]; timeDeltas: number[] };

/** Stages, tested from the leaf up: the first frame on the stack that matches names the stage. */
const STAGES: [string, (fn: string, url: string) => boolean][] = [
  ["session check", (fn) => /^(getSessionUser|getSessionUserByCookie|requireUser|getOptionalUser)$/.test(fn)],
  ["route loaders (queries, shaping)", (fn, url) => /^(loader|getMapView|callRouteLoader|callLoaderOrAction)$/.test(fn) && !/react-dom/.test(url)],
  ["React server render", (_fn, url) => /react-dom[/\\]cjs[/\\]react-dom-server/.test(url)],
  ["loader data serialisation (turbo-stream)", (_fn, url) => /turbo-stream/.test(url)],
  ["compression (zlib)", (fn, url) => /compression[/\\]index|node:zlib/.test(url) || /^(zlibOnError|processCallback|writeSync)$/.test(fn) && /zlib/.test(url)],
  ["request log", (_fn, url) => /log\.server/.test(url)],
  ["ratings API fast path", (fn) => fn === "ratingsApiFastPath"],
  ["Remix request handling", (_fn, url) => /@remix-run[/\\](server-runtime|express|node)/.test(url)],
  ["Express, helmet, middleware", (_fn, url) => /node_modules[/\\](express|helmet|router|send|serve-static|body-parser|finalhandler|on-finished|on-headers)[/\\]|app\/server\/app\.ts/.test(url)],
];

function stagesOf(profile: Profile) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const stage = new Map<number, string>();
  const stageOf = (id: number): string => {
    const known = stage.get(id);
    if (known) return known;
    const n = byId.get(id)!;
    const { functionName: fn, url } = n.callFrame;
    let s: string | undefined;
    if (fn === "(idle)") s = "idle";
    else if (fn === "(garbage collector)") s = "garbage collection";
    else if (fn === "(program)") s = "(program: native, unattributed)";
    for (const [name, test] of STAGES) if (!s && test(fn, url)) s = name;
    const up = parent.get(id);
    s ??= up === undefined ? "other" : stageOf(up);
    // A frame below the HTTP parser but outside every stage is node's own HTTP and socket work.
    if (s === "other" && /node:_http|node:net|node:internal\/streams|stream_base_commons/.test(url)) s = "node HTTP and sockets";
    stage.set(id, s);
    return s;
  };
  const totals = new Map<string, number>();
  const self = new Map<string, number>();
  // The profiler's own start shows up as a long sample under the hook: not the server's work.
  const inHook = new Set<number>();
  const marks = (id: number): boolean => {
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      if (/cpu-profile-hook/.test(byId.get(cur)!.callFrame.url)) return true;
    }
    return false;
  };
  for (const n of profile.nodes) if (marks(n.id)) inHook.add(n.id);
  profile.samples.forEach((id, i) => {
    const dt = profile.timeDeltas[i] ?? 0;
    if (inHook.has(id)) return;
    const s = stageOf(id);
    totals.set(s, (totals.get(s) ?? 0) + dt);
    const n = byId.get(id)!;
    const key = `${n.callFrame.functionName || "(anonymous)"} ${n.callFrame.url.replace(/^.*node_modules[/\\]/, "").replace(/^.*\/(app|build)\//, "$1/")}:${n.callFrame.lineNumber + 1}`;
    if (s !== "idle") self.set(key, (self.get(key) ?? 0) + dt);
  });
  return { totals, self };
}

async function main() {
  const args = process.argv.slice(2);
  let seconds = 10;
  const paths: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === "--seconds") seconds = Number(args[++i]);
    else paths.push(args[i]!);
  }
  if (!paths.length) paths.push("/");
  const dir = path.resolve("tests/.artifacts");
  fs.mkdirSync(dir, { recursive: true });
  for (const f of fs.readdirSync(dir)) if (/^server-\d+\.cpuprofile$|^server\.pid$/.test(f)) fs.rmSync(path.join(dir, f));

  const { server, cookie } = await onServerCore(() =>
    startMapServer({ NODE_OPTIONS: `--import ${path.resolve("tests/bench/cpu-profile-hook.mjs")}`, CPU_PROFILE_DIR: dir }),
  );
  const counts: Record<string, number> = {};
  try {
    const targets = paths.map((p) => ({ url: `${server.url}${p}`, headers: { Cookie: cookie, "Accept-Encoding": "gzip, deflate, br" } }));
    for (const target of targets) await load(target, 3);
    // Sample only the measured load, not start-up and warm-up.
    process.kill(Number(fs.readFileSync(path.join(dir, "server.pid"), "utf8")), "SIGUSR2");
    for (const [i, p] of paths.entries()) {
      const r = await load(targets[i]!, seconds);
      counts[p] = Math.round(r.rps * seconds);
      console.log(`${p}: ${Math.round(r.rps)} req/s, p50 ${r.p50} ms, p99 ${r.p99} ms, ${Math.round(r.bytesPerAnswer)} B per answer, ${r.errors} errors`);
    }
  } finally {
    await server.stop();
  }
  const file = fs.readdirSync(dir).find((f) => /^server-\d+\.cpuprofile$/.test(f));
  if (!file) throw new Error("the server wrote no profile");
  const { totals, self } = stagesOf(JSON.parse(fs.readFileSync(path.join(dir, file), "utf8")) as Profile);
  const busy = [...totals].filter(([s]) => s !== "idle").reduce((a, [, v]) => a + v, 0);
  const requests = Object.values(counts).reduce((a, b) => a + b, 0);
  console.log(`\nbusy ${round(busy / 1e6, 1)} s of CPU for ${requests} requests: ${round(busy / 1e3 / requests, 2)} ms per request`);
  console.log("stage: share of busy time");
  for (const [s, us] of [...totals].filter(([s]) => s !== "idle").sort((a, b) => b[1] - a[1])) {
    console.log(`  ${s}: ${round((100 * us) / busy, 1)} %`);
  }
  console.log("heaviest functions (self time):");
  for (const [k, us] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 20)) console.log(`  ${round((100 * us) / busy, 1)} % ${k}`);
  console.log(`\nprofile: ${path.join(dir, file)}`);
}

main().catch((error) => {
  process.stderr.write(`${(error as Error).stack}\n`);
  process.exit(1);
});

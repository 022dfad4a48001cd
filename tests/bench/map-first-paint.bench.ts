/**
 * The map at first paint (issue 12), measured in headless Chromium at 4× CPU slowdown, the pages
 * alternated in one run and medians reported:
 *
 * - seen: navigation → the first frame showing all 290 shapes (`map:shapes-seen`, the server's SVG),
 *   against a bare Leaflet page drawing the same TopoJSON (`map:shapes-drawn`). Target ratio ≤ 0.8.
 * - usable: navigation → the panel painted after a click on a municipality made as soon as Leaflet has
 *   drawn (the page hydrated), against the floor route (tests/bench/floor: only the root layout, the
 *   shapes as loader data and the ClientOnly react-leaflet map). Target ratio ≤ 1.2.
 * - the first HTML of `/` (gzip as served, ≤ 45 KB), layout shift over the whole load including the
 *   click (≤ 0.02), and the server time of `/` (p50/p95 over 100 requests one after another, requests
 *   per second at 10 connections). The borders payload and click → panel on the settled page are the
 *   map module's (map.bench.ts).
 *
 * Absolute times depend on the machine's load; the ratios of pages measured alternately are what count.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import zlib from "node:zlib";
import type { Browser, Page } from "playwright-core";
import { launchBrowser } from "../support/browser";
import { bareLeafletPage } from "./map-server";
import {
  figure,
  getRaw,
  median,
  onAllCores,
  onServerCore,
  round,
  signIn,
  startBaseline,
  startBenchServer,
  type BenchModule,
  type BenchOptions,
  type Figure,
} from "./harness";

const THROTTLE = 4;
const FLOOR_DIR = path.resolve("tests/bench/floor");

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
};

/** A GET on a kept-alive connection, the body read to the end. */
function get(url: string, headers: Record<string, string>, agent: http.Agent): Promise<number> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers, agent }, (res) => {
        res.on("data", () => {});
        res.on("end", () => resolve(res.statusCode ?? 0));
      })
      .on("error", reject);
  });
}


/** The bare page and its files, served by the harness's bare node:http server (the server core). */
function startBare(gzippedTopology: Buffer) {
  const file = (name: string, type: string) => ({ status: 200, headers: { "content-type": type }, body: fs.readFileSync(name) });
  return startBaseline({
    "/": { status: 200, headers: { "content-type": "text/html; charset=utf-8" }, body: Buffer.from(bareLeafletPage("/borders.json")) },
    "/leaflet.js": file("node_modules/leaflet/dist/leaflet.js", "text/javascript"),
    "/leaflet.css": file("node_modules/leaflet/dist/leaflet.css", "text/css"),
    "/topojson-client.js": file("node_modules/topojson-client/dist/topojson-client.min.js", "text/javascript"),
    "/borders.json": {
      status: 200,
      headers: { "content-type": "application/json", "content-encoding": "gzip" },
      body: gzippedTopology,
    },
  });
}

/** Builds the floor app when its build is missing or older than its sources, then serves it. */
async function startFloor(log: (m: string) => void): Promise<{ url: string; stop: () => Promise<void> }> {
  const built = path.join(FLOOR_DIR, "build/index.js");
  const sources = fs
    .readdirSync(path.join(FLOOR_DIR, "app"), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => fs.statSync(path.join(e.parentPath, e.name)).mtimeMs);
  if (!fs.existsSync(built) || Math.max(...sources) > fs.statSync(built).mtimeMs) {
    log("building the floor app (tests/bench/floor)");
    const result = spawnSync(path.resolve("node_modules/.bin/remix"), ["build"], { cwd: FLOOR_DIR, stdio: "inherit" });
    if (result.status !== 0) throw new Error("the floor app did not build");
  }
  const child: ChildProcess = await onServerCore(async () =>
    spawn(process.execPath, ["--import", "tsx", path.join(FLOOR_DIR, "server.ts")], {
      env: { ...process.env, NODE_ENV: "production", PORT: "0" },
      stdio: ["ignore", "pipe", "inherit"],
    }),
  );
  const url = await new Promise<string>((resolve, reject) => {
    let out = "";
    child.stdout!.on("data", (d) => {
      out += d;
      const match = /listening (http:\S+)/.exec(out);
      if (match) resolve(`${match[1]}/`);
    });
    child.on("exit", (code) => reject(new Error(`the floor server exited (${code})`)));
  });
  return {
    url,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}

type Load = { seenMs: number; drawnMs: number; usableMs: number; cls: number };

/**
 * One load in a fresh browser context at 4× slowdown: the marks, then a click on a municipality as soon
 * as Leaflet has drawn, timed to the panel's next frame. `cookie` ("name=value") signs the page in.
 */
async function measureLoad(browser: Browser, url: string, options: { cookie?: string; click: boolean }): Promise<Load> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    if (options.cookie) {
      const [name, value] = [options.cookie.slice(0, options.cookie.indexOf("=")), options.cookie.slice(options.cookie.indexOf("=") + 1)];
      await context.addCookies([{ name, value, domain: new URL(url).hostname, path: "/", httpOnly: true, sameSite: "Lax", secure: name.startsWith("__Host-") }]);
    }
    const page: Page = await context.newPage();
    await page.addInitScript(() => {
      const w = window as unknown as { __cls: number; __events: number[] };
      w.__cls = 0;
      w.__events = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) {
          if (!e.hadRecentInput) w.__cls += e.value;
        }
      }).observe({ type: "layout-shift", buffered: true });
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) if (e.name === "click" || e.name === "pointerup") w.__events.push(e.duration);
      }).observe({ type: "event", durationThreshold: 16, buffered: true } as PerformanceObserverInit);
    });
    const cdp = await context.newCDPSession(page);
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: THROTTLE });
    await page.goto(url);
    await page.waitForFunction(() => performance.getEntriesByName("map:shapes-drawn").length > 0, undefined, {
      timeout: 60_000,
      polling: "raf",
    });
    let usableMs = NaN;
    if (options.click) {
      const target = await page.evaluate(() => {
        const panel = document.querySelector(".municipality-panel")!;
        const w = window as unknown as { __panelAt?: number };
        new MutationObserver((_, observer) => {
          requestAnimationFrame(() => (w.__panelAt = performance.now()));
          observer.disconnect();
        }).observe(panel, { childList: true, characterData: true, subtree: true });
        const shape = document.querySelectorAll(".national-map path.leaflet-interactive")[120]!.getBoundingClientRect();
        return { x: shape.x + shape.width / 2, y: shape.y + shape.height / 2 };
      });
      await page.mouse.click(target.x, target.y);
      await page.waitForFunction(() => (window as unknown as { __panelAt?: number }).__panelAt !== undefined, undefined, {
        polling: "raf",
      });
      usableMs = await page.evaluate(() => (window as unknown as { __panelAt: number }).__panelAt);
    }
    await page.waitForTimeout(400);
    const marks = await page.evaluate(() => {
      const w = window as unknown as { __cls: number; __events: number[] };
      // (No named helper functions in here: the bundler would wrap them in a helper the page lacks.)
      const [seen, drawn] = ["map:shapes-seen", "map:shapes-drawn"].map((m) => performance.getEntriesByName(m)[0]?.startTime ?? NaN);
      return { seen: seen!, drawn: drawn!, cls: w.__cls, events: w.__events };
    });
    return { seenMs: marks.seen, drawnMs: marks.drawn, usableMs, cls: marks.cls };
  } finally {
    await context.close();
  }
}

/** `/` one request after another, then 10 at a time: the server's time, not the browser's. */
async function serverTimes(url: string, cookie: string) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 10 });
  const headers = { Cookie: cookie, "Accept-Encoding": "gzip" };
  for (let i = 0; i < 10; i++) await get(url, headers, agent); // warm-up
  const times: number[] = [];
  for (let i = 0; i < 100; i++) {
    const started = process.hrtime.bigint();
    const status = await get(url, headers, agent);
    if (status !== 200) throw new Error(`GET / answered ${status}`);
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  const total = 200;
  let next = 0;
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: 10 }, async () => {
      while (next++ < total) await get(url, headers, agent);
    }),
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  agent.destroy();
  return { p50: percentile(times, 50), p95: percentile(times, 95), perSecond: total / seconds };
}

export async function runMapFirstPaint(options: Pick<BenchOptions, "runs" | "log">): Promise<Figure[]> {
  const { log } = options;
  log("starting the app with its shipped borders, the floor app and a bare Leaflet page");
  const app = await startBenchServer();
  const floor = await startFloor(log);
  const stops: (() => Promise<unknown>)[] = [() => app.stop(), () => floor.stop()];
  try {
    const cookie = await signIn(app);
    const html = await getRaw(app.url, { Cookie: cookie, "Accept-Encoding": "gzip" });
    const htmlText = zlib.gunzipSync(html.body).toString("utf8");
    const bordersPath = /\/karta\/granser\/[0-9a-f]+/.exec(htmlText)?.[0];
    if (!bordersPath) throw new Error("The map page names no borders URL.");
    const borders = await getRaw(`${app.url}${bordersPath}`, { Cookie: cookie, "Accept-Encoding": "gzip" });
    const bare = await startBare(borders.body);
    stops.push(bare.stop);

    const browser = await onAllCores(() => launchBrowser());
    const samples = { bare: [] as Load[], app: [] as Load[], floor: [] as Load[] };
    try {
      // One warm-up each (the OS's disk cache, the browser's JIT), then alternate.
      await measureLoad(browser, `${bare.url}/`, { click: false });
      await measureLoad(browser, app.url, { cookie, click: true });
      await measureLoad(browser, floor.url, { click: true });
      for (let i = 0; i < options.runs; i++) {
        log(`run ${i + 1} of ${options.runs}`);
        samples.bare.push(await measureLoad(browser, `${bare.url}/`, { click: false }));
        samples.app.push(await measureLoad(browser, app.url, { cookie, click: true }));
        samples.floor.push(await measureLoad(browser, floor.url, { click: true }));
      }
    } finally {
      await browser.close();
    }
    log("timing the server: 100 requests of /, then 200 at 10 connections");
    const server = await serverTimes(app.url, cookie);

    const seen = samples.app.map((s) => s.seenMs);
    const bareDrawn = samples.bare.map((s) => s.drawnMs);
    const usable = samples.app.map((s) => s.usableMs);
    const floorUsable = samples.floor.map((s) => s.usableMs);
    const note = `${options.runs} runs at ${THROTTLE}× CPU slowdown, 1280 × 900`;
    return [
      figure({
        name: "map.seen",
        value: round(median(seen)),
        unit: "ms",
        target: { op: "<=", value: 0.8, of: "ratio" },
        baseline: { label: "bare Leaflet page", value: round(median(bareDrawn)) },
        note: `navigation → first frame with the 290 shapes (the server's SVG); ${note}, medians`,
        samples: { value: seen.map((v) => round(v)), baseline: bareDrawn.map((v) => round(v)) },
      }),
      figure({
        name: "map.usable",
        value: round(median(usable)),
        unit: "ms",
        target: { op: "<=", value: 1.2, of: "ratio" },
        baseline: { label: "floor route", value: round(median(floorUsable)) },
        note: `navigation → panel painted after a click made as soon as Leaflet has drawn; ${note}, medians`,
        samples: { value: usable.map((v) => round(v)), baseline: floorUsable.map((v) => round(v)) },
      }),
      figure({
        name: "map.leaflet-drawn",
        value: round(median(samples.app.map((s) => s.drawnMs))),
        unit: "ms",
        baseline: { label: "floor route", value: round(median(samples.floor.map((s) => s.drawnMs))) },
        note: `navigation → Leaflet has drawn the 290 shapes (the handover); ${note}, medians`,
      }),
      figure({
        name: "map.html-gzip",
        value: round(html.body.length / 1024, 1),
        unit: "KB",
        target: { op: "<=", value: 45, of: "value" },
        note: `first HTML of / with the SVG, as served; ${round(htmlText.length / 1024)} KB uncompressed`,
      }),
      figure({
        name: "map.layout-shift-whole-load",
        value: round(Math.max(...samples.app.map((s) => s.cls)), 4),
        unit: "CLS",
        target: { op: "<=", value: 0.02, of: "value" },
        note: `from navigation to 400 ms after the first click's panel, worst of ${options.runs} runs`,
      }),
      figure({ name: "map.document-time.p50", value: round(server.p50, 1), unit: "ms", note: "GET / signed in, 100 requests one after another, as the client sees it" }),
      figure({ name: "map.document-time.p95", value: round(server.p95, 1), unit: "ms", note: "GET / signed in, 100 requests one after another, as the client sees it" }),
      figure({ name: "map.document-throughput", value: round(server.perSecond), unit: "req/s", note: "GET / signed in, 200 requests at 10 connections" }),
    ];
  } finally {
    for (const stop of stops.reverse()) await stop();
  }
}

export default {
  name: "map-first-paint",
  description: "the map at first paint (issue 12): seen vs a bare Leaflet page, usable vs the floor route, HTML size, CLS, server time of /",
  run: runMapFirstPaint,
} satisfies BenchModule;

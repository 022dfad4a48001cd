/**
 * The map's speed budgets from issue 4, measured in headless Chromium (the server on the server core,
 * the browser on every core, as on a user's machine):
 *
 * - borders payload: the stored TopoJSON as served, gzip bytes (budget 50 KB)
 * - time to 290 shapes: navigation → `map:shapes-drawn` at 4× CPU slowdown, the app against a bare
 *   Leaflet page drawing the same TopoJSON, alternated in one run (budget: ratio ≤ 1.5)
 * - layout shift (CLS) of the app page (budget 0.02)
 * - click → panel: Event Timing duration of a click on a municipality at 4× slowdown (budget 100 ms)
 */
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import zlib from "node:zlib";
import type { Browser, Page } from "playwright-core";
import { launchBrowser } from "../support/browser";
import { figure, getRaw, median, onAllCores, onServerCore, round, type BenchModule } from "./harness";
import { bareLeafletPage, signInContext, startMapServer } from "./map-server";

const THROTTLE = 4;


/** `cookie` ("name=value") signs the page in, as the app needs; the bare page needs none. */
async function timeToShapes(browser: Browser, url: string, cookie?: string): Promise<{ ms: number; cls: number; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  if (cookie) await signInContext(context, url, cookie);
  const page = await context.newPage();
  await page.addInitScript(() => {
    (window as unknown as { __cls: number }).__cls = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) {
        if (!e.hadRecentInput) (window as unknown as { __cls: number }).__cls += e.value;
      }
    }).observe({ type: "layout-shift", buffered: true });
  });
  const cdp = await context.newCDPSession(page);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: THROTTLE });
  await page.goto(url);
  await page.waitForFunction(() => performance.getEntriesByName("map:shapes-drawn").length > 0, undefined, {
    timeout: 60_000,
  });
  const ms = await page.evaluate(() => performance.getEntriesByName("map:shapes-drawn")[0]!.startTime);
  await page.waitForTimeout(500);
  const cls = await page.evaluate(() => (window as unknown as { __cls: number }).__cls);
  return { ms, cls, page };
}

async function clickToPanel(page: Page): Promise<{ eventMs: number; panelMs: number }> {
  // On the settled page: the interactive table replaces the server's a moment after the map is usable.
  await page.waitForSelector(".municipality-table th button.sort", { timeout: 60_000 });
  await page.waitForTimeout(500);
  await page.evaluate(() => {
    const w = window as unknown as { __events: number[] };
    w.__events = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (e.name === "click" || e.name === "pointerup") w.__events.push(e.duration);
    }).observe({ type: "event", durationThreshold: 16, buffered: false } as PerformanceObserverInit);
  });
  const target = page.locator(".national-map path.leaflet-interactive").nth(120);
  const box = (await target.boundingBox())!;
  await page.evaluate(() => {
    const panel = document.querySelector(".municipality-panel")!;
    const w = window as unknown as { __panelAt: number; __clickAt: number };
    document.addEventListener("click", () => (w.__clickAt = performance.now()), { capture: true, once: true });
    new MutationObserver((_, observer) => {
      requestAnimationFrame(() => (w.__panelAt = performance.now()));
      observer.disconnect();
    }).observe(panel, { childList: true, characterData: true, subtree: true });
  });
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  await page.waitForFunction(() => (window as unknown as { __panelAt?: number }).__panelAt !== undefined);
  await page.waitForTimeout(300);
  return page.evaluate(() => {
    const w = window as unknown as { __events: number[]; __panelAt: number; __clickAt: number };
    // Event Timing reports only interactions of 16 ms and more; none means faster than that.
    return { eventMs: w.__events.length ? Math.max(...w.__events) : 16, panelMs: w.__panelAt - w.__clickAt };
  });
}

const map: BenchModule = {
  name: "map",
  description: "the map page in Chromium at 4× CPU slowdown: borders payload, time to 290 shapes against bare Leaflet, CLS, click → panel",
  async run(options) {
    const RUNS = options.runs;
    const { server, cookie } = await onServerCore(() => startMapServer());
    const html = (await getRaw(server.url, { Cookie: cookie })).body.toString("utf8");
    const bordersPath = /\/karta\/granser\/[0-9a-f]+/.exec(html)?.[0];
    if (!bordersPath) throw new Error("The map page does not name its borders URL.");
    const served = await getRaw(`${server.url}${bordersPath}`, { "Accept-Encoding": "gzip", Cookie: cookie });
    const topology = zlib.gunzipSync(served.body);

    // The bare page is served from this process: it only hands out files, the browser does the work.
    const bare = http.createServer((req, res) => {
      const files: Record<string, [string, string]> = {
        "/leaflet.js": ["node_modules/leaflet/dist/leaflet.js", "text/javascript"],
        "/leaflet.css": ["node_modules/leaflet/dist/leaflet.css", "text/css"],
        "/topojson-client.js": ["node_modules/topojson-client/dist/topojson-client.min.js", "text/javascript"],
      };
      const file = files[req.url ?? ""];
      if (file) {
        res.writeHead(200, { "Content-Type": file[1] }).end(fs.readFileSync(file[0]));
      } else if (req.url === "/borders.json") {
        res.writeHead(200, { "Content-Type": "application/json", "Content-Encoding": "gzip" }).end(served.body);
      } else {
        res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" }).end(bareLeafletPage("/borders.json"));
      }
    });
    await new Promise<void>((resolve) => bare.listen(0, "127.0.0.1", resolve));
    const bareUrl = `http://127.0.0.1:${(bare.address() as AddressInfo).port}/`;

    const browser = await onAllCores(() => launchBrowser());
    const app: number[] = [];
    const baseline: number[] = [];
    const cls: number[] = [];
    const clicks: { eventMs: number; panelMs: number }[] = [];
    try {
      // One warm-up each (disk cache of the OS, JIT of the browser), then alternate.
      await (await timeToShapes(browser, bareUrl)).page.context().close();
      await (await timeToShapes(browser, server.url, cookie)).page.context().close();
      for (let i = 0; i < RUNS; i++) {
        const b = await timeToShapes(browser, bareUrl);
        baseline.push(b.ms);
        await b.page.context().close();
        const a = await timeToShapes(browser, server.url, cookie);
        app.push(a.ms);
        cls.push(a.cls);
        clicks.push(await clickToPanel(a.page));
        await a.page.context().close();
        options.log(`  run ${i + 1}/${RUNS}: shapes ${Math.round(a.ms)} vs ${Math.round(b.ms)} ms, click ${Math.round(clicks.at(-1)!.eventMs)} ms`);
      }
    } finally {
      await browser.close();
      bare.close();
      await server.stop();
    }

    const note = `${RUNS} runs, ${THROTTLE}× CPU slowdown`;
    return [
      figure({ name: "map.borders-gzip", value: round(served.body.length / 1024, 1), unit: "KB", target: { op: "<=", value: 50, of: "value" }, note: `${round(topology.length / 1024, 1)} KB before gzip` }),
      figure({
        name: "map.time-to-shapes",
        value: Math.round(median(app)),
        unit: "ms",
        baseline: { label: "bare Leaflet page", value: Math.round(median(baseline)) },
        // Issue 12 replaced this budget (1.5×) by map.seen and map.usable (map-first-paint.bench.ts).
        note: `navigation → map:shapes-drawn (Leaflet's shapes, which take over from the server's SVG), ${note}, medians`,
        samples: { value: app.map(Math.round), baseline: baseline.map(Math.round) },
      }),
      figure({ name: "map.layout-shift", value: round(Math.max(...cls), 4), unit: "CLS", target: { op: "<=", value: 0.02, of: "value" }, note: `worst of ${RUNS} runs` }),
      figure({
        name: "map.click-to-panel",
        value: Math.round(Math.max(...clicks.map((c) => c.eventMs))),
        unit: "ms",
        target: { op: "<=", value: 100, of: "value" },
        note: `Event Timing duration, worst of ${RUNS} runs, ${THROTTLE}× CPU slowdown (16 = under the 16 ms reporting floor)`,
      }),
      figure({ name: "map.click-to-panel-painted", value: Math.round(median(clicks.map((c) => c.panelMs))), unit: "ms", note: `click → next frame after the panel changed, median, ${note}` }),
    ];
  },
};

export default map;

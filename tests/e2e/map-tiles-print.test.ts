import http from "node:http";
import type { AddressInfo } from "node:net";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { axeViolations, launchBrowser, screenshot, type PageProblems } from "../support/browser";
import { signedInPage } from "../support/auth";
import { startServer, type RunningServer } from "../support/server";

// A 1×1 PNG: every tile the local tile server hands out.
const TILE = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==",
  "base64",
);

describe("the map with a base map from a tile server, and on paper", () => {
  let tileServer: http.Server;
  const tileRequests: string[] = [];
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let problems: PageProblems;

  beforeAll(async () => {
    tileServer = http.createServer((req, res) => {
      tileRequests.push(req.url ?? "");
      if (/^\/\d+\/\d+\/\d+\.png$/.test(req.url ?? "")) res.writeHead(200, { "Content-Type": "image/png" }).end(TILE);
      else res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => tileServer.listen(0, "127.0.0.1", resolve));
    const tilePort = (tileServer.address() as AddressInfo).port;
    server = await startServer({
      MAP_TILE_URL: `http://127.0.0.1:${tilePort}/{z}/{x}/{y}.png`,
      MAP_TILE_ATTRIBUTION: "© Testkartan <script>",
    });
    browser = await launchBrowser();
    ({ page, problems } = await signedInPage(server, browser, { roles: ["manager"], viewport: { width: 1400, height: 1000 } }));
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    tileServer?.close();
  });

  it("loads tiles from MAP_TILE_URL's host, allowed by the CSP, with the attribution as plain text", async () => {
    await page.goto(server.url);
    await page.waitForSelector(".national-map[data-ready]");
    await expect.poll(() => page.locator("img.leaflet-tile-loaded").count()).toBeGreaterThan(0);
    expect(tileRequests.some((url) => /^\/\d+\/\d+\/\d+\.png$/.test(url))).toBe(true);
    expect(await page.locator(".leaflet-control-attribution").innerText()).toContain("© Testkartan <script>");
    expect(await page.locator(".leaflet-control-attribution script").count()).toBe(0);
    expect(problems.cspViolations).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);
  });

  it("prints map, legend and table on A4 without the navigation and controls", async () => {
    await page.emulateMedia({ media: "print" });
    const visible = (selector: string) =>
      page.locator(selector).first().evaluate((el) => getComputedStyle(el).display !== "none" && el.getBoundingClientRect().height > 0);
    expect(await visible(".app-header")).toBe(false);
    expect(await visible(".leaflet-control-zoom")).toBe(false);
    expect(await visible(".national-map")).toBe(true);
    expect(await visible(".map-side")).toBe(true);
    expect(await visible("table.data")).toBe(true);
    await screenshot(page, "map-print");
    const pdf = await page.pdf({ format: "A4", printBackground: true });
    // A4 pages in the PDF: the 290-row table spreads over several, the map and legend fit on the first.
    const pages = pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g)?.length ?? 0;
    expect(pages).toBeGreaterThanOrEqual(2);
    expect(pdf.toString("latin1")).toContain("/MediaBox [0 0 595");
    await page.emulateMedia({ media: "screen" });
  });

  it("fits the chosen county to the printed map, not to the screen's shape", async () => {
    await page.goto(`${server.url}/?county=14`);
    await page.waitForSelector(".national-map[data-ready]");
    await page.emulateMedia({ media: "print" });
    const shapesOutside = () =>
      page.evaluate(() => {
        const box = document.querySelector(".national-map")!.getBoundingClientRect();
        const shapes = [...document.querySelectorAll<SVGPathElement>(".national-map path.leaflet-interactive")].filter(
          (p) => !p.classList.contains("is-filtered-out"),
        );
        const out = shapes.filter((p) => {
          const r = p.getBoundingClientRect();
          return r.top < box.top - 1 || r.bottom > box.bottom + 1 || r.left < box.left - 1 || r.right > box.right + 1;
        });
        return `${out.length} of ${shapes.length} outside`;
      });
    await expect.poll(shapesOutside).toBe("0 of 49 outside");
    await page.emulateMedia({ media: "screen" });
  });
});

import pixelmatch from "pixelmatch";
import { PNG } from "pngjs";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SHIPPED_BORDERS_ATTRIBUTION } from "../../app/services/geo-import.server";
import { axeViolations, launchBrowser, screenshot, watchPage } from "../support/browser";
import { createTestUser, loginInBrowser, type TestUser } from "../support/auth";
import { startServer, type RunningServer } from "../support/server";

/*
 * The map at first paint: the server's SVG is in the HTML, usable without script, and Leaflet takes it
 * over in place. The server starts with the borders the product ships (no import).
 */

/** Pixels that differ beyond anti-aliasing (pixelmatch, includeAA false) may be at most this share. */
const MAX_CHANGED_SHARE = 0.0005;

describe("the map at first paint", () => {
  let server: RunningServer;
  let browser: Browser;
  let user: TestUser;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    user = await createTestUser(server, { roles: ["manager"] });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function signedIn(options: { javaScriptEnabled?: boolean; viewport?: { width: number; height: number } } = {}) {
    const context = await browser.newContext({
      viewport: options.viewport ?? { width: 1280, height: 900 },
      javaScriptEnabled: options.javaScriptEnabled ?? true,
      locale: "sv-SE",
    });
    const page = await context.newPage();
    const problems = await watchPage(page);
    await loginInBrowser(page, server, user);
    return { context, page, problems };
  }

  describe("without JavaScript", () => {
    let context: BrowserContext;
    let page: Page;
    // axe needs script of its own: it checks the same page with the app's scripts blocked instead.
    let axeContext: BrowserContext;
    let axePage: Page;
    const axeWithoutAppScripts = async (path: string) => {
      await axePage.goto(`${server.url}${path}`);
      expect(await axePage.evaluate(() => document.querySelector(".map-svg") !== null)).toBe(true);
      return axeViolations(axePage);
    };

    beforeAll(async () => {
      ({ context, page } = await signedIn({ javaScriptEnabled: false }));
      ({ context: axeContext, page: axePage } = await signedIn());
      await axeContext.route("**/*.js", (route) => route.abort());
    });
    afterAll(async () => {
      await context?.close();
      await axeContext?.close();
    });

    it("the map shows every municipality, with the borders' source and the example mark", async () => {
      await page.goto(server.url);
      expect(await page.locator('.map-svg a[href*="municipality="]').count()).toBe(290);
      expect(await page.locator(".map-svg .map-county-borders").count()).toBe(1);
      expect(await page.locator(".map-attribution").innerText()).toBe(SHIPPED_BORDERS_ATTRIBUTION);
      expect(await page.locator(".map-example-note").isVisible()).toBe(true);
      // Without script there is no zoom, and no zoom buttons.
      expect(await page.locator(".map-svg-controls").isVisible()).toBe(false);
      expect(await page.getByRole("link", { name: "Göteborg", exact: true }).count()).toBeGreaterThan(0);
      await screenshot(page, "map-no-js");
      expect(await axeWithoutAppScripts("/")).toEqual([]);
    });

    it("clicking a municipality opens its panel, rendered by the server; closing it returns to the map", async () => {
      await page.goto(server.url);
      await page.locator('.map-svg a[href$="municipality=1480"]').click();
      await page.waitForURL(/municipality=1480/);
      expect(await page.locator("#panel-title").innerText()).toBe("Göteborg");
      expect(await page.locator('.map-svg a[href$="municipality=1480"] .map-shape').getAttribute("class")).toContain("is-selected");
      await page.getByRole("button", { name: "Stäng Göteborg" }).click();
      await page.waitForURL((url) => !url.search.includes("municipality"));
      expect(await page.locator("#panel-title").innerText()).toBe("Vald kommun");
    });

    it("the filter form submits with GET and the map shows the chosen county", async () => {
      await page.goto(server.url);
      await page.selectOption("#county", "14");
      await page.locator("#map-filters").getByRole("button", { name: "Visa" }).click();
      await page.waitForURL(/county=14/);
      const inCounty = await page.locator('.map-svg a[href*="municipality="] .map-shape:not(.is-filtered-out)').count();
      expect(inCounty).toBe(49);
      expect(await page.locator("#map-summary").innerText()).toMatch(/^Av de 49 kommunerna i Västra Götalands län/);
      // The county fills the map: its shapes lie inside the box.
      const box = (await page.locator(".map-box").boundingBox())!;
      const shapes = page.locator(".map-svg .map-shape:not(.is-filtered-out)");
      for (let i = 0; i < inCounty; i += 6) {
        const r = (await shapes.nth(i).boundingBox())!;
        expect(r.x).toBeGreaterThanOrEqual(box.x - 1);
        expect(r.y).toBeGreaterThanOrEqual(box.y - 1);
        expect(r.x + r.width).toBeLessThanOrEqual(box.x + box.width + 1);
        expect(r.y + r.height).toBeLessThanOrEqual(box.y + box.height + 1);
      }
      expect(await axeWithoutAppScripts(new URL(page.url()).search ? `/${new URL(page.url()).search}` : "/")).toEqual([]);
    });

    it("the table lists the municipalities with links to their pages", async () => {
      await page.goto(server.url);
      expect(await page.locator(".municipality-table tbody tr").count()).toBe(290);
      await page.locator(".municipality-table").getByRole("link", { name: "Kiruna" }).click();
      await page.waitForURL(/\/kommuner\/2584$/);
      expect(await page.locator("h1").innerText()).toContain("Kiruna");
    });
  });

  describe("with JavaScript", () => {
    for (const viewport of [
      { width: 1280, height: 900 },
      { width: 390, height: 844 },
    ]) {
      it(`Leaflet takes over in place at ${viewport.width} × ${viewport.height}: nothing moves or changes colour`, async () => {
        const { context, page, problems } = await signedIn({ viewport });
        try {
          await page.addInitScript(() => {
            const w = window as unknown as { __cls: number };
            w.__cls = 0;
            new PerformanceObserver((list) => {
              for (const e of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) {
                if (!e.hadRecentInput) w.__cls += e.value;
              }
            }).observe({ type: "layout-shift", buffered: true });
          });
          // Hold the borders back, so the page is hydrated and the SVG still shown: "just before".
          let release!: () => void;
          const held = new Promise<void>((resolve) => (release = resolve));
          await page.route("**/karta/granser/**", async (route) => {
            await held;
            await route.continue();
          });
          await page.goto(`${server.url}/?municipality=1480`);
          await page.getByRole("button", { name: "Skriv ut" }).waitFor(); // the page has hydrated
          expect(await page.locator(".map-svg").isVisible()).toBe(true);
          const box = page.locator(".map-box");
          const before = PNG.sync.read(await box.screenshot());
          release();
          await page.waitForSelector(".national-map[data-ready]");
          await page.waitForSelector(".map-svg-host", { state: "detached" });
          const after = PNG.sync.read(await box.screenshot());
          expect([after.width, after.height]).toEqual([before.width, before.height]);
          const changed = pixelmatch(before.data, after.data, undefined, before.width, before.height, {
            threshold: 0.1,
            includeAA: false,
          });
          expect(changed / (before.width * before.height)).toBeLessThanOrEqual(MAX_CHANGED_SHARE);
          // Leaflet draws the same 290 shapes with the same classes, the selection outlined.
          expect(await page.locator(".national-map path.map-shape").count()).toBe(290);
          expect(await page.locator(".national-map path.map-shape.is-selected").count()).toBe(1);
          await page.waitForTimeout(300);
          expect(await page.evaluate(() => (window as unknown as { __cls: number }).__cls)).toBeLessThanOrEqual(0.02);
          // The server's SVG was seen before Leaflet drew.
          const [seen, drawn] = await page.evaluate(() =>
            ["map:shapes-seen", "map:shapes-drawn"].map((m) => performance.getEntriesByName(m)[0]?.startTime ?? NaN),
          );
          expect(seen).toBeLessThan(drawn!);
          expect(await page.locator(".map-attribution").innerText()).toBe(SHIPPED_BORDERS_ATTRIBUTION);
          // The credit is whole, inside the map box, not cut off.
          expect(
            await page.locator(".map-attribution").evaluate((el) => {
              const r = el.getBoundingClientRect();
              const box = el.parentElement!.getBoundingClientRect();
              return el.scrollWidth <= el.clientWidth && r.left >= box.left && r.right <= box.right + 0.5 && r.bottom <= box.bottom + 0.5;
            }),
          ).toBe(true);
          await screenshot(page, `map-after-handover-${viewport.width}`);
          expect(await axeViolations(page)).toEqual([]);
          expect(problems).toEqual({ cspViolations: [], consoleErrors: [], pageErrors: [] });
        } finally {
          await context.close();
        }
      });
    }

    it("before Leaflet is ready, a click on the server's map opens the panel in place", async () => {
      const { context, page } = await signedIn();
      try {
        await page.route("**/karta/granser/**", () => {
          /* never answered: Leaflet stays away */
        });
        await page.goto(server.url);
        await page.getByRole("button", { name: "Skriv ut" }).waitFor();
        const entries = await page.evaluate(() => history.length);
        await page.locator('.map-svg a[href$="municipality=0180"]').click();
        await expect.poll(() => page.locator("#panel-title").innerText()).toBe("Stockholm");
        expect(new URL(page.url()).searchParams.get("municipality")).toBe("0180");
        expect(await page.evaluate(() => history.length)).toBe(entries);
        expect(await page.locator('.map-svg a[href$="municipality=0180"] .map-shape').getAttribute("class")).toContain("is-selected");
      } finally {
        await context.close();
      }
    });

    it("the whole country, south included, is in view at 1280 × 900 without scrolling", async () => {
      const { context, page } = await signedIn();
      try {
        await page.goto(server.url);
        await page.waitForSelector(".national-map[data-ready]");
        const box = await page.evaluate(() => {
          const shapes = [...document.querySelectorAll(".national-map path.map-shape")].map((p) => p.getBoundingClientRect());
          return {
            top: Math.min(...shapes.map((r) => r.top)),
            bottom: Math.max(...shapes.map((r) => r.bottom)),
            left: Math.min(...shapes.map((r) => r.left)),
            right: Math.max(...shapes.map((r) => r.right)),
            // The map box, with the borders' credit along its foot.
            boxBottom: document.querySelector(".map-box")!.getBoundingClientRect().bottom,
            scrollY: window.scrollY,
          };
        });
        expect(box.scrollY).toBe(0);
        expect(box.top).toBeGreaterThanOrEqual(0);
        expect(box.bottom).toBeLessThanOrEqual(900);
        expect(box.boxBottom).toBeLessThanOrEqual(900);
        expect(box.left).toBeGreaterThanOrEqual(0);
      } finally {
        await context.close();
      }
    });
  });
});

import fs from "node:fs";
import type { Browser, Page } from "playwright-core";
import { PNG } from "pngjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { axeViolations, launchBrowser, screenshot, watchPage } from "../support/browser";
import { createTestUser, loginInBrowser } from "../support/auth";
import { startServer, type RunningServer } from "../support/server";

/*
 * The map page as each user meets it (issue 12's tour), with the borders the product ships.
 */
describe("the map page for every user", () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function pageAs(
    options: { roles: ("manager" | "coordinator")[]; counties?: string[]; viewport?: { width: number; height: number }; phone?: boolean },
  ): Promise<Page> {
    const context = await browser.newContext({
      viewport: options.viewport ?? { width: 1280, height: 900 },
      locale: "sv-SE",
      hasTouch: options.phone,
      isMobile: options.phone,
      acceptDownloads: true,
    });
    const page = await context.newPage();
    await watchPage(page);
    const user = await createTestUser(server, { roles: options.roles, countyCodes: options.counties });
    await loginInBrowser(page, server, user);
    return page;
  }
  const ready = (page: Page) => page.waitForSelector(".national-map[data-ready]");
  const panelTitle = (page: Page) => page.locator("#panel-title").innerText();

  describe("a manager at 1280 × 900", () => {
    let page: Page;
    beforeAll(async () => {
      page = await pageAs({ roles: ["manager"] });
    });
    afterAll(() => page?.context().close());

    it("after the table's Visa the focus is in the panel; Esc closes it and the focus goes back", async () => {
      await page.goto(server.url);
      await ready(page);
      const show = page.getByRole("button", { name: "Visa Göteborg på kartan" });
      await show.focus();
      await page.keyboard.press("Enter");
      await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("panel-title");
      expect(await panelTitle(page)).toBe("Göteborg");
      await page.keyboard.press("Escape");
      await expect.poll(() => panelTitle(page)).toBe("Vald kommun");
      expect(await show.evaluate((el) => el === document.activeElement)).toBe(true);
      expect(new URL(page.url()).searchParams.has("municipality")).toBe(false);
    });

    it("the map's focus outline is drawn inside its box, where nothing clips it", async () => {
      await page.goto(server.url);
      await ready(page);
      await page.locator(".national-map").focus();
      await page.keyboard.press("ArrowDown"); // keyboard focus: :focus-visible
      const outline = await page.locator(".national-map").evaluate((el) => {
        const style = getComputedStyle(el);
        return { width: style.outlineWidth, offset: style.outlineOffset, style: style.outlineStyle };
      });
      expect(outline).toEqual({ width: "3px", offset: "-3px", style: "solid" });
    });

    it("search: any part of the name, case and å/ä/ö aside; several candidates listed; the query echoed as typed", async () => {
      await page.goto(server.url);
      await ready(page);
      await page.locator("#map-search-q").fill("GOTE");
      await page.keyboard.press("Enter");
      expect(await page.locator(".map-search [role=alert]").innerText()).toBe('2 kommuner matchar "GOTE". Välj en:');
      await page.locator(".search-candidates").getByRole("link", { name: "Göteborg" }).click();
      await expect.poll(() => panelTitle(page)).toBe("Göteborg");
      await page.locator("#map-search-q").fill("malmo");
      await page.keyboard.press("Enter");
      await expect.poll(() => panelTitle(page)).toBe("Malmö");
    });

    it("search: a municipality outside the chosen county is explained, with a link to it on the whole map", async () => {
      await page.goto(`${server.url}/?county=01`);
      await ready(page);
      await page.locator("#map-search-q").fill("Kiruna");
      await page.keyboard.press("Enter");
      expect(await page.locator(".map-search [role=alert]").innerText()).toContain(
        "Kiruna ligger i Norrbottens län, utanför Stockholms län som kartan visar.",
      );
      await page.getByRole("link", { name: "Visa Kiruna på hela landets karta" }).click();
      await page.waitForURL(/municipality=2584/);
      expect(new URL(page.url()).searchParams.get("county")).toBeNull();
      expect(await panelTitle(page)).toBe("Kiruna");
    });

    it("filtered-out municipalities lie under the ones that match, in a grey unlike 'ej bedömd'", async () => {
      await page.goto(`${server.url}/?category=needs_strengthening`);
      await ready(page);
      const order = await page.locator(".national-map path.map-shape").evaluateAll((paths) =>
        paths.map((p) => p.classList.contains("is-filtered-out")),
      );
      const firstMatching = order.indexOf(false);
      expect(order.slice(firstMatching).every((faded) => !faded)).toBe(true);
      expect(order.filter((faded) => !faded)).toHaveLength(await page.locator(".municipality-table tbody tr").count());
      const fills = await page.evaluate(() => {
        const faded = document.querySelector(".national-map path.is-filtered-out")!;
        const swatch = document.querySelector(".swatch.unrated")!;
        return [getComputedStyle(faded).fill, getComputedStyle(swatch).backgroundColor];
      });
      expect(fills[0]).not.toBe(fills[1]);
    });

    it("the panel's values wrap inside it", async () => {
      await page.goto(`${server.url}/?municipality=1480`);
      await ready(page);
      const overflow = await page.locator(".municipality-panel").evaluate((panel) => {
        const box = panel.getBoundingClientRect();
        return [...panel.querySelectorAll("dd, dt")].filter((el) => el.getBoundingClientRect().right > box.right + 0.5).length;
      });
      expect(overflow).toBe(0);
      expect(await page.locator(".municipality-panel").innerText()).toContain("Tillgång till insatser");
      expect(await axeViolations(page)).toEqual([]);
    });

    it("the PNG has a file name with the round and the county", async () => {
      await page.goto(`${server.url}/?county=14`);
      await ready(page);
      const round = (await page.locator("#round option:checked").innerText()).replace(" (exempeldata)", "");
      const slug = round.toLocaleLowerCase("sv").normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[^a-z0-9]+/g, "-");
      const download = page.waitForEvent("download");
      await page.getByRole("button", { name: "Spara kartbild (PNG)" }).click();
      expect((await download).suggestedFilename()).toBe(`samverkanskartan-${slug}-vastra-gotalands-lan.png`);
    });

    it("on paper: the legend without checkboxes, and the selected municipality's panel beside the map", async () => {
      await page.goto(`${server.url}/?municipality=1480`);
      await ready(page);
      await page.emulateMedia({ media: "print" });
      await page.waitForTimeout(300);
      const layout = await page.evaluate(() => {
        const map = document.querySelector(".map-box")!.getBoundingClientRect();
        const panel = document.querySelector(".municipality-panel")!.getBoundingClientRect();
        const boxes = [...document.querySelectorAll(".legend input[type=checkbox]")].map((c) => getComputedStyle(c).display);
        return { beside: panel.left >= map.right - 1 && panel.top < map.bottom && panel.bottom > map.top, boxes };
      });
      expect(layout.beside).toBe(true);
      expect(new Set(layout.boxes)).toEqual(new Set(["none"]));
      await screenshot(page, "map-print-selected");
      await page.emulateMedia({ media: "screen" });
    });
  });

  it("a coordinator's map opens on their own county, with a link to the whole country", async () => {
    const page = await pageAs({ roles: ["coordinator"], counties: ["14"] });
    try {
      await page.goto(server.url);
      await ready(page);
      expect(await page.locator("#county").inputValue()).toBe("14");
      expect(await page.locator("#map-summary").innerText()).toMatch(/^Av de 49 kommunerna i Västra Götalands län/);
      expect(await page.locator(".home-county-note").innerText()).toContain("Kartan visar ditt län, Västra Götalands län.");
      await page.getByRole("link", { name: "Visa hela landet" }).click();
      await page.waitForURL(/county=alla/);
      await ready(page);
      expect(await page.locator("#map-summary").innerText()).toMatch(/^Av Sveriges 290 kommuner/);
      // The whole country stays chosen through a click on the map.
      await page.locator(".national-map path.leaflet-interactive").nth(100).click({ force: true });
      await page.reload();
      await ready(page);
      expect(await page.locator("#map-summary").innerText()).toMatch(/^Av Sveriges 290 kommuner/);
      expect(await axeViolations(page)).toEqual([]);
    } finally {
      await page.context().close();
    }
  });

  it("on a phone the PNG holds the whole title, legend and credit, wrapped to the map's width", async () => {
    const page = await pageAs({ roles: ["manager"], viewport: { width: 390, height: 844 }, phone: true });
    try {
      await page.goto(server.url);
      await ready(page);
      const mapWidth = await page.locator(".national-map").evaluate((el) => el.clientWidth);
      const download = page.waitForEvent("download");
      await page.getByRole("button", { name: "Spara kartbild (PNG)" }).click();
      const png = PNG.sync.read(fs.readFileSync((await (await download).path())!));
      const scale = png.width / mapWidth;
      expect(scale).toBe(2);
      const dark = (x: number, y: number) => {
        const i = (Math.round(y * scale) * png.width + Math.round(x * scale)) * 4;
        return png.data[i]! < 120 && png.data[i + 1]! < 120 && png.data[i + 2]! < 120;
      };
      // No text runs off the right edge (the country lies well inside the map at this width).
      const cut: number[] = [];
      for (let y = 0; y < png.height / scale; y += 0.5) for (let x = mapWidth - 10; x < mapWidth; x += 0.5) if (dark(x, y)) cut.push(y);
      expect(cut).toEqual([]);
      // The title, wider than the phone's map, takes two lines at the top left, above the map.
      const rows: boolean[] = [];
      for (let y = 0; y < 70; y += 0.5) {
        let any = false;
        for (let x = 12; x < 60; x += 0.5) any ||= dark(x, y);
        rows.push(any);
      }
      const lines = rows.filter((row, i) => row && !rows[i - 1]).length;
      expect(lines).toBe(2);
    } finally {
      await page.context().close();
    }
  });

  it("on a phone a tap selects the municipality under the finger and brings its panel into view", async () => {
    const page = await pageAs({ roles: ["manager"], viewport: { width: 390, height: 844 }, phone: true });
    try {
      // Where Göteborg is inside the map box, found on the server's SVG (held on screen by holding back
      // the borders); Leaflet draws it at the same place.
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      await page.route("**/karta/granser/**", async (route) => {
        await held;
        await route.continue();
      });
      await page.goto(server.url);
      const offset = await page.locator('.map-svg a[href$="municipality=1480"] .map-shape').evaluate((element) => {
        const shape = element as SVGGeometryElement;
        const box = shape.getBBox();
        const point = new DOMPoint(box.x + box.width / 2, box.y + box.height / 2);
        if (!shape.isPointInFill(point)) throw new Error("the middle of Göteborg's box is outside it");
        const screen = point.matrixTransform(shape.getScreenCTM()!);
        const map = document.querySelector(".map-box")!.getBoundingClientRect();
        return { x: screen.x - map.left, y: screen.y - map.top };
      });
      release();
      await ready(page);
      await page.locator(".map-box").evaluate((el) => el.scrollIntoView({ block: "center" }));
      const map = (await page.locator(".map-box").boundingBox())!;
      const target = { x: map.x + offset.x, y: map.y + offset.y };
      await page.touchscreen.tap(target.x, target.y);
      await expect.poll(() => panelTitle(page)).toBe("Göteborg");
      await expect
        .poll(() =>
          page.locator(".municipality-panel").evaluate((el) => {
            const r = el.getBoundingClientRect();
            return r.top >= 0 && r.top < window.innerHeight;
          }),
        )
        .toBe(true);
      expect(map.width).toBeLessThanOrEqual(390);
      await screenshot(page, "map-phone-tap");
    } finally {
      await page.context().close();
    }
  });
});

import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { axeViolations, launchBrowser, screenshot, type PageProblems } from "../support/browser";
import { signedInPage } from "../support/auth";
import { startServer, type RunningServer } from "../support/server";

let server: RunningServer;
let browser: Browser;
let page: Page;
let problems: PageProblems;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  ({ page, problems } = await signedInPage(server, browser, { roles: ["planner"] }));
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const rowNames = () => page.locator("table.data tbody tr td:first-child").allInnerTexts();

describe("the municipalities page", () => {
  it("lists all 290 municipalities in Swedish order, with the example data notice", async () => {
    await page.goto(`${server.url}/kommuner`);
    await expect.poll(() => page.locator("table.data tbody tr").count()).toBe(290);
    const names = await rowNames();
    expect(names[0]).toBe("Ale");
    expect(names.slice(-3)).toEqual(["Östra Göinge", "Överkalix", "Övertorneå"]);
    expect(names.indexOf("Åmål")).toBeGreaterThan(names.indexOf("Ystad"));
    await expect.poll(() => page.getByRole("note").innerText()).toContain("Exempeldata");
    expect(await page.getAttribute("html", "lang")).toBe("sv");
    await screenshot(page, "kommuner");
  });

  it("narrows the list while the user types a name", async () => {
    await page.getByLabel("Sök på namn eller kommunkod").fill("göteb");
    await expect.poll(rowNames).toEqual(["Göteborg"]);
    expect(page.url()).toContain("q=g%C3%B6teb");
    await expect.poll(() => page.locator(".result-count").innerText()).toBe("1 av 290 kommuner");
  });

  it("filters by county and keeps the filter in the address", async () => {
    await page.getByLabel("Sök på namn eller kommunkod").fill("");
    await page.getByLabel("Län").selectOption({ label: "Hallands län" });
    await expect.poll(rowNames).toEqual(["Falkenberg", "Halmstad", "Hylte", "Kungsbacka", "Laholm", "Varberg"]);
    expect(new URL(page.url()).searchParams.get("county")).toBe("13");
    await page.reload();
    await expect.poll(() => page.locator("table.data tbody tr").count()).toBe(6);
  });

  it("finds a municipality by code and opens its page", async () => {
    await page.goto(`${server.url}/kommuner?q=2584`);
    await page.getByRole("link", { name: "Kiruna" }).click();
    await page.waitForURL(/\/kommuner\/2584$/);
    await expect.poll(() => page.locator("h1").innerText()).toBe("Kiruna");
    expect(await page.locator("dl.facts").innerText()).toContain("Norrbottens län");
    expect(await page.locator("table.data tbody tr").count()).toBeGreaterThanOrEqual(1);
    await screenshot(page, "kommun-kiruna");
    // From the municipality's page to the map of its county, with its panel open.
    await page.getByRole("link", { name: "Visa på kartan" }).click();
    await page.waitForURL((url) => url.pathname === "/" && url.searchParams.get("municipality") === "2584");
    expect(new URL(page.url()).searchParams.get("county")).toBe("25");
    await expect.poll(() => page.locator("#panel-title").innerText()).toBe("Kiruna");
  });

  it("shows a Swedish page for an unknown municipality", async () => {
    const res = await page.goto(`${server.url}/kommuner/0000`);
    expect(res?.status()).toBe(404);
    expect(await page.locator("h1").innerText()).toBe("Sidan finns inte");
  });

  it("has no accessibility violations, CSP violations or script errors", async () => {
    for (const path of ["/kommuner", "/kommuner/1480", "/kartlaggningar"]) {
      await page.goto(server.url + path);
      expect(await axeViolations(page), path).toEqual([]);
    }
    expect(problems.cspViolations).toEqual([]);
    expect(problems.pageErrors).toEqual([]);
  });
});

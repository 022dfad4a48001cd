import fs from "node:fs";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signedInPage } from "../support/auth";
import { axeViolations, launchBrowser, screenshot, type PageProblems } from "../support/browser";
import { sharedFixture } from "../support/database";
import { importBorders, startServer, type RunningServer } from "../support/server";

const FIXTURE = sharedFixture("swedish_municipalities.geojson");

describe("the status report in the browser, on screen and on A4", () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let problems: PageProblems;

  beforeAll(async () => {
    server = await startServer();
    if (FIXTURE) importBorders(server, FIXTURE);
    browser = await launchBrowser();
    ({ page, problems } = await signedInPage(server, browser, { roles: ["manager"], viewport: { width: 1280, height: 1000 } }));
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("a manager reads the year's figures, map and charts, with Exempeldata first, and axe finds nothing", async () => {
    await page.goto(`${server.url}/rapport`);
    await page.getByRole("link", { name: "Lägesrapport 2025: samverkan med kommunerna" }).click();
    await page.waitForURL(/\/rapport\/2025$/);
    await page.getByRole("heading", { level: 1, name: "Lägesrapport 2025: samverkan med kommunerna" }).waitFor();
    const main = page.locator("main");
    expect(await main.locator("p").first().innerText()).toMatch(/^Exempeldata\. Rapporten bygger/);
    await expect.poll(() => main.getByText("I februari 2025 hade 203 av Sveriges 290 kommuner", { exact: false }).count()).toBe(1);
    // The example meetings of spring 2025 met all 11 municipalities whose collaboration needed strengthening.
    await expect.poll(() => main.getByText(/^Under 2025 genomfördes \d+ dialogmöten\./).count()).toBe(1);
    expect(await main.getByText("Av de 11 kommuner vars samverkan behövde stärkas har 11 nåtts", { exact: false }).count()).toBe(1);
    expect(await main.getByRole("table", { name: /Prioriterade kommuner enligt Kartläggning februari 2025/ }).count()).toBe(1);
    // The map and every chart are images (allowed by img-src 'self') with a text alternative, loaded.
    const charts = page.locator("img.chart-image");
    expect(await charts.count()).toBe(1 + 1 + 1 + 8);
    await expect.poll(() => charts.evaluateAll((els) => els.every((e) => (e as HTMLImageElement).complete && (e as HTMLImageElement).naturalWidth > 0))).toBe(true);
    for (const alt of await charts.evaluateAll((els) => els.map((e) => e.getAttribute("alt") ?? ""))) expect(alt.length).toBeGreaterThan(20);
    const mapSrc = (await page.locator(".report-map img").getAttribute("src"))!;
    const map = await page.request.get(`${server.url}${mapSrc}`);
    expect(map.headers()["content-type"]).toBe("image/svg+xml; charset=utf-8");
    expect(((await map.text()).match(/<path/g) ?? []).length).toBeGreaterThan(FIXTURE ? 290 : 0);
    expect(problems.cspViolations).toEqual([]);
    expect(problems.pageErrors).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, "report-2025");
  });

  it("fits a 390 px phone without the page scrolling sideways", async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.reload();
    await page.getByRole("heading", { level: 1 }).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await screenshot(page, "report-2025-390");
    await page.setViewportSize({ width: 1280, height: 1000 });
  });

  it("downloads the Word file from the page", async () => {
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Ladda ner som Word (.docx)" }).click()]);
    expect(download.suggestedFilename()).toBe("lagesrapport-2025.docx");
    const file = await download.path();
    const bytes = fs.readFileSync(file!);
    expect(bytes.subarray(0, 2).toString()).toBe("PK");
  });

  it("prints on A4 with the map and charts, without the navigation and download buttons", async () => {
    await page.emulateMedia({ media: "print" });
    const visible = (selector: string) =>
      page.locator(selector).first().evaluate((el) => getComputedStyle(el).display !== "none" && el.getBoundingClientRect().height > 0);
    expect(await visible(".app-header")).toBe(false);
    expect(await visible(".report-downloads")).toBe(false);
    expect(await visible(".report-map img")).toBe(true);
    expect(await visible(".report-trends img")).toBe(true);
    // The map fits across an A4 page's printable width (210 mm − 2 × 12 mm ≈ 703 CSS px).
    const mapWidth = await page.locator(".report-map img").evaluate((el) => el.getBoundingClientRect().width);
    expect(mapWidth).toBeLessThan(703);
    const pdf = await page.pdf({ format: "A4", printBackground: true });
    expect(pdf.toString("latin1")).toContain("/MediaBox [0 0 595");
    fs.mkdirSync(path.resolve("tests/.artifacts"), { recursive: true });
    fs.writeFileSync(path.resolve("tests/.artifacts/report-2025.pdf"), pdf);
    await screenshot(page, "report-2025-print");
    await page.emulateMedia({ media: "screen" });
  });

  it("a year without a round says why in Swedish, with 404", async () => {
    const response = await page.goto(`${server.url}/rapport/2019`);
    expect(response?.status()).toBe(404);
    expect(await page.locator("main").innerText()).toContain("Det finns ingen lägesrapport för 2019");
    expect(await axeViolations(page)).toEqual([]);
  });

  it("a manager enters an indicator value, gets a Swedish message for a bad one, and imports a file", async () => {
    await page.goto(`${server.url}/indikatorer`);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole("link", { name: "Ange eller importera värden" }).click();
    await page.getByLabel("Indikator", { exact: true }).selectOption({ label: "Dagar i sjukförsäkringen" });
    await page.getByLabel("Period", { exact: true }).fill("2099");
    await page.getByLabel("Värde", { exact: true }).fill("tolv");
    await page.getByRole("button", { name: "Spara värdet" }).click();
    await expect.poll(() => page.locator(".field-error").allInnerTexts()).toEqual([
      "Perioden 2099 har inte börjat än; ett värde kan bara anges för en period som har börjat.",
      '"tolv" är inte ett tal. Skriv till exempel 1234 eller 12,5.',
    ]);
    expect(await page.getByLabel("Värde", { exact: true }).inputValue()).toBe("tolv");
    expect(await axeViolations(page)).toEqual([]);
    await page.getByLabel("Period", { exact: true }).fill("2022");
    await page.getByLabel("Värde", { exact: true }).fill("2 501,5");
    await page.getByRole("button", { name: "Spara värdet" }).click();
    await expect.poll(() => page.getByRole("status").innerText()).toContain("är sparat");

    const csv = path.resolve("tests/.artifacts/indikatorer.csv");
    fs.writeFileSync(csv, "period;län;indikator;värde;källa\n2022;;ae_rehab_collaboration;3900;MiDAS\n2022;;ae_rehab_collaboration;3901;MiDAS\n");
    await page.getByLabel("CSV-fil").setInputFiles(csv);
    await page.getByRole("button", { name: "Importera" }).click();
    await expect.poll(() => page.getByRole("alert").innerText()).toContain("Rad 3: samma period, län och indikator som rad 2.");
    fs.writeFileSync(csv, "period;län;indikator;värde;källa\n2022;;ae_rehab_collaboration;3900;MiDAS\n");
    await page.getByLabel("CSV-fil").setInputFiles(csv);
    await page.getByRole("button", { name: "Importera" }).click();
    await expect.poll(() => page.getByRole("status").innerText()).toContain("Importen är klar: 1 nya");
    expect(await axeViolations(page)).toEqual([]);
  });
});

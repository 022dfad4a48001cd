/**
 * Hostile text that was accepted and stored is shown as text, never run (issue 13): script and
 * markup in an assessment's comment and "other channel", saved through the form as a coordinator,
 * then shown on the map's panel, on hover over the map, on the assessment page and the municipality's
 * page. No script runs, no dialog opens, no CSP violation is reported, and the text reads as typed.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setDb } from "../../db/client.server";
import { createRound, transitionRound } from "../../app/models/round.server";
import { launchBrowser, type PageProblems } from "../support/browser";
import { createTestUser, loginHttp, request, signedInPage, withServerDb } from "../support/auth";
import { sharedFixture } from "../support/database";
import { importBorders, startServer, type RunningServer } from "../support/server";

const PAYLOAD = `<img src=x onerror="window.__xss=1"><script>window.__xss=2</script>"><svg onload="window.__xss=3"></svg>' OR '1'='1`;

let server: RunningServer;
let browser: Browser;
let page: Page;
let problems: PageProblems;
let roundId = 0;
let dialogs = 0;

beforeAll(async () => {
  server = await startServer();
  const fixture = sharedFixture("swedish_municipalities.geojson");
  if (fixture) expect(importBorders(server, fixture).status).toBe(0);
  withServerDb(server, (db) => {
    setDb(db);
    try {
      const created = createRound({ name: "Fientlig text", periodStart: "2027-06-01", periodEnd: "2027-06-30" }, { id: null, label: "test" });
      roundId = created.ok ? created.round.id : 0;
      transitionRound(roundId, "open", { actor: { id: null, label: "test" }, prefill: true });
    } finally {
      setDb(undefined);
    }
  });
  const coordinator = await createTestUser(server, { roles: ["coordinator"], countyCodes: ["14"] });
  const cookie = await loginHttp(server, coordinator);
  const version = (withServerDb(server, (db) => db.$client.prepare("SELECT version FROM assessments WHERE round_id = ? AND municipality_code = '1480'").get(roundId)) as { version: number }).version;
  const saved = await request(server, `/kartlaggningar/${roundId}/kommuner/1480`, {
    cookie,
    method: "POST",
    body: new URLSearchParams({ intent: "save", version: String(version), collaboration: "needs_strengthening", interventionAccess: "satisfactory", channels: "other", channelOther: PAYLOAD.slice(0, 200), comment: PAYLOAD }),
  });
  expect(saved.status).toBe(302);

  browser = await launchBrowser();
  ({ page, problems } = await signedInPage(server, browser, { roles: ["manager"], viewport: { width: 1400, height: 1000 } }));
  page.on("dialog", (dialog) => {
    dialogs += 1;
    void dialog.dismiss();
  });
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function expectNothingRan(where: string) {
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss), where).toBeUndefined();
  expect(dialogs, where).toBe(0);
  expect(problems.cspViolations, where).toEqual([]);
  expect(problems.pageErrors, where).toEqual([]);
}

describe("script and markup stored in an assessment's comment", () => {
  it("show as the text typed on the map's panel, and nothing runs, hovering and clicking the map too", async () => {
    await page.goto(`${server.url}/?round=${roundId}&municipality=1480`);
    await page.waitForLoadState("networkidle");
    const panel = page.locator(".municipality-panel");
    expect(await panel.innerText()).toContain(PAYLOAD);
    expect(await panel.locator("img, script, svg[onload]").count()).toBe(0);
    const shapes = page.locator(".national-map path.leaflet-interactive");
    if ((await shapes.count()) > 0) {
      for (const i of [0, 50, 100, 150]) {
        await shapes.nth(i).hover({ force: true });
        await shapes.nth(i).click({ force: true });
      }
    }
    await expectNothingRan("map");
  });

  it("show as typed on the assessment page and the municipality's page, and nothing runs", async () => {
    for (const path of [`/kartlaggningar/${roundId}/kommuner/1480`, "/kommuner/1480", `/kartlaggningar/${roundId}/kommuner`]) {
      await page.goto(`${server.url}${path}`);
      await page.waitForLoadState("networkidle");
      if (path !== `/kartlaggningar/${roundId}/kommuner`) expect(await page.locator("main").innerText(), path).toContain("window.__xss=1");
      await expectNothingRan(path);
    }
  });
});

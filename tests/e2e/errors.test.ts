/**
 * What a person sees when something fails (issue 8, finding 6): every 500 page shows its error id, the
 * one in the log, also after navigating in the browser and when the root loader itself failed; the
 * server's own refusals (405, 413, 400) are Swedish pages in the app's style.
 */
import { sql } from "drizzle-orm";
import type { Browser, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { signedInPage, withServerDb } from "../support/auth";
import { axeViolations, launchBrowser, screenshot, watchPage, type PageProblems } from "../support/browser";
import { startServer, type RunningServer } from "../support/server";

let server: RunningServer;
let browser: Browser;
let page: Page;
let problems: PageProblems;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** The failed requests are what these tests provoke; the browser reports them as console errors. */
const expectedStatusLog = /Failed to load resource: the server responded with a status of (400|405|413|500)/;

afterEach(async () => {
  expect(problems.cspViolations, "CSP violations").toEqual([]);
  expect(problems.pageErrors, "uncaught errors").toEqual([]);
  expect(problems.consoleErrors.filter((e) => !expectedStatusLog.test(e)), "console errors").toEqual([]);
  await page.close();
});

/** Renames a table for the length of `fn`, so the next request that needs it fails. */
async function withTableGone<T>(table: string, fn: () => Promise<T>): Promise<T> {
  withServerDb(server, (db) => db.run(sql.raw(`ALTER TABLE ${table} RENAME TO ${table}_gone`)));
  try {
    return await fn();
  } finally {
    withServerDb(server, (db) => db.run(sql.raw(`ALTER TABLE ${table}_gone RENAME TO ${table}`)));
  }
}

async function shownErrorIdIsLogged() {
  const id = await page.locator("code.error-id").textContent({ timeout: 10_000 });
  expect(id).toMatch(/^[0-9a-f-]{36}$/);
  await new Promise((resolve) => setTimeout(resolve, 200));
  const line = server
    .output()
    .split("\n")
    .find((l) => l.includes(`"errorId":"${id}"`));
  expect(line, "the log has a line with the id the page shows").toBeDefined();
  expect(JSON.parse(line!).level).toBe("error");
}

describe("a failure after navigating in the browser", () => {
  it("a page whose data failed shows the error id the log has", async () => {
    ({ page, problems } = await signedInPage(server, browser, { roles: ["manager"] }));
    await page.goto(`${server.url}/kommuner`);
    await withTableGone("mapping_rounds", async () => {
      await page.getByRole("link", { name: "Kartläggningar" }).click();
      await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Något gick fel");
      await shownErrorIdIsLogged();
    });
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, "error-500-after-navigation");
  });

  it("when the root loader itself failed, the page still shows the error id", async () => {
    ({ page, problems } = await signedInPage(server, browser, { roles: ["manager"] }));
    await page.goto(`${server.url}/kommuner`);
    await withTableGone("sessions", async () => {
      await page.getByRole("link", { name: "Kartläggningar" }).click();
      await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Något gick fel");
      await shownErrorIdIsLogged();
    });
  });
});

describe("the server's own refusals", () => {
  /** Submits a form built in the page (as a hostile page on the same site could not, but a person might). */
  async function submitForm(action: string, fields: [string, string][]) {
    await page.evaluate(
      ({ action, fields }) => {
        const form = document.createElement("form");
        form.method = "post";
        form.action = action;
        for (const [name, value] of fields) {
          const input = document.createElement("input");
          input.type = "hidden";
          input.name = name;
          input.value = value;
          form.append(input);
        }
        document.body.append(form);
        form.submit();
      },
      { action, fields },
    );
    await page.waitForLoadState("load");
  }

  for (const width of [1280, 390]) {
    it(`a form sent to a page without one, or with too many fields, gets a Swedish page (${width} px)`, async () => {
      ({ page, problems } = await signedInPage(server, browser, { roles: ["admin"], viewport: { width, height: 800 } }));
      await page.goto(`${server.url}/kommuner`);
      await submitForm("/kommuner", [["a", "b"]]);
      expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Metoden stöds inte");
      expect(await page.locator("html").getAttribute("lang")).toBe("sv");
      expect(await page.title()).toBe("Metoden stöds inte – Samverkanskartan");
      expect(await axeViolations(page)).toEqual([]);
      await screenshot(page, `gate-405-${width}`);

      await page.goto(`${server.url}/admin/anvandare/ny`);
      await submitForm("/admin/anvandare/ny", Array.from({ length: 600 }, () => ["roles", "planner"] as [string, string]));
      expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("För stor begäran");
      expect(await page.locator("main").textContent()).toContain("för många fält");
      expect(await axeViolations(page)).toEqual([]);
      await screenshot(page, `gate-413-${width}`);
    });
  }

  it("a form sent with JavaScript that has too many fields shows the refusal in the page, not a broken one", async () => {
    page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: "sv-SE" });
    problems = await watchPage(page);
    await page.goto(`${server.url}/login`);
    await page.getByLabel("E-post").fill("ny.person@example.se");
    await page.getByLabel("Lösenord", { exact: true }).fill("ett lösenord som inte spelar roll");
    await page.evaluate(() => {
      const form = document.querySelector("main form")!;
      for (let i = 0; i < 600; i++) {
        const input = document.createElement("input");
        input.type = "hidden";
        input.name = "extra";
        input.value = "x";
        form.append(input);
      }
    });
    await page.getByRole("button", { name: "Logga in" }).click();
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("För stor begäran");
    expect(await page.locator("main").textContent()).toContain("för många fält");
    // Still the app's page (rendered by the app in the browser), with its header.
    expect(await page.locator("header .brand").textContent()).toBe("Samverkanskartan");
    expect(await axeViolations(page)).toEqual([]);
  });
});

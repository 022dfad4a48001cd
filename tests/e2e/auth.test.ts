import type { Browser, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createTestUser, loginInBrowser, type TestUser } from "../support/auth";
import { axeViolations, launchBrowser, screenshot, watchPage, type PageProblems } from "../support/browser";
import { startServer, type RunningServer } from "../support/server";

let server: RunningServer;
let browser: Browser;
let admin: TestUser;
let page: Page;
let problems: PageProblems;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  admin = await createTestUser(server, { roles: ["admin"], name: "Åsa Öberg" });
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function freshPage() {
  const context = await browser.newContext({ locale: "sv-SE" });
  page = await context.newPage();
  problems = await watchPage(page);
  return page;
}

/** Browsers log refused form posts (401/400) as console errors; those are the answers we expect. */
const expectedStatusLog = /Failed to load resource: the server responded with a status of (400|401)/;

afterEach(async () => {
  expect(problems.cspViolations, "CSP violations").toEqual([]);
  expect(problems.pageErrors, "uncaught errors").toEqual([]);
  expect(problems.consoleErrors.filter((e) => !expectedStatusLog.test(e)), "console errors").toEqual([]);
  await page.context().close();
});

describe("signing in in the browser", () => {
  it("an anonymous visitor lands on the Swedish login page, signs in and sees their name in the header", async () => {
    await freshPage();
    await page.goto(`${server.url}/kommuner`);
    expect(new URL(page.url()).pathname).toBe("/login");
    expect(await page.locator("html").getAttribute("lang")).toBe("sv");
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, "auth-login");

    await page.getByLabel("E-post").fill(admin.email);
    await page.getByLabel("Lösenord", { exact: true }).fill(admin.password);
    await Promise.all([page.waitForURL(`${server.url}/kommuner`), page.getByRole("button", { name: "Logga in" }).click()]);
    await expect.poll(() => page.getByRole("banner").textContent()).toContain("Åsa Öberg");
    expect(await page.getByRole("button", { name: "Logga ut" }).isVisible()).toBe(true);
    expect(await page.getByRole("link", { name: "Administration" }).isVisible()).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, "auth-signed-in");
  });

  it("a wrong password shows one Swedish message and keeps the e-mail typed", async () => {
    await freshPage();
    await page.goto(`${server.url}/login`);
    await page.getByLabel("E-post").fill(admin.email);
    await page.getByLabel("Lösenord", { exact: true }).fill("det här är fel lösenord");
    await page.getByRole("button", { name: "Logga in" }).click();
    await expect.poll(() => page.getByRole("alert").textContent()).toBe("Fel e-postadress eller lösenord.");
    expect(await page.getByLabel("E-post").inputValue()).toBe(admin.email);
    expect(await page.getByLabel("Lösenord", { exact: true }).inputValue()).toBe("");
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, "auth-login-failed");
  });

  it("Logga ut ends the session: the next page asks for the login again", async () => {
    await freshPage();
    await loginInBrowser(page, server, admin, "/kartlaggningar");
    expect(new URL(page.url()).pathname).toBe("/kartlaggningar");
    await Promise.all([page.waitForURL(`${server.url}/login`), page.getByRole("button", { name: "Logga ut" }).click()]);
    await page.goto(`${server.url}/kommuner`);
    expect(new URL(page.url()).pathname).toBe("/login");
  });
});

describe("administration in the browser", () => {
  it("an admin creates a coordinator, who signs in with the temporary password and must choose a new one", async () => {
    await freshPage();
    await loginInBrowser(page, server, admin, "/admin/anvandare");
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole("link", { name: "Nytt konto" }).click();
    await page.getByLabel("E-post").fill("greta.gran@example.se");
    await page.getByLabel("Namn").fill("Greta Gran");
    await page.getByLabel(/^Samordnare/).check();
    await page.getByLabel("Jämtlands län").check();
    await page.getByRole("button", { name: "Skapa konto" }).click();
    const secret = page.getByTestId("temporary-password");
    await secret.waitFor();
    const password = (await secret.textContent())!;
    expect(password.length).toBeGreaterThanOrEqual(20);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, "admin-user-created");

    await page.goto(`${server.url}/admin/logg`);
    expect(await page.getByRole("table").textContent()).toContain("Konto skapat");
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, "admin-audit-log");
    await page.getByRole("button", { name: "Logga ut" }).click();
    await page.waitForURL(`${server.url}/login`);

    await loginInBrowser(page, server, { email: "greta.gran@example.se", password });
    expect(new URL(page.url()).pathname).toBe("/konto/losenord");
    await page.getByLabel("Nuvarande lösenord").fill(password);
    await page.getByLabel("Nytt lösenord").fill("Gretas eget lösenord om fjällen");
    await page.getByLabel("Upprepa det nya lösenordet").fill("Gretas eget lösenord om fjällen");
    await page.getByRole("button", { name: "Byt lösenord" }).click();
    await expect.poll(() => page.getByRole("status").first().textContent()).toContain("Lösenordet är bytt");
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, "account-password-changed");
    await page.goto(`${server.url}/kommuner`);
    expect(new URL(page.url()).pathname).toBe("/kommuner");
  });
});

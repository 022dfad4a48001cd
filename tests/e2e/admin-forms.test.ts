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
  admin = await createTestUser(server, { roles: ["admin"], name: "Alva Admin" });
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function freshPage(width = 1280) {
  const context = await browser.newContext({ locale: "sv-SE", viewport: { width, height: 900 } });
  page = await context.newPage();
  problems = await watchPage(page);
  return page;
}

const expectedStatusLog = /Failed to load resource: the server responded with a status of 400/;

afterEach(async () => {
  expect(problems.cspViolations, "CSP violations").toEqual([]);
  expect(problems.pageErrors, "uncaught errors").toEqual([]);
  expect(problems.consoleErrors.filter((e) => !expectedStatusLog.test(e)), "console errors").toEqual([]);
  await page.context().close();
});

// evaluateAll does not wait, so wait for the form first: right after sign-in the page may still be rendering.
const checkedRoles = async () => {
  const group = page.getByRole("group", { name: "Roller" });
  await group.locator("input").first().waitFor();
  return group.locator("input:checked").evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value));
};

describe("an account's page", () => {
  it("Återställ lösenord and Avaktivera kontot look secondary and do nothing until the confirmation is ticked", async () => {
    const user = await createTestUser(server, { roles: ["planner"], name: "Pia Planerare" });
    await freshPage();
    await loginInBrowser(page, server, admin, `/admin/anvandare/${user.id}`);
    const reset = page.getByRole("button", { name: "Återställ lösenord" });
    const deactivate = page.getByRole("button", { name: "Avaktivera kontot" });
    for (const button of [reset, deactivate]) {
      expect(await button.evaluate((b) => getComputedStyle(b).backgroundColor)).toBe("rgb(255, 255, 255)");
    }
    expect(await page.getByRole("button", { name: "Spara ändringar" }).evaluate((b) => getComputedStyle(b).backgroundColor)).not.toBe(
      "rgb(255, 255, 255)",
    );
    await reset.click();
    // The browser refuses the unticked box: nothing is sent, no password appears.
    expect(await page.getByLabel("Ja, återställ lösenordet för Pia Planerare").evaluate((c) => (c as HTMLInputElement).validity.valueMissing)).toBe(true);
    expect(await page.getByTestId("temporary-password").count()).toBe(0);
    await deactivate.click();
    expect(await page.getByText("Aktivt konto").count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, "admin-user-confirmations");

    await page.getByLabel("Ja, återställ lösenordet för Pia Planerare").check();
    await reset.click();
    await page.getByTestId("temporary-password").waitFor();
    expect(await page.getByLabel("Ja, återställ lösenordet för Pia Planerare").isChecked()).toBe(false);
  });

  it("after a save that fails and a later password reset, the form shows the roles that are stored", async () => {
    const user = await createTestUser(server, { roles: ["planner"], name: "Per Planerare" });
    await freshPage();
    await loginInBrowser(page, server, admin, `/admin/anvandare/${user.id}`);
    expect(await checkedRoles()).toEqual(["planner"]);
    // Chef instead of Planerare, with a county: refused (counties are for coordinators), nothing saved.
    await page.getByLabel(/^Planerare/).uncheck();
    await page.getByLabel(/^Chef/).check();
    await page.getByLabel("Hallands län").check();
    await page.getByRole("button", { name: "Spara ändringar" }).click();
    await page.getByText("Län anges bara för samordnare.").waitFor();
    expect(await checkedRoles()).toEqual(["manager"]);

    await page.getByLabel("Ja, återställ lösenordet för Per Planerare").check();
    await page.getByRole("button", { name: "Återställ lösenord" }).click();
    await page.getByTestId("temporary-password").waitFor();
    expect(await checkedRoles()).toEqual(["planner"]);
    expect(await page.getByLabel("Hallands län").isChecked()).toBe(false);
    expect(await page.getByText("Län anges bara för samordnare.").count()).toBe(0);
    await screenshot(page, "admin-user-after-reset");
  });

  it("the audit log shows the change in Swedish: field names, roles and counties, not JSON", async () => {
    const user = await createTestUser(server, { roles: ["planner"], name: "Lo Loggad" });
    await freshPage();
    await loginInBrowser(page, server, admin, `/admin/anvandare/${user.id}`);
    await page.getByLabel(/^Samordnare/).check();
    await page.getByLabel("Hallands län").check();
    await page.getByRole("button", { name: "Spara ändringar" }).click();
    await page.getByText("Ändringarna är sparade.").waitFor();
    await page.goto(`${server.url}/admin/logg?objekt=user&person=${admin.id}`);
    const row = page.getByRole("row").filter({ hasText: "Konto ändrat" }).first();
    expect(await row.textContent()).toContain("Roller: Planerare");
    expect(await row.textContent()).toContain("Roller: Samordnare, Planerare");
    expect(await row.textContent()).toContain("Län: Hallands län");
    expect(await page.getByRole("table").textContent()).not.toMatch(/countyCodes|"roles"|\{/);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, "admin-audit-log-readable");

    await page.goto(`${server.url}/admin/logg?person=999999&fran=2099-01-01`);
    expect(await page.getByRole("alert").textContent()).toBe("Personen med id 999999 finns inte i loggen. Filtret på person används inte.");
    expect(await page.getByRole("status").textContent()).toBe("Inga händelser matchar filtret. Ändra eller ta bort något av villkoren.");
    expect(await axeViolations(page)).toEqual([]);
  });
});

describe("changing one's own password", () => {
  it("after the change the fields are empty and a link leads on to the map", async () => {
    const user = await createTestUser(server, { roles: ["manager"] });
    await freshPage();
    await loginInBrowser(page, server, user, "/konto/losenord");
    await page.getByLabel("Nuvarande lösenord").fill(user.password);
    await page.getByLabel("Nytt lösenord").fill("ett helt nytt lösenord om våren");
    await page.getByLabel("Upprepa det nya lösenordet").fill("ett helt nytt lösenord om våren");
    await page.getByRole("button", { name: "Byt lösenord" }).click();
    await expect.poll(() => page.getByRole("status").first().textContent()).toContain("Lösenordet är bytt");
    for (const label of ["Nuvarande lösenord", "Nytt lösenord", "Upprepa det nya lösenordet"]) {
      expect(await page.getByLabel(label).inputValue(), label).toBe("");
    }
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, "account-password-changed-fields-cleared");
    await Promise.all([page.waitForURL(`${server.url}/`), page.getByRole("link", { name: "Fortsätt till kartan" }).click()]);
  });
});

describe("the start page", () => {
  it("tells a coordinator in a line what they can do in the app today", async () => {
    const coordinator = await createTestUser(server, { roles: ["coordinator"], countyCodes: ["13"] });
    await freshPage();
    await loginInBrowser(page, server, coordinator);
    await expect
      .poll(() => page.locator(".role-intro").textContent())
      .toBe(
        "Som samordnare kan du se kartan, kartläggningarna och jämförelserna mellan dem, prioriteringarna, dialogmötena och årsrapporten och ladda ner dem " +
          "och bedöma kommunerna i Hallands län i den öppna kartläggningen, i formuläret eller genom att importera en CSV-fil.",
      );
    await screenshot(page, "start-page-coordinator");
  });
});

describe("the map of a database without any mapping round", () => {
  it("says once that there is no round, and who can create the first, instead of 'none rated in this round'", async () => {
    const empty = await startServer({ SEED_EXAMPLE: "0" });
    try {
      const manager = await createTestUser(empty, { roles: ["manager"] });
      await freshPage();
      await loginInBrowser(page, empty, manager);
      const summary = (await page.locator("#map-summary").textContent())!;
      expect(summary).toContain("Ingen av de 290 kommunerna är bedömd ännu.");
      expect(summary).toContain("av en administratör eller chef under Kartläggningar");
      expect(await page.locator("main").textContent()).not.toContain("i den här kartläggningen");
      await screenshot(page, "map-no-round-1280");
      await page.setViewportSize({ width: 390, height: 844 });
      await screenshot(page, "map-no-round-390");
    } finally {
      await page.context().close();
      await freshPage(); // afterEach closes a page
      await empty.stop();
    }
  });
});

import fs from "node:fs";
import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setDb } from "../../db/client.server";
import { createRound, transitionRound } from "../../app/models/round.server";
import { axeViolations, launchBrowser, screenshot, type PageProblems } from "../support/browser";
import { signedInPage, withServerDb } from "../support/auth";
import { startServer, type RunningServer } from "../support/server";

let server: RunningServer;
let browser: Browser;
let roundId = 0;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  withServerDb(server, (db) => {
    setDb(db);
    try {
      const created = createRound({ name: "Kartläggning 2027", periodStart: "2027-02-01", periodEnd: "2027-02-28" }, { id: null, label: "test" });
      roundId = created.ok ? created.round.id : 0;
      transitionRound(roundId, "open", { actor: { id: null, label: "test" }, prefill: true });
    } finally {
      setDb(undefined);
    }
  });
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** Presses Tab until `target` has the focus (at most `max` times): proof that the keyboard gets there. */
async function tabTo(page: Page, target: Locator, max = 60) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press("Tab");
    if (await target.evaluate((el) => el === document.activeElement)) return;
  }
  throw new Error(`Tab never reached ${target}`);
}

describe("a Västra Götaland coordinator works through the open round", () => {
  let page: Page;
  let problems: PageProblems;

  beforeAll(async () => {
    ({ page, problems } = await signedInPage(server, browser, { roles: ["coordinator"], countyCodes: ["14"], name: "Vera Västra" }));
  });

  it("sees the county's 49 municipalities, all pre-filled and waiting for confirmation", async () => {
    await page.goto(`${server.url}/kartlaggningar/${roundId}/kommuner`);
    await expect.poll(() => page.locator("table.worklist tbody tr").count()).toBe(49);
    expect(await page.getByTestId("worklist-progress").innerText()).toContain("0 av 49 bekräftade");
    expect(await page.locator("table.worklist tbody tr").first().innerText()).toContain("Förifylld, ej bekräftad");
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, "arbetslista");
  });

  it("confirms and changes assessments by keyboard alone, going on to the next without the list", async () => {
    const first = page.locator("table.worklist tbody tr a").first();
    const firstName = await first.innerText();
    await tabTo(page, first);
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/kommuner\/\d{4}$/);
    await expect.poll(() => page.locator("h1").innerText()).toContain(firstName);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, "bedomning");

    // Confirm three pre-filled assessments unchanged, one keypress each after tabbing to the button.
    for (let i = 0; i < 3; i++) {
      const heading = await page.locator("h1").innerText();
      const confirm = page.getByRole("button", { name: "Bekräfta förifylld oförändrad och gå till nästa" });
      await tabTo(page, confirm);
      await page.keyboard.press("Enter");
      await expect.poll(() => page.locator("h1").innerText()).not.toBe(heading);
      await expect.poll(() => page.locator("p.notice[role=status]").innerText()).toContain("Här är nästa kommun");
    }

    // Change one: choose ratings with the arrow keys, tick a channel with Space, write a comment.
    const status = await page.getByTestId("assessment-status").innerText();
    expect(status).toBe("Förifylld, ej bekräftad");
    await tabTo(page, page.locator('input[name="collaboration"]:checked'));
    await page.keyboard.press("ArrowDown");
    const checked = await page.locator('input[name="collaboration"]:checked').getAttribute("value");
    expect(checked).not.toBeNull();
    await tabTo(page, page.getByLabel("Informationsträffar"));
    await page.keyboard.press("Space");
    // Without a comment the change is refused, with the message next to the comment field.
    await tabTo(page, page.getByRole("button", { name: "Spara och nästa" }));
    await page.keyboard.press("Enter");
    await expect.poll(() => page.locator(".field-error").allInnerTexts()).toEqual([expect.stringMatching(/^Skriv en kommentar/)]);
    expect(await page.getByLabel("Kommentar").getAttribute("aria-invalid")).toBe("true");
    await tabTo(page, page.getByLabel("Kommentar"));
    await page.keyboard.type("Samverkan har förändrats efter omorganisation.");
    const heading = await page.locator("h1").innerText();
    await tabTo(page, page.getByRole("button", { name: "Spara och nästa" }));
    await page.keyboard.press("Enter");
    await expect.poll(() => page.locator("h1").innerText()).not.toBe(heading);

    await page.goto(`${server.url}/kartlaggningar/${roundId}/kommuner`);
    expect(await page.getByTestId("worklist-progress").innerText()).toContain("4 av 49 bekräftade");
    // The list filters by status, in the address.
    await page.getByLabel("Status").selectOption("confirmed");
    await page.getByRole("button", { name: "Visa" }).click();
    await page.waitForURL(/status=confirmed/);
    await expect.poll(() => page.locator("table.worklist tbody tr").count()).toBe(4);
    expect(problems.pageErrors).toEqual([]);
    expect(problems.cspViolations).toEqual([]);
  });

  it("goes to the next and the previous municipality with Alt+Shift+N and Alt+Shift+P, as the page says", async () => {
    await page.goto(`${server.url}/kartlaggningar/${roundId}/kommuner?sortera=namn`);
    const names = await page.locator("table.worklist tbody tr td:first-child a").allInnerTexts();
    await page.locator("table.worklist tbody tr a").nth(1).click();
    await expect.poll(() => page.locator("h1").innerText()).toContain(names[1]!);
    // The hint appears once the page's script runs, which is what the keys need.
    await expect.poll(() => page.getByTestId("shortcut-hint").innerText()).toBe("Snabbtangenter: Alt+Skift+N nästa, Alt+Skift+P föregående");
    expect(await page.getByRole("link", { name: /^Nästa:/ }).getAttribute("aria-keyshortcuts")).toBe("Alt+Shift+N");
    await page.keyboard.press("Alt+Shift+N");
    await expect.poll(() => page.locator("h1").innerText()).toContain(names[2]!);
    await page.keyboard.press("Alt+Shift+P");
    await expect.poll(() => page.locator("h1").innerText()).toContain(names[1]!);
    await page.keyboard.press("Alt+Shift+P");
    await expect.poll(() => page.locator("h1").innerText()).toContain(names[0]!);
    // At the top of the list there is nothing before: the key does nothing.
    await page.keyboard.press("Alt+Shift+P");
    await page.waitForTimeout(300);
    expect(await page.locator("h1").innerText()).toContain(names[0]!);
    expect(await axeViolations(page)).toEqual([]);
  });

  it("sees on the round page the national and county progress", async () => {
    await page.goto(`${server.url}/kartlaggningar/${roundId}`);
    expect(await page.getByTestId("national-progress").innerText()).toContain("4 av 290 bekräftade");
    expect(await page.locator("table.data").innerText()).toContain("4 av 49 bekräftade");
    expect(await axeViolations(page)).toEqual([]);
  });
});

describe("two coordinators on the same municipality", () => {
  it("the later save is refused with the other's save shown, and the typed text is still there", async () => {
    const a = await signedInPage(server, browser, { roles: ["coordinator"], countyCodes: ["14"], name: "Anna Andersson" });
    const b = await signedInPage(server, browser, { roles: ["coordinator"], countyCodes: ["14"], name: "Bo Berg" });
    const url = `${server.url}/kartlaggningar/${roundId}/kommuner/1480`;
    await a.page.goto(url);
    await b.page.goto(url);
    await a.page.getByLabel("Kommentar").fill("Annas bedömning");
    await a.page.getByRole("button", { name: "Spara", exact: true }).click();
    await a.page.waitForURL(/sparad=1480/);

    await b.page.getByLabel("Kontakt på handläggarnivå").check();
    await b.page.getByLabel("Kommentar").fill("Bos långa text som inte får försvinna");
    await b.page.getByRole("button", { name: "Spara", exact: true }).click();
    const alert = b.page.locator(".conflict");
    await expect.poll(() => alert.innerText()).toContain("Anna Andersson sparade bedömningen");
    expect(await alert.innerText()).toContain("Annas bedömning");
    expect(await b.page.getByLabel("Kommentar").inputValue()).toBe("Bos långa text som inte får försvinna");
    expect(await b.page.getByLabel("Kontakt på handläggarnivå").isChecked()).toBe(true);
    expect(await axeViolations(b.page)).toEqual([]);
    await screenshot(b.page, "bedomning-409");
    await a.page.close();
    await b.page.close();
  });
});

describe("a manager compares 2025 with 2026", () => {
  let page: Page;
  beforeAll(async () => {
    ({ page } = await signedInPage(server, browser, { roles: ["manager"] }));
  });

  it("sees the transition matrix, opens a cell and the improved list", async () => {
    await page.goto(`${server.url}/kartlaggningar/jamfor?fran=1&till=2`);
    const matrix = page.getByTestId("transition-matrix");
    expect(await matrix.innerText()).toContain("Bra samverkan men otillfredsställande tillgång till insatser");
    expect(await page.getByTestId("count-improved").innerText()).toBe("25");
    expect(await page.getByTestId("count-worsened").innerText()).toBe("4");
    await page.getByRole("link", { name: /^18 kommuner från/ }).click();
    await expect.poll(() => page.locator("#kommuner li").count()).toBe(18);
    expect(await page.locator("#forbattrade").innerText()).toContain("(25)");
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, "jamforelse");
    await page.getByLabel("Län").selectOption("14");
    await page.getByRole("button", { name: "Jämför" }).click();
    await page.waitForURL(/county=14/);
    // The address changes before React has rendered the new data (router updates run in a transition).
    await expect.poll(() => page.locator("h1").innerText()).toContain("Västra Götalands län");
  });

  it("sees the change map with its legend", async () => {
    await page.goto(`${server.url}/?round=2&colour=change`);
    await expect.poll(() => page.locator(".legend").first().innerText()).toContain("Förändring sedan Kartläggning februari 2025");
    expect(await page.locator(".legend").first().innerText()).toContain("25 kommuner: förbättrad");
    expect(await page.getByLabel("Förändring").isChecked()).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, "forandringskarta");
  });

  it("exports both rounds as CSV for Excel", async () => {
    for (const id of [1, 2]) {
      await page.goto(`${server.url}/kartlaggningar/${id}`);
      const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Exportera bedömningar (CSV)" }).click()]);
      const bytes = fs.readFileSync((await download.path())!);
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const text = bytes.toString("utf8");
      expect(text.trimEnd().split("\r\n")).toHaveLength(291);
      expect(download.suggestedFilename()).toMatch(/^bedomningar-.*-exempeldata\.csv$/);
    }
    expect(await axeViolations(page)).toEqual([]);
  });
});

import ICAL from "ical.js";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatDateSv } from "../../app/domain/dates";
import { todayInSweden } from "../../app/services/priorities.server";
import { axeViolations, launchBrowser, screenshot, type PageProblems } from "../support/browser";
import { signedInPage, type TestUser } from "../support/auth";
import { startServer, type RunningServer } from "../support/server";

let server: RunningServer;
let browser: Browser;
let page: Page;
let problems: PageProblems;
let planner: TestUser;
const today = todayInSweden();
const visited = new Set<string>();

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  ({ page, problems, user: planner } = await signedInPage(server, browser, { roles: ["planner"] }));
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function open(path: string) {
  const response = await page.goto(server.url + path);
  visited.add(new URL(page.url()).pathname + new URL(page.url()).search);
  return response;
}

/** The codes of the "collaboration needs strengthening" group, in the list's order. */
const strengtheningOrder = () =>
  page.locator('ol[data-group="needs_strengthening"] > li').evaluateAll((items) => items.map((li) => li.getAttribute("data-code")!));

describe("a planner's dialogue meeting, from the priority list to the map", () => {
  let code = "";
  let name = "";
  let meetingId = 0;
  let positionBefore = -1;

  let listPath = "/prioriteringar";

  it("books a meeting with a municipality whose collaboration needs strengthening, from the priority list", async () => {
    await open("/prioriteringar");
    // The February 2025 example round, whose 11 have no earlier round to have worsened since.
    await page.getByLabel("Kartläggning").selectOption({ label: "Kartläggning februari 2025" });
    await Promise.all([page.waitForURL(/round=\d+/), page.getByRole("button", { name: "Visa" }).click()]);
    listPath = new URL(page.url()).pathname + new URL(page.url()).search;
    // The address changes before React has rendered the new round's list (router updates run in a transition).
    await expect.poll(strengtheningOrder).toHaveLength(11);
    const order = await strengtheningOrder();
    // The first one without overdue follow-ups: an overdue one stays on top whatever happens.
    const entries = page.locator('ol[data-group="needs_strengthening"] > li');
    for (let i = 0; i < order.length; i++) {
      if (!(await entries.nth(i).innerText()).includes("passerat sitt slutdatum")) {
        positionBefore = i;
        break;
      }
    }
    code = order[positionBefore]!;
    name = await entries.nth(positionBefore).locator("h3 a").innerText();
    await screenshot(page, "prioriteringar");
    await entries.nth(positionBefore).getByRole("link", { name: `Boka dialogmöte med ${name}` }).click();
    await page.waitForURL(/\/moten\/ny\?kommun=/);
    visited.add("/moten/ny");
    await expect.poll(() => page.locator("h1").innerText()).toBe(`Boka dialogmöte med ${name}`);
    expect(await page.getByLabel("Kommuner").evaluate((s: HTMLSelectElement) => [...s.selectedOptions].map((o) => o.value))).toEqual([code]);

    // A mistake first: the end before the start is refused next to the field.
    await page.getByLabel("Starttid").fill("10:00");
    await page.getByLabel("Sluttid").fill("09:00");
    await page.getByRole("button", { name: "Boka mötet" }).click();
    const endField = page.getByLabel("Sluttid");
    await expect.poll(() => endField.getAttribute("aria-invalid")).toBe("true");
    const describedBy = (await endField.getAttribute("aria-describedby"))!.split(" ");
    const errorId = describedBy.find((id) => id.endsWith("-error"))!;
    expect(await page.locator(`[id="${errorId}"]`).innerText()).toBe("Sluttiden måste vara efter starttiden.");
    expect(page.url()).toContain("/moten/ny");

    await page.getByLabel("Starttid").fill("09:00");
    await page.getByLabel("Sluttid").fill("10:30");
    await page.getByLabel("Plats", { exact: true }).fill("Kommunhuset, sal 2");
    await page.getByLabel("Daglig verksamhet").fill("2");
    await page.getByLabel("Dagordning").fill("Genomgång av dialogmaterialet");
    await screenshot(page, "boka-mote");
    await Promise.all([page.waitForURL(/\/moten\/\d+\?bokat=1/), page.getByRole("button", { name: "Boka mötet" }).click()]);
    meetingId = Number(/\/moten\/(\d+)/.exec(page.url())![1]);
    visited.add(`/moten/${meetingId}`);
    await expect.poll(() => page.getByTestId("meeting-status").innerText()).toBe("Planerat");
  });

  it("records it as held with two of the material's sections and two follow-up actions", async () => {
    await page.getByLabel("Ja", { exact: true }).check();
    await page.getByLabel("Daglig verksamhet mot arbete").check();
    await page.getByLabel("Samverkansformer").check();
    await page.getByLabel("Anteckningar").fill("Kommunen beskrev sina verksamheter.");
    await page.getByLabel("Utfall").fill("Gemensam bild av vad som behövs.");
    await page.getByLabel("Nästa steg").fill("Uppföljande möte i höst.");
    await page.getByLabel("Vad (uppföljning 1)").fill("Skicka insatskatalogen");
    await page.getByRole("group", { name: "Uppföljning 1" }).getByLabel("Ansvarig").selectOption({ label: planner.name });
    await page.getByRole("group", { name: "Uppföljning 1" }).getByLabel("Klart senast").fill("2099-01-31");
    await page.getByLabel("Vad (uppföljning 2)").fill("Bjud in arbetsmarknadsenheten");
    await page.getByRole("group", { name: "Uppföljning 2" }).getByLabel("Ansvarig").selectOption({ label: "Ledning" });
    await page.getByRole("group", { name: "Uppföljning 2" }).getByLabel("Klart senast").fill("2099-02-28");
    await page.getByRole("group", { name: "Uppföljning 2" }).getByLabel("Gäller kommun").selectOption(code);
    await Promise.all([
      page.waitForURL((url) => url.pathname === `/moten/${meetingId}` && !url.search),
      page.getByRole("button", { name: "Registrera som genomfört" }).click(),
    ]);
    await expect.poll(() => page.getByTestId("meeting-status").innerText()).toBe("Genomfört");
    expect(await page.getByTestId("material-used").innerText()).toBe("Användes: Daglig verksamhet mot arbete, Samverkansformer");
    expect(await page.locator("table.follow-ups tbody tr").count()).toBe(2);
    await screenshot(page, "mote-genomfort");
  });

  it("the municipality moves down the priority list", async () => {
    await open(listPath);
    const order = await strengtheningOrder();
    expect(order.indexOf(code)).toBeGreaterThan(positionBefore);
    expect(await page.locator(`li[data-code="${code}"]`).innerText()).toContain(`Senaste möte: ${formatDateSv(today)} (direkt)`);
  });

  it("the meeting is in the planner's subscribed calendar, read by a real iCalendar parser", async () => {
    await open("/kalender");
    await page.getByRole("button", { name: "Skapa en ny prenumerationsadress" }).click();
    const url = await page.getByTestId("subscription-url").innerText();
    // The calendar client fetches without the browser's session.
    const response = await fetch(url);
    expect(response.status).toBe(200);
    const calendar = new ICAL.Component(ICAL.parse(await response.text()));
    for (const tz of calendar.getAllSubcomponents("vtimezone")) ICAL.TimezoneService.register(tz);
    const event = calendar
      .getAllSubcomponents("vevent")
      .map((v) => new ICAL.Event(v))
      .find((e) => e.uid.startsWith(`meeting-${meetingId}@`));
    expect(event).toBeDefined();
    expect(event!.summary).toBe(`Dialogmöte: ${name}`);
    expect(event!.startDate.toString()).toBe(`${today}T09:00:00`);
    expect(event!.location).toBe("Kommunhuset, sal 2");
    await screenshot(page, "kalenderprenumeration");
  });

  it("the material page counts the meeting", async () => {
    await open("/dialogmaterial/anvandning");
    const row = (label: string) => page.getByTestId("material-use-1").getByRole("row", { name: new RegExp(`^${label}`) });
    // The 11 example meetings of spring 2025 plus this one.
    expect(await row("Hela materialet").locator("td").first().innerText()).toBe("12");
    expect(await page.getByTestId("reach").innerText()).toMatch(/Samverkan behöver stärkas: [1-9]\d* av \d+ nådda \([1-9]\d* direkt/);
    await screenshot(page, "dialogmaterial-anvandning");
  });

  it("the map's dialogue view shows it, directly, in the panel", async () => {
    await open(`/?colour=dialogue&municipality=${code}`);
    await page.waitForSelector(".national-map[data-ready]");
    const panel = await page.locator(".municipality-panel").innerText();
    expect(panel).toContain("Möte i år");
    expect(panel).toContain(`senaste ${formatDateSv(today)} (direkt)`);
    expect(await page.locator(".legend").innerText()).toMatch(/\d+ kommuner?: möte i år/);
    await screenshot(page, "karta-dialog");
  });

  it("the municipality's page shows the dialogue timeline", async () => {
    await open(`/kommuner/${code}`);
    const items = await page.locator(".timeline li").allInnerTexts();
    expect(items.find((t) => t.includes(`${formatDateSv(today)} 09:00–10:30`))).toMatch(/Dialogmöte, direkt – genomfört, med dialogmaterialet \(Daglig verksamhet mot arbete, Samverkansformer\)/);
  });

  it("every meetings page is accessible, in Swedish, on a wide and a narrow screen, without script or CSP errors", async () => {
    for (const path of ["/moten", "/moten/kalender", "/uppfoljningar", "/forum", "/forum/1", "/dialogmaterial"]) visited.add(path);
    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: 900 });
      for (const path of visited) {
        if (path.startsWith("/?")) continue;
        await page.goto(server.url + path);
        expect(await axeViolations(page), `${path} at ${width}px`).toEqual([]);
        if (width === 390) await screenshot(page, `smal${path.replace(/[/?=&]+/g, "-")}`);
      }
    }
    await page.setViewportSize({ width: 1280, height: 900 });
    await open("/moten/kalender");
    await screenshot(page, "moteskalender");
    expect(problems.cspViolations).toEqual([]);
    expect(problems.pageErrors).toEqual([]);
  }, 300_000);
});

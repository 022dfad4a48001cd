import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { todayInSweden } from "../../app/services/priorities.server";
import { axeViolations, launchBrowser, screenshot, type PageProblems } from "../support/browser";
import { loginHttp, request, signedInPage, type TestUser } from "../support/auth";
import { startServer, type RunningServer } from "../support/server";

let server: RunningServer;
let browser: Browser;
let page: Page;
let problems: PageProblems;
let planner: TestUser;
let cookie: string;
const today = todayInSweden();

beforeAll(async () => {
  server = await startServer({ SEED_EXAMPLE: "0" });
  browser = await launchBrowser();
  ({ page, problems, user: planner } = await signedInPage(server, browser, { roles: ["planner"] }));
  cookie = await loginHttp(server, planner);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function post(path: string, fields: Record<string, string>) {
  const response = await request(server, path, { cookie, method: "POST", body: new URLSearchParams(fields) });
  expect(response.status, await response.clone().text()).toBe(302);
  return response.headers.get("location")!;
}

async function book(date: string): Promise<number> {
  const location = await post("/moten/ny", { date, start: "09:00", end: "10:00", format: "dialogue", municipalities: "0114", place: "Rådhuset" });
  return Number(/\/moten\/(\d+)/.exec(location)![1]);
}

async function expectAccessible(where: string) {
  expect(await axeViolations(page), where).toEqual([]);
}

describe("a planner corrects mistakes: a follow-up's details and a meeting booked by mistake", () => {
  let held = 0;
  let mistaken = 0;

  beforeAll(async () => {
    held = await book(today);
    await post(`/moten/${held}`, {
      intent: "record",
      materialUsed: "no",
      "actions[0].what": "Skicka insatskatalogen",
      "actions[0].assignee": "function:daily_activities",
      "actions[0].due": "2099-01-31",
    });
    mistaken = await book("2099-05-05");
  });

  it("changes a follow-up's text, owner and due date from the meeting page, with the error next to the field first", async () => {
    await page.goto(`${server.url}/moten/${held}`);
    await page.getByRole("link", { name: /^Ändra\s?: Skicka insatskatalogen$/ }).click();
    await page.waitForURL(/\/uppfoljningar\/\d+$/);
    await expect.poll(() => page.locator("h1").innerText()).toBe("Ändra uppföljningen");
    await expectAccessible("edit page");
    expect(await page.getByLabel("Vad ska göras").inputValue()).toBe("Skicka insatskatalogen");

    // A personal identity number is refused next to the field; what was typed stays.
    await page.getByLabel("Vad ska göras").fill("Ring 19900101-0017 om katalogen");
    await page.getByRole("button", { name: "Spara uppföljningen" }).click();
    const what = page.getByLabel("Vad ska göras");
    await expect.poll(() => what.getAttribute("aria-invalid")).toBe("true");
    const errorId = (await what.getAttribute("aria-describedby"))!.split(" ").find((id) => id.endsWith("-error"))!;
    expect(await page.locator(`[id="${errorId}"]`).innerText()).toContain("personnummer");
    await expectAccessible("edit page with an error");

    await what.fill("Skicka insatskatalogen och kontaktlistan");
    await page.getByLabel("Ansvarig").selectOption({ label: planner.name });
    await page.getByLabel("Klart senast").fill("2099-03-15");
    await Promise.all([page.waitForURL((url) => url.pathname === `/moten/${held}`), page.getByRole("button", { name: "Spara uppföljningen" }).click()]);
    const row = page.locator("table.follow-ups tbody tr").first();
    await expect.poll(() => row.innerText()).toContain("Skicka insatskatalogen och kontaktlistan");
    expect(await row.innerText()).toContain(planner.name);
    expect(await row.innerText()).toContain("15 mars 2099");
  });

  it("on a phone the meeting, the follow-ups and the edit page fit the screen's width and stay accessible", async () => {
    await page.goto(`${server.url}/moten/${held}`);
    const editPath = new URL((await page.locator("a.follow-up-edit").first().getAttribute("href"))!, server.url).pathname;
    await page.setViewportSize({ width: 390, height: 900 });
    try {
      for (const path of [`/moten/${held}`, `/moten/${mistaken}`, "/uppfoljningar", editPath]) {
        await page.goto(server.url + path);
        await expectAccessible(`${path} at 390px`);
        // Wide tables scroll in their own box; the page itself does not scroll sideways.
        expect(await page.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(390);
        await screenshot(page, `smal${path.replace(/[/?=&]+/g, "-")}-rattelser`);
      }
    } finally {
      await page.setViewportSize({ width: 1280, height: 900 });
    }
  }, 120_000);

  it("removes a meeting booked by mistake after ticking the confirmation; a held one offers no removal", async () => {
    await page.goto(`${server.url}/moten/${held}`);
    expect(await page.getByRole("button", { name: "Ta bort mötet" }).count()).toBe(0);

    await page.goto(`${server.url}/moten/${mistaken}`);
    await expectAccessible("meeting page with its removal form");
    await screenshot(page, "mote-ta-bort");
    await page.getByLabel("Ja, ta bort mötet helt").check();
    await Promise.all([page.waitForURL(/\/moten\?borttaget=1$/), page.getByRole("button", { name: "Ta bort mötet" }).click()]);
    await expect.poll(() => page.getByRole("status").first().innerText()).toBe("Mötet är borttaget.");
    await expectAccessible("meeting list after removal");
    const gone = await page.goto(`${server.url}/moten/${mistaken}`);
    expect(gone?.status()).toBe(404);
    expect(problems.cspViolations).toEqual([]);
    expect(problems.pageErrors).toEqual([]);
  }, 120_000);
});

import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setDb } from "../../db/client.server";
import { createRound, transitionRound } from "../../app/models/round.server";
import { createTestUser, loginInBrowser, withServerDb, type TestUser } from "../support/auth";
import { axeViolations, launchBrowser, screenshot, watchPage, type PageProblems } from "../support/browser";
import { startServer, type RunningServer } from "../support/server";

/** A phone (iPhone 12–15 size) and a laptop. */
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };

let server: RunningServer;
let browser: Browser;
let admin: TestUser;
let other: TestUser;
/** An open mapping round, pre-filled: the worklist and the assessment form need one. */
let openRoundId = 0;
type As = "admin" | "coordinator" | "manager";
/** Signed-in contexts, one per person and window size, so each page test does not sign in again. */
const signedIn = new Map<string, BrowserContext>();

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  admin = await createTestUser(server, { roles: ["admin"], name: "Åsa Öberg-Lindqvist" });
  other = await createTestUser(server, { roles: ["coordinator"], countyCodes: ["01", "14"], name: "Maria Kowalczyk-Johansson" });
  const manager = await createTestUser(server, { roles: ["manager"], name: "Ulrika Bergström-Nyqvist" });
  withServerDb(server, (db) => {
    setDb(db);
    try {
      const created = createRound({ name: "Kartläggning hösten 2027", periodStart: "2027-09-01", periodEnd: "2027-10-31" }, { id: null, label: "test" });
      openRoundId = created.ok ? created.round.id : 0;
      transitionRound(openRoundId, "open", { actor: { id: null, label: "test" }, prefill: true });
    } finally {
      setDb(undefined);
    }
  });
  for (const viewport of [PHONE, DESKTOP]) {
    for (const [as, user] of [["admin", admin], ["coordinator", other], ["manager", manager]] as const) {
      const context = await browser.newContext({ viewport, locale: "sv-SE" });
      const page = await context.newPage();
      await loginInBrowser(page, server, user);
      await page.close();
      signedIn.set(`${as}-${viewport.width}`, context);
    }
  }
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/**
 * Every page a person can reach, signed in as an administrator (who reaches them all) or not at all;
 * the mapping rounds' pages also as the coordinator and the manager who use them.
 */
const PAGES: { name: string; path: string; anonymous?: boolean; ready?: string; as?: As }[] = [
  { name: "karta", path: "/", ready: ".national-map[data-ready]" },
  { name: "kommuner", path: "/kommuner" },
  { name: "kommun", path: "/kommuner/1480" },
  { name: "kartlaggningar", path: "/kartlaggningar" },
  { name: "kartlaggningar-chef", path: "/kartlaggningar", as: "manager" },
  { name: "kartlaggning-oppen-chef", path: "/kartlaggningar/{open}", as: "manager" },
  { name: "kartlaggning-oppen-samordnare", path: "/kartlaggningar/{open}", as: "coordinator" },
  { name: "kartlaggning-exempel", path: "/kartlaggningar/1", as: "manager" },
  { name: "arbetslista", path: "/kartlaggningar/{open}/kommuner", as: "coordinator" },
  { name: "arbetslista-admin", path: "/kartlaggningar/{open}/kommuner?sortera=status" },
  { name: "bedomning", path: "/kartlaggningar/{open}/kommuner/1480", as: "coordinator" },
  { name: "bedomning-las", path: "/kartlaggningar/{open}/kommuner/1480", as: "manager" },
  { name: "bedomning-avslutad", path: "/kartlaggningar/2/kommuner/0114", as: "coordinator" },
  { name: "jamfor", path: "/kartlaggningar/jamfor?fran=1&till=2", as: "manager" },
  { name: "jamfor-cell", path: "/kartlaggningar/jamfor?fran=1&till=2&county=14&fran_kategori=access_gap&till_kategori=good", as: "manager" },
  { name: "jamfor-samordnare", path: "/kartlaggningar/jamfor", as: "coordinator" },
  { name: "rapporter", path: "/rapport" },
  { name: "rapport", path: "/rapport/2025" },
  { name: "indikatorer", path: "/indikatorer" },
  { name: "indikatorer-redigera", path: "/indikatorer/redigera" },
  { name: "anvandare", path: "/admin/anvandare" },
  { name: "ny-anvandare", path: "/admin/anvandare/ny" },
  { name: "andra-anvandare", path: "/admin/anvandare/{other}" },
  { name: "logg", path: "/admin/logg" },
  { name: "losenord", path: "/konto/losenord" },
  { name: "saknas", path: "/finns-inte" },
  { name: "prioriteringar", path: "/prioriteringar" },
  { name: "moten", path: "/moten" },
  { name: "moteskalender", path: "/moten/kalender" },
  { name: "boka-mote", path: "/moten/ny?kommun=0114" },
  { name: "mote", path: "/moten/1" },
  { name: "uppfoljningar", path: "/uppfoljningar" },
  { name: "forum", path: "/forum/1" },
  { name: "dialogmaterial", path: "/dialogmaterial" },
  { name: "dialogmaterial-anvandning", path: "/dialogmaterial/anvandning" },
  { name: "kalenderprenumeration", path: "/kalender" },
  { name: "login", path: "/login", anonymous: true },
];

/** A new page as the administrator, someone else (`as`) or anonymous; close it with `page.close()`. */
async function openPage(viewport: { width: number; height: number }, anonymous: boolean, as: As = "admin") {
  const context = anonymous ? await browser.newContext({ viewport, locale: "sv-SE" }) : signedIn.get(`${as}-${viewport.width}`)!;
  const page = await context.newPage();
  if (anonymous) page.once("close", () => void context.close());
  const problems = await watchPage(page);
  return { page, problems };
}

/** How far the document is wider than the window (0 when nothing scrolls sideways), and what sticks out. */
function sidewaysOverflow(page: Page) {
  return page.evaluate(() => {
    const width = window.innerWidth;
    const overflow = document.documentElement.scrollWidth - width;
    const culprits = [...document.querySelectorAll<HTMLElement>("body *")]
      .filter((el) => el.getBoundingClientRect().right > width + 1 && !el.closest(".table-scroll, .leaflet-container"))
      .slice(0, 5)
      .map((el) => `${el.tagName.toLowerCase()}.${el.className}`);
    return { overflow, culprits };
  });
}

describe("every page on a phone (390 px) and a laptop (1280 px)", () => {
  for (const p of PAGES) {
    for (const [label, viewport] of [
      ["390", PHONE],
      ["1280", DESKTOP],
    ] as const) {
      const what = label === "390" ? "nothing scrolls sideways on a phone" : "nothing scrolls sideways on a laptop";
      // The map page draws 290 shapes and a 290-row table: give it room on a loaded machine.
      it(`${p.name} (${p.path}) at ${label} px: ${what}, and axe finds nothing`, { timeout: p.ready ? 120_000 : 60_000 }, async () => {
        const path = p.path.replace("{other}", String(other.id)).replace("{open}", String(openRoundId));
        const { page, problems } = await openPage(viewport, Boolean(p.anonymous), p.as);
        try {
          await page.goto(`${server.url}${path}`);
          if (p.ready) await page.waitForSelector(p.ready);
          await screenshot(page, `phone-${p.name}-${label}`);
          expect(await sidewaysOverflow(page)).toEqual({ overflow: 0, culprits: [] });
          expect(await axeViolations(page)).toEqual([]);
          expect(problems.cspViolations).toEqual([]);
          expect(problems.pageErrors).toEqual([]);
        } finally {
          await page.close();
        }
      });
    }
  }
});

describe("on a phone", () => {
  it("the header is one line with a menu button that opens and closes without JavaScript", async () => {
    const context = await browser.newContext({ viewport: PHONE, locale: "sv-SE", javaScriptEnabled: false });
    const page = await context.newPage();
    try {
      await loginInBrowser(page, server, admin, "/kommuner");
      const header = page.getByRole("banner");
      expect((await header.boundingBox())!.height).toBeLessThanOrEqual(60);
      const nav = page.getByRole("navigation", { name: "Huvudmeny" });
      expect(await nav.isVisible()).toBe(false);
      expect(await page.getByRole("button", { name: "Logga ut" }).isVisible()).toBe(false);

      await page.locator(".header-menu > summary").click();
      expect(await nav.isVisible()).toBe(true);
      expect(await page.getByRole("link", { name: "Kartläggningar" }).isVisible()).toBe(true);
      expect(await page.getByRole("button", { name: "Logga ut" }).isVisible()).toBe(true);
      await page.getByRole("link", { name: "Kartläggningar" }).click();
      await page.waitForURL(/\/kartlaggningar$/);
      expect(await nav.isVisible()).toBe(false);
    } finally {
      await context.close();
    }
  });

  it("with JavaScript the menu closes after a link is followed, and on Escape", async () => {
    const { page } = await openPage(PHONE, false);
    try {
      await page.goto(`${server.url}/kommuner`);
      const nav = page.getByRole("navigation", { name: "Huvudmeny" });
      await page.locator(".header-menu > summary").click();
      // The open menu over the page: axe runs on it too (scripts must run for axe).
      expect(await axeViolations(page)).toEqual([]);
      await screenshot(page, "phone-menu-open");
      await page.getByRole("link", { name: "Kartläggningar" }).click();
      await page.waitForURL(/\/kartlaggningar$/);
      await expect.poll(() => nav.isVisible()).toBe(false);
      await page.locator(".header-menu > summary").click();
      await page.getByRole("link", { name: "Kommuner" }).focus();
      await page.keyboard.press("Escape");
      await expect.poll(() => nav.isVisible()).toBe(false);
      expect(await page.evaluate(() => document.activeElement?.tagName)).toBe("SUMMARY");
    } finally {
      await page.close();
    }
  });

  it("a wide table scrolls inside its own box and keeps the municipality's name in view", async () => {
    const { page } = await openPage(PHONE, false);
    try {
      await page.goto(`${server.url}/kommuner`);
      const box = page.getByRole("region", { name: "Kommuner" });
      const sizes = await box.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
      expect(sizes.scroll).toBeGreaterThan(sizes.client);
      const firstCell = page.locator("table.data tbody tr").first().locator("td").first();
      const before = (await firstCell.boundingBox())!.x;
      await box.evaluate((el) => el.scrollBy({ left: 400 }));
      expect((await firstCell.boundingBox())!.x).toBe(before);
      expect(await firstCell.innerText()).toBe("Ale");
      // The second column has moved under it.
      expect((await page.locator("table.data tbody tr").first().locator("td").nth(1).boundingBox())!.x).toBeLessThan(before);
      expect(await sidewaysOverflow(page)).toEqual({ overflow: 0, culprits: [] });
    } finally {
      await page.close();
    }
  });

  it("the map's zoom buttons speak Swedish", async () => {
    const { page } = await openPage(PHONE, false);
    try {
      await page.goto(server.url);
      await page.waitForSelector(".national-map[data-ready]");
      expect(await page.getByRole("button", { name: "Zooma in" }).getAttribute("title")).toBe("Zooma in");
      expect(await page.getByRole("button", { name: "Zooma ut" }).getAttribute("title")).toBe("Zooma ut");
    } finally {
      await page.close();
    }
  });
});

import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import ICAL from "ical.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestUser, loginHttp, request, withServerDb, type TestUser } from "../support/auth";
import { startServer, type RunningServer } from "../support/server";
import { calendarSubscriptions } from "../../db/schema";

let server: RunningServer;
let planner: TestUser;
let cookie: string;

beforeAll(async () => {
  server = await startServer({ SEED_EXAMPLE: "0" });
  planner = await createTestUser(server, { roles: ["planner"] });
  cookie = await loginHttp(server, planner);
});
afterAll(async () => {
  await server?.stop();
});

async function bookMeeting(date: string, start: string, end: string, code = "0114"): Promise<number> {
  const body = new URLSearchParams({ date, start, end, format: "dialogue", municipalities: code, participants: String(planner.id), place: "Rådhuset" });
  const response = await request(server, "/moten/ny", { cookie, method: "POST", body });
  expect(response.status, await response.clone().text()).toBe(302);
  return Number(/\/moten\/(\d+)/.exec(response.headers.get("location")!)![1]);
}

async function subscribe(): Promise<string> {
  const response = await request(server, "/kalender", { cookie, method: "POST", body: new URLSearchParams({ intent: "create" }) });
  expect(response.status).toBe(200);
  const html = await response.text();
  const url = /data-testid="subscription-url">([^<]+)</.exec(html)![1]!;
  return new URL(url).pathname;
}

/** Parses a feed with ical.js, registering its VTIMEZONE blocks, and returns each event's local and UTC start. */
function parseFeed(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const zones = calendar.getAllSubcomponents("vtimezone");
  for (const zone of zones) ICAL.TimezoneService.register(zone);
  const events = calendar.getAllSubcomponents("vevent").map((v) => new ICAL.Event(v));
  return {
    zoneIds: zones.map((z) => z.getFirstPropertyValue("tzid")),
    events: events.map((e) => ({
      uid: e.uid,
      tzid: e.component.getFirstProperty("dtstart")!.getParameter("tzid"),
      zone: e.startDate.zone?.tzid,
      local: e.startDate.toString(),
      utcStart: e.startDate.toJSDate().toISOString(),
      utcEnd: e.endDate.toJSDate().toISOString(),
      status: e.component.getFirstPropertyValue("status"),
    })),
  };
}

describe("calendar files and private subscriptions", () => {
  const dates = ["2026-03-28", "2026-03-30", "2026-10-24", "2026-10-26"];
  const ids: number[] = [];

  it("a subscribed calendar holds the planner's meetings at the right local time on both sides of the DST changes", async () => {
    for (const d of dates) ids.push(await bookMeeting(d, "09:00", "10:30"));
    const feedPath = await subscribe();
    expect(feedPath).toMatch(/^\/kalender\/[A-Za-z0-9_-]{43}\.ics$/);
    // The calendar client has no session.
    const response = await request(server, feedPath);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
    const feed = parseFeed(await response.text());
    expect(feed.zoneIds).toEqual(["Europe/Stockholm"]);
    const byUid = new Map(feed.events.map((e) => [e.uid, e]));
    const starts = ids.map((id) => [...byUid.values()].find((e) => e.uid.startsWith(`meeting-${id}@`))!);
    expect(starts.map((e) => e.tzid)).toEqual(Array(4).fill("Europe/Stockholm"));
    // The parser resolved each start through the feed's own VTIMEZONE.
    expect(starts.map((e) => e.zone)).toEqual(Array(4).fill("Europe/Stockholm"));
    expect(starts.map((e) => e.local)).toEqual(dates.map((d) => `${d}T09:00:00`));
    // CET (UTC+1) before the last Sunday of March and after the last Sunday of October; CEST (UTC+2) between.
    expect(starts.map((e) => e.utcStart)).toEqual([
      "2026-03-28T08:00:00.000Z",
      "2026-03-30T07:00:00.000Z",
      "2026-10-24T07:00:00.000Z",
      "2026-10-26T08:00:00.000Z",
    ]);
    expect(starts[1]!.utcEnd).toBe("2026-03-30T08:30:00.000Z");
  });

  it("only a keyed hash of the token is stored", async () => {
    const feedPath = await subscribe();
    const token = feedPath.slice("/kalender/".length, -".ics".length);
    const rows = withServerDb(server, (db) => db.select().from(calendarSubscriptions).all());
    expect(rows.some((r) => r.tokenHash.includes(token))).toBe(false);
    expect(rows.every((r) => /^[0-9a-f]{64}$/.test(r.tokenHash))).toBe(true);
  });

  it("a revoked, wrong or malformed token gets the same bare 404", async () => {
    const feedPath = await subscribe();
    expect((await request(server, feedPath)).status).toBe(200);
    const page = await (await request(server, "/kalender", { cookie })).text();
    const revokeIds = [...page.matchAll(/name="id" value="(\d+)"/g)].map((m) => m[1]!);
    for (const id of revokeIds) {
      const r = await request(server, "/kalender", { cookie, method: "POST", body: new URLSearchParams({ intent: "revoke", id }) });
      expect(r.status).toBe(200);
    }
    const answers = await Promise.all(
      [feedPath, "/kalender/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA.ics", "/kalender/kort.ics", "/kalender/%00"].map(async (p) => {
        const r = await request(server, p);
        return { status: r.status, body: await r.text() };
      }),
    );
    for (const a of answers.slice(0, 3)) expect(a).toEqual({ status: 404, body: "Sidan finns inte." });
    expect(answers[3]!.status).toBeGreaterThanOrEqual(400);
  });

  it("each meeting downloads as its own .ics, cancelled ones marked as such", async () => {
    const id = ids[0]!;
    const file = await request(server, `/moten/${id}/kalender.ics`, { cookie });
    expect(file.status).toBe(200);
    expect(file.headers.get("content-disposition")).toMatch(/attachment; filename="dialogmote-2026-03-28-\d+\.ics"/);
    const parsed = parseFeed(await file.text());
    expect(parsed.events).toHaveLength(1);
    expect(parsed.events[0]!.utcStart).toBe("2026-03-28T08:00:00.000Z");
    await request(server, `/moten/${ids[2]}`, { cookie, method: "POST", body: new URLSearchParams({ intent: "cancel" }) });
    const again = parseFeed(await (await request(server, `/moten/${ids[2]}/kalender.ics`, { cookie })).text());
    expect(again.events[0]!.status).toBe("CANCELLED");
  });

  it("npm run meetings:import refuses a bad file with row numbers and exit 1, and imports a good one once", async () => {
    const dir = fs.mkdtempSync(path.join(server.dir, "import-"));
    const header = "datum,start,slut,kommunkoder,forum,format,status,dialogmaterial,avsnitt,anteckning";
    const bad = path.join(dir, "bad.csv");
    fs.writeFileSync(bad, [header, "2025-04-01,09:00,,0114,,dialogmöte,genomfört,nej,,", "2025-13-01,09:00,,0114,,dialogmöte,genomfört,nej,,"].join("\n"));
    const good = path.join(dir, "good.csv");
    fs.writeFileSync(good, [header, "2025-04-01,09:00,,0114,,dialogmöte,genomfört,nej,,", '2025-04-08,09:00,10:00,"0115 0117",,informationsträff,genomfört,nej,,'].join("\n"));
    const run = (file: string) =>
      spawnSync(process.execPath, ["--import", "tsx", "app/commands/meetings-import.ts", file], {
        env: { ...process.env, DATABASE_PATH: server.databasePath },
        encoding: "utf8",
      });
    const refused = run(bad);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('Rad 3: datum "2025-13-01"');
    const first = run(good);
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toContain("2 möten importerades");
    const second = run(good);
    expect(second.stdout).toContain("0 möten importerades, 2 fanns redan");
  });
});

/**
 * Every route in the Remix build × every role and anonymous: who may open what. A route that is not
 * in ACCESS fails the test, so no new route can skip its permission check.
 *
 * To add a route: add its id (as in build/index.js `routes`) with one or more requests and the status
 * each role should get. "login" = redirected to /login?redirectTo=…; a number = that status.
 */
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestUser, loginHttp, request } from "../support/auth";
import { startServer, type RunningServer } from "../support/server";

type Who = "anonymous" | "admin" | "manager" | "coordinator" | "planner";
type Outcome = number | "login";
type Check = {
  method?: "GET" | "POST";
  /** Path with {admin} replaced by the admin's user id. */
  url: string;
  /** Form fields for POST. */
  body?: Record<string, string>;
  expect: Record<Who, Outcome>;
};

const signedIn = (status: Outcome): Record<Who, Outcome> => ({
  anonymous: "login",
  admin: status,
  manager: status,
  coordinator: status,
  planner: status,
});
const adminOnly: Record<Who, Outcome> = { anonymous: "login", admin: 200, manager: 403, coordinator: 403, planner: 403 };
/** Planners and admins may; everyone else signed in is refused. */
const planners = (status: Outcome): Record<Who, Outcome> => ({
  anonymous: "login",
  admin: status,
  manager: 403,
  coordinator: 403,
  planner: status,
});
const auditReaders: Record<Who, Outcome> = { anonymous: "login", admin: 200, manager: 200, coordinator: 403, planner: 403 };
const managers = auditReaders;

export const ACCESS: Record<string, Check[]> = {
  // The document around every page; checked through each of them.
  root: [],
  "routes/_index": [{ url: "/", expect: signedIn(200) }],
  "routes/kommuner._index": [{ url: "/kommuner", expect: signedIn(200) }],
  "routes/kommuner.$code": [
    { url: "/kommuner/0114", expect: signedIn(200) },
    { url: "/kommuner/9999", expect: signedIn(404) },
  ],
  "routes/kartlaggningar._index": [
    { url: "/kartlaggningar", expect: signedIn(200) },
    {
      method: "POST",
      url: "/kartlaggningar",
      // Invalid on purpose: those who manage rounds get 400 (validation), everyone else is stopped before.
      body: { intent: "create", name: "", periodStart: "2027-13" },
      expect: { anonymous: "login", admin: 400, manager: 400, coordinator: 403, planner: 403 },
    },
  ],
  "routes/kartlaggningar.$id._index": [
    { url: "/kartlaggningar/1", expect: signedIn(200) },
    { url: "/kartlaggningar/999", expect: signedIn(404) },
    {
      method: "POST",
      url: "/kartlaggningar/1",
      // The example round is closed: closing it again is a conflict for those allowed to try.
      body: { intent: "close" },
      expect: { anonymous: "login", admin: 409, manager: 409, coordinator: 403, planner: 403 },
    },
    {
      method: "POST",
      url: "/kartlaggningar/1",
      body: { intent: "reopen", reason: "" },
      expect: { anonymous: "login", admin: 400, manager: 403, coordinator: 403, planner: 403 },
    },
  ],
  "routes/kartlaggningar.$id.kommuner._index": [
    { url: "/kartlaggningar/1/kommuner", expect: { anonymous: "login", admin: 200, manager: 403, coordinator: 200, planner: 403 } },
    { url: "/kartlaggningar/999/kommuner", expect: signedIn(404) },
  ],
  "routes/kartlaggningar.$id.kommuner.$code": [
    { url: "/kartlaggningar/1/kommuner/1480", expect: signedIn(200) },
    { url: "/kartlaggningar/1/kommuner/9999", expect: signedIn(404) },
    { url: "/kartlaggningar/999/kommuner/1480", expect: signedIn(404) },
    {
      method: "POST",
      url: "/kartlaggningar/1/kommuner/1480",
      // Göteborg is outside the test coordinator's county (01); the round is closed for the admin.
      body: { intent: "confirm", version: "1" },
      expect: { anonymous: "login", admin: 409, manager: 403, coordinator: 403, planner: 403 },
    },
  ],
  "routes/kartlaggningar.$id.bedomningar[.csv]": [
    { url: "/kartlaggningar/1/bedomningar.csv", expect: signedIn(200) },
    { url: "/kartlaggningar/999/bedomningar.csv", expect: signedIn(404) },
  ],
  "routes/kartlaggningar.jamfor": [
    { url: "/kartlaggningar/jamfor", expect: signedIn(200) },
    { url: "/kartlaggningar/jamfor?fran=999&till=1", expect: signedIn(404) },
  ],
  "routes/api.v1.rounds": [{ url: "/api/v1/rounds", expect: { ...signedIn(200), anonymous: 401 } }],
  "routes/api.v1.rounds.compare": [
    { url: "/api/v1/rounds/compare", expect: { ...signedIn(200), anonymous: 401 } },
    { url: "/api/v1/rounds/compare?from=1&to=999", expect: { ...signedIn(404), anonymous: 401 } },
  ],
  "routes/api.v1.municipalities": [
    { url: "/api/v1/municipalities", expect: { ...signedIn(200), anonymous: 401 } },
  ],
  // Borders that were never imported: 404 for a signed-in user, but nothing at all for anyone else.
  "routes/karta.granser.$hash": [{ url: "/karta/granser/0123456789abcdef", expect: signedIn(404) }],
  "routes/karta[.csv]": [{ url: "/karta.csv", expect: signedIn(200) }],
  "routes/healthz": [
    { url: "/healthz", expect: { anonymous: 200, admin: 200, manager: 200, coordinator: 200, planner: 200 } },
  ],
  "routes/login": [
    { url: "/login", expect: { ...signedIn(302), anonymous: 200 } },
  ],
  "routes/logout": [
    // A GET changes nothing: everyone is just sent to the start page. (POST is tested with the sessions.)
    { url: "/logout", expect: { anonymous: 302, admin: 302, manager: 302, coordinator: 302, planner: 302 } },
  ],
  "routes/konto.losenord": [{ url: "/konto/losenord", expect: signedIn(200) }],
  "routes/admin.anvandare._index": [{ url: "/admin/anvandare", expect: adminOnly }],
  "routes/admin.anvandare.ny": [
    { url: "/admin/anvandare/ny", expect: adminOnly },
    {
      method: "POST",
      url: "/admin/anvandare/ny",
      // Invalid on purpose: an admin gets 400 (validation), everyone else is stopped before that.
      body: { email: "x", name: "", roles: "admin" },
      expect: { anonymous: "login", admin: 400, manager: 403, coordinator: 403, planner: 403 },
    },
  ],
  "routes/admin.anvandare.$id": [
    { url: "/admin/anvandare/{admin}", expect: adminOnly },
    {
      method: "POST",
      url: "/admin/anvandare/{admin}",
      body: { intent: "reset-password-nope" },
      expect: { anonymous: "login", admin: 400, manager: 403, coordinator: 403, planner: 403 },
    },
  ],
  "routes/admin.logg._index": [{ url: "/admin/logg", expect: auditReaders }],
  "routes/admin.logg.csv": [{ url: "/admin/logg/csv", expect: auditReaders }],
  "routes/indikatorer.redigera": [
    { url: "/indikatorer/redigera", expect: managers },
    {
      method: "POST",
      url: "/indikatorer/redigera",
      // Invalid on purpose: managers and admins get 400 (validation), everyone else is stopped before that.
      body: { intent: "save", indicator: "", period: "2099", value: "x" },
      expect: { anonymous: "login", admin: 400, manager: 400, coordinator: 403, planner: 403 },
    },
  ],
  "routes/api.v1.indicators": [
    { url: "/api/v1/indicators", expect: { ...signedIn(200), anonymous: 401 } },
    { url: "/api/v1/indicators?from=x", expect: { ...signedIn(400), anonymous: 401 } },
  ],
  "routes/indikatorer._index": [{ url: "/indikatorer", expect: signedIn(200) }],
  "routes/indikatorer.diagram.$name": [
    { url: "/indikatorer/diagram/indikator-ae_rehab_collaboration.svg", expect: signedIn(200) },
    { url: "/indikatorer/diagram/okand.svg", expect: signedIn(404) },
  ],
  "routes/rapport.$year_.diagram.$name": [
    { url: "/rapport/2025/diagram/karta.svg", expect: signedIn(200) },
    { url: "/rapport/2025/diagram/moten.svg", expect: signedIn(200) },
    { url: "/rapport/2019/diagram/karta.svg", expect: signedIn(404) },
  ],
  "routes/rapport._index": [{ url: "/rapport", expect: signedIn(200) }],
  // The example round is February 2025: 2025 has a report, 2019 has none (404), "abc" is no year (400).
  "routes/rapport.$year": [
    { url: "/rapport/2025", expect: signedIn(200) },
    { url: "/rapport/2019", expect: signedIn(404) },
    { url: "/rapport/abc", expect: signedIn(400) },
  ],
  "routes/rapport.$year[.docx]": [
    { url: "/rapport/2025.docx", expect: signedIn(200) },
    { url: "/rapport/2019.docx", expect: signedIn(404) },
  ],
  "routes/rapport.$year[.csv]": [{ url: "/rapport/2025.csv", expect: signedIn(200) }],
  "routes/api.v1.report": [
    { url: "/api/v1/report?year=2025", expect: { ...signedIn(200), anonymous: 401 } },
    { url: "/api/v1/report?year=2019", expect: { ...signedIn(404), anonymous: 401 } },
    { url: "/api/v1/report", expect: { ...signedIn(400), anonymous: 401 } },
  ],
  "routes/$": [{ url: "/finns-inte/alls", expect: signedIn(404) }],
  // Dialogue meetings. The server seeds the example meetings, so meeting 1 and forum 1 exist.
  "routes/prioriteringar._index": [
    { url: "/prioriteringar", expect: signedIn(200) },
    { url: "/prioriteringar?round=999999", expect: signedIn(404) },
  ],
  "routes/api.v1.priorities": [
    { url: "/api/v1/priorities", expect: { ...signedIn(200), anonymous: 401 } },
    { url: "/api/v1/priorities?county=99", expect: { ...signedIn(404), anonymous: 401 } },
  ],
  "routes/api.v1.meetings": [
    { url: "/api/v1/meetings?municipality=0114", expect: { ...signedIn(200), anonymous: 401 } },
    { url: "/api/v1/meetings?from=igår", expect: { ...signedIn(400), anonymous: 401 } },
  ],
  "routes/moten._index": [
    { url: "/moten", expect: signedIn(200) },
    { method: "POST", url: "/moten", body: { intent: "preview" }, expect: planners(400) },
  ],
  "routes/moten.kalender": [{ url: "/moten/kalender?manad=2026-03", expect: signedIn(200) }],
  "routes/moten.ny": [
    { url: "/moten/ny?kommun=0114", expect: planners(200) },
    { method: "POST", url: "/moten/ny", body: { date: "2026-03-01", start: "10:00", end: "09:00" }, expect: planners(400) },
  ],
  "routes/moten.$id._index": [
    { url: "/moten/1", expect: signedIn(200) },
    { url: "/moten/999999", expect: signedIn(404) },
    { method: "POST", url: "/moten/1", body: { intent: "fel" }, expect: planners(400) },
    // Removal without the confirmation ticked: refused before anything is removed.
    { method: "POST", url: "/moten/1", body: { intent: "delete" }, expect: planners(400) },
  ],
  "routes/moten.$id.redigera": [
    // The first example meeting was held: its booking can no longer be changed.
    { url: "/moten/1/redigera", expect: planners(409) },
    { url: "/moten/999999/redigera", expect: planners(404) },
  ],
  "routes/moten.$id.kalender[.ics]": [
    { url: "/moten/1/kalender.ics", expect: signedIn(200) },
    { url: "/moten/999999/kalender.ics", expect: signedIn(404) },
  ],
  "routes/uppfoljningar._index": [
    { url: "/uppfoljningar", expect: signedIn(200) },
    { method: "POST", url: "/uppfoljningar", body: { intent: "done", id: "999999" }, expect: signedIn(404) },
  ],
  "routes/uppfoljningar.$id": [
    // The example meetings' follow-ups: number 1 exists.
    { url: "/uppfoljningar/1", expect: planners(200) },
    { url: "/uppfoljningar/999999", expect: planners(404) },
    { method: "POST", url: "/uppfoljningar/1", body: { what: "" }, expect: planners(400) },
  ],
  "routes/forum._index": [
    { url: "/forum", expect: signedIn(200) },
    { method: "POST", url: "/forum", body: { name: "" }, expect: planners(400) },
  ],
  "routes/forum.$id": [
    { url: "/forum/1", expect: signedIn(200) },
    { url: "/forum/999999", expect: signedIn(404) },
    { method: "POST", url: "/forum/1", body: { name: "" }, expect: planners(400) },
    { method: "POST", url: "/forum/1", body: { intent: "delete" }, expect: planners(400) },
  ],
  "routes/dialogmaterial._index": [
    { url: "/dialogmaterial", expect: signedIn(200) },
    { method: "POST", url: "/dialogmaterial", body: { name: "" }, expect: planners(400) },
    { method: "POST", url: "/dialogmaterial", body: { intent: "delete", id: "1" }, expect: planners(400) },
  ],
  "routes/dialogmaterial.anvandning": [{ url: "/dialogmaterial/anvandning", expect: signedIn(200) }],
  "routes/kalender._index": [
    { url: "/kalender", expect: signedIn(200) },
    { method: "POST", url: "/kalender", body: { intent: "fel" }, expect: signedIn(400) },
  ],
  // A calendar feed needs no session, and a wrong token is a bare 404 for everyone.
  "routes/kalender.$token": [
    {
      url: "/kalender/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA.ics",
      expect: { anonymous: 404, admin: 404, manager: 404, coordinator: 404, planner: 404 },
    },
  ],
};

let server: RunningServer;
let routeIds: string[];
const cookies: Partial<Record<Who, string>> = {};
let adminId = 0;

beforeAll(async () => {
  const build = (await import(pathToFileURL(path.resolve("build/index.js")).href)) as ServerBuild;
  routeIds = Object.keys(build.routes).sort();
  server = await startServer();
  for (const role of ["admin", "manager", "coordinator", "planner"] as const) {
    const user = await createTestUser(server, { roles: [role] });
    if (role === "admin") adminId = user.id;
    cookies[role] = await loginHttp(server, user);
  }
});
afterAll(async () => {
  await server?.stop();
});

describe("who may open which route", () => {
  it("every route in the app has a row in the access table", () => {
    const missing = routeIds.filter((id) => !(id in ACCESS));
    expect(missing, `routes without an access rule: add them to ACCESS in ${__filename}`).toEqual([]);
    const stale = Object.keys(ACCESS).filter((id) => !routeIds.includes(id));
    expect(stale, "rows for routes that no longer exist").toEqual([]);
    for (const id of routeIds.filter((id) => id !== "root")) {
      expect(ACCESS[id]!.length, `${id} has no request to check`).toBeGreaterThan(0);
    }
  });

  const WHO: Who[] = ["anonymous", "admin", "manager", "coordinator", "planner"];
  for (const [routeId, checks] of Object.entries(ACCESS)) {
    for (const check of checks) {
      it(`${routeId}: ${check.method ?? "GET"} ${check.url} answers each role as the table says`, async () => {
        const url = check.url.replace("{admin}", String(adminId));
        const got: Record<string, Outcome> = {};
        for (const who of WHO) {
          const response = await request(server, url, {
            cookie: who === "anonymous" ? null : cookies[who],
            method: check.method ?? "GET",
            body: check.body ? new URLSearchParams(check.body) : undefined,
          });
          const location = response.headers.get("location") ?? "";
          got[who] = response.status === 302 && location.startsWith("/login") ? "login" : response.status;
          await response.arrayBuffer();
        }
        expect(got).toEqual(check.expect);
      });
    }
  }
});

import fs from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, sessions } from "../../db/schema";
import {
  createTestUser,
  loginForm,
  loginHttp,
  request,
  sessionCookieFrom,
  withServerDb,
  type TestUser,
} from "../support/auth";
import { startServer, type RunningServer } from "../support/server";

let server: RunningServer;
let admin: TestUser;
let planner: TestUser;

beforeAll(async () => {
  server = await startServer();
  admin = await createTestUser(server, { roles: ["admin"] });
  planner = await createTestUser(server, { roles: ["planner"] });
});
afterAll(async () => {
  await server?.stop();
});

describe("signing in and out", () => {
  it("an anonymous visitor is sent to the login page and back to where they were going", async () => {
    const response = await request(server, "/kommuner?county=14");
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("/login?redirectTo=%2Fkommuner%3Fcounty%3D14");

    const login = await fetch(`${server.url}/login`, {
      method: "POST",
      body: loginForm(planner.email, planner.password, { redirectTo: "/kommuner?county=14" }),
      redirect: "manual",
    });
    expect(login.status).toBe(302);
    expect(login.headers.get("location")).toBe("/kommuner?county=14");
  });

  it("the login page has the e-mail and password fields, labelled in Swedish", async () => {
    const html = await (await request(server, "/login")).text();
    expect(html).toMatch(/<label[^>]*>E-post<\/label>/);
    expect(html).toMatch(/<label[^>]*>Lösenord<\/label>/);
    expect(html).toMatch(/name="email"/);
    expect(html).toMatch(/name="password"/);
    expect(html).toMatch(/<html lang="sv"/);
  });

  it("sign-in never sends the user to another site", async () => {
    const login = await fetch(`${server.url}/login`, {
      method: "POST",
      body: loginForm(planner.email, planner.password, { redirectTo: "//evil.example/stjäl" }),
      redirect: "manual",
    });
    expect(login.status).toBe(302);
    expect(login.headers.get("location")).toBe("/");
  });

  it("a wrong password and an unknown e-mail get the same Swedish answer", async () => {
    const wrong = await request(server, "/login", { method: "POST", body: loginForm(planner.email, "fel lösenord helt enkelt") });
    const unknown = await request(server, "/login", { method: "POST", body: loginForm("ingen.alls@example.se", "fel lösenord helt enkelt") });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    const [a, b] = [await wrong.text(), await unknown.text()];
    expect(a).toContain("Fel e-postadress eller lösenord.");
    expect(b).toContain("Fel e-postadress eller lösenord.");
    expect(sessionCookieFrom(wrong)).toBeNull();
    // The password typed is never sent back into the form.
    expect(a).not.toContain("fel lösenord helt enkelt");
  });

  it("a malformed sign-in gets 400 with a message, not a 500", async () => {
    const response = await request(server, "/login", { method: "POST", body: new URLSearchParams({ email: "inte-en-adress" }) });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("Ange en giltig e-postadress.");
  });

  it("the session cookie carries only a long random id, HttpOnly, SameSite=Lax and Secure in production", async () => {
    const response = await request(server, "/login", { method: "POST", body: loginForm(planner.email, planner.password) });
    const header = response.headers.getSetCookie().find((h) => h.includes("samverkan_session="))!;
    expect(header).toMatch(/^__Host-samverkan_session=[A-Za-z0-9_-]{43};/);
    expect(header).toMatch(/; HttpOnly/i);
    expect(header).toMatch(/; SameSite=Lax/i);
    expect(header).toMatch(/; Secure/i);
    expect(header).toMatch(/; Path=\//i);
    // The database keeps a keyed hash, not the id the browser holds.
    const id = header.split(";")[0]!.split("=")[1]!;
    const stored = withServerDb(server, (db) => db.select({ id: sessions.id }).from(sessions).all().map((s) => s.id));
    expect(stored).not.toContain(id);
  });

  it("every sign-in gets a new session id, and the old one stops working", async () => {
    const first = await loginHttp(server, planner);
    const again = await fetch(`${server.url}/login`, {
      method: "POST",
      body: loginForm(planner.email, planner.password),
      headers: { Cookie: first },
      redirect: "manual",
    });
    const second = sessionCookieFrom(again)!;
    expect(second).not.toBe(first);
    expect((await request(server, "/kommuner", { cookie: second })).status).toBe(200);
    expect((await request(server, "/kommuner", { cookie: first })).status).toBe(302);
  });

  it("signing out ends the session at once, and only a POST signs out", async () => {
    const cookie = await loginHttp(server, planner);
    const get = await request(server, "/logout", { cookie });
    expect(get.status).toBe(302);
    expect((await request(server, "/kommuner", { cookie })).status).toBe(200);

    const post = await request(server, "/logout", { cookie, method: "POST" });
    expect(post.status).toBe(302);
    expect(post.headers.get("location")).toBe("/login");
    expect(post.headers.getSetCookie().join()).toMatch(/samverkan_session=;.*Max-Age=0/);
    expect((await request(server, "/kommuner", { cookie })).status).toBe(302);
  });

  it("a session idle for 30 minutes has expired", async () => {
    const cookie = await loginHttp(server, planner);
    expect((await request(server, "/kommuner", { cookie })).status).toBe(200);
    withServerDb(server, (db) =>
      db.update(sessions).set({ lastSeenAt: new Date(Date.now() - 31 * 60_000).toISOString() }).where(eq(sessions.userId, planner.id)).run(),
    );
    expect((await request(server, "/kommuner", { cookie })).status).toBe(302);
  });

  it("a session ends after 12 hours however active it is", async () => {
    const cookie = await loginHttp(server, planner);
    const created = withServerDb(server, (db) =>
      db.select().from(sessions).where(eq(sessions.userId, planner.id)).all(),
    );
    const hours = (Date.parse(created[0]!.expiresAt) - Date.parse(created[0]!.createdAt)) / 3_600_000;
    expect(hours).toBe(12);
    withServerDb(server, (db) =>
      db.update(sessions).set({ expiresAt: new Date(Date.now() - 1000).toISOString() }).where(eq(sessions.userId, planner.id)).run(),
    );
    expect((await request(server, "/kommuner", { cookie })).status).toBe(302);
  });

  it("an anonymous API request gets 401 JSON", async () => {
    const response = await request(server, "/api/v1/municipalities");
    expect(response.status).toBe(401);
    expect(response.headers.get("content-type")).toMatch(/application\/json/);
    expect(await response.json()).toMatchObject({ error: "unauthorized" });
  });

  it("sign-ins, failed sign-ins and sign-outs are in the audit log", async () => {
    const user = await createTestUser(server, { roles: ["manager"] });
    await request(server, "/login", { method: "POST", body: loginForm(user.email, "helt fel lösenord här") });
    const cookie = await loginHttp(server, user);
    await request(server, "/logout", { cookie, method: "POST" });
    const rows = withServerDb(server, (db) => db.select().from(auditLog).where(eq(auditLog.actorLabel, user.email)).all());
    expect(rows.map((r) => r.action)).toEqual(["login.failure", "login.success", "logout"]);
    expect(JSON.stringify(rows)).not.toContain("helt fel lösenord här");
  });
});

describe("security headers", () => {
  it("every page has an enforced CSP with a fresh nonce and no unsafe script sources", async () => {
    const cookie = await loginHttp(server, planner);
    const [a, b] = [await request(server, "/kommuner", { cookie }), await request(server, "/login")];
    const csp = a.headers.get("content-security-policy")!;
    expect(a.headers.get("content-security-policy-report-only")).toBeNull();
    const scriptSrc = /script-src ([^;]*)/.exec(csp)![1]!;
    expect(scriptSrc).toMatch(/'nonce-[A-Za-z0-9+/=]{24}'/);
    expect(scriptSrc).not.toMatch(/unsafe-inline|unsafe-eval/);
    expect(csp).toContain("frame-ancestors 'none'");
    const nonceA = /'nonce-([^']+)'/.exec(csp)![1];
    const nonceB = /'nonce-([^']+)'/.exec(b.headers.get("content-security-policy")!)![1];
    expect(nonceA).not.toBe(nonceB);
    // Remix's inline scripts carry the nonce.
    const html = await a.text();
    const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)([^>]*)>/g)];
    expect(inline.length).toBeGreaterThan(0);
    for (const tag of inline) expect(tag[1]).toContain(`nonce="${nonceA}"`);
  });

  it("pages say nosniff, a referrer policy, no caching of signed-in pages and nothing about Express", async () => {
    const cookie = await loginHttp(server, planner);
    const response = await request(server, "/kommuner", { cookie });
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("referrer-policy")).toBe("same-origin");
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    expect(response.headers.get("x-powered-by")).toBeNull();
    expect(response.headers.get("strict-transport-security")).toBeNull();
    const api = await request(server, "/api/v1/municipalities", { cookie });
    // The ratings (aggregates, no personal data) may be kept by the browser, revalidated by ETag every time.
    expect(api.headers.get("cache-control")).toBe("private, no-cache");
    expect(api.headers.get("content-security-policy")).toContain("default-src 'self'");
  });
});

describe("requests that could change something", () => {
  it("a cross-site POST is refused with 403 and changes nothing", async () => {
    const cookie = await loginHttp(server, planner);
    const attempts: Record<string, string>[] = [{ Origin: "https://evil.example" }, { "Sec-Fetch-Site": "cross-site" }, { Origin: "null" }];
    for (const headers of attempts) {
      const response = await request(server, "/logout", { cookie, method: "POST", headers });
      expect(response.status).toBe(403);
      expect(await response.text()).toContain("annan webbplats");
    }
    expect((await request(server, "/kommuner", { cookie })).status).toBe(200);
    const sameOrigin = await request(server, "/logout", { cookie, method: "POST", headers: { Origin: server.url, "Sec-Fetch-Site": "same-origin" } });
    expect(sameOrigin.status).toBe(302);
  });

  it("unexpected methods get 405 with the allowed ones", async () => {
    for (const method of ["PUT", "DELETE", "PATCH"]) {
      const response = await request(server, "/kommuner", { method });
      expect(response.status).toBe(405);
      expect(response.headers.get("allow")).toBe("GET, HEAD, POST");
    }
  });

  it("a body over 2 MB is refused with 413 before it is read", async () => {
    const cookie = await loginHttp(server, admin);
    const before = withServerDb(server, (db) => db.select().from(auditLog).all().length);
    const response = await request(server, "/admin/anvandare/ny", {
      cookie,
      method: "POST",
      body: new URLSearchParams({ email: "stor@example.se", name: "x".repeat(2 * 1024 * 1024), roles: "planner" }),
    });
    expect(response.status).toBe(413);
    expect(await response.text()).toContain("för stor");
    expect(withServerDb(server, (db) => db.select().from(auditLog).all().length)).toBe(before);
  });

  it("a field the form does not have (role=admin on the password form) is refused and nothing changes", async () => {
    const user = await createTestUser(server, { roles: ["planner"] });
    const cookie = await loginHttp(server, user);
    const response = await request(server, "/konto/losenord", {
      cookie,
      method: "POST",
      body: new URLSearchParams({
        currentPassword: user.password,
        newPassword: "ett helt nytt långt lösenord",
        confirmPassword: "ett helt nytt långt lösenord",
        role: "admin",
      }),
    });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("fält som inte hör dit");
    // Old password still works; no admin role appeared.
    const again = await loginHttp(server, user);
    expect((await request(server, "/admin/anvandare", { cookie: again })).status).toBe(403);
  });
});

describe("passwords", () => {
  it("changing one's password needs the current one and ends the user's other sessions", async () => {
    const user = await createTestUser(server, { roles: ["coordinator"] });
    const here = await loginHttp(server, user);
    const elsewhere = await loginHttp(server, user);
    const newPassword = "Vårt nya lösenord är långt och ovanligt";

    const wrong = await request(server, "/konto/losenord", {
      cookie: here,
      method: "POST",
      body: new URLSearchParams({ currentPassword: "inte det rätta lösenordet", newPassword, confirmPassword: newPassword }),
    });
    expect(wrong.status).toBe(400);
    expect(await wrong.text()).toContain("Det nuvarande lösenordet stämmer inte.");

    const ok = await request(server, "/konto/losenord", {
      cookie: here,
      method: "POST",
      body: new URLSearchParams({ currentPassword: user.password, newPassword, confirmPassword: newPassword }),
    });
    expect(ok.status).toBe(302);
    expect((await request(server, "/kommuner", { cookie: here })).status).toBe(200);
    expect((await request(server, "/kommuner", { cookie: elsewhere })).status).toBe(302);
    await loginHttp(server, { email: user.email, password: newPassword });
  });

  it("a short or common new password is refused with the reason", async () => {
    const user = await createTestUser(server, { roles: ["planner"] });
    const cookie = await loginHttp(server, user);
    for (const [candidate, reason] of [
      ["kort", "minst 12 tecken"],
      ["qwertyuiop123", "för vanligt"],
    ] as const) {
      const response = await request(server, "/konto/losenord", {
        cookie,
        method: "POST",
        body: new URLSearchParams({ currentPassword: user.password, newPassword: candidate, confirmPassword: candidate }),
      });
      expect(response.status).toBe(400);
      expect(await response.text()).toContain(reason);
    }
  });

  it("a deactivated account is signed out at once and cannot sign in", async () => {
    const user = await createTestUser(server, { roles: ["planner"] });
    const userCookie = await loginHttp(server, user);
    const adminCookie = await loginHttp(server, admin);
    const response = await request(server, `/admin/anvandare/${user.id}`, {
      cookie: adminCookie,
      method: "POST",
      body: new URLSearchParams({ intent: "set-active", active: "false", confirm: "yes" }),
    });
    expect(response.status).toBe(200);
    expect((await request(server, "/kommuner", { cookie: userCookie })).status).toBe(302);
    const login = await request(server, "/login", { method: "POST", body: loginForm(user.email, user.password) });
    expect(login.status).toBe(401);
    expect(await login.text()).toContain("Fel e-postadress eller lösenord.");
  });
});

describe("first start", () => {
  it("keeps a generated secret beside the database, readable only by the owner", () => {
    const file = path.join(path.dirname(server.databasePath), "session-secret");
    const stat = fs.statSync(file);
    expect(stat.mode & 0o777).toBe(0o600);
    expect(fs.readFileSync(file, "utf8").trim().length).toBeGreaterThanOrEqual(43);
  });
});

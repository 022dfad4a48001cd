import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeTempDir } from "../support/database";
import { createTestUser, loginForm, loginHttp, request, withServerDb, type TestUser } from "../support/auth";
import { runStart, startServer, type RunningServer } from "../support/server";

describe("failed sign-ins from one address", () => {
  let server: RunningServer;
  let user: TestUser;
  beforeAll(async () => {
    server = await startServer();
    user = await createTestUser(server, { roles: ["planner"] });
  });
  afterAll(async () => {
    await server?.stop();
  });

  it("more than 10 within a minute get 429 with Retry-After and a Swedish message", async () => {
    for (let i = 0; i < 10; i++) {
      const response = await request(server, "/login", {
        method: "POST",
        body: loginForm(`gissning${i}@example.se`, "fel lösenord igen och igen"),
      });
      expect(response.status).toBe(401);
    }
    const limited = await request(server, "/login", { method: "POST", body: loginForm(user.email, user.password) });
    expect(limited.status).toBe(429);
    const retryAfter = Number(limited.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    const html = await limited.text();
    expect(html).toContain("För många misslyckade inloggningar");
    expect(html).toContain(`Vänta ${retryAfter} sekunder`);
  });
});

describe("failed sign-ins on one account, behind a TLS proxy", () => {
  let server: RunningServer;
  let user: TestUser;
  beforeAll(async () => {
    server = await startServer({ TRUST_PROXY: "1", INSECURE_COOKIES: "1" });
    user = await createTestUser(server, { roles: ["coordinator"] });
  });
  afterAll(async () => {
    await server?.stop();
  });

  // Each test guesses from its own (proxied) address, so the per-address limit stays out of the way.
  it("slow the account down for a while, but the real user gets in after waiting", async () => {
    const headers = { "X-Forwarded-For": "10.0.0.1" };
    for (let i = 0; i < 5; i++) {
      const response = await request(server, "/login", { method: "POST", headers, body: loginForm(user.email, `fel nummer ${i} av fem`) });
      expect(response.status).toBe(401);
    }
    const slowed = await request(server, "/login", { method: "POST", headers, body: loginForm(user.email, user.password) });
    expect(slowed.status).toBe(429);
    const wait = Number(slowed.headers.get("retry-after"));
    expect(wait).toBeGreaterThanOrEqual(1);
    expect(await slowed.text()).toContain("med den här e-postadressen");
    await new Promise((resolve) => setTimeout(resolve, wait * 1000 + 200));
    await loginHttp(server, user);
  });

  it("slow down an unknown address just the same, so the answer reveals nothing", async () => {
    const headers = { "X-Forwarded-For": "10.0.0.2" };
    for (let i = 0; i < 5; i++) {
      await request(server, "/login", { method: "POST", headers, body: loginForm("finns.inte@example.se", `fel nummer ${i} av fem`) });
    }
    const slowed = await request(server, "/login", { method: "POST", headers, body: loginForm("finns.inte@example.se", "ännu ett försök här") });
    expect(slowed.status).toBe(429);
  });

  it("plain-HTTP trials (INSECURE_COOKIES=1) drop Secure and the __Host- prefix", async () => {
    const response = await request(server, "/login", { method: "POST", body: loginForm(user.email, user.password) });
    const header = response.headers.getSetCookie().join();
    expect(header).toMatch(/^samverkan_session=/);
    expect(header).not.toMatch(/Secure/i);
  });

  it("sends HSTS and upgrades requests only when the request came over HTTPS", async () => {
    const https = await request(server, "/login", { headers: { "X-Forwarded-Proto": "https" } });
    expect(https.headers.get("strict-transport-security")).toBe("max-age=31536000; includeSubDomains");
    expect(https.headers.get("content-security-policy")).toContain("upgrade-insecure-requests");
    const http = await request(server, "/login");
    expect(http.headers.get("strict-transport-security")).toBeNull();
    expect(http.headers.get("content-security-policy")).not.toContain("upgrade-insecure-requests");
  });

  it("an unexpected error shows a Swedish page with an error id that the JSON log also has, and no stack", async () => {
    const cookie = await loginHttp(server, user);
    withServerDb(server, (db) => db.run(sql`ALTER TABLE mapping_rounds RENAME TO mapping_rounds_gone`));
    try {
      const response = await request(server, "/kartlaggningar", { cookie });
      expect(response.status).toBe(500);
      const html = await response.text();
      expect(html).toContain("Något gick fel");
      const id = /<code class="error-id">([0-9a-f-]{36})<\/code>/.exec(html)?.[1];
      expect(id).toBeDefined();
      expect(html).not.toMatch(/no such table|\bat .*\.js:\d+/);
      await new Promise((resolve) => setTimeout(resolve, 200));
      const logLine = server
        .output()
        .split("\n")
        .find((line) => line.includes(`"errorId":"${id}"`));
      expect(logLine).toBeDefined();
      expect(JSON.parse(logLine!)).toMatchObject({ level: "error", errorId: id });
    } finally {
      withServerDb(server, (db) => db.run(sql`ALTER TABLE mapping_rounds_gone RENAME TO mapping_rounds`));
    }
  });

  it("the log never contains passwords, cookies or session ids", async () => {
    const response = await request(server, "/login", { method: "POST", body: loginForm(user.email, user.password) });
    const cookie = response.headers.getSetCookie()[0]!.split(";")[0]!;
    await request(server, "/kommuner", { cookie });
    const output = server.output();
    expect(output).not.toContain(user.password);
    expect(output).not.toContain(cookie.split("=")[1]!);
    expect(output).not.toContain("fel nummer 0 av fem");
  });
});

describe("starting with a bad ADMIN_PASSWORD", () => {
  for (const [password, reason] of [
    ["kort", "minst 12 tecken"],
    ["qwertyuiop123", "för vanligt"],
  ] as const) {
    it(`stops with one clear line (${reason})`, async () => {
      const dir = makeTempDir();
      const result = await runStart({ DATABASE_PATH: path.join(dir, "x.sqlite"), ADMIN_PASSWORD: password });
      expect(result.code).toBe(1);
      const lines = result.output.trim().split("\n");
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain("ADMIN_PASSWORD");
      expect(lines[0]).toContain(reason);
      expect(result.output).not.toContain(password);
    });
  }
});

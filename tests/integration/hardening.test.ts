/**
 * Issue 8, findings 6 and 7 against the real server: error pages with their id (also when the root
 * loader failed), the CSRF check's scheme, headers sent once, the 403 page's title.
 */
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestUser, loginForm, loginHttp, request, withServerDb, type TestUser } from "../support/auth";
import { startServer, type RunningServer } from "../support/server";

let server: RunningServer;
let admin: TestUser;
beforeAll(async () => {
  server = await startServer({ TRUST_PROXY: "1" });
  admin = await createTestUser(server, { roles: ["admin"] });
});
afterAll(async () => {
  await server?.stop();
});

/** The error id a page shows, and the JSON log line that carries it. */
async function errorIdAndLog(html: string) {
  const id = /<code class="error-id">([0-9a-f-]{36})<\/code>/.exec(html)?.[1];
  expect(id, "the page shows an error id").toBeDefined();
  await new Promise((resolve) => setTimeout(resolve, 200));
  const line = server
    .output()
    .split("\n")
    .find((l) => l.includes(`"errorId":"${id}"`));
  expect(line, "a log line carries the same id").toBeDefined();
  return { id: id!, line: JSON.parse(line!) as Record<string, unknown> };
}

describe("a failure shows its error id", () => {
  it("also when the root loader itself failed (no root data to take the id from)", async () => {
    const cookie = await loginHttp(server, admin);
    withServerDb(server, (db) => db.run(sql`ALTER TABLE sessions RENAME TO sessions_gone`));
    try {
      const response = await request(server, "/kommuner", { cookie });
      expect(response.status).toBe(500);
      const html = await response.text();
      expect(html).toContain("Något gick fel");
      expect(html).not.toMatch(/no such table|\bat .*\.js:\d+/);
      const { line } = await errorIdAndLog(html);
      expect(line.level).toBe("error");
    } finally {
      withServerDb(server, (db) => db.run(sql`ALTER TABLE sessions_gone RENAME TO sessions`));
    }
  });

  it("the API's 500 is JSON with the error id, and no internals", async () => {
    const cookie = await loginHttp(server, admin);
    withServerDb(server, (db) => db.run(sql`ALTER TABLE mapping_rounds RENAME TO mapping_rounds_gone`));
    try {
      const response = await request(server, "/api/v1/municipalities", { cookie });
      expect(response.status).toBe(500);
      const body = (await response.json()) as { error: string; errorId: string; message: string };
      expect(body).toMatchObject({ error: "internal_error", message: "Ett oväntat fel inträffade." });
      expect(body.errorId).toMatch(/^[0-9a-f-]{36}$/);
      expect(JSON.stringify(body)).not.toMatch(/mapping_rounds|sqlite/i);
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(server.output()).toContain(`"errorId":"${body.errorId}"`);
    } finally {
      withServerDb(server, (db) => db.run(sql`ALTER TABLE mapping_rounds_gone RENAME TO mapping_rounds`));
    }
  });
});

describe("after signing in", () => {
  const PAYLOADS = [
    "/..//evil.test/phish",
    "/.//evil.test",
    "/%2e//evil.test",
    "/a/..//evil.test",
    "/%2e%2e/%2e%2e//evil.test",
    "/\\evil.test",
    "/%5C/evil.test",
    "/%2F/evil.test",
    "/\t/evil.test",
    "//evil.test",
    "https://evil.test",
    "https:evil.test",
  ];

  it("no redirectTo leads off the site, on the login page (GET) or from the form (POST)", async () => {
    const cookie = await loginHttp(server, admin);
    const onSite = (location: string | null) => {
      expect(location).not.toBeNull();
      expect(new URL(location!, "https://samverkanskartan.example.se/login").origin).toBe("https://samverkanskartan.example.se");
      expect(location).not.toMatch(/^\/\/|\\/);
    };
    for (const payload of PAYLOADS) {
      const get = await request(server, `/login?redirectTo=${encodeURIComponent(payload)}`, { cookie });
      expect(get.status, payload).toBe(302);
      onSite(get.headers.get("location"));
      const post = await request(server, "/login", { method: "POST", headers: { "X-Forwarded-For": "10.6.0.1" }, body: loginForm(admin.email, admin.password, { redirectTo: payload }) });
      expect(post.status, payload).toBe(302);
      onSite(post.headers.get("location"));
    }
  });
});

describe("cross-site writes", () => {
  it("an Origin with another scheme is another site: https://host on this plain-HTTP server is refused", async () => {
    const cookie = await loginHttp(server, admin);
    const host = new URL(server.url).host;
    for (const origin of [`https://${host}`, `http://${host.split(":")[0]}`, `http://${host.split(":")[0]}:1`, `ftp://${host}`]) {
      const response = await request(server, "/logout", { cookie, method: "POST", headers: { Origin: origin } });
      expect(response.status, origin).toBe(403);
      expect(await response.text()).toContain("annan webbplats");
    }
    expect((await request(server, "/kommuner", { cookie })).status).toBe(200);
    // Behind a TLS proxy that says so (TRUST_PROXY=1, X-Forwarded-Proto), https://host is this site.
    const proxied = await request(server, "/logout", { cookie, method: "POST", headers: { Origin: `https://${host}`, "X-Forwarded-Proto": "https" } });
    expect(proxied.status).toBe(302);
  });
});

describe("headers", () => {
  it("the API's 401 and the files' own caching send Cache-Control once", async () => {
    const anonymous = await request(server, "/api/v1/municipalities");
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get("cache-control")).toBe("private, no-store");
    const cookie = await loginHttp(server, admin);
    const csv = await request(server, "/karta.csv", { cookie });
    expect(csv.headers.get("cache-control")).toBe("private, no-cache");
  });
});

describe("the account page refused or missing", () => {
  it("a 403 is titled as refused, not as a missing account; a missing account says so", async () => {
    const manager = await createTestUser(server, { roles: ["manager"] });
    const cookie = await loginHttp(server, manager);
    const refused = await request(server, `/admin/anvandare/${admin.id}`, { cookie });
    expect(refused.status).toBe(403);
    const title = /<title>([^<]*)<\/title>/.exec(await refused.text())?.[1];
    expect(title).toBe("Åtkomst nekad – Samverkanskartan");

    const adminCookie = await loginHttp(server, admin);
    const missing = await request(server, "/admin/anvandare/999999", { cookie: adminCookie });
    expect(missing.status).toBe(404);
    expect(/<title>([^<]*)<\/title>/.exec(await missing.text())?.[1]).toBe("Kontot finns inte – Samverkanskartan");
  });
});

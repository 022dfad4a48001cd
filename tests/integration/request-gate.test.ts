/**
 * The request gate (app/server/request-gate.ts) against the real server, for every route of the build:
 * repeated form fields, other spellings of an address, bodies the app cannot read, POSTs to routes
 * without an action (issue 8, findings 1, 2 and 6).
 */
import type { ServerBuild } from "@remix-run/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestUser, loginForm, loginHttp, type TestUser } from "../support/auth";
import { rawRequest, rawSessionCookie, type RawResponse } from "../support/raw-http";
import { actionUrl, builtRoutes, concretePath, loadBuild, type BuiltRoute } from "../support/routes";
import { startServer, type RunningServer } from "../support/server";

let build: ServerBuild;
let routes: BuiltRoute[];
let server: RunningServer;
let admin: TestUser;
let values: Record<string, string>;

beforeAll(async () => {
  build = await loadBuild();
  routes = builtRoutes(build);
  // Behind a proxy, so each test can speak from its own address and the limits of one never touch another.
  server = await startServer({ TRUST_PROXY: "1" });
  admin = await createTestUser(server, { roles: ["admin"] });
  values = { id: String(admin.id), code: "0114", hash: "0123456789abcdef" };
});
afterAll(async () => {
  await server?.stop();
});

const actionRoutes = () => routes.filter((r) => r.hasAction);
const from = (address: string) => ({ "X-Forwarded-For": address });
/** Log lines the server printed since `mark` (a length of server.output()). */
const logSince = (mark: number) =>
  server
    .output()
    .slice(mark)
    .split("\n")
    .filter((line) => line.startsWith("{"))
    .map((line) => JSON.parse(line) as Record<string, unknown>);

describe("a form with very many fields", () => {
  it("100,000 repeats of one field to every action get 413 within 100 ms, and /healthz answers within 50 ms meanwhile", { timeout: 300_000 }, async () => {
    const idle: number[] = [];
    for (let i = 0; i < 5; i++) idle.push((await rawRequest(server, { path: "/healthz" })).ms);
    expect(actionRoutes().length).toBeGreaterThanOrEqual(5);
    const body = (name: string) => `${name}=a&`.repeat(100_000).slice(0, -1);
    const report: string[] = [];
    for (const route of actionRoutes()) {
      const cookie = await loginHttp(server, admin);
      const name = { "routes/login": "email", "routes/konto.losenord": "currentPassword" }[route.id] ?? "roles";
      const posts: number[] = [];
      const healths: number[] = [];
      for (let attempt = 0; attempt < 5; attempt++) {
        const post = rawRequest(server, {
          method: "POST",
          path: actionUrl(route, values),
          headers: { Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded", ...from("10.1.0.1") },
          body: body(name),
        });
        await new Promise((resolve) => setTimeout(resolve, 2));
        const health = await rawRequest(server, { path: "/healthz" });
        const answer = await post;
        expect(answer.status, route.id).toBe(413);
        expect(answer.body).toContain("för många fält");
        expect(health.status).toBe(200);
        posts.push(answer.ms);
        healths.push(health.ms);
      }
      report.push(`${route.id}: POST ${posts.map((ms) => ms.toFixed(1)).join("/")} ms, /healthz ${healths.map((ms) => ms.toFixed(1)).join("/")} ms`);
      // The best of five: the machine is shared, and noise only ever adds time.
      expect(Math.min(...posts), route.id).toBeLessThan(100);
      expect(Math.min(...healths), route.id).toBeLessThan(50);
    }
    console.info(
      `100,000 repeated fields (5 tries each; /healthz alone: ${idle.map((ms) => ms.toFixed(1)).join("/")} ms):\n  ${report.join("\n  ")}`,
    );
  });

  it("100,000 different fields, and 30,000 multipart parts, get 413 just as fast", async () => {
    const distinct = Array.from({ length: 100_000 }, (_, i) => `f${i}=a`).join("&");
    const many = await rawRequest(server, {
      method: "POST",
      path: "/login",
      headers: { "Content-Type": "application/x-www-form-urlencoded", ...from("10.1.0.2") },
      body: distinct,
    });
    expect(many.status).toBe(413);
    expect(many.ms).toBeLessThan(200);

    const boundary = "----gräns";
    const part = `--${boundary}\r\nContent-Disposition: form-data; name="email"\r\n\r\na\r\n`;
    const multipart = await rawRequest(server, {
      method: "POST",
      path: "/login",
      headers: { "Content-Type": `multipart/form-data; boundary=${boundary}`, ...from("10.1.0.2") },
      body: part.repeat(30_000) + `--${boundary}--\r\n`,
    });
    expect(multipart.status).toBe(413);
    expect(multipart.body).toContain("för många fält");
    expect(multipart.ms).toBeLessThan(200);
  });

  it("a form sent with JavaScript (Remix's .data request) gets the refusal in Remix's own encoding, as fast", async () => {
    const answer = await rawRequest(server, {
      method: "POST",
      path: "/login.data",
      headers: { "Content-Type": "application/x-www-form-urlencoded", ...from("10.1.0.4") },
      body: "email=a&".repeat(100_000),
    });
    expect(answer.status).toBe(413);
    expect(answer.headers["content-type"]).toMatch(/text\/x-script/);
    expect(answer.body).toContain("för många fält");
    expect(answer.ms).toBeLessThan(200);
  });

  it("a form just within the limits is still read, and a name repeated too often is refused", async () => {
    const within = new URLSearchParams(loginForm("ingen@example.se", "fel lösenord här ju"));
    for (let i = 0; i < 200; i++) within.append("x", "/");
    const ok = await rawRequest(server, { method: "POST", path: "/login", headers: { "Content-Type": "application/x-www-form-urlencoded", ...from("10.1.0.3") }, body: within.toString() });
    expect(ok.status).toBe(401);

    const repeated = new URLSearchParams(loginForm("ingen@example.se", "fel lösenord här ju"));
    for (let i = 0; i < 400; i++) repeated.append("x", "/");
    const refused = await rawRequest(server, { method: "POST", path: "/login", headers: { "Content-Type": "application/x-www-form-urlencoded", ...from("10.1.0.3") }, body: repeated.toString() });
    expect(refused.status).toBe(413);
    expect(refused.body).toContain("för många fält");
  });
});

/** Other ways of writing `path` that a router might read as the same address. */
function otherSpellings(path: string): string[] {
  const out = new Set<string>();
  const segments = path.split("/").slice(1);
  // Percent-encode one character at a time (lower- and upper-case hex), for every unreserved character.
  for (let i = 1; i < path.length; i++) {
    const char = path[i]!;
    if (!/[A-Za-z0-9._~-]/.test(char)) continue;
    const hex = char.charCodeAt(0).toString(16).padStart(2, "0");
    out.add(`${path.slice(0, i)}%${hex}${path.slice(i + 1)}`);
    out.add(`${path.slice(0, i)}%${hex.toUpperCase()}${path.slice(i + 1)}`);
  }
  out.add(path.replace(/[a-z]/g, (c) => `%${c.charCodeAt(0).toString(16)}`));
  out.add(`/.${path}`);
  out.add(`/%2e${path}`);
  out.add(`/%2E${path}`);
  out.add(`/x/..${path}`);
  out.add(`/x/%2e%2e${path}`);
  out.add(`/x/.%2e${path}`);
  out.add(`/../..${path}`);
  out.add(`/${path}`);
  out.add(`//${path}`);
  out.add(`${path}/`);
  out.add(`${path}/.`);
  out.add(`${path}//`);
  out.add(path.replace(/\//g, "//"));
  out.add(path.replace(/\//g, "/./"));
  out.add(`/\\${path.slice(1)}`);
  out.add(path.replace(/\//g, "\\"));
  out.add(path.toUpperCase());
  out.add(`/${segments.map((s) => s.charAt(0).toUpperCase() + s.slice(1)).join("/")}`);
  out.add(path.replace(/[a-z](?=[^a-z]*$)/, (c) => c.toUpperCase()));
  for (const spelling of [...out]) out.add(`${spelling}.data`);
  out.add(`${path}/.data`);
  out.add(`${path}%2edata`);
  out.delete(path);
  out.delete(`${path}.data`);
  return [...out];
}

describe("other spellings of an address", () => {
  it("a POST to any other spelling of any action's address is refused before the action runs", { timeout: 120_000 }, async () => {
    let checked = 0;
    for (const route of actionRoutes()) {
      const path = concretePath(route.pattern, values);
      const cookie = await loginHttp(server, admin);
      for (const spelling of otherSpellings(path)) {
        const response = await rawRequest(server, {
          method: "POST",
          path: spelling,
          headers: { Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded", ...from("10.2.0.1") },
          body: loginForm(admin.email, admin.password).toString(),
        });
        expect(response.status, `${route.id} ${spelling}`).toBe(400);
        // Node's HTTP parser itself refuses a request line whose path does not start with "/".
        if (spelling.startsWith("/")) expect(response.body, spelling).toContain("Adressen är inte skriven");
        expect(rawSessionCookie(response), spelling).toBeNull();
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(200);
  });

  it("after 10 failed sign-ins from an address, no spelling of /login lets the right password in", { timeout: 60_000 }, async () => {
    const headers = { "Content-Type": "application/x-www-form-urlencoded", ...from("10.2.0.2") };
    for (let i = 0; i < 10; i++) {
      const wrong = await rawRequest(server, { method: "POST", path: "/login", headers, body: loginForm(`gissning${i}@example.se`, "fel lösenord igen och igen").toString() });
      expect(wrong.status).toBe(401);
    }
    const right = loginForm(admin.email, admin.password).toString();
    for (const spelling of ["/login", "/login.data", ...otherSpellings("/login")]) {
      const response = await rawRequest(server, { method: "POST", path: spelling, headers, body: right });
      expect(rawSessionCookie(response), spelling).toBeNull();
      expect([400, 429], spelling).toContain(response.status);
    }
    // Another address is not affected.
    const elsewhere = await rawRequest(server, { method: "POST", path: "/login", headers: { ...headers, ...from("10.2.0.3") }, body: right });
    expect(elsewhere.status).toBe(302);
  });

  it("a page opened by another spelling is redirected to its one address, with its query", async () => {
    const cookie = await loginHttp(server, admin);
    for (const [spelling, canonical] of [
      ["/Kommuner?county=14", "/kommuner?county=14"],
      ["/kommuner/?county=14", "/kommuner?county=14"],
      ["/k%6Fmmuner/0114", "/kommuner/0114"],
      ["//kommuner//0114", "/kommuner/0114"],
      ["/x/../kartlaggningar", "/kartlaggningar"],
      ["/ADMIN/ANVANDARE", "/admin/anvandare"],
      ["/l%6Fgin?redirectTo=%2Fkommuner", "/login?redirectTo=%2Fkommuner"],
    ] as const) {
      const response = await rawRequest(server, { path: spelling, headers: { Cookie: cookie } });
      expect(response.status, spelling).toBe(308);
      expect(response.headers.location, spelling).toBe(canonical);
    }
    // Values keep their case: only the route's fixed words are folded.
    const value = await rawRequest(server, { path: "/kommuner/ABC", headers: { Cookie: cookie } });
    expect(value.status).toBe(404);
  });

  it("Remix's old ?_data= requests and broken escapes are refused", async () => {
    const cookie = await loginHttp(server, admin);
    const mark = server.output().length;
    for (const path of ["/kommuner?_data=routes%2Fkommuner._index", "/kommuner/%E0%A4%A", "/kommuner/%00", "/k%zzommuner"]) {
      const response = await rawRequest(server, { path, headers: { Cookie: cookie } });
      expect(response.status, path).toBe(400);
      expect(response.body).not.toMatch(/at .+\.(js|ts):\d+/);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(logSince(mark).filter((l) => l.level === "error")).toEqual([]);
  });
});

describe("a body the app cannot read", () => {
  const boundary = "gräns123";
  const BAD_BODIES: { what: string; type?: string; body: string }[] = [
    { what: "JSON", type: "application/json", body: JSON.stringify({ email: "a@b.se", password: "x" }) },
    { what: "broken JSON", type: "application/json", body: "{email" },
    { what: "text/plain", type: "text/plain", body: "email=a@b.se\r\npassword=x" },
    { what: "no content type", body: "email=a%40b.se&password=x" },
    { what: "XML", type: "application/xml", body: "<login/>" },
    { what: "multipart without a boundary", type: "multipart/form-data", body: "--x\r\n\r\n" },
    { what: "multipart cut short", type: `multipart/form-data; boundary=${boundary}`, body: `--${boundary}\r\nContent-Disposition: form-data; name="email"\r\n\r\na@b.se` },
    { what: "multipart with another boundary", type: `multipart/form-data; boundary=${boundary}`, body: `--annan\r\nContent-Disposition: form-data; name="email"\r\n\r\na\r\n--annan--\r\n` },
    { what: "multipart garbage", type: `multipart/form-data; boundary=${boundary}`, body: "\u0000\u0001garbage" },
  ];

  it("posted to every action, as anyone, gets a Swedish 400, never a 500, and no error in the log", { timeout: 120_000 }, async () => {
    const cookie = await loginHttp(server, admin);
    const mark = server.output().length;
    for (const route of actionRoutes()) {
      for (const who of ["anonymous", "admin"] as const) {
        for (const bad of BAD_BODIES) {
          const response = await rawRequest(server, {
            method: "POST",
            path: actionUrl(route, values),
            headers: { ...(bad.type ? { "Content-Type": bad.type } : {}), ...(who === "admin" ? { Cookie: cookie } : {}), ...from("10.3.0.1") },
            body: bad.body,
          });
          const label = `${route.id} as ${who}: ${bad.what}`;
          expect(response.status, label).toBe(400);
          expect(response.body, label).toMatch(/Formuläret kunde inte läsas/);
        }
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
    const lines = logSince(mark);
    expect(lines.filter((l) => l.level === "error")).toEqual([]);
    expect(lines.filter((l) => JSON.stringify(l).includes("stack"))).toEqual([]);
  });

  it("an empty POST is an empty form: sign-out still works and sign-in asks for the fields", async () => {
    const login = await rawRequest(server, { method: "POST", path: "/login", headers: { "Content-Length": "0", ...from("10.3.0.2") } });
    expect(login.status).toBe(400);
    expect(login.body).toContain("Ange e-postadressen.");
    const cookie = await loginHttp(server, admin);
    const logout = await rawRequest(server, { method: "POST", path: "/logout", headers: { Cookie: cookie, "Content-Length": "0" } });
    expect(logout.status).toBe(302);
  });
});

describe("a POST to an address without a form", () => {
  it("gets a plain Swedish 405 that names no route, JSON for the API and files, logged as a warning without a stack", async () => {
    const cookie = await loginHttp(server, admin);
    const withoutAction = routes.filter((r) => !r.hasAction);
    expect(withoutAction.length).toBeGreaterThanOrEqual(8);
    const mark = server.output().length;
    for (const route of withoutAction) {
      for (const url of [concretePath(route.pattern, values), actionUrl(route, values)]) {
        for (const who of ["anonymous", "admin"]) {
          const response: RawResponse = await rawRequest(server, {
            method: "POST",
            path: url,
            headers: { "Content-Type": "application/x-www-form-urlencoded", ...(who === "admin" ? { Cookie: cookie } : {}) },
            body: "a=b",
          });
          const label = `${route.id} ${url} as ${who}`;
          expect(response.status, label).toBe(405);
          expect(response.headers.allow, label).toBe("GET, HEAD");
          expect(response.body, label).not.toMatch(/routes\/|action|Unexpected|did not provide/i);
          if (route.resource || url.startsWith("/api/")) {
            expect(response.headers["content-type"], label).toMatch(/application\/json/);
            expect(JSON.parse(response.body), label).toMatchObject({ error: "method_not_allowed" });
          } else {
            expect(response.headers["content-type"], label).toMatch(/text\/html/);
            expect(response.body, label).toContain('<html lang="sv"');
            expect(response.body, label).toContain("Metoden stöds inte");
          }
        }
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
    const lines = logSince(mark);
    expect(lines.filter((l) => l.level === "error")).toEqual([]);
    expect(lines.filter((l) => JSON.stringify(l).includes("stack"))).toEqual([]);
    expect(lines.some((l) => l.level === "warn" && l.status === 405)).toBe(true);
  });
});

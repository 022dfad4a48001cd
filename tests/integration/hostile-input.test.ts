/**
 * Hostile input over HTTP against the real server (issue 13): forms, addresses and CSV files generated
 * by fast-check (any unicode, 10 kB strings, missing and extra fields, SQL and HTML injection, bidi and
 * control characters, personal identity numbers), posted as every role. What must hold every time:
 * never a 500 and no error in the log; a refusal is a 4xx with a Swedish message; a refused write
 * changes nothing (what was saved is still there), and a role never makes a change it may not.
 * The pure parsers get the same treatment, many more times, in tests/unit/hostile-input.test.ts.
 */
import { sql } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setDb } from "../../db/client.server";
import { createRound, transitionRound } from "../../app/models/round.server";
import { createTestUser, loginHttp, request, withServerDb } from "../support/auth";
import { rawRequest } from "../support/raw-http";
import { actionUrl, builtRoutes, concretePath, loadBuild, type BuiltRoute } from "../support/routes";
import { startServer, type RunningServer } from "../support/server";

const PAYLOADS = [
  "'; DROP TABLE assessments; --",
  "' OR '1'='1",
  "<script>alert(1)</script>",
  '"><img src=x onerror=alert(1)>',
  "</textarea><svg onload=alert(1)>",
  "javascript:alert(1)",
  "=HYPERLINK(\"http://evil.test\")",
  "19121212-1212",
  "Ring 197001011234",
  "\u202eevil\u202c",
  "a\u0000b",
  "ÅÄÖ åäö 漢字 🇸🇪",
  "\ud800",
  "-1",
  "0",
  "1e3",
  "999999999999",
];
const hostileText = fc.oneof(
  { weight: 3, arbitrary: fc.string({ unit: "binary", maxLength: 200 }) },
  { weight: 3, arbitrary: fc.constantFrom(...PAYLOADS) },
  { weight: 1, arbitrary: fc.string({ unit: "grapheme-ascii", minLength: 10_000, maxLength: 10_240 }) },
);
/** A Swedish refusal: the messages the app's forms, fields and helpers give. */
const SWEDISH = /Texten|Välj|Ange|Formuläret|behörighet|får ha högst|finns ingen|finns inget|finns inte|personnummer|enskilda personer|Filen|kunde inte|ogiltig|saknar|Adressen|nekades|Begäran|[åäö]/i;

let server: RunningServer;
let roundId = 0;
let routes: BuiltRoute[];
const cookies: Record<string, string> = {};
const ROLES = ["anonymous", "coordinator-14", "coordinator-01", "manager", "planner", "admin"] as const;
type Who = (typeof ROLES)[number];
const mayRate1480 = (who: Who) => who === "coordinator-14" || who === "admin";

beforeAll(async () => {
  routes = builtRoutes(await loadBuild());
  server = await startServer();
  withServerDb(server, (db) => {
    setDb(db);
    try {
      const created = createRound({ name: "Fientlig indata", periodStart: "2027-05-01", periodEnd: "2027-05-31" }, { id: null, label: "test" });
      roundId = created.ok ? created.round.id : 0;
      transitionRound(roundId, "open", { actor: { id: null, label: "test" }, prefill: true });
    } finally {
      setDb(undefined);
    }
  });
  const users: [Who, Parameters<typeof createTestUser>[1]][] = [
    ["coordinator-14", { roles: ["coordinator"], countyCodes: ["14"] }],
    ["coordinator-01", { roles: ["coordinator"], countyCodes: ["01"] }],
    ["manager", { roles: ["manager"] }],
    ["planner", { roles: ["planner"] }],
    ["admin", { roles: ["admin"] }],
  ];
  for (const [who, options] of users) cookies[who] = await loginHttp(server, await createTestUser(server, options));
}, 120_000);
afterAll(async () => {
  await server?.stop();
});

const errorsLogged = (mark: number) =>
  server
    .output()
    .slice(mark)
    .split("\n")
    .filter((line) => line.startsWith("{") && /"level":"error"/.test(line));

function assessment(code: string) {
  return withServerDb(server, (db) =>
    db.get(sql`select version, collaboration, intervention_access as access, comment, channel_other as other from assessments where round_id = ${roundId} and municipality_code = ${code}`),
  ) as { version: number; collaboration: string; access: string; comment: string; other: string };
}
const allAssessments = () =>
  withServerDb(server, (db) => db.all(sql`select municipality_code, version, collaboration, intervention_access, comment from assessments where round_id = ${roundId} order by municipality_code`));
const auditCount = () => (withServerDb(server, (db) => db.get(sql`select count(*) as n from audit_log`)) as { n: number }).n;

/** What a form carries of a string: URL encoding turns a lone surrogate into U+FFFD. */
const wellFormed = (s: string) => s.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, "\ufffd");

/** A refusal the user can read: 4xx and a Swedish message in the page or the JSON. */
function expectRefusedInSwedish(status: number, body: string, label: string) {
  expect(status, label).toBeGreaterThanOrEqual(400);
  expect(status, label).toBeLessThan(500);
  expect(body, label).toMatch(SWEDISH);
}

describe("the assessment form with hostile text, missing and extra fields", () => {
  it("as every role: never a 500; a refusal is Swedish and keeps the saved assessment; a save keeps exactly the text sent", { timeout: 120_000 }, async () => {
    const mark = server.output().length;
    const form = fc.record({
      who: fc.constantFrom(...ROLES),
      comment: fc.oneof(hostileText, fc.constantFrom("Bra samarbete <b>fet</b> & 'citat'", "Rad ett\r\nRad två  ", "'; DROP TABLE assessments; --")),
      channelOther: hostileText,
      channels: fc.oneof({ weight: 3, arbitrary: fc.constant(["caseworker_contact"] as string[]) }, { weight: 1, arbitrary: fc.subarray(["caseworker_contact", "other", "<b>", "'; --"]) }),
      collaboration: fc.oneof({ weight: 3, arbitrary: fc.constant("good") }, { weight: 1, arbitrary: fc.constantFrom("needs_strengthening", "", "<script>", "bra") }),
      drop: fc.oneof({ weight: 3, arbitrary: fc.constant([] as string[]) }, { weight: 1, arbitrary: fc.subarray(["intent", "version", "collaboration", "interventionAccess"]) }),
      extra: fc.dictionary(fc.string({ unit: "binary", maxLength: 20 }), hostileText, { maxKeys: 3 }),
      staleVersion: fc.boolean().map((b) => b && Math.random() < 0.3),
    });
    let saved = 0;
    await fc.assert(
      fc.asyncProperty(form, async (f) => {
        const before = assessment("1480");
        const fields: [string, string][] = [
          ["intent", "save"],
          ["version", String(f.staleVersion ? before.version - 1 : before.version)],
          ["collaboration", f.collaboration],
          ["interventionAccess", "satisfactory"],
          ...f.channels.map((c): [string, string] => ["channels", c]),
          ["channelOther", f.channelOther],
          ["comment", f.comment],
          ...Object.entries(f.extra),
        ];
        const body = new URLSearchParams(fields.filter(([name]) => !f.drop.includes(name)));
        const response = await request(server, `/kartlaggningar/${roundId}/kommuner/1480`, {
          method: "POST",
          body,
          ...(f.who === "anonymous" ? {} : { cookie: cookies[f.who] }),
        });
        const text = await response.text();
        const after = assessment("1480");
        const label = `${f.who} ${response.status}`;
        expect(response.status, label).toBeLessThan(500);
        if (response.status === 302 && f.who !== "anonymous") {
          // Saved: only by a role that may, from the version read, with the text as sent (trimmed).
          expect(mayRate1480(f.who), label).toBe(true);
          // The same values again are no new version; anything else is exactly one.
          expect([before.version, before.version + 1]).toContain(after.version);
          expect(after.comment).toBe(wellFormed(f.comment).replace(/\r\n/g, "\n").trim());
          saved += 1;
          return;
        }
        expect(after, label).toEqual(before);
        if (f.who === "anonymous") expect(response.headers.get("location") ?? "", label).toMatch(/^\/login\?redirectTo=/);
        else expectRefusedInSwedish(response.status, text, label);
      }),
      { numRuns: 120 },
    );
    expect(saved, "some generated forms were valid and saved").toBeGreaterThan(0);
    expect(errorsLogged(mark)).toEqual([]);
  });
});

describe("a ratings CSV import with hostile content", () => {
  it("as every role: never a 500; previewed or refused in Swedish, and nothing changes without the preview's basis", { timeout: 120_000 }, async () => {
    const mark = server.output().length;
    const cell = fc.oneof(hostileText, fc.constantFrom("1480", "0114", "2580", "Bra", "Behöver stärkas", "Tillfredsställande", "Otillfredsställande", ""));
    const csv = fc
      .tuple(fc.array(fc.array(cell, { minLength: 1, maxLength: 5 }), { maxLength: 8 }), fc.constantFrom(";", ","), fc.boolean())
      .map(([rows, sep, header]) => [...(header ? [["kommunkod", "samverkan", "tillgång till insatser", "kommentar"]] : []), ...rows].map((r) => r.join(sep)).join("\r\n"));
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...ROLES), fc.oneof(csv, hostileText), fc.constantFrom("import-apply", "import-preview"), async (who, content, intent) => {
        const before = allAssessments();
        const audits = auditCount();
        const body = new FormData();
        body.set("intent", intent);
        if (intent === "import-preview") body.set("file", new Blob([content], { type: "text/csv" }), "fil.csv");
        else {
          body.set("content", content);
          body.set("basis", "");
        }
        const response = await request(server, `/kartlaggningar/${roundId}`, {
          method: "POST",
          body,
          ...(who === "anonymous" ? {} : { cookie: cookies[who] }),
        });
        const text = await response.text();
        expect(response.status, who).toBeLessThan(500);
        // A preview never writes; an apply without the preview's basis is refused: nothing changes.
        expect(allAssessments(), who).toEqual(before);
        expect(auditCount(), who).toBe(audits);
        if (response.status >= 400) expectRefusedInSwedish(response.status, text, who);
      }),
      { numRuns: 60 },
    );
    expect(errorsLogged(mark)).toEqual([]);
  });
});

describe("random forms posted to every action", () => {
  it("as every role: never a 500, and no error in the log", { timeout: 180_000 }, async () => {
    const mark = server.output().length;
    const actions = routes.filter((r) => r.hasAction);
    const value = fc.oneof(hostileText, fc.constantFrom("1", "0114", "14", String(roundId), "save", "delete", "on", ""));
    const form = fc.dictionary(
      fc.oneof(fc.constantFrom("intent", "id", "version", "name", "email", "comment", "notes", "date", "startTime", "municipalityCodes", "roles", "reason", "redirectTo", "password"), fc.string({ maxLength: 12 })),
      value,
      { maxKeys: 8 },
    );
    let requests = 0;
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...actions), fc.constantFrom(...ROLES), form, fc.constantFrom("1", "0114", "<x>", "999999"), async (route, who, fields, param) => {
        // Never sign out a session the other tests use, or end up with a changed password.
        if (route.id === "routes/logout" && who !== "anonymous") return;
        const path = actionUrl(route, { id: param, code: param === "1" ? "0114" : param, year: "2026", token: param, hash: param });
        const response = await request(server, path, {
          method: "POST",
          body: new URLSearchParams(Object.entries(fields)),
          headers: { "X-Forwarded-For": `10.9.${requests % 200}.1` },
          ...(who === "anonymous" ? {} : { cookie: cookies[who] }),
        });
        const text = await response.text();
        requests += 1;
        const label = `${route.id} as ${who}: ${response.status}`;
        expect(response.status, label).toBeLessThan(500);
        if (response.status >= 400 && response.status !== 404 && response.status !== 405) expect(text, label).toMatch(SWEDISH);
      }),
      { numRuns: 300 },
    );
    expect(errorsLogged(mark)).toEqual([]);
  });
});

describe("hostile values in addresses", () => {
  it("ids, codes and years in every page's address: never a 500, a 4xx is Swedish", { timeout: 120_000 }, async () => {
    const mark = server.output().length;
    const pages = routes.filter((r) => /:/.test(r.pattern) && !r.pattern.includes("kalender/:token"));
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...pages), fc.oneof(hostileText.filter((s) => s.length < 300), fc.constantFrom("0", "01", "1.0", "%00", "..", "%2F")), async (route, raw) => {
        const value = encodeURIComponent(wellFormed(raw));
        // Every parameter of the address gets the value (":id", ":code", ":year", ":name", …).
        const params = Object.fromEntries([...route.pattern.matchAll(/:(\w+)/g)].map((m) => [m[1]!, value]));
        const path = concretePath(route.pattern, params);
        const response = await rawRequest(server, { method: "GET", path, headers: { Cookie: cookies.admin! } });
        const label = `${route.id} ${path.slice(0, 80)}: ${response.status}`;
        expect(response.status, label).toBeLessThan(500);
        if (response.status >= 400) expect(response.body, label).toMatch(SWEDISH);
      }),
      { numRuns: 150 },
    );
    expect(errorsLogged(mark)).toEqual([]);
  });

  it("a signed-in user sent to /login?redirectTo=… is always sent somewhere on this site", { timeout: 60_000 }, async () => {
    const address = fc.oneof(
      hostileText.filter((s) => s.length < 500),
      fc.webUrl(),
      fc.array(fc.constantFrom("/", "//", "\\", "..", "%2e", "%2f", "%5c", "evil.test", "https:", "@", "\t", "?", "#"), { maxLength: 8 }).map((p) => p.join("")),
    );
    await fc.assert(
      fc.asyncProperty(address, async (to) => {
        const response = await request(server, `/login?redirectTo=${encodeURIComponent(wellFormed(to))}`, { cookie: cookies.manager });
        await response.arrayBuffer();
        expect(response.status).toBe(302);
        const location = response.headers.get("location")!;
        expect(new URL(location, "https://samverkanskartan.example.se/login").origin).toBe("https://samverkanskartan.example.se");
        expect(location).not.toMatch(/^\/\/|\\/);
      }),
      { numRuns: 150 },
    );
  });
});

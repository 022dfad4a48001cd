import { spawn } from "node:child_process";
import path from "node:path";
import { eq } from "drizzle-orm";
import Papa from "papaparse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, userCounties, userRoles, users } from "../../db/schema";
import { makeTempDir } from "../support/database";
import { createTestUser, loginForm, loginHttp, request, withServerDb, type TestUser } from "../support/auth";
import { startServer, type RunningServer } from "../support/server";

let server: RunningServer;
let admin: TestUser;
let adminCookie: string;

beforeAll(async () => {
  server = await startServer();
  admin = await createTestUser(server, { roles: ["admin"], name: "Astrid Admin" });
  adminCookie = await loginHttp(server, admin);
});
afterAll(async () => {
  await server?.stop();
});

function post(pathname: string, fields: Record<string, string | string[]>, cookie = adminCookie) {
  const body = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) for (const value of [v].flat()) body.append(k, value);
  return request(server, pathname, { cookie, method: "POST", body });
}

function temporaryPassword(html: string): string {
  const match = /data-testid="temporary-password">([^<]+)</.exec(html);
  if (!match) throw new Error("no temporary password on the page");
  return match[1]!;
}

describe("users administration", () => {
  it("an admin creates a coordinator, who must change the temporary password at first sign-in", async () => {
    const response = await post("/admin/anvandare/ny", {
      email: "Nora.Nilsson@Example.se",
      name: "Nora Nilsson",
      roles: "coordinator",
      countyCodes: ["14", "13"],
    });
    expect(response.status).toBe(200);
    const password = temporaryPassword(await response.text());

    const row = withServerDb(server, (db) => db.select().from(users).where(eq(users.email, "nora.nilsson@example.se")).get())!;
    expect(row.mustChangePassword).toBe(true);
    const counties = withServerDb(server, (db) => db.select().from(userCounties).where(eq(userCounties.userId, row.id)).all());
    expect(counties.map((c) => c.countyCode).sort()).toEqual(["13", "14"]);

    const login = await request(server, "/login", { method: "POST", body: loginForm("nora.nilsson@example.se", password) });
    expect(login.status).toBe(302);
    expect(login.headers.get("location")).toBe("/konto/losenord");
    const cookie = login.headers.getSetCookie()[0]!.split(";")[0]!;
    // Until the password is changed, every other page leads back to the form.
    const blocked = await request(server, "/kommuner", { cookie });
    expect(blocked.headers.get("location")).toBe("/konto/losenord");
    const changed = await post(
      "/konto/losenord",
      { currentPassword: password, newPassword: "Noras egna långa lösenord", confirmPassword: "Noras egna långa lösenord" },
      cookie,
    );
    expect(changed.status).toBe(302);
    expect((await request(server, "/kommuner", { cookie })).status).toBe(200);
  });

  it("refuses a coordinator without counties, an unknown role and a taken e-mail, saving nothing", async () => {
    const before = withServerDb(server, (db) => db.select().from(users).all().length);
    const noCounty = await post("/admin/anvandare/ny", { email: "a@example.se", name: "A", roles: "coordinator" });
    expect(noCounty.status).toBe(400);
    expect(await noCounty.text()).toContain("En samordnare behöver minst ett län.");
    const badRole = await post("/admin/anvandare/ny", { email: "b@example.se", name: "B", roles: "superuser" });
    expect(badRole.status).toBe(400);
    expect(await badRole.text()).toContain("Okänd roll.");
    const taken = await post("/admin/anvandare/ny", { email: admin.email.toUpperCase(), name: "C", roles: "planner" });
    expect(taken.status).toBe(400);
    expect(await taken.text()).toContain("Det finns redan ett konto");
    const longName = await post("/admin/anvandare/ny", { email: "d@example.se", name: "n".repeat(500), roles: "planner" });
    expect(longName.status).toBe(400);
    expect(withServerDb(server, (db) => db.select().from(users).all().length)).toBe(before);
  });

  it("an admin changes a user's roles and counties; the change and its before/after are in the audit log", async () => {
    const user = await createTestUser(server, { roles: ["planner"] });
    const response = await post(`/admin/anvandare/${user.id}`, {
      intent: "update",
      name: "Ny Namnsson",
      roles: ["coordinator", "planner"],
      countyCodes: "25",
    });
    expect(response.status).toBe(200);
    const roles = withServerDb(server, (db) => db.select().from(userRoles).where(eq(userRoles.userId, user.id)).all());
    expect(roles.map((r) => r.role).sort()).toEqual(["coordinator", "planner"]);
    const entry = withServerDb(server, (db) =>
      db.select().from(auditLog).where(eq(auditLog.action, "user.update")).all().find((e) => e.entityId === String(user.id)),
    )!;
    expect(entry.actorLabel).toBe(admin.email);
    expect(JSON.parse(entry.before!)).toMatchObject({ roles: ["planner"], countyCodes: [] });
    expect(JSON.parse(entry.after!)).toMatchObject({ name: "Ny Namnsson", roles: ["coordinator", "planner"], countyCodes: ["25"] });
  });

  it("an admin cannot remove their own admin role or deactivate themselves", async () => {
    const demote = await post(`/admin/anvandare/${admin.id}`, { intent: "update", name: "Astrid Admin", roles: "manager" });
    expect(demote.status).toBe(400);
    expect(await demote.text()).toContain("din egen administratörsroll");
    const deactivate = await post(`/admin/anvandare/${admin.id}`, { intent: "set-active", active: "false" });
    expect(deactivate.status).toBe(400);
    expect((await request(server, "/admin/anvandare", { cookie: adminCookie })).status).toBe(200);
  });

  it("a password reset ends the user's sessions and gives a temporary password", async () => {
    const user = await createTestUser(server, { roles: ["manager"] });
    const cookie = await loginHttp(server, user);
    const response = await post(`/admin/anvandare/${user.id}`, { intent: "reset-password", confirm: "yes" });
    expect(response.status).toBe(200);
    const password = temporaryPassword(await response.text());
    expect((await request(server, "/kommuner", { cookie })).status).toBe(302);
    expect((await request(server, "/login", { method: "POST", body: loginForm(user.email, user.password) })).status).toBe(401);
    const login = await request(server, "/login", { method: "POST", body: loginForm(user.email, password) });
    expect(login.headers.get("location")).toBe("/konto/losenord");
  });

  it("names that users write are escaped on the page", async () => {
    await createTestUser(server, { roles: ["planner"], name: `<img src=x onerror="alert(1)">Elak` });
    const html = await (await request(server, "/admin/anvandare", { cookie: adminCookie })).text();
    expect(html).toContain("&lt;img src=x onerror=");
    expect(html).not.toContain(`<img src=x onerror="alert(1)">`);
  });
});

describe("audit log page", () => {
  it("filters by person and type, and refuses a bad date with a message", async () => {
    const page = await request(server, `/admin/logg?person=${admin.id}&objekt=user`, { cookie: adminCookie });
    const html = await page.text();
    expect(page.status).toBe(200);
    expect(html).toContain("Konto skapat");
    expect(html).not.toContain("Inloggning</td>");
    const bad = await (await request(server, "/admin/logg?fran=2025-13-45", { cookie: adminCookie })).text();
    expect(bad).toContain("Ange ett datum som finns");
  });

  it("exports the filtered log as semicolon CSV with a BOM, formulas neutralised", async () => {
    await createTestUser(server, { roles: ["planner"], name: "=HYPERLINK(\"http://evil\")" });
    const response = await request(server, `/admin/logg/csv?objekt=user`, { cookie: adminCookie });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toMatch(/attachment; filename="samverkanskartan-logg-\d{4}-\d{2}-\d{2}\.csv"/);
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes.slice(3));
    const parsed = Papa.parse<string[]>(text, { delimiter: ";" });
    expect(parsed.data[0]).toEqual(["Tidpunkt (UTC)", "Person", "Händelse", "Objekttyp", "Objekt-id", "Före", "Efter"]);
    const rows = parsed.data.slice(1).filter((r) => r.length > 1);
    expect(rows.length).toBeGreaterThan(3);
    expect(rows.every((r) => r[3] === "Konto")).toBe(true);
    expect(text).not.toMatch(/(^|;)"?=HYPERLINK/m);
  });
});

describe("npm run user:create", () => {
  function run(args: string[], stdin: string, env: Record<string, string>) {
    return new Promise<{ code: number | null; output: string }>((resolve) => {
      const child = spawn(process.execPath, ["--import", "tsx", "app/commands/user-create.ts", ...args], {
        env: { ...process.env, ...env },
        stdio: ["pipe", "pipe", "pipe"],
      });
      let output = "";
      child.stdout.on("data", (d) => (output += d));
      child.stderr.on("data", (d) => (output += d));
      child.on("exit", (code) => resolve({ code, output }));
      child.stdin.end(stdin);
    });
  }

  it("creates an account with roles and counties, the password read from standard input", async () => {
    const dir = makeTempDir();
    const env = { DATABASE_PATH: path.join(dir, "cli.sqlite") };
    const result = await run(
      ["--email", "cli@example.se", "--name", "Kim Kommandorad", "--role", "coordinator", "--role", "planner", "--county", "14", "--county", "01"],
      "ett långt lösenord från stdin\n",
      env,
    );
    expect(result.output).toContain("Kontot cli@example.se");
    expect(result.code).toBe(0);
    const cliServer = await startServer(env);
    try {
      const cookie = await loginHttp(cliServer, { email: "cli@example.se", password: "ett långt lösenord från stdin" });
      expect((await request(cliServer, "/kommuner", { cookie })).status).toBe(200);
    } finally {
      await cliServer.stop();
    }
  });

  it("refuses a weak password or a bad role with one clear line and creates nothing", async () => {
    const dir = makeTempDir();
    const env = { DATABASE_PATH: path.join(dir, "cli.sqlite") };
    const weak = await run(["--email", "w@example.se", "--name", "W", "--role", "planner"], "kort\n", env);
    expect(weak.code).toBe(1);
    expect(weak.output.trim()).toBe("user:create: Lösenordet måste ha minst 12 tecken.");
    const role = await run(["--email", "w@example.se", "--name", "W", "--role", "kung"], "ett långt lösenord från stdin\n", env);
    expect(role.code).toBe(1);
    expect(role.output).toContain("--role: Okänd roll.");
  });
});

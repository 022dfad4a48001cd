/**
 * Password guessing on the password form (issue 8, finding 4) and the owner of a known account kept out
 * by strangers' failures (finding 5, README "Decisions": a browser that has signed in to the account
 * before is not held up by the account's delay).
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog } from "../../db/schema";
import { createTestUser, loginForm, loginHttp, request, sessionCookieFrom, withServerDb, type TestUser } from "../support/auth";
import { startServer, type RunningServer } from "../support/server";

let server: RunningServer;
beforeAll(async () => {
  // Behind a proxy: each test guesses from its own address, so the per-address limits stay apart.
  server = await startServer({ TRUST_PROXY: "1" });
});
afterAll(async () => {
  await server?.stop();
});

const from = (address: string) => ({ "X-Forwarded-For": address });

function changePassword(cookie: string, address: string, currentPassword: string, extra: Record<string, string> = {}) {
  const newPassword = extra.newPassword ?? "ett helt nytt och långt lösenord";
  return request(server, "/konto/losenord", {
    cookie,
    method: "POST",
    headers: from(address),
    body: new URLSearchParams({ currentPassword, newPassword, confirmPassword: newPassword }),
  });
}

/** Signs in from `address`; returns the session cookie and the known-browser cookie it set. */
async function signIn(user: Pick<TestUser, "email" | "password">, address: string, cookie?: string) {
  const response = await request(server, "/login", { method: "POST", headers: from(address), cookie, body: loginForm(user.email, user.password) });
  const browser = response.headers.getSetCookie().find((h) => /samverkan_browser=/.test(h));
  return { response, session: sessionCookieFrom(response), browser: browser?.split(";")[0] ?? null, browserHeader: browser ?? null };
}

describe("guessing the current password on the password form", () => {
  it("is slowed down like signing in: after 5 wrong guesses each try waits, with Retry-After and a Swedish message", async () => {
    const user = await createTestUser(server, { roles: ["planner"] });
    const { session } = await signIn(user, "10.4.0.1");
    const statuses: number[] = [];
    let lastRetryAfter = 0;
    let lastText = "";
    // Guess on while the first wait lasts (on a loaded machine a second can pass within a few tries).
    let waitEnds = Infinity;
    for (let i = 0; i < 25 && Date.now() < waitEnds - 300; i++) {
      const response = await changePassword(session!, "10.4.0.1", `inte det rätta lösenordet ${i}`);
      statuses.push(response.status);
      if (response.status === 429) {
        lastRetryAfter = Number(response.headers.get("retry-after"));
        if (waitEnds === Infinity) waitEnds = Date.now() + lastRetryAfter * 1000;
        lastText = await response.text();
      } else await response.arrayBuffer();
    }
    expect(statuses.slice(0, 5)).toEqual([400, 400, 400, 400, 400]);
    expect(statuses.length).toBeGreaterThan(5);
    expect(statuses.slice(5).every((s) => s === 429)).toBe(true);
    expect(lastRetryAfter).toBeGreaterThanOrEqual(1);
    expect(lastText).toContain("För många felaktiga lösenord");
    // Each wrong guess is in the audit log; the answers given without a check are not guesses.
    const audited = withServerDb(server, (db) =>
      db.select().from(auditLog).where(eq(auditLog.action, "user.password_check_failure")).all().filter((r) => r.actorId === user.id),
    );
    expect(audited).toHaveLength(5);

    // The right password, once the wait is over, still changes it.
    await new Promise((resolve) => setTimeout(resolve, lastRetryAfter * 1000 + 200));
    const ok = await changePassword(session!, "10.4.0.1", user.password);
    expect(ok.status).toBe(302);
  });

  it("counts wrong guesses from one address across accounts: the 11th within a minute gets 429", async () => {
    const users = await Promise.all([0, 1, 2].map(() => createTestUser(server, { roles: ["planner"] })));
    const sessions = [];
    for (const user of users) sessions.push((await signIn(user, "10.4.0.2")).session!);
    let wrong = 0;
    for (const [i, session] of sessions.entries()) {
      for (let j = 0; j < 4 && wrong < 10; j++, wrong++) {
        const response = await changePassword(session, "10.4.0.2", `fel gissning ${i}-${j} här`);
        expect(response.status).toBe(400);
      }
    }
    const limited = await changePassword(sessions[2]!, "10.4.0.2", users[2]!.password);
    expect(limited.status).toBe(429);
    expect(await limited.text()).toContain("från din dator");
    const elsewhere = await changePassword(sessions[2]!, "10.4.0.3", users[2]!.password);
    expect(elsewhere.status).toBe(302);
  });

  it("a mistake in the new password is not a guess and does not count", async () => {
    const user = await createTestUser(server, { roles: ["planner"] });
    const { session } = await signIn(user, "10.4.0.4");
    for (let i = 0; i < 12; i++) {
      const response = await changePassword(session!, "10.4.0.4", user.password, { newPassword: "kort" });
      expect(response.status).toBe(400);
    }
    expect((await changePassword(session!, "10.4.0.4", user.password)).status).toBe(302);
  });
});

describe("an account that strangers keep failing on (the lockout decision)", () => {
  it("the browser that signed in before gets in at once; a new browser waits", async () => {
    const owner = await createTestUser(server, { roles: ["coordinator"] });
    const first = await signIn(owner, "10.5.0.1");
    expect(first.response.status).toBe(302);
    expect(first.browser).not.toBeNull();

    // Someone else fails 8 times on the owner's address (the "keep its owner out").
    for (let i = 0; i < 8; i++) {
      const response = await request(server, "/login", { method: "POST", headers: from("10.5.0.9"), body: loginForm(owner.email, `fel lösenord nummer ${i}`) });
      expect([401, 429]).toContain(response.status);
    }
    const stranger = await signIn(owner, "10.5.0.2");
    expect(stranger.response.status).toBe(429);
    expect(await stranger.response.text()).toContain("med den här e-postadressen");

    // The owner's browser, signed out but holding its known-browser cookie, gets straight in.
    const owners = await signIn(owner, "10.5.0.1", first.browser!);
    expect(owners.response.status).toBe(302);
    expect(owners.session).not.toBeNull();
    // … and keeps its browser id (a fresh cookie, the same browser).
    const browserId = (cookie: string | null) => cookie?.split("=")[1]?.split(".")[2];
    expect(browserId(owners.browser)).toBe(browserId(first.browser));
  });

  it("the cookie is HttpOnly, Secure, SameSite=Lax, lasts a year and is bound to its account", async () => {
    const owner = await createTestUser(server, { roles: ["planner"] });
    const other = await createTestUser(server, { roles: ["planner"] });
    const { browser, browserHeader } = await signIn(owner, "10.5.1.1");
    expect(browserHeader).toMatch(/^__Host-samverkan_browser=\d+\.\d+\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43};/);
    expect(browserHeader).toMatch(/; HttpOnly/i);
    expect(browserHeader).toMatch(/; Secure/i);
    expect(browserHeader).toMatch(/; SameSite=Lax/i);
    expect(browserHeader).toMatch(/; Path=\//i);
    expect(browserHeader).toMatch(/; Max-Age=31536000/i);

    for (let i = 0; i < 6; i++) {
      await request(server, "/login", { method: "POST", headers: from("10.5.1.9"), body: loginForm(other.email, `fel lösenord nummer ${i}`) });
    }
    // The owner's cookie does not help with another account …
    expect((await signIn(other, "10.5.1.1", browser!)).response.status).toBe(429);
    // … nor does a cookie moved to the other account's id, or one with a made-up signature.
    const [name, value] = browser!.split("=") as [string, string];
    const [, issued, id, mac] = value.split(".");
    expect((await signIn(other, "10.5.1.1", `${name}=${other.id}.${issued}.${id}.${mac}`)).response.status).toBe(429);
    expect((await signIn(other, "10.5.1.1", `${name}=${other.id}.${issued}.${id}.${"A".repeat(43)}`)).response.status).toBe(429);
  });

  it("a known browser that guesses wrong is slowed down by its own failures", async () => {
    const owner = await createTestUser(server, { roles: ["planner"] });
    const { browser } = await signIn(owner, "10.5.2.1");
    for (let i = 0; i < 6; i++) {
      const response = await request(server, "/login", { method: "POST", headers: from("10.5.2.1"), cookie: browser, body: loginForm(owner.email, `fel nummer ${i} av sex`) });
      // The sixth may already have to wait (1 s after the fifth failure), unless the machine is slow.
      expect(i < 5 ? [401] : [401, 429]).toContain(response.status);
    }
    const slowed = await signIn(owner, "10.5.2.1", browser!);
    expect(slowed.response.status).toBe(429);
    const wait = Number(slowed.response.headers.get("retry-after"));
    await new Promise((resolve) => setTimeout(resolve, wait * 1000 + 200));
    expect((await signIn(owner, "10.5.2.1", browser!)).response.status).toBe(302);
  });

  it("the per-address limit still applies to a known browser", async () => {
    const owner = await createTestUser(server, { roles: ["planner"] });
    const { browser } = await signIn(owner, "10.5.3.1");
    for (let i = 0; i < 10; i++) {
      await request(server, "/login", { method: "POST", headers: from("10.5.3.1"), body: loginForm(`gissning${i}@example.se`, "fel lösenord igen och igen") });
    }
    const limited = await signIn(owner, "10.5.3.1", browser!);
    expect(limited.response.status).toBe(429);
    expect(await limited.response.text()).toContain("från din dator");
  });

  it("signing in still works with a session cookie first in Set-Cookie (clients that read only the first)", async () => {
    const owner = await createTestUser(server, { roles: ["planner"] });
    const response = await request(server, "/login", { method: "POST", headers: from("10.5.4.1"), body: loginForm(owner.email, owner.password) });
    expect(response.headers.getSetCookie()[0]).toMatch(/^__Host-samverkan_session=/);
    expect(await loginHttp(server, owner)).toMatch(/^__Host-samverkan_session=/);
  });
});

import type { Browser, Page } from "playwright-core";
import { watchPage, type PageProblems } from "./browser";
import { randomBytes } from "node:crypto";
import { openDatabase, withConnection } from "../../db/client.server";
import type { Role } from "../../app/domain/permissions";
import { systemActor } from "../../app/models/audit.server";
import { createUser } from "../../app/models/user.server";
import { hashPassword } from "../../app/services/password.server";
import { resetEnvCache } from "../../app/services/env.server";
import { createSession } from "../../app/services/session.server";
import type { RunningServer } from "./server";

export type TestUser = {
  id: number;
  email: string;
  name: string;
  password: string;
  roles: Role[];
  countyCodes: string[];
};

let counter = 0;

/**
 * Creates an account straight in a running server's database file (a second connection; SQLite's WAL
 * lets both work), with a password that meets the policy. Roles default to one, counties to none
 * (a coordinator gets Stockholms län, "01", unless told otherwise).
 */
export async function createTestUser(
  server: Pick<RunningServer, "databasePath">,
  options: { roles: Role[]; countyCodes?: string[]; email?: string; name?: string; password?: string; mustChangePassword?: boolean },
): Promise<TestUser> {
  counter += 1;
  const label = options.roles.join("-") || "ingen-roll";
  const email = options.email ?? `${label}.${counter}.${Date.now()}@example.se`;
  const name = options.name ?? `Test ${label} ${counter}`;
  const password = options.password ?? `ett långt testlösenord ${counter} för ${label}`;
  const countyCodes = options.countyCodes ?? (options.roles.includes("coordinator") ? ["01"] : []);
  const passwordHash = await hashPassword(password);
  const db = openDatabase(server.databasePath);
  try {
    const user = withConnection(db, () =>
      createUser(
        { email, name, roles: options.roles, countyCodes, passwordHash, mustChangePassword: options.mustChangePassword },
        systemActor("test"),
      ),
    );
    return { id: user.id, email: user.email, name, password, roles: options.roles, countyCodes };
  } finally {
    db.$client.close();
  }
}

/** Runs `fn` with a connection to a running server's database file (for checks and for ageing sessions). */
export function withServerDb<T>(server: Pick<RunningServer, "databasePath">, fn: (db: ReturnType<typeof openDatabase>) => T): T {
  const db = openDatabase(server.databasePath);
  try {
    return fn(db);
  } finally {
    db.$client.close();
  }
}

/** The Set-Cookie value of a response, reduced to "name=value" for the next request's Cookie header. */
export function sessionCookieFrom(response: Response): string | null {
  for (const header of response.headers.getSetCookie()) {
    const pair = header.split(";")[0]!;
    if (/^(__Host-)?samverkan_session=./.test(pair)) return pair;
  }
  return null;
}

export function loginForm(email: string, password: string, extra: Record<string, string> = {}) {
  return new URLSearchParams({ email, password, ...extra });
}

/** Signs in through POST /login, as a browser's form would; returns the session cookie. */
export async function loginHttp(server: Pick<RunningServer, "url">, user: Pick<TestUser, "email" | "password">): Promise<string> {
  const response = await fetch(`${server.url}/login`, {
    method: "POST",
    body: loginForm(user.email, user.password),
    redirect: "manual",
  });
  const cookie = sessionCookieFrom(response);
  if (response.status !== 302 || !cookie) {
    throw new Error(`login as ${user.email} failed: ${response.status} ${await response.text()}`);
  }
  return cookie;
}

/** GET (or POST) with a session cookie, never following redirects. */
export function request(
  server: Pick<RunningServer, "url">,
  path: string,
  options: { cookie?: string | null; method?: string; body?: BodyInit; headers?: Record<string, string> } = {},
) {
  return fetch(`${server.url}${path}`, {
    method: options.method ?? "GET",
    body: options.body,
    redirect: "manual",
    headers: { ...(options.cookie ? { Cookie: options.cookie } : {}), ...options.headers },
  });
}

/** Signs in through the /login form in the browser, as a person would, and waits for the page after it. */
export async function loginInBrowser(page: Page, server: Pick<RunningServer, "url">, user: Pick<TestUser, "email" | "password">, path = "/") {
  await page.goto(`${server.url}/login${path === "/" ? "" : `?redirectTo=${encodeURIComponent(path)}`}`);
  await page.getByLabel("E-post").fill(user.email);
  await page.getByLabel("Lösenord", { exact: true }).fill(user.password);
  await Promise.all([
    page.waitForURL((url) => url.pathname !== "/login"),
    page.getByRole("button", { name: "Logga in" }).click(),
  ]);
}

/**
 * For tests that call route loaders directly against the process-wide test database: creates a user
 * with the given roles and a real session, and returns a Request for `url` that carries its cookie.
 */
export async function signedInRequest(url: string, roles: Role[] = ["manager"], countyCodes: string[] = []): Promise<Request> {
  if (!process.env.SESSION_SECRET) {
    process.env.SESSION_SECRET = randomBytes(32).toString("base64url");
    resetEnvCache();
  }
  counter += 1;
  const user = createUser(
    {
      email: `direct.${counter}.${Date.now()}@example.se`,
      name: `Test ${counter}`,
      roles,
      countyCodes,
      passwordHash: await hashPassword(`ett långt testlösenord ${counter}`),
    },
    systemActor("test"),
  );
  const pair = createSession(user.id).setCookie.split(";")[0]!;
  return new Request(new URL(url, "http://localhost").href, { headers: { Cookie: pair } });
}

/**
 * A browser page signed in as a new user with `roles`, watched for CSP violations and script errors:
 * the usual start of a browser test.
 */
export async function signedInPage(
  server: Pick<RunningServer, "url" | "databasePath">,
  browser: Browser,
  options: { roles: Role[]; countyCodes?: string[]; name?: string; viewport?: { width: number; height: number } },
): Promise<{ page: Page; problems: PageProblems; user: TestUser }> {
  const page = await browser.newPage({ viewport: options.viewport ?? { width: 1280, height: 900 }, locale: "sv-SE" });
  const problems = await watchPage(page);
  const user = await createTestUser(server, { roles: options.roles, countyCodes: options.countyCodes, name: options.name });
  await loginInBrowser(page, server, user);
  return { page, problems, user };
}

import type { BrowserContext } from "playwright-core";
import { createTestUser, loginHttp } from "../support/auth";
import { sharedFixture } from "../support/database";
import { importBorders, startServer } from "../support/server";

/**
 * The real server with the fixture's borders imported and a signed-in manager's session cookie
 * ("name=value"): what every map benchmark starts from.
 */
export async function startMapServer(env: Record<string, string> = {}) {
  const fixture = sharedFixture("swedish_municipalities.geojson");
  if (!fixture) throw new Error("The border fixture (../shared/fixtures/swedish_municipalities.geojson) is missing.");
  const server = await startServer(env);
  const imported = importBorders(server, fixture);
  if (imported.status !== 0) throw new Error(imported.stderr);
  const cookie = await loginHttp(server, await createTestUser(server, { roles: ["manager"] }));
  return { server, cookie };
}

/** Puts the session cookie into a fresh browser context, so its pages are signed in. */
export async function signInContext(context: BrowserContext, url: string, cookie: string) {
  const [name, value] = [cookie.slice(0, cookie.indexOf("=")), cookie.slice(cookie.indexOf("=") + 1)];
  const secure = name.startsWith("__Host-");
  await context.addCookies([{ name, value, domain: new URL(url).hostname, path: "/", secure, httpOnly: true, sameSite: "Lax" }]);
}

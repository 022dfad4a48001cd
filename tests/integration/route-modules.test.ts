/**
 * Every page route (a route module with a component) has its own ErrorBoundary, the shared
 * GeneralErrorBoundary, so a 403/404 from its loader is a Swedish page inside the layout. Checked on
 * the Remix build (what the server runs); needs `npm run build`.
 */
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";
import { describe, expect, it } from "vitest";

describe("route modules", () => {
  it("every page route exports an ErrorBoundary", async () => {
    const build = (await import(pathToFileURL(path.resolve("build/index.js")).href)) as ServerBuild;
    const pages = Object.values(build.routes).filter((r) => r.module.default);
    expect(pages.length).toBeGreaterThan(8);
    expect(pages.filter((r) => !r.module.ErrorBoundary).map((r) => r.id)).toEqual([]);
  });
});

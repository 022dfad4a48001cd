import path from "node:path";
import { pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";

/** The Remix build the server runs (build/index.js): its routes are the app's full list of addresses. */
export async function loadBuild(): Promise<ServerBuild> {
  return (await import(pathToFileURL(path.resolve("build/index.js")).href)) as ServerBuild;
}

export type BuiltRoute = {
  id: string;
  /** The full path pattern, e.g. "/admin/anvandare/:id". */
  pattern: string;
  index: boolean;
  hasAction: boolean;
  /** A resource route (no page): answers JSON or a file. */
  resource: boolean;
};

/** Every route of the build with its full path pattern. */
export function builtRoutes(build: ServerBuild): BuiltRoute[] {
  const full = (id: string | undefined): string => {
    if (!id) return "";
    const route = build.routes[id]!;
    const own = route.path ?? "";
    const parent = full(route.parentId);
    return own ? `${parent}/${own}` : parent;
  };
  return Object.values(build.routes)
    .filter((route) => route.id !== "root")
    .map((route) => ({
      id: route.id,
      pattern: full(route.id) || "/",
      index: route.index === true,
      hasAction: typeof route.module.action === "function",
      resource: route.module.default == null,
    }));
}

/** A concrete address for a pattern: ":id" and friends filled in, a splat given a made-up rest. */
export function concretePath(pattern: string, values: Record<string, string> = {}): string {
  return pattern
    .split("/")
    .map((segment) => {
      if (segment === "*") return "finns-inte/alls";
      // A parameter may be followed by fixed text, as in "rapport/:year.docx".
      const param = /^:(\w+)\??(.*)$/.exec(segment);
      if (param) return (values[param[1]!] ?? "1") + param[2];
      return segment;
    })
    .join("/")
    .replace(/^$/, "/");
}

/** Where a form on the route posts to: index routes need Remix's `?index`. */
export function actionUrl(route: BuiltRoute, values: Record<string, string> = {}): string {
  const base = concretePath(route.pattern, values);
  return route.index ? `${base}?index` : base;
}

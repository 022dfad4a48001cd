import type { ActionFunctionArgs, LoaderFunctionArgs, ServerBuild } from "@remix-run/node";
import { log } from "../services/log.server";

/**
 * Every unexpected error in a loader or action becomes a 500 answer that carries its error id, the
 * request's id that the error's log line carries too. Remix would otherwise replace the error with
 * "Unexpected Server Error" on its way to the browser, and the page could only borrow the id from the
 * root loader's data, which is missing when the root loader itself failed, and belongs to another
 * request after a failed form post in the browser. As a thrown Response it reaches the error boundary
 * as it is, on a full page load and after client-side navigation alike; the API gets it as JSON.
 */
export type ErrorIdData = { error: "internal_error"; errorId: string; message: string };

function isResponseLike(error: unknown): boolean {
  if (error instanceof Response) return true;
  if (typeof error !== "object" || error === null) return false;
  // Remix's data()/redirect helpers and router ErrorResponses are answers, not failures.
  const kind = (error as { type?: unknown }).type;
  return kind === "DataWithResponseInit" || ("internal" in error && "status" in error && "data" in error);
}

function withErrorId<Args extends LoaderFunctionArgs | ActionFunctionArgs>(
  routeId: string,
  fn: (args: Args) => unknown,
): (args: Args) => Promise<unknown> {
  return async (args) => {
    try {
      return await fn(args);
    } catch (error) {
      if (isResponseLike(error) || args.request.signal.aborted) throw error;
      const errorId = args.context.requestId;
      log.error("unhandled error", { errorId, route: routeId, path: new URL(args.request.url).pathname, error });
      throw Response.json(
        { error: "internal_error", errorId, message: "Ett oväntat fel inträffade." } satisfies ErrorIdData,
        { status: 500, headers: { "Cache-Control": "private, no-store" } },
      );
    }
  };
}

/** The build with every loader and action wrapped (the modules themselves stay untouched). */
export function withErrorIds(build: ServerBuild): ServerBuild {
  const routes = Object.fromEntries(
    Object.entries(build.routes).map(([id, route]) => {
      const module = { ...route.module };
      if (module.loader) module.loader = withErrorId(id, module.loader) as typeof module.loader;
      if (module.action) module.action = withErrorId(id, module.action) as typeof module.action;
      return [id, { ...route, module }];
    }),
  );
  return { ...build, routes };
}

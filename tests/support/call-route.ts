import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import type { Role } from "../../app/domain/permissions";
import { signedInRequest } from "./auth";

type RouteFunction = (args: LoaderFunctionArgs | ActionFunctionArgs) => unknown;

export type RouteResult = {
  status: number;
  headers: Headers;
  /** The returned data (loader or action), or the parsed JSON / text body of a Response. */
  data: unknown;
  /** The Location of a redirect. */
  location: string | null;
};

/**
 * Calls a route's loader or action in-process, against the process-wide test database, as a new user
 * with `roles` (and counties), or anonymously with `as: null`. A thrown Response (403, 404, redirect)
 * is caught and returned like a returned one, so validation and permission branches are tested
 * without starting a server.
 *
 *     const result = await callRoute(action, { as: ["coordinator"], counties: ["14"], method: "POST",
 *       url: "/kartlaggningar/1/bedomning/1480", params: { id: "1", code: "1480" }, form: { … } });
 */
export async function callRoute(
  fn: RouteFunction,
  options: {
    as: Role[] | null;
    counties?: string[];
    url: string;
    params?: Record<string, string>;
    method?: "GET" | "POST";
    form?: Record<string, string | string[]> | FormData;
    /** An existing request to reuse (same user), e.g. for a second call. */
    request?: Request;
  },
): Promise<RouteResult> {
  let request = options.request;
  if (!request) {
    const base = options.as ? await signedInRequest(options.url, options.as, options.counties ?? []) : new Request(new URL(options.url, "http://localhost"));
    let body: FormData | undefined;
    if (options.form instanceof FormData) body = options.form;
    else if (options.form) {
      body = new FormData();
      for (const [key, value] of Object.entries(options.form)) {
        for (const v of Array.isArray(value) ? value : [value]) body.append(key, v);
      }
    }
    request = new Request(base.url, { method: options.method ?? (body ? "POST" : "GET"), headers: base.headers, body });
  }
  let result: unknown;
  try {
    result = await fn({ request, params: options.params ?? {}, context: { cspNonce: "test", requestId: "test" } });
  } catch (thrown) {
    result = thrown;
  }
  return toResult(result);
}

async function toResult(result: unknown): Promise<RouteResult> {
  if (result instanceof Response) {
    const type = result.headers.get("Content-Type") ?? "";
    const text = await result.text();
    return {
      status: result.status,
      headers: result.headers,
      data: type.includes("json") && text ? JSON.parse(text) : text,
      location: result.headers.get("Location"),
    };
  }
  // Remix's `data(value, init)` (single fetch) returns a marker object holding the value and its init.
  if (result && typeof result === "object" && (result as { type?: string }).type === "DataWithResponseInit") {
    const { data, init } = result as { data: unknown; init?: ResponseInit | null };
    return { status: init?.status ?? 200, headers: new Headers(init?.headers), data, location: null };
  }
  if (result instanceof Error) throw result;
  return { status: 200, headers: new Headers(), data: result, location: null };
}

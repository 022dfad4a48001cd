/**
 * The request gate: what every request passes before anything keys on its address, reads its body or
 * runs a route (issue 8). In order (see createApp in app.ts):
 *
 * 1. `canonicalAddress` (every request): the path's one spelling (app/domain/url-path.ts: escapes of
 *    unreserved characters, dot segments, backslashes, repeated and trailing slashes; plus the letter
 *    case of the route's fixed words, and Remix's `.data` suffix). Another spelling of a page is
 *    redirected there (308); any other request written another way, Remix's old `?_data=` requests and
 *    broken escapes get 400. So everything after this sees one spelling per address.
 * 2. `formTarget` (POST): the route whose action the POST would run, found in the build as Remix finds
 *    it. No action there: 405, Swedish page or JSON, naming no route, logged as a warning.
 * 3. `addressLimits` (POST): per-address limits of the routes that check passwords, keyed on the route.
 * 4. `formBody` (POST): reads the body (at most 2 MB, app.ts's bodyLimit) while counting its fields
 *    (separators and multipart boundaries, no parsing), answers 413 as soon as there are too many, then
 *    checks that the form can be read and that no name repeats too often, and hands the read body on to
 *    Remix. A body that is not a form (JSON, text/plain, no type, broken multipart) gets a Swedish 400.
 *
 * A route whose form needs more fields says so in its module: `export const handle = { formLimits: {
 * fields: 2000, repeats: 600 } }`.
 */
import type { ActionFunctionArgs, ServerBuild } from "@remix-run/node";
import { matchRoutes } from "@remix-run/react";
import type { NextFunction, Request, RequestHandler, Response } from "express";
import { rateLimit } from "express-rate-limit";
import { canonicalPath } from "../domain/url-path";
import { httpError } from "../services/http.server";
import { log } from "../services/log.server";
import { answer } from "./answer";

export type FormLimits = { fields: number; repeats: number };
/** A few hundred fields, and one name at most 300 times (a form over all 290 municipalities fits). */
export const DEFAULT_FORM_LIMITS: FormLimits = { fields: 500, repeats: 300 };
/** Failed password checks (sign-in, current password) from one address within a minute. */
export const FAILED_PASSWORD_CHECKS_PER_MINUTE = 10;

/** What a route module may export as `handle` for the gate. */
export type GateHandle = { formLimits?: Partial<FormLimits> };

/** What the gate learnt about a request, for the middlewares and the Remix context after it. */
export type GateInfo = {
  /** The canonical path of the page (without Remix's `.data`). */
  path: string;
  /** A Remix single-fetch data request (`/x.data`). */
  data: boolean;
  /** POST: the route whose action runs. */
  routeId?: string;
  /** POST: a route that is not a page (answers JSON or a file). */
  resource?: boolean;
  limits?: FormLimits;
  /** POST: the body as read and checked, and the content type Remix gets with it. */
  body?: Buffer;
  contentType?: string;
  /** Seconds this address must wait, when it has failed the route's password check too often. */
  retryAfter?: number;
  /** Set by the action (context.failedPasswordCheck()) so the per-address limit counts this request. */
  failedPasswordCheck?: boolean;
  /** A `.data` POST whose body was refused: the route's action answers this instead of running. */
  refusal?: { status: number; message: string };
};

export const gateOf = (res: Response): GateInfo | undefined => res.locals.gate as GateInfo | undefined;

type GateRoute = { id: string; path?: string; index?: boolean; caseSensitive?: boolean; children: GateRoute[] };
type Match = { route: GateRoute };

const MALFORMED = "Adressen är ogiltig.";
const NOT_CANONICAL = "Adressen är inte skriven på det vanliga sättet. Använd länkarna i tjänsten.";
const NOT_A_FORM = "Formuläret kunde inte läsas. Skicka det från sidan i tjänsten och försök igen.";

function tooManyFields(limits: FormLimits) {
  return `Formuläret har för många fält (högst ${limits.fields}, och högst ${limits.repeats} med samma namn). Inget har sparats.`;
}

/** The build's routes as the tree Remix matches against (server-runtime's createRoutes). */
function routeTree(build: ServerBuild, parentId?: string): GateRoute[] {
  return Object.values(build.routes)
    .filter((route) => route.parentId === parentId)
    .map((route) => ({
      id: route.id,
      path: route.path,
      index: route.index,
      caseSensitive: route.caseSensitive,
      children: routeTree(build, route.id),
    }));
}

/** Paths whose matches are remembered: enough for every page and a few thousand ids. */
const MATCH_CACHE_SIZE = 5000;

/**
 * Remix's matcher, once per path. `matchRoutes` flattens and ranks the whole route tree on every call
 * (a fifth of an API answer's CPU when it ran per request); the routes are fixed for the build's
 * lifetime, so a path's matches are too. The cache is bounded (oldest path dropped first), so paths
 * sprayed by a client cost what they cost before and no memory.
 */
function matcher(tree: GateRoute[]) {
  const cache = new Map<string, Match[] | null>();
  return (path: string): Match[] | null => {
    const known = cache.get(path);
    if (known !== undefined) return known;
    const found = matchRoutes(tree as Parameters<typeof matchRoutes>[0], path) as Match[] | null;
    if (cache.size >= MATCH_CACHE_SIZE) cache.delete(cache.keys().next().value!);
    cache.set(path, found);
    return found;
  };
}

/**
 * The route's own spelling of its fixed words: Remix matches "/LOGIN" to the login route, so the
 * canonical spelling is "/login". Values (":id", splats) keep their case.
 */
function canonicalCase(match: (path: string) => Match[] | null, path: string): string {
  if (path === "/") return path;
  const matches = match(path);
  if (!matches) return path;
  const pattern = matches
    .map((m) => m.route.path ?? "")
    .join("/")
    .split("/")
    .filter(Boolean);
  const segments = path.split("/").slice(1);
  const out: string[] = [];
  for (let i = 0; i < pattern.length; i++) {
    const word = pattern[i]!;
    if (word === "*") return "/" + [...out, ...segments.slice(i)].join("/");
    const segment = segments[i];
    // Optional segments would need Remix's own expansion; no route has them, so leave such paths be.
    if (segment === undefined || word.endsWith("?")) return path;
    if (word.startsWith(":")) {
      out.push(segment);
      continue;
    }
    const spelled = canonicalPath(`/${word}`)?.slice(1);
    if (!spelled || spelled.toLowerCase() !== segment.toLowerCase()) return path;
    out.push(spelled);
  }
  return out.length === segments.length ? "/" + out.join("/") : path;
}

/** Remix's choice of the route whose action a POST runs (@remix-run/router's getTargetMatch). */
function targetMatch(matches: Match[], search: string): Match {
  const last = matches[matches.length - 1]!;
  if (last.route.index && new URLSearchParams(search).getAll("index").some((v) => v === "")) return last;
  const contributing = matches.filter((m, i) => i === 0 || (m.route.path && m.route.path.length > 0));
  return contributing[contributing.length - 1]!;
}

function splitUrl(url: string): { rawPath: string; query: string } {
  const q = url.indexOf("?");
  return q === -1 ? { rawPath: url, query: "" } : { rawPath: url.slice(0, q), query: url.slice(q) };
}

export function createRequestGate(build: ServerBuild) {
  const match = matcher(routeTree(build));

  /** 1. One spelling per address. */
  const canonicalAddress: RequestHandler = (req, res, next) => {
    const { rawPath, query } = splitUrl(req.originalUrl);
    // Node hands the request line over as latin1: bytes above 0x7f are read back as their escapes.
    const bytes = rawPath.replace(/[\u0080-\u00ff]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
    const canonical = /[^\u0000-\u00ff]/.test(rawPath) ? null : canonicalPath(bytes);
    const params = new URLSearchParams(query);
    if (canonical === null || params.has("_data")) {
      log.warn("malformed address refused", { requestId: res.locals.requestId, method: req.method, path: rawPath.slice(0, 200) });
      return answer(req, res, 400, MALFORMED);
    }
    let data = false;
    let page = canonical;
    let wellFormed = true;
    if (canonical.endsWith(".data") && canonical !== "/.data") {
      data = true;
      const stem = canonical.slice(0, -".data".length);
      page = stem === "/_root" ? "/" : stem;
      // "/x/.data" or "/.data" would reach the same route as "/x.data" and "/_root.data".
      wellFormed = stem === "/_root" || (stem !== "/" && canonicalPath(stem) === stem);
    }
    page = canonicalCase(match, page);
    const spelled = data ? (page === "/" ? "/_root.data" : `${page}.data`) : page;
    if (!wellFormed || spelled !== rawPath) {
      if ((req.method === "GET" || req.method === "HEAD") && !data && wellFormed) {
        return res.redirect(308, spelled + query);
      }
      log.warn("address in another spelling refused", { requestId: res.locals.requestId, method: req.method, path: rawPath.slice(0, 200) });
      return answer(req, res, 400, NOT_CANONICAL);
    }
    res.locals.gate = { path: page, data } satisfies GateInfo;
    next();
  };

  /** 2. A POST goes to a route with an action, or gets 405. */
  const formTarget: RequestHandler = (req, res, next) => {
    const gate = gateOf(res)!;
    if (req.method === "GET" || req.method === "HEAD") return next();
    const matches = match(gate.path);
    const target = matches ? targetMatch(matches, splitUrl(req.originalUrl).query) : undefined;
    const route = target ? build.routes[target.route.id] : undefined;
    gate.resource = !route || route.module.default == null;
    if (!route || typeof route.module.action !== "function") {
      log.warn("POST to an address without a form", { requestId: res.locals.requestId, path: req.path, status: 405 });
      return answer(req, res, 405, "Adressen tar inte emot formulär. Gå tillbaka till sidan och försök igen.", {
        json: gate.resource || gate.data || req.path.startsWith("/api/"),
        headers: { Allow: "GET, HEAD" },
      });
    }
    gate.routeId = route.id;
    const own = (route.module.handle as GateHandle | undefined)?.formLimits;
    gate.limits = { ...DEFAULT_FORM_LIMITS, ...own };
    next();
  };

  /** 3. Per-address limits on the routes that check passwords, before any body is read. */
  const limited = (routeId: string) =>
    rateLimit({
      windowMs: 60_000,
      limit: FAILED_PASSWORD_CHECKS_PER_MINUTE,
      // Only a wrong password counts (the action says so); a typo in a new password does not.
      skipSuccessfulRequests: true,
      requestWasSuccessful: (_req, res) => gateOf(res)?.failedPasswordCheck !== true,
      standardHeaders: "draft-7",
      legacyHeaders: false,
      validate: { xForwardedForHeader: false },
      handler: (req, res, next) => {
        const info = (req as Request & { rateLimit?: { resetTime?: Date } }).rateLimit;
        const reset = info?.resetTime?.getTime() ?? Date.now() + 60_000;
        gateOf(res)!.retryAfter = Math.max(1, Math.ceil((reset - Date.now()) / 1000));
        res.removeHeader("Retry-After"); // the action sets it, once, with its Swedish page
        log.warn("password check limit", { requestId: res.locals.requestId, route: routeId, ip: req.ip });
        next();
      },
    });
  const limiters = new Map<string, RequestHandler>(
    ["routes/login", "routes/konto.losenord"].filter((id) => id in build.routes).map((id) => [id, limited(id)]),
  );
  const addressLimits: RequestHandler = (req, res, next) => {
    const routeId = gateOf(res)?.routeId;
    const limiter = routeId ? limiters.get(routeId) : undefined;
    return limiter ? limiter(req, res, next) : next();
  };

  /** 4. Count, read and check the body of a POST before any form library sees it. */
  const formBody: RequestHandler = (req, res, next) => {
    const gate = gateOf(res);
    if (!gate?.routeId) return next();
    void readForm(req, res, gate, next).catch(next);
  };

  return { canonicalAddress, formTarget, addressLimits, formBody };
}

const FORM_TYPES = new Set(["application/x-www-form-urlencoded", "multipart/form-data"]);

function mediaType(header: string | undefined): string {
  return (header ?? "").split(";")[0]!.trim().toLowerCase();
}

function multipartBoundary(header: string | undefined): string | null {
  const found = /;\s*boundary=(?:"([^"]{1,70})"|([^;\s]{1,70}))/i.exec(header ?? "");
  return found ? (found[1] ?? found[2])! : null;
}

/** Counts form fields in a body as it arrives, without parsing it: "&" separators or multipart boundaries. */
function fieldCounter(type: string, header: string | undefined): ((chunk: Buffer) => number) | null {
  if (type === "application/x-www-form-urlencoded") {
    let fields = 0;
    let empty = true;
    return (chunk) => {
      if (chunk.length && empty) {
        empty = false;
        fields = 1;
      }
      for (let at = chunk.indexOf(0x26); at !== -1; at = chunk.indexOf(0x26, at + 1)) fields += 1;
      return fields;
    };
  }
  const boundary = multipartBoundary(header);
  if (!boundary) return null;
  const needle = Buffer.from(`--${boundary}`);
  let tail = Buffer.alloc(0);
  let delimiters = 0;
  return (chunk) => {
    // A delimiter may straddle two chunks: search the end of the last one too (never a whole needle).
    const window = Buffer.concat([tail, chunk]);
    for (let at = window.indexOf(needle); at !== -1; at = window.indexOf(needle, at + needle.length)) delimiters += 1;
    tail = window.subarray(Math.max(0, window.length - needle.length + 1));
    return Math.max(0, delimiters - 1);
  };
}

async function readForm(req: Request, res: Response, gate: GateInfo, next: NextFunction) {
  const header = req.get("content-type");
  const type = mediaType(header);
  const limits = gate.limits ?? DEFAULT_FORM_LIMITS;
  const hasBody = Number(req.get("content-length") ?? 0) > 0 || req.get("transfer-encoding") !== undefined;
  const refuse = (status: number, message: string, reason: string) => {
    req.resume(); // let the rest of the body drain; the answer need not wait for it
    log.warn("form refused", { requestId: res.locals.requestId, path: req.path, status, reason, contentType: type || undefined });
    if (!gate.data || gate.resource) {
      return answer(req, res, status, message, { json: gate.resource || req.path.startsWith("/api/") });
    }
    // A page's form sent with JavaScript (a `.data` request): Remix answers, in the encoding the
    // browser's Remix reads, so the page's error boundary shows the message. Only the action runs in
    // such a request, and it does not get to see the body (withGateRefusals).
    gate.refusal = { status, message };
    gate.body = Buffer.alloc(0);
    gate.contentType = "application/x-www-form-urlencoded";
    next();
  };

  const apiJson = type === "application/json" && req.path.startsWith("/api/");
  if (hasBody && !FORM_TYPES.has(type) && !apiJson) return refuse(400, NOT_A_FORM, "not a form");
  const count = hasBody && !apiJson ? fieldCounter(type, header) : () => 0;
  if (!count) return refuse(400, NOT_A_FORM, "multipart without a boundary");

  const chunks: Buffer[] = [];
  const outcome = await new Promise<"read" | "too many" | "failed">((resolve) => {
    const onData = (chunk: Buffer) => {
      chunks.push(chunk);
      if (count(chunk) > limits.fields) {
        cleanup();
        resolve("too many");
      }
    };
    const onEnd = () => {
      cleanup();
      resolve("read");
    };
    const onError = () => {
      cleanup();
      resolve("failed");
    };
    const cleanup = () => {
      req.off("data", onData);
      req.off("end", onEnd);
      req.off("error", onError);
      req.off("aborted", onError);
    };
    req.on("data", onData);
    req.on("end", onEnd);
    req.on("error", onError);
    req.on("aborted", onError);
  });
  if (outcome === "failed") return; // the client went away
  if (outcome === "too many") return refuse(413, tooManyFields(limits), "too many fields");

  const body = Buffer.concat(chunks);
  if (body.length === 0) {
    // An empty body is an empty form, whatever its type said (a sign-out button sends nothing).
    gate.body = body;
    gate.contentType = FORM_TYPES.has(type) && type !== "multipart/form-data" ? header : "application/x-www-form-urlencoded";
    return next();
  }
  if (apiJson) {
    try {
      JSON.parse(body.toString("utf8"));
    } catch {
      return refuse(400, "Begäran är inte giltig JSON.", "broken JSON");
    }
  } else {
    // The same parser the route will use: what it cannot read is refused here, as 400.
    let names: string[];
    try {
      const form = await new globalThis.Response(body, { headers: { "Content-Type": header! } }).formData();
      names = [...form.keys()];
    } catch {
      return refuse(400, NOT_A_FORM, "unreadable form");
    }
    const repeats = new Map<string, number>();
    for (const name of names) repeats.set(name, (repeats.get(name) ?? 0) + 1);
    if (names.length > limits.fields || Math.max(0, ...repeats.values()) > limits.repeats) {
      return refuse(413, tooManyFields(limits), "too many fields");
    }
  }
  gate.body = body;
  gate.contentType = header;
  next();
}

/**
 * The build with every action wrapped: when the gate refused the body of a form sent with JavaScript
 * (`context.gateRefusal`), the action does not run; its route answers with the refusal's status and
 * Swedish message, shown by the route's error boundary.
 */
export function withGateRefusals(build: ServerBuild): ServerBuild {
  const routes = Object.fromEntries(
    Object.entries(build.routes).map(([id, route]) => {
      const action = route.module.action;
      if (!action) return [id, route];
      const guarded = (args: ActionFunctionArgs) => {
        const refusal = args.context.gateRefusal;
        if (refusal) throw httpError(args.request, refusal.status, refusal.message);
        return action(args);
      };
      return [id, { ...route, module: { ...route.module, action: guarded } }];
    }),
  );
  return { ...build, routes };
}

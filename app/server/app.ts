import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { ServerBuild } from "@remix-run/node";
import compression from "compression";
import express, { type NextFunction, type Request, type Response } from "express";
import helmet from "helmet";
import { getEnv } from "../services/env.server";
import { log } from "../services/log.server";
import { INLINE_STYLESHEET_MARKUP } from "../components/inline-stylesheet";
import type { ServerMarkup } from "../components/server-markup";
import { answer, setAnswerStylesheets } from "./answer";
import { cspDirectives } from "./csp";
import { withErrorIds } from "./error-ids";
import { ratingsApiFastPath } from "./ratings-api";
import { remixRequestHandler } from "./remix-adapter";
import { createRequestGate, gateOf, withGateRefusals } from "./request-gate";

export type AppLoadContext = {
  cspNonce: string;
  requestId: string;
  /**
   * Set on the routes that check passwords (sign-in, password change) when this address has failed
   * too often: seconds until it may try again.
   */
  addressRetryAfter?: number;
  /** The action calls this when a password was wrong, so the per-address limit counts the request. */
  failedPasswordCheck?: () => void;
  /** The request gate refused the body of this POST: the action answers this instead of running. */
  gateRefusal?: { status: number; message: string };
  /** Markup for this document that is not loader data (components/server-markup.tsx). */
  serverMarkup?: ServerMarkup;
};

declare module "@remix-run/node" {
  interface AppLoadContext {
    cspNonce: string;
    requestId: string;
    addressRetryAfter?: number;
    failedPasswordCheck?: () => void;
    gateRefusal?: { status: number; message: string };
    serverMarkup?: ServerMarkup;
  }
}

/**
 * The root's inlined stylesheets (fingerprinted files under public/build), read once at start-up and
 * made safe to sit inside a <style> element.
 */
function readInlineStylesheets(hrefs: string[]): () => string {
  const css = hrefs
    .map((href) => fs.readFileSync(path.resolve("public", href.replace(/^\//, "")), "utf8"))
    .join("\n")
    .replace(/<\/(style)/gi, "<\\/$1");
  return () => css;
}

export const MAX_BODY_BYTES = 2 * 1024 * 1024;
const ALLOWED_METHODS = ["GET", "HEAD", "POST"];
const SAFE_METHODS = new Set(["GET", "HEAD"]);

/** Only GET, HEAD and POST exist here; anything else is 405 with the list. */
function allowedMethods(req: Request, res: Response, next: NextFunction) {
  if (ALLOWED_METHODS.includes(req.method)) return next();
  answer(req, res, 405, "Metoden stöds inte. Sidan tar bara emot GET och POST.", { headers: { Allow: ALLOWED_METHODS.join(", ") } });
}

/** Bodies over 2 MB are refused before anything reads them. */
function bodyLimit(req: Request, res: Response, next: NextFunction) {
  if (SAFE_METHODS.has(req.method)) return next();
  const length = req.get("content-length");
  if (length === undefined) {
    // Browsers always send a length with a form; a chunked body could not be measured before reading.
    if (req.get("transfer-encoding")) return answer(req, res, 411, "Begäran saknar längduppgift (Content-Length).");
    return next();
  }
  if (!/^\d+$/.test(length)) return answer(req, res, 400, "Ogiltig längduppgift (Content-Length).");
  if (Number(length) > MAX_BODY_BYTES) {
    return answer(req, res, 413, "Begäran är för stor. Högst 2 MB kan skickas åt gången.");
  }
  next();
}

/**
 * CSRF: a state-changing request must come from this site. Browsers say where a request comes from in
 * Sec-Fetch-Site (or at least Origin); a cross-site one is refused. Requests without either header are
 * not from a browser's form or script and carry no ambient cookie risk. Origins compare scheme, host
 * and port.
 */
function sameOriginWrites(req: Request, res: Response, next: NextFunction) {
  if (SAFE_METHODS.has(req.method)) return next();
  const site = req.get("sec-fetch-site");
  let crossSite = site !== undefined && site !== "same-origin" && site !== "none";
  const origin = req.get("origin");
  if (!crossSite && origin !== undefined) {
    try {
      // Scheme, host and port: https://host is another origin than this plain-HTTP server at http://host.
      // req.protocol is "https" behind a TLS proxy only with TRUST_PROXY (X-Forwarded-Proto).
      crossSite = origin === "null" || new URL(origin).origin !== new URL(`${req.protocol}://${req.get("host")}`).origin;
    } catch {
      crossSite = true;
    }
  }
  if (!crossSite) return next();
  log.warn("cross-site write refused", { requestId: res.locals.requestId, method: req.method, path: req.path, origin, site });
  answer(req, res, 403, "Begäran nekades eftersom den kom från en annan webbplats.");
}

/**
 * The Express app around Remix: request ids and logs, security headers, the request gate
 * (app/server/request-gate.ts), static files, compression, and Remix with error ids on every 500.
 */
export function createApp(build: ServerBuild) {
  const env = getEnv();
  const app = express();
  const gate = createRequestGate(build);
  const rootModule = build.routes.root?.module as
    | { links?: () => { rel?: string; href?: string }[]; inlineStylesheets?: string[] }
    | undefined;
  const rootLinks = rootModule?.links?.() ?? [];
  const inlined = rootModule?.inlineStylesheets ?? [];
  setAnswerStylesheets([...inlined, ...rootLinks.filter((l) => l.rel === "stylesheet" && l.href).map((l) => l.href!)]);
  const inlineCss = readInlineStylesheets(inlined);
  app.disable("x-powered-by");
  // Behind a TLS-terminating proxy, TRUST_PROXY=1 makes X-Forwarded-For/-Proto count (client address, HTTPS).
  app.set("trust proxy", env.TRUST_PROXY ? 1 : false);

  app.use((req, res, next) => {
    res.locals.cspNonce = crypto.randomBytes(16).toString("base64");
    res.locals.requestId = crypto.randomUUID();
    const started = process.hrtime.bigint();
    res.on("finish", () => {
      if (req.path.startsWith("/build/") || req.path === "/healthz") return;
      log.info("request", {
        requestId: res.locals.requestId,
        method: req.method,
        path: req.path,
        status: res.statusCode,
        ms: Number(process.hrtime.bigint() - started) / 1e6,
      });
    });
    next();
  });

  const nonce = (_req: unknown, res: unknown) => `'nonce-${(res as Response).locals.cspNonce}'`;
  const headersFor = (secure: boolean) =>
    helmet({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: cspDirectives({ nonce, tileUrl: env.MAP_TILE_URL, upgradeInsecureRequests: secure }),
      },
      // Sent below only over HTTPS: on a plain-HTTP trial it would be meaningless.
      strictTransportSecurity: false,
      referrerPolicy: { policy: "same-origin" },
      xFrameOptions: { action: "deny" },
      crossOriginEmbedderPolicy: false,
    });
  const plainHeaders = headersFor(false);
  const secureHeaders = headersFor(true);
  app.use((req, res, next) => {
    if (req.secure) {
      res.set("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
      return secureHeaders(req, res, next);
    }
    plainHeaders(req, res, next);
  });

  app.use(allowedMethods);
  // Before anything keys on the path (static files, limits, Remix): one spelling per address.
  app.use(gate.canonicalAddress);
  app.use(bodyLimit);
  app.use(sameOriginWrites);
  // Before compression: its answer is compressed once, when the ratings change.
  app.use(ratingsApiFastPath);
  app.use(compression());

  // Fingerprinted build assets are immutable; everything else in public/ may change between releases.
  app.use("/build", express.static(path.resolve("public/build"), { immutable: true, maxAge: "1y" }));
  app.use(express.static(path.resolve("public"), { maxAge: "1h" }));
  // Browsers ask for /favicon.ico whenever a page has no icon link at hand (an error page, for one).
  app.get("/favicon.ico", (_req, res) => res.redirect(301, "/favicon.svg"));

  // POSTs: a route with an action, the per-address limits, then the body counted, read and checked.
  app.use(gate.formTarget);
  app.use(gate.addressLimits);
  app.use(gate.formBody);

  // Pages and data are personal: never cached by the browser or a proxy unless a route says otherwise.
  app.use((_req, res, next) => {
    res.set("Cache-Control", "private, no-store");
    next();
  });

  app.all(
    "*",
    remixRequestHandler(withErrorIds(withGateRefusals(build)), (_req, res): AppLoadContext => ({
      cspNonce: res.locals.cspNonce as string,
      requestId: res.locals.requestId as string,
      addressRetryAfter: gateOf(res)?.retryAfter,
      gateRefusal: gateOf(res)?.refusal,
      failedPasswordCheck: () => {
        const info = gateOf(res);
        if (info) info.failedPasswordCheck = true;
      },
      serverMarkup: new Map([[INLINE_STYLESHEET_MARKUP, inlineCss]]),
    })),
  );

  // The last resort: whatever failed outside Remix's own error handling still gets a page with its id.
  app.use((error: unknown, req: Request, res: Response, _next: NextFunction) => {
    const errorId = res.locals.requestId as string;
    log.error("unhandled error", { errorId, path: req.path, error });
    if (res.headersSent) return res.destroy();
    answer(req, res, 500, "Ett oväntat fel inträffade. Försök igen om en stund. Kvarstår felet, kontakta förvaltningen.", { errorId });
  });
  return app;
}

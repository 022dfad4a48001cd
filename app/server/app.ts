import crypto from "node:crypto";
import path from "node:path";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import compression from "compression";
import express, { type NextFunction, type Request, type Response } from "express";
import { rateLimit } from "express-rate-limit";
import helmet from "helmet";
import { getEnv } from "../services/env.server";
import { log } from "../services/log.server";
import { cspDirectives } from "./csp";
import { ratingsApiFastPath } from "./ratings-api";

export type AppLoadContext = {
  cspNonce: string;
  requestId: string;
  /** Set when this address has failed to sign in too often: seconds until it may try again. */
  loginRetryAfter?: number;
};

declare module "@remix-run/node" {
  interface AppLoadContext {
    cspNonce: string;
    requestId: string;
    loginRetryAfter?: number;
  }
}

export const MAX_BODY_BYTES = 2 * 1024 * 1024;
export const FAILED_LOGINS_PER_MINUTE = 10;
const ALLOWED_METHODS = ["GET", "HEAD", "POST"];
const SAFE_METHODS = new Set(["GET", "HEAD"]);

function plain(res: Response, status: number, message: string) {
  res.status(status).type("text/plain; charset=utf-8").set("Cache-Control", "no-store").send(message);
}

/** Only GET, HEAD and POST exist here; anything else is 405 with the list. */
function allowedMethods(req: Request, res: Response, next: NextFunction) {
  if (ALLOWED_METHODS.includes(req.method)) return next();
  res.set("Allow", ALLOWED_METHODS.join(", "));
  plain(res, 405, "Metoden stöds inte. Sidan tar bara emot GET och POST.");
}

/** Bodies over 2 MB are refused before anything reads them. */
function bodyLimit(req: Request, res: Response, next: NextFunction) {
  if (SAFE_METHODS.has(req.method)) return next();
  const length = req.get("content-length");
  if (length === undefined) {
    // Browsers always send a length with a form; a chunked body could not be measured before reading.
    if (req.get("transfer-encoding")) return plain(res, 411, "Begäran saknar längduppgift (Content-Length).");
    return next();
  }
  if (!/^\d+$/.test(length)) return plain(res, 400, "Ogiltig längduppgift (Content-Length).");
  if (Number(length) > MAX_BODY_BYTES) {
    return plain(res, 413, "Begäran är för stor. Högst 2 MB kan skickas åt gången.");
  }
  next();
}

/**
 * CSRF: a state-changing request must come from this site. Browsers say where a request comes from in
 * Sec-Fetch-Site (or at least Origin); a cross-site one is refused. Requests without either header are
 * not from a browser's form or script and carry no ambient cookie risk.
 */
function sameOriginWrites(req: Request, res: Response, next: NextFunction) {
  if (SAFE_METHODS.has(req.method)) return next();
  const site = req.get("sec-fetch-site");
  let crossSite = site !== undefined && site !== "same-origin" && site !== "none";
  const origin = req.get("origin");
  if (!crossSite && origin !== undefined) {
    try {
      crossSite = origin === "null" || new URL(origin).host !== req.get("host");
    } catch {
      crossSite = true;
    }
  }
  if (!crossSite) return next();
  log.warn("cross-site write refused", { method: req.method, path: req.path, origin, site });
  plain(res, 403, "Begäran nekades eftersom den kom från en annan webbplats.");
}

/** The Express app around Remix: static files, compression, security headers, request logs. */
export function createApp(build: ServerBuild) {
  const env = getEnv();
  const app = express();
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
  app.use(bodyLimit);
  app.use(sameOriginWrites);
  // Before compression: its answer is compressed once, when the ratings change.
  app.use(ratingsApiFastPath);
  app.use(compression());

  // Fingerprinted build assets are immutable; everything else in public/ may change between releases.
  app.use("/build", express.static(path.resolve("public/build"), { immutable: true, maxAge: "1y" }));
  app.use(express.static(path.resolve("public"), { maxAge: "1h" }));

  // Failed sign-ins per address: the 11th within a minute gets 429. The login action renders the answer
  // (with Retry-After), so the page stays a proper Swedish page with the form.
  const loginLimiter = rateLimit({
    windowMs: 60_000,
    limit: FAILED_LOGINS_PER_MINUTE,
    skipSuccessfulRequests: true,
    standardHeaders: "draft-7",
    legacyHeaders: false,
    validate: { xForwardedForHeader: false },
    handler: (req, res, next) => {
      const info = (req as Request & { rateLimit?: { resetTime?: Date } }).rateLimit;
      const reset = info?.resetTime?.getTime() ?? Date.now() + 60_000;
      res.locals.loginRetryAfter = Math.max(1, Math.ceil((reset - Date.now()) / 1000));
      res.removeHeader("Retry-After"); // the login action sets it, once
      log.warn("login rate limit", { ip: req.ip });
      next();
    },
  });
  app.post(["/login", "/login.data"], loginLimiter);

  // Pages and data are personal: never cached by the browser or a proxy unless a route says otherwise.
  app.use((_req, res, next) => {
    res.set("Cache-Control", "private, no-store");
    next();
  });

  app.all(
    "*",
    createRequestHandler({
      build,
      mode: process.env.NODE_ENV === "development" ? "development" : "production",
      getLoadContext: (_req, res): AppLoadContext => ({
        cspNonce: res.locals.cspNonce as string,
        requestId: res.locals.requestId as string,
        loginRetryAfter: res.locals.loginRetryAfter as number | undefined,
      }),
    }),
  );
  return app;
}

import crypto from "node:crypto";
import path from "node:path";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import compression from "compression";
import express from "express";
import { log } from "../services/log.server";

export type AppLoadContext = { cspNonce: string };

declare module "@remix-run/node" {
  interface AppLoadContext {
    cspNonce: string;
  }
}

/** The Express app around Remix: static files, compression, security headers, request logs. */
export function createApp(build: ServerBuild) {
  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", false);

  app.use(compression());

  app.use((req, res, next) => {
    res.locals.cspNonce = crypto.randomBytes(16).toString("base64");
    const started = process.hrtime.bigint();
    res.on("finish", () => {
      if (req.path.startsWith("/build/") || req.path === "/healthz") return;
      log.info("request", {
        method: req.method,
        path: req.path,
        status: res.statusCode,
        ms: Number(process.hrtime.bigint() - started) / 1e6,
      });
    });
    next();
  });

  // Fingerprinted build assets are immutable; everything else in public/ may change between releases.
  app.use("/build", express.static(path.resolve("public/build"), { immutable: true, maxAge: "1y" }));
  app.use(express.static(path.resolve("public"), { maxAge: "1h" }));

  app.all(
    "*",
    createRequestHandler({
      build,
      mode: process.env.NODE_ENV === "development" ? "development" : "production",
      getLoadContext: (_req, res): AppLoadContext => ({ cspNonce: res.locals.cspNonce as string }),
    }),
  );
  return app;
}

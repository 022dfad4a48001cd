/**
 * Serves the floor app (tests/bench/floor) on 127.0.0.1 as the product serves itself: Express,
 * compression, immutable build assets. Prints `listening <url>` when ready. Run from the repository root.
 */
import path from "node:path";
import { pathToFileURL } from "node:url";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import compression from "compression";
import express from "express";

const dir = path.resolve("tests/bench/floor");
const build = (await import(pathToFileURL(path.join(dir, "build/index.js")).href)) as ServerBuild;
const app = express();
app.use(compression());
app.use("/build", express.static(path.join(dir, "build/public/build"), { immutable: true, maxAge: "1y" }));
app.get("/favicon.ico", (_req, res) => res.status(204).end());
app.all("*", createRequestHandler({ build, mode: "production" }));
const server = app.listen(Number(process.env.PORT ?? 0), "127.0.0.1", () => {
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  process.stdout.write(`listening http://127.0.0.1:${port}\n`);
});
process.on("SIGTERM", () => server.close(() => process.exit(0)));

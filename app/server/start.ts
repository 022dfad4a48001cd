/**
 * `npm start`: checks the database file, migrates and seeds it, builds the app when there is no
 * (or a stale) build, and serves it. Any problem at start ends the process with one clear line.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";
import { openDatabase, setDb } from "../../db/client.server";
import { getEnv } from "../services/env.server";
import { prepareDatabase } from "../services/bootstrap.server";
import { passwordProblem } from "../services/common-passwords.server";
import { getAppSecret } from "../services/secret.server";
import { deleteExpiredSessions } from "../models/session.server";
import { importBordersOnFirstStart, loadShippedBordersOnFirstStart } from "../services/geo-import.server";
import { log } from "../services/log.server";
import { createApp } from "./app";

const BUILD_FILE = path.resolve("build/index.js");

function fail(message: string): never {
  process.stderr.write(`Samverkanskartan kan inte starta: ${message}\n`);
  process.exit(1);
}

const SOURCE_FILE = /\.(tsx?|css|json)$/;

/** The newest source file the Remix build depends on (the database folder holds data, not code). */
function newestSourceMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !SOURCE_FILE.test(entry.name)) continue;
    const file = path.join(entry.parentPath, entry.name);
    newest = Math.max(newest, fs.statSync(file).mtimeMs);
  }
  return newest;
}

function ensureBuild() {
  const stale =
    !fs.existsSync(BUILD_FILE) ||
    ["app", "db", "data"].some((dir) => newestSourceMtime(path.resolve(dir)) > fs.statSync(BUILD_FILE).mtimeMs);
  if (!stale) return;
  log.info("building the app (no build, or sources newer than the build)");
  const result = spawnSync(path.resolve("node_modules/.bin/remix"), ["build"], { stdio: "inherit" });
  if (result.status !== 0) fail("bygget av appen misslyckades (se utskriften ovan).");
}

async function main() {
  let env;
  try {
    env = getEnv();
  } catch (error) {
    fail((error as Error).message);
  }
  process.env.NODE_ENV = env.NODE_ENV;
  if (env.ADMIN_PASSWORD !== undefined) {
    const problem = passwordProblem(env.ADMIN_PASSWORD);
    if (problem) fail(`ADMIN_PASSWORD duger inte: ${problem}`);
  }

  let db;
  try {
    db = openDatabase(env.databasePath);
  } catch (error) {
    fail((error as Error).message);
  }
  setDb(db);

  try {
    const result = await prepareDatabase(db, {
      seedExample: env.SEED_EXAMPLE ?? true,
      adminEmail: env.ADMIN_EMAIL,
      adminPassword: env.ADMIN_PASSWORD,
      print: (line) => process.stdout.write(`\n${line}\n\n`),
    });
    log.info("database ready", { file: env.databasePath, ...result, adminCreated: result.adminCreated?.email });
  } catch (error) {
    fail(`databasen ${env.databasePath} kunde inte förberedas: ${(error as Error).message}`);
  }

  try {
    getAppSecret();
  } catch (error) {
    fail(`hemligheten för sessioner kunde inte läsas eller skapas: ${(error as Error).message}`);
  }
  const housekeeping = setInterval(() => {
    try {
      deleteExpiredSessions(new Date(), env.SESSION_IDLE_MINUTES);
    } catch (error) {
      log.error("session housekeeping failed", { error });
    }
  }, 15 * 60_000);
  housekeeping.unref();
  if (env.GEO_SOURCE_URL) {
    const result = await importBordersOnFirstStart(db, env.GEO_SOURCE_URL, { id: null, label: "system:GEO_SOURCE_URL" });
    if (result.imported) log.info("borders imported", { source: env.GEO_SOURCE_URL });
    else log.warn("borders not imported", { source: env.GEO_SOURCE_URL, reason: result.reason });
  }
  if (env.BORDERS === "shipped") {
    const result = loadShippedBordersOnFirstStart(db, { id: null, label: "system:borders" });
    if (result.loaded) log.info("shipped borders loaded", { file: "data/borders.topo.json" });
    else if (result.reason !== "borders already stored") log.warn("shipped borders not loaded; the map shows circles", { reason: result.reason });
  }

  ensureBuild();
  const build = (await import(pathToFileURL(BUILD_FILE).href)) as ServerBuild;
  const app = createApp(build);
  const server = app.listen(env.PORT, env.HOST, () => {
    const address = server.address();
    const port = typeof address === "object" && address ? address.port : env.PORT;
    log.info("listening", { url: `http://${env.HOST === "0.0.0.0" ? "localhost" : env.HOST}:${port}` });
  });
  server.on("error", (error) => fail(`kan inte lyssna på port ${env.PORT}: ${error.message}`));

  const shutdown = () => {
    server.close(() => {
      db.$client.close();
      process.exit(0);
    });
  };
  process.on("SIGTERM", shutdown);
  process.on("SIGINT", shutdown);
}

void main();

/**
 * The server's entry point: checks the settings and the database file, migrates and seeds it, and
 * serves the Remix build. `npm run build` compiles this file to build/server.js (esbuild, packages
 * left external) and `npm start` runs that with plain `node`. Any problem at start ends the process
 * with one clear line.
 */
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";
import { openDatabase, setDb } from "../../db/client.server";
import { systemActor } from "../models/audit.server";
import { deleteExpiredSessions } from "../models/session.server";
import { prepareDatabase } from "../services/bootstrap.server";
import { passwordProblem } from "../services/common-passwords.server";
import { getEnv } from "../services/env.server";
import { importBordersOnFirstStart, loadShippedBordersOnFirstStart } from "../services/geo-import.server";
import { log } from "../services/log.server";
import { getAppSecret } from "../services/secret.server";
import { createApp } from "./app";

const BUILD_FILE = path.resolve("build/index.js");

function fail(message: string): never {
  process.stderr.write(`Samverkanskartan kan inte starta: ${message}\n`);
  process.exit(1);
}

async function main() {
  let env;
  try {
    env = getEnv();
  } catch (error) {
    fail((error as Error).message);
  }
  process.env.NODE_ENV = env.NODE_ENV;
  // `npm start` builds first when there is no build; started some other way, say what is missing.
  if (!fs.existsSync(BUILD_FILE)) fail(`appen är inte byggd (${BUILD_FILE} saknas): kör npm run build.`);
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
    const result = await prepareDatabase({
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
    const result = await importBordersOnFirstStart(env.GEO_SOURCE_URL, systemActor("system:GEO_SOURCE_URL"));
    if (result.imported) log.info("borders imported", { source: env.GEO_SOURCE_URL });
    else log.warn("borders not imported", { source: env.GEO_SOURCE_URL, reason: result.reason });
  }
  if (env.BORDERS === "shipped") {
    const result = loadShippedBordersOnFirstStart(systemActor("system:borders"));
    if (result.loaded) log.info("shipped borders loaded", { file: "data/borders.topo.json" });
    else if (result.reason !== "borders already stored") log.warn("shipped borders not loaded; the map shows circles", { reason: result.reason });
  }

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

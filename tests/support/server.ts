import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { makeTempDir } from "./database";

export type RunningServer = {
  url: string;
  port: number;
  /** The server process's id (for CPU accounting and signals). */
  pid: number;
  databasePath: string;
  dir: string;
  /** Everything the process printed so far (stdout and stderr). */
  output: () => string;
  stop: () => Promise<void>;
};

/** The compiled server (`npm run build`: app/server/start.ts bundled by esbuild) and the Remix build it serves. */
const SERVER_FILE = path.resolve("build/server.js");
const BUILD_FILE = path.resolve("build/index.js");

/** The server's command line, as `npm start` runs it: plain node, no TypeScript loader. */
const SERVER_COMMAND = [SERVER_FILE];

function requireBuild() {
  if (!fs.existsSync(SERVER_FILE) || !fs.existsSync(BUILD_FILE)) {
    throw new Error("No build found: run `npm run build` (npm test does it first).");
  }
}

/**
 * Starts the real production server (build/server.js, what `npm start` runs) on 127.0.0.1 with a random
 * port and its own database file. `npm test` builds once before the suite; this refuses to run without
 * a build, so parallel test files never race to build.
 */
export async function startServer(env: Record<string, string> = {}): Promise<RunningServer> {
  requireBuild();
  const dir = makeTempDir("samverkan-server-");
  const databasePath = env.DATABASE_PATH ?? path.join(dir, "app.sqlite");
  let output = "";
  const child: ChildProcess = spawn(
    process.execPath,
    SERVER_COMMAND,
    {
      env: {
        ...process.env,
        NODE_ENV: "production",
        HOST: "127.0.0.1",
        PORT: "0",
        DATABASE_PATH: databasePath,
        LOG_LEVEL: "info",
        ...env,
      },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  child.stdout!.on("data", (d) => (output += d));
  child.stderr!.on("data", (d) => (output += d));

  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start in 30 s:\n${output}`)), 30_000);
    const onData = () => {
      const match = /"msg":"listening","url":"http:\/\/127\.0\.0\.1:(\d+)"/.exec(output);
      if (match) {
        clearTimeout(timer);
        // Stop scanning: a benchmark's request log grows to megabytes.
        child.stdout!.off("data", onData);
        resolve(Number(match[1]));
      }
    };
    child.stdout!.on("data", onData);
    child.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with code ${code} before listening:\n${output}`));
    });
  });

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    pid: child.pid!,
    databasePath,
    dir,
    output: () => output,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
        setTimeout(() => child.kill("SIGKILL"), 5_000).unref();
      }),
  };
}

/** Runs the compiled server to completion (for start-up failures); resolves with exit code and output. */
export function runStart(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  requireBuild();
  return new Promise((resolve) => {
    let output = "";
    const child = spawn(process.execPath, SERVER_COMMAND, {
      env: { ...process.env, NODE_ENV: "production", HOST: "127.0.0.1", PORT: "0", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    const timer = setTimeout(() => child.kill("SIGKILL"), 30_000);
    child.on("exit", (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

/** Runs `npm run geo:import`'s script against a running server's database, as an operator would. */
export function importBorders(server: Pick<RunningServer, "databasePath">, file: string) {
  return spawnSync(process.execPath, ["--import", "tsx", "app/commands/geo-import.ts", file], {
    env: { ...process.env, DATABASE_PATH: server.databasePath },
    encoding: "utf8",
  });
}

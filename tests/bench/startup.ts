/**
 * `npx tsx tests/bench/startup.ts [runs] [-- command …]` (needs `npm run build`): how long the server
 * takes from spawn to listening, and its memory (RSS) then and after a first page. Not a test: it
 * prints numbers. The database is created and seeded by a first, uncounted start, so every counted
 * start finds it ready (as a restart in production does).
 *
 * Without a command it measures what `npm start` runs: `node build/server.js`. Give another command
 * to compare, e.g. the TypeScript entry through tsx:
 *   npx tsx tests/bench/startup.ts 7 -- node --import tsx app/server/start.ts
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const separator = process.argv.indexOf("--");
const runs = Number(process.argv[2] && process.argv[2] !== "--" ? process.argv[2] : 7);
const command = separator === -1 ? [process.execPath, "build/server.js"] : process.argv.slice(separator + 1);

/** Resident memory of a process in MB, from /proc (Linux). */
function rssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  return Number(/VmRSS:\s+(\d+)/.exec(status)![1]) / 1024;
}

/** CPU time (user + system) a process has used so far, in ms: less sensitive to a busy machine than wall time. */
function cpuMs(pid: number): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
  // utime and stime are fields 14 and 15 of stat (11 and 12 after the command name), in clock ticks of 10 ms.
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

type Start = { ms: number; cpuMs: number; rssListening: number; rssAfterPage: number };

async function startOnce(databasePath: string): Promise<Start> {
  const started = performance.now();
  const child = spawn(command[0]!, command.slice(1), {
    env: {
      ...process.env,
      NODE_ENV: "production",
      HOST: "127.0.0.1",
      PORT: "0",
      DATABASE_PATH: databasePath,
      ADMIN_PASSWORD: "ett långt lösenord för mätningen",
      LOG_LEVEL: "info",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stderr.on("data", (d) => (output += d));
  const port = await new Promise<number>((resolve, reject) => {
    child.stdout.on("data", (d) => {
      output += d;
      const match = /"msg":"listening","url":"http:\/\/127\.0\.0\.1:(\d+)"/.exec(output);
      if (match) resolve(Number(match[1]));
    });
    child.on("exit", (code) => reject(new Error(`exited with ${code} before listening:\n${output}`)));
  });
  const ms = performance.now() - started;
  const cpu = cpuMs(child.pid!);
  const rssListening = rssMb(child.pid!);
  await (await fetch(`http://127.0.0.1:${port}/login`)).text();
  const rssAfterPage = rssMb(child.pid!);
  child.kill("SIGTERM");
  await new Promise((resolve) => child.once("exit", resolve));
  return { ms, cpuMs: cpu, rssListening, rssAfterPage };
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "samverkan-startup-"));
try {
  const databasePath = path.join(dir, "bench.sqlite");
  await startOnce(databasePath);
  const results: Start[] = [];
  for (let i = 0; i < runs; i++) results.push(await startOnce(databasePath));
  const line = (label: string, key: keyof Start, digits: number) =>
    console.log(
      `${label}: median ${median(results.map((r) => r[key])).toFixed(digits)} (runs: ${results.map((r) => r[key].toFixed(digits)).join(", ")})`,
    );
  console.log(`command: ${command.join(" ")}`);
  line("start-up to listening, ms", "ms", 0);
  line("CPU time to listening, ms", "cpuMs", 0);
  line("RSS when listening, MB", "rssListening", 1);
  line("RSS after one page, MB", "rssAfterPage", 1);
  console.log(`load average: ${os.loadavg().map((l) => l.toFixed(2)).join(" ")} on ${os.cpus().length} cores`);
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}

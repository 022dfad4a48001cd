// Loaded into the server with NODE_OPTIONS=--import (profile-server.ts; node refuses --cpu-prof there):
// writes its pid to CPU_PROFILE_DIR/server.pid, starts sampling the CPU on SIGUSR2 (after the warm-up)
// and writes server-<pid>.cpuprofile into CPU_PROFILE_DIR at exit.
import fs from "node:fs";
import inspector from "node:inspector";
import path from "node:path";

const dir = process.env.CPU_PROFILE_DIR ?? ".";
fs.writeFileSync(path.join(dir, "server.pid"), String(process.pid));
const session = new inspector.Session();
session.connect();
let started = false;
process.on("SIGUSR2", () => {
  if (started) return;
  started = true;
  session.post("Profiler.enable");
  session.post("Profiler.setSamplingInterval", { interval: Number(process.env.CPU_PROFILE_INTERVAL_US ?? 200) });
  session.post("Profiler.start");
});
process.on("exit", () => {
  if (!started) return;
  // A session on the process's own thread answers synchronously, so this runs before exit.
  session.post("Profiler.stop", (error, result) => {
    if (!error) fs.writeFileSync(path.join(dir, `server-${process.pid}.cpuprofile`), JSON.stringify(result.profile));
  });
});

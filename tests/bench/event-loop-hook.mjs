// Loaded into the server with NODE_OPTIONS=--import (mixed.bench.ts): measures the event loop's delay
// with perf_hooks' histogram, restarts it on SIGUSR2 (after the warm-up, and between phases) and
// writes its percentiles (ms) to EVENT_LOOP_FILE every 250 ms, so the benchmark reads the server's own
// view of how long a ready callback waited.
import fs from "node:fs";
import { monitorEventLoopDelay } from "node:perf_hooks";

const file = process.env.EVENT_LOOP_FILE;
// The histogram records the time between ticks of a RESOLUTION ms timer: the delay is what exceeds it.
const RESOLUTION = 5;
const histogram = monitorEventLoopDelay({ resolution: RESOLUTION });
histogram.enable();
process.on("SIGUSR2", () => histogram.reset());
const ms = (ns) => Math.max(0, Math.round((ns / 1e6 - RESOLUTION) * 100) / 100);
if (file) {
  setInterval(() => {
    const stats = { count: histogram.count, p50: ms(histogram.percentile(50)), p99: ms(histogram.percentile(99)), max: ms(histogram.max), at: Date.now() };
    fs.writeFileSync(file, JSON.stringify(stats));
  }, 250).unref();
}

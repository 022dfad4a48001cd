/**
 * `npx tsx tests/bench/profile.ts` (needs `npm run build`): one load of the map page at 4× CPU slowdown
 * with a Chrome trace, to see where the time to the shapes goes. Prints the main thread's long tasks,
 * the resource timings and the marks; writes the trace to tests/.artifacts/map-trace.json (open it in
 * DevTools' Performance panel). A tool for finding the cost, not a measurement of the budgets.
 */
import fs from "node:fs";
import path from "node:path";
import { launchBrowser } from "../support/browser";
import { signInContext, startMapServer } from "./map-server";

type TraceEvent = { name: string; cat: string; ph: string; ts: number; dur?: number; pid: number; tid: number; args?: Record<string, any> };

async function main() {
  const { server, cookie } = await startMapServer();
  const browser = await launchBrowser();
  try {
    for (let round = 0; round < 2; round++) {
      const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
      await signInContext(context, server.url, cookie);
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
      const events: TraceEvent[] = [];
      cdp.on("Tracing.dataCollected", (e) => events.push(...(e.value as unknown as TraceEvent[])));
      const done = new Promise<void>((resolve) => cdp.once("Tracing.tracingComplete", () => resolve()));
      await cdp.send("Tracing.start", {
        categories: "devtools.timeline,disabled-by-default-devtools.timeline,blink.user_timing,v8.execute,loading",
        transferMode: "ReportEvents",
      } as never);
      await page.goto(server.url);
      await page.waitForFunction(() => performance.getEntriesByName("map:shapes-drawn").length > 0, undefined, { timeout: 60_000 });
      await page.waitForTimeout(300);
      if (process.env.PROFILE_CLICK) {
        await cdp.send("Tracing.end");
        await done;
        events.length = 0;
        const again = new Promise<void>((resolve) => cdp.once("Tracing.tracingComplete", () => resolve()));
        await page.waitForTimeout(1500);
        const box = (await page.locator(".national-map path.leaflet-interactive").nth(120).boundingBox())!;
        await cdp.send("Tracing.start", { categories: "devtools.timeline,disabled-by-default-devtools.timeline,blink.user_timing,v8.execute", transferMode: "ReportEvents" } as never);
        await page.evaluate(() => performance.mark("map:shapes-drawn"));
        await cdp.send("Profiler.enable");
        await cdp.send("Profiler.setSamplingInterval", { interval: 100 });
        await cdp.send("Profiler.start");
        await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
        await page.waitForTimeout(500);
        const { profile } = (await cdp.send("Profiler.stop")) as { profile: { nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number }; children?: number[] }[]; samples: number[]; timeDeltas: number[] } };
        fs.writeFileSync(path.resolve("tests/.artifacts/click.cpuprofile"), JSON.stringify(profile));
        await cdp.send("Tracing.end");
        await again;
      } else {
        await cdp.send("Tracing.end");
        await done;
      }
      if (round === 0) {
        await context.close();
        continue;
      }
      fs.mkdirSync(path.resolve("tests/.artifacts"), { recursive: true });
      fs.writeFileSync(path.resolve("tests/.artifacts/map-trace.json"), JSON.stringify({ traceEvents: events }));
      const perf = await page.evaluate(() => ({
        nav: performance.getEntriesByType("navigation").map((e) => e.toJSON()),
        resources: performance.getEntriesByType("resource").map((e) => {
          const r = e as PerformanceResourceTiming;
          return `${r.name.replace(/^https?:\/\/[^/]+/, "")} start ${Math.round(r.startTime)} end ${Math.round(r.responseEnd)} ${r.initiatorType} ${r.transferSize}B`;
        }),
        marks: performance.getEntriesByType("mark").map((e) => `${e.name} ${Math.round(e.startTime)}`),
        paints: performance.getEntriesByType("paint").map((e) => `${e.name} ${Math.round(e.startTime)}`),
      }));
      const n = perf.nav[0] as Record<string, number>;
      console.log(`responseEnd ${Math.round(n.responseEnd!)} domInteractive ${Math.round(n.domInteractive!)} DCL ${Math.round(n.domContentLoadedEventEnd!)} load ${Math.round(n.loadEventEnd!)}`);
      console.log(perf.paints.join("\n"));
      console.log(perf.resources.join("\n"));
      console.log(perf.marks.join("\n"));

      const navStart = events.find((e) => e.name === "navigationStart" && e.args?.data?.isLoadingMainFrame)?.ts ?? events.find((e) => e.name === "navigationStart")?.ts ?? 0;
      const main = events.find((e) => e.name === "thread_name" && e.args?.name === "CrRendererMain" && events.some((x) => x.pid === e.pid && x.name === "navigationStart"));
      const tasks = events.filter((e) => main && e.pid === main.pid && e.tid === main.tid && e.name === "RunTask" && (e.dur ?? 0) > 8_000);
      for (const task of tasks) {
        const inside = events.filter(
          (e) => e.pid === task.pid && e.tid === task.tid && e.ts >= task.ts && e.ts + (e.dur ?? 0) <= task.ts + task.dur! && e.name !== "RunTask" && e.dur,
        );
        const byName = new Map<string, number>();
        for (const e of inside) {
          const label = e.name === "EvaluateScript" || e.name === "v8.compile" ? `${e.name} ${String(e.args?.data?.url ?? "").split("/").pop()}` : e.name === "FunctionCall" ? `FunctionCall ${String(e.args?.data?.functionName ?? "")}@${String(e.args?.data?.url ?? "").split("/").pop()}` : e.name;
          byName.set(label, Math.max(byName.get(label) ?? 0, e.dur! / 1000));
        }
        const top = [...byName].sort((a, b) => b[1] - a[1]).slice(0, 6).map(([k, v]) => `${k} ${v.toFixed(0)}`);
        console.log(`task at ${((task.ts - navStart) / 1000).toFixed(0)} ms, ${(task.dur! / 1000).toFixed(0)} ms: ${top.join(" | ")}`);
      }
      await context.close();
    }
  } finally {
    await browser.close();
    await server.stop();
  }
}

main().catch((error) => {
  process.stderr.write(`${(error as Error).stack}\n`);
  process.exit(1);
});

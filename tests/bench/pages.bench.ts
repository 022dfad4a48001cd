/**
 * The map document `/` against the app's lightest signed-in page (`/konto/losenord`) in the same run:
 * both pass the same middleware, session check, root loader and document shell, so the ratio is what
 * the map route itself costs. Browser-like request headers (compression, HTML).
 */
import { compareLoad, figure, getRaw, median, onServerCore, round, type BenchModule } from "./harness";
import { startMapServer } from "./map-server";

const HEADERS = { "Accept-Encoding": "gzip, deflate, br", Accept: "text/html,application/xhtml+xml" };

const pages: BenchModule = {
  name: "pages",
  description: "the map document / against the lightest signed-in page /konto/losenord (autocannon, 10 connections)",
  async run(options) {
    // With borders imported, as in use: the page then names the borders URL instead of drawing circles.
    const { server, cookie } = await onServerCore(() => startMapServer());
    try {
      const headers = { ...HEADERS, Cookie: cookie };
      const map = await getRaw(`${server.url}/`, headers);
      const light = await getRaw(`${server.url}/konto/losenord`, headers);
      for (const [path, r] of [["/", map], ["/konto/losenord", light]] as const) {
        if (r.status !== 200) throw new Error(`${path} answered ${r.status}`);
      }
      options.log(`  / ${map.body.length} B, /konto/losenord ${light.body.length} B (${map.headers["content-encoding"] ?? "identity"})`);

      const runs = await compareLoad(
        { url: `${server.url}/`, headers, pid: server.pid },
        { url: `${server.url}/konto/losenord`, headers, pid: server.pid },
        { ...options, label: "map document" },
      );
      const note = `autocannon, 10 connections, ${options.runs} × ${options.seconds} s alternated, medians; ${map.body.length} B ${map.headers["content-encoding"] ?? "identity"}`;
      const baseP99 = median(runs.baseline.map((r) => r.p99));
      const cpu = (rs: typeof runs.subject) => round(median(rs.map((r) => r.cpuMsPerAnswer ?? NaN)), 2);
      return [
        figure({
          name: "pages.map-document",
          value: round(median(runs.subject.map((r) => r.rps))),
          unit: "req/s",
          target: { op: ">=", value: 0.5, of: "ratio" },
          baseline: { label: "/konto/losenord", value: round(median(runs.baseline.map((r) => r.rps))) },
          note,
          samples: { value: runs.subject.map((r) => round(r.rps)), baseline: runs.baseline.map((r) => round(r.rps)) },
        }),
        figure({
          name: "pages.map-document.p99",
          value: median(runs.subject.map((r) => r.p99)),
          unit: "ms",
          target: { op: "<=", value: 60, of: "value" },
          baseline: { label: "/konto/losenord", value: baseP99 },
          ratioDigits: 1,
          note: "latency p99 at 10 connections, median of the runs",
          samples: { value: runs.subject.map((r) => r.p99), baseline: runs.baseline.map((r) => r.p99) },
        }),
        figure({
          name: "pages.map-document.server-cpu",
          value: cpu(runs.subject),
          unit: "ms/answer",
          baseline: { label: "/konto/losenord", value: cpu(runs.baseline) },
          note: "CPU time of the server process per answer (user + system, /proc), median of the runs",
        }),
        figure({
          name: "pages.map-document.p50",
          value: median(runs.subject.map((r) => r.p50)),
          unit: "ms",
          baseline: { label: "/konto/losenord", value: median(runs.baseline.map((r) => r.p50)) },
          ratioDigits: 1,
        }),
      ];
    } finally {
      await server.stop();
    }
  },
};

export default pages;

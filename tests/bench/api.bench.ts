/**
 * The ratings API, GET /api/v1/municipalities signed in, against a bare node:http server answering
 * the same bytes (status, headers, body) from memory. Requests ask for compression as a browser does.
 */
import { compareLoad, figure, getRaw, load, median, round, signIn, startBaseline, startBenchServer, type BenchModule } from "./harness";

const PATH = "/api/v1/municipalities";
const ACCEPT = { "Accept-Encoding": "gzip, deflate, br", Accept: "application/json" };

const api: BenchModule = {
  name: "api",
  description: "GET /api/v1/municipalities (signed in) against a bare node:http server sending the same bytes",
  async run(options) {
    const server = await startBenchServer();
    let baseline: Awaited<ReturnType<typeof startBaseline>> | undefined;
    try {
      const cookie = await signIn(server, ["manager"]);
      const headers = { ...ACCEPT, Cookie: cookie };
      const sample = await getRaw(`${server.url}${PATH}`, headers);
      if (sample.status !== 200) throw new Error(`${PATH} answered ${sample.status}`);
      baseline = await startBaseline({ [PATH]: sample });
      options.log(`  answer: ${sample.body.length} bytes (${sample.headers["content-encoding"] ?? "identity"})`);

      const runs = await compareLoad(
        { url: `${server.url}${PATH}`, headers, pid: server.pid },
        { url: `${baseline.url}${PATH}`, pid: baseline.pid },
        { ...options, label: PATH },
      );
      const rps = round(median(runs.subject.map((r) => r.rps)));
      const baseRps = round(median(runs.baseline.map((r) => r.rps)));
      const note = `autocannon, 10 connections, ${options.runs} × ${options.seconds} s alternated, medians; ${sample.body.length} B ${sample.headers["content-encoding"] ?? "identity"}`;
      const cpu = (rs: typeof runs.subject) => round(median(rs.map((r) => r.cpuMsPerAnswer ?? NaN)), 3);
      const figures = [
        figure({
          name: "api.municipalities",
          value: rps,
          unit: "req/s",
          target: { op: ">=", value: 0.8, of: "ratio" },
          baseline: { label: "bare node:http", value: baseRps },
          note,
          samples: { value: runs.subject.map((r) => round(r.rps)), baseline: runs.baseline.map((r) => round(r.rps)) },
        }),
        figure({
          name: "api.municipalities.server-cpu",
          value: cpu(runs.subject),
          unit: "ms/answer",
          baseline: { label: "bare node:http", value: cpu(runs.baseline) },
          note: "CPU time of the server process per answer (user + system, /proc), median of the runs; steadier than req/s on a shared machine",
        }),
        figure({
          name: "api.municipalities.p99",
          value: median(runs.subject.map((r) => r.p99)),
          unit: "ms",
          baseline: { label: "bare node:http", value: median(runs.baseline.map((r) => r.p99)) },
          ratioDigits: 1,
          note: "10 connections",
        }),
      ];

      // A client that already holds the answer revalidates with If-None-Match and gets 304.
      const etag = sample.headers.etag;
      if (etag) {
        const revalidate = { url: `${server.url}${PATH}`, headers: { ...headers, "If-None-Match": etag }, expect: "3xx" as const };
        const probe = await getRaw(revalidate.url, revalidate.headers);
        if (probe.status !== 304) throw new Error(`If-None-Match answered ${probe.status}, not 304`);
        await load(revalidate, options.warmupSeconds);
        const samples: number[] = [];
        for (let i = 0; i < options.runs; i++) samples.push((await load(revalidate, options.seconds)).rps);
        figures.push(figure({ name: "api.municipalities.revalidated", value: round(median(samples)), unit: "req/s", note: "If-None-Match → 304, 10 connections" }));
      }
      return figures;
    } finally {
      await baseline?.stop();
      await server.stop();
    }
  },
};

export default api;

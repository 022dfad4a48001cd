/**
 * The `report` module of `npm run bench` (`npm run bench -- report`): the status report's speed budgets from issue 14,
 * against the real server on 127.0.0.1 with the fixture's borders, 20 mapping rounds (two a year,
 * 2017–2026, 290 assessments each) and ten years of indicator values (national and per county).
 * and 50,000 dialogue meetings with 100,000 follow-up actions (tests/bench/meetings-data.ts).
 *
 * - report page: GET /rapport/2026 (the whole HTML document), p50 and p95 of 40 sequential requests
 *   after a cold one (budget p95 150 ms), and the server's CPU time per request (from /proc: steadier
 *   than wall time on a shared machine)
 * - the page's images (map and charts, /rapport/2026/diagram/…): bytes, and the time to fetch them all
 *   once, as a browser does on a first visit (later visits keep them: immutable, hashed URLs)
 * - Word file: GET /rapport/2026.docx, p95 of 10 (budget 1 s), and the cold first one
 *
 * Times are measured by the client on loopback, so they include the HTTP round trip (under 1 ms here).
 * BENCH_REPORT_MEETINGS sets the number of meetings (default 50,000).
 */
import fs from "node:fs";
import path from "node:path";
import { withServerDb } from "../support/auth";
import { request } from "../support/auth";
import { seedBenchMeetings } from "./meetings-data";
import { startMapServer } from "./map-server";
import { figure, onServerCore, processCpuMs, type BenchModule } from "./harness";

const PAGE_RUNS = Number(process.env.BENCH_REPORT_RUNS ?? 40);
const DOCX_RUNS = Number(process.env.BENCH_DOCX_RUNS ?? 10);
const MEETINGS = Number(process.env.BENCH_REPORT_MEETINGS ?? 50_000);

const quantile = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * q) - 1)]!;
};
const p95 = (values: number[]) => quantile(values, 0.95);

async function measure(log: (line: string) => void) {
  const { server, cookie } = await onServerCore(() => startMapServer());
  try {
    const seeded = withServerDb(server, (db) => {
      const sqlite = db.$client;
      const codes = sqlite.prepare("SELECT code, county_code FROM municipalities ORDER BY code").all() as { code: string; county_code: string }[];
      const counties = sqlite.prepare("SELECT code FROM counties").all() as { code: string }[];
      const insertRound = sqlite.prepare("INSERT INTO mapping_rounds (name, period_start, period_end, status, example) VALUES (?, ?, ?, 'closed', 1)");
      const insertAssessment = sqlite.prepare(
        "INSERT INTO assessments (round_id, municipality_code, collaboration, intervention_access, updated_at) VALUES (?, ?, ?, ?, '2026-01-01T00:00:00Z')",
      );
      const upsertValue = sqlite.prepare(
        "INSERT INTO indicator_values (indicator_key, period, county_code, place, value, source, example, updated_at) VALUES (?, ?, ?, ?, ?, 'bench', 1, '2026-01-01T00:00:00Z') ON CONFLICT DO UPDATE SET value = excluded.value",
      );
      const keys = (sqlite.prepare("SELECT key FROM indicators").all() as { key: string }[]).map((r) => r.key);
      let rounds = 0;
      sqlite.transaction(() => {
        const existing = (sqlite.prepare("SELECT count(*) AS n FROM mapping_rounds").get() as { n: number }).n;
        for (let year = 2017; year <= 2026 && existing + rounds < 20; year++) {
          for (const [start, end, label] of [["03-01", "03-31", "mars"], ["10-01", "10-31", "oktober"]] as const) {
            if (existing + rounds >= 20) break;
            const id = Number(insertRound.run(`Bänkrunda ${label} ${year}`, `${year}-${start}`, `${year}-${end}`).lastInsertRowid);
            codes.forEach((m, i) => {
              const r = (i * 7 + year * 3 + (label === "mars" ? 0 : 5)) % 29;
              insertAssessment.run(id, m.code, r === 0 ? "needs_strengthening" : "good", r < 8 ? "unsatisfactory" : "satisfactory");
            });
            rounds += 1;
          }
        }
        for (let year = 2017; year <= 2026; year++) {
          keys.forEach((key, k) => {
            upsertValue.run(key, String(year), null, "", 1000 + k * 100 + (year - 2017) * 37);
            for (const c of counties) upsertValue.run(key, String(year), c.code, c.code, 20 + ((year + k + Number(c.code)) % 60));
          });
        }
      })();
      const { meetings } = seedBenchMeetings(sqlite, { meetings: MEETINGS, actions: MEETINGS * 2, today: new Date().toISOString().slice(0, 10) });
      return { rounds: (sqlite.prepare("SELECT count(*) AS n FROM mapping_rounds").get() as { n: number }).n, meetings };
    });

    const time = async (url: string) => {
      const started = performance.now();
      const response = await request(server, url, { cookie });
      const body = await response.arrayBuffer();
      if (response.status !== 200) throw new Error(`${url}: ${response.status} ${Buffer.from(body).toString().slice(0, 200)}`);
      return { ms: performance.now() - started, bytes: body.byteLength };
    };

    const pageCold = await time("/rapport/2026");
    const html = await (await request(server, "/rapport/2026", { cookie })).text();
    const images = [...new Set([...html.matchAll(/<img[^>]+src="(\/rapport\/2026\/diagram\/[^"]+)"/g)].map((m) => m[1]!.replace(/&amp;/g, "&")))];
    const page: number[] = [];
    const cpuBefore = processCpuMs(server.pid);
    for (let i = 0; i < PAGE_RUNS; i++) page.push((await time("/rapport/2026")).ms);
    const cpuAfter = processCpuMs(server.pid);
    const pageCpuMs = cpuBefore !== undefined && cpuAfter !== undefined ? (cpuAfter - cpuBefore) / PAGE_RUNS : null;
    const imagesStarted = performance.now();
    let imageBytes = 0;
    for (const src of images) imageBytes += (await time(src)).bytes;
    const imagesMs = performance.now() - imagesStarted;
    const docxCold = await time("/rapport/2026.docx");
    const docx: number[] = [];
    for (let i = 0; i < DOCX_RUNS; i++) docx.push((await time("/rapport/2026.docx")).ms);

    const result = {
      data: { rounds: seeded.rounds, meetings: seeded.meetings, indicatorYears: 10 },
      page: {
        coldMs: Math.round(pageCold.ms),
        p50Ms: Math.round(quantile(page, 0.5)),
        p95Ms: Math.round(p95(page)),
        cpuMsPerRequest: pageCpuMs === null ? null : Math.round(pageCpuMs * 10) / 10,
        bytes: pageCold.bytes,
        budgetMs: 150,
      },
      images: { count: images.length, bytes: imageBytes, allOnceMs: Math.round(imagesMs) },
      docx: { coldMs: Math.round(docxCold.ms), p95Ms: Math.round(p95(docx)), bytes: docxCold.bytes, budgetMs: 1000 },
      load: `2 cores shared with other engineers; load average ${fs.readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ")}`,
    };
    log(`  ${JSON.stringify(result.data)}; page ${result.page.bytes} B, ${images.length} images ${imageBytes} B, docx ${result.docx.bytes} B; ${result.load}`);
    fs.mkdirSync(path.resolve("tests/.artifacts"), { recursive: true });
    fs.writeFileSync(path.resolve("tests/.artifacts/bench-report.json"), JSON.stringify(result, null, 2));
    return result;
  } finally {
    await server.stop();
  }
}

const report: BenchModule = {
  name: "report",
  description: "the status report /rapport/2026 and its Word file on 20 rounds and ten years of indicators (sequential requests)",
  async run(options) {
    const r = await measure(options.log);
    const data = `${r.data.rounds} rounds, ${r.data.meetings} meetings, ${r.data.indicatorYears} years of indicators`;
    return [
      figure({ name: "report.page-p95", value: r.page.p95Ms, unit: "ms", target: { op: "<=", value: 150, of: "value" }, note: `GET /rapport/2026, p95 of ${PAGE_RUNS} sequential after a cold one; ${data}; ${r.load}` }),
      figure({ name: "report.page-p50", value: r.page.p50Ms, unit: "ms", note: `GET /rapport/2026, median of ${PAGE_RUNS}` }),
      ...(r.page.cpuMsPerRequest !== null ? [figure({ name: "report.page-server-cpu", value: r.page.cpuMsPerRequest, unit: "ms/request", note: "the server process's CPU time (user + system) per page request" })] : []),
      figure({ name: "report.page-bytes", value: r.page.bytes, unit: "B", note: "the HTML document (uncompressed)" }),
      figure({ name: "report.images-bytes", value: r.images.bytes, unit: "B", note: `${r.images.count} images (map and charts), fetched once in ${r.images.allOnceMs} ms; cached by the browser after that` }),
      figure({ name: "report.page-cold", value: r.page.coldMs, unit: "ms", note: "the first request" }),
      figure({ name: "report.docx-p95", value: r.docx.p95Ms, unit: "ms", target: { op: "<=", value: 1000, of: "value" }, note: `GET /rapport/2026.docx, p95 of ${DOCX_RUNS}` }),
      figure({ name: "report.docx-cold", value: r.docx.coldMs, unit: "ms", note: "the first request" }),
    ];
  },
};

export default report;

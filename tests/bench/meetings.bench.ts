/**
 * The `meetings` module of `npm run bench` (`npm run bench -- meetings`): the dialogue-meeting speed
 * budgets of issue 11, measured in-process (server time: the route's loader, with session lookup,
 * queries and shaping; no HTTP), p50 and p95 of wall time and of this process's CPU time per request.
 * CPU time is the steadier figure on a shared machine: wall time includes waiting for a core.
 * Also writes tests/.artifacts/bench-meetings.json. BENCH_MEETINGS_RUNS sets the requests per figure
 * (default 60).
 *
 * Data: 20 mapping rounds × 290 assessments, 60 forums, 50,000 meetings (2021–2027, direct with 1–3
 * municipalities or through a forum, held/cancelled/postponed behind today, planned ahead), with
 * participants, functions and material sections, and 100,000 follow-up actions.
 *
 * Budgets: priority list, month calendar and a municipality's page (with its dialogue timeline) p95
 * ≤ 50 ms; a user's calendar feed ≤ 100 ms.
 */
import fs from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { randomBytes } from "node:crypto";
import os from "node:os";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { createTestDatabase, closeTestDatabase } from "../support/database";
import { signedInRequest } from "../support/auth";
import { ensureMaterialV1 } from "../../app/models/material.server";
import { seedBenchMeetings } from "./meetings-data";
import { createSubscription } from "../../app/models/calendar-subscription.server";
import { hashCalendarToken, meetingsCalendar, newCalendarToken } from "../../app/services/calendar.server";
import { listMeetings } from "../../app/models/meeting.server";
import { todayInSweden } from "../../app/services/priorities.server";
import { loader as prioritiesLoader } from "../../app/routes/prioriteringar._index";
import { loader as calendarLoader } from "../../app/routes/moten.kalender";
import { loader as municipalityLoader } from "../../app/routes/kommuner.$code";
import { loader as feedLoader } from "../../app/routes/kalender.$token";
import { figure, type BenchModule, type Figure } from "./harness";

const RUNS = Number(process.env.BENCH_MEETINGS_RUNS ?? 60);
const MEETINGS = 50_000;
const ACTIONS = 100_000;
const ROUNDS = 20;

/** A small deterministic generator, so every run measures the same data. */
let seed = 42;
const rand = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
const iso = (d: Date) => d.toISOString().slice(0, 10);

export function populate(handle: ReturnType<typeof createTestDatabase>) {
  const sqlite = handle.db.$client;
  ensureMaterialV1();
  const codes = (sqlite.prepare("select code from municipalities").all() as { code: string }[]).map((r) => r.code);
  sqlite.transaction(() => {
    const round = sqlite.prepare("insert into mapping_rounds (name, period_start, period_end, status) values (?, ?, ?, 'closed') returning id");
    const assessment = sqlite.prepare(
      "insert into assessments (round_id, municipality_code, collaboration, intervention_access, updated_at) values (?, ?, ?, ?, ?)",
    );
    for (let r = 0; r < ROUNDS; r++) {
      const start = new Date(Date.UTC(2017 + Math.floor(r / 2), (r % 2) * 6, 1));
      const { id } = round.get(`Kartläggning ${r + 1}`, iso(start), iso(new Date(start.getTime() + 27 * 864e5))) as { id: number };
      for (const code of codes) {
        const x = rand();
        assessment.run(id, code, x < 0.05 ? "needs_strengthening" : "good", x < 0.3 ? "unsatisfactory" : "satisfactory", iso(start));
      }
    }
  })();
  seedBenchMeetings(sqlite, { meetings: MEETINGS, actions: ACTIONS, today: todayInSweden() });
  return { codes };
}

type Row = { name: string; median: number; p95: number; cpuMedian: number; cpuP95: number; budget: number; ok: boolean };

async function measure(name: string, budget: number, call: () => Promise<unknown> | unknown, log: (line: string) => void): Promise<Row> {
  for (let i = 0; i < 5; i++) {
    const result = await call();
    if (result instanceof Response) await result.text();
  }
  const times: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    const c = process.cpuUsage();
    const result = await call();
    if (result instanceof Response) await result.text();
    const used = process.cpuUsage(c);
    times.push(performance.now() - t);
    cpu.push((used.user + used.system) / 1000);
  }
  const p = (values: number[], q: number) => {
    const sorted = [...values].sort((a, b) => a - b);
    return +sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!.toFixed(1);
  };
  // Wall time is what a user waits; CPU time is what the server spends, without the wait for a core
  // that other processes on a shared machine hold.
  const row = { name, median: p(times, 0.5), p95: p(times, 0.95), cpuMedian: p(cpu, 0.5), cpuP95: p(cpu, 0.95), budget, ok: p(times, 0.95) <= budget };
  log(
    `  ${name.padEnd(58)} wall p50 ${String(row.median).padStart(7)} p95 ${String(row.p95).padStart(7)} ms | CPU p50 ${String(row.cpuMedian).padStart(7)} p95 ${String(row.cpuP95).padStart(7)} ms | budget ${budget} ms ${row.ok ? "ok" : row.cpuP95 <= budget ? "(CPU ok)" : "OVER"}`,
  );
  return row;
}

async function measureAll(log: (line: string) => void) {
  process.env.SESSION_SECRET ??= randomBytes(32).toString("base64url");
  const loadBefore = os.loadavg();
  const handle = createTestDatabase();
  try {
    const t0 = performance.now();
    populate(handle);
    const counts = handle.db.$client
      .prepare(
        "select (select count(*) from meetings) as meetings, (select count(*) from follow_up_actions) as actions, (select count(*) from mapping_rounds) as rounds",
      )
      .get() as { meetings: number; actions: number; rounds: number };
    log(`  data: ${JSON.stringify(counts)} in ${((performance.now() - t0) / 1000).toFixed(1)} s; ${RUNS} requests per figure`);

    const token = newCalendarToken();
    createSubscription(1, hashCalendarToken(token), { id: null, label: "bench" });
    const args = async (url: string, params: Record<string, string> = {}): Promise<LoaderFunctionArgs> => ({
      request: await signedInRequest(url, ["planner"]),
      params,
      context: { cspNonce: "bench", requestId: "bench" },
    });
    const priorities = await args("/prioriteringar");
    const calendar = await args("/moten/kalender?manad=2026-03");
    const busiest = handle.db.$client
      .prepare("select municipality_code as code from meeting_municipalities group by municipality_code order by count(*) desc limit 1")
      .get() as { code: string };
    const municipality = await args(`/kommuner/${busiest.code}`, { code: busiest.code });
    const feedArgs = (headers: Record<string, string> = {}) =>
      ({ request: new Request(`http://localhost/kalender/${token}.ics`, { headers }), params: { token: `${token}.ics` }, context: {} }) as unknown as LoaderFunctionArgs;
    const first = feedLoader(feedArgs()) as Response;
    const etag = first.headers.get("ETag")!;
    const feedSize = (await first.text()).match(/BEGIN:VEVENT/g)?.length ?? 0;
    const notModified = feedLoader(feedArgs({ "If-None-Match": etag })) as Response;
    if (notModified.status !== 304) throw new Error(`the feed answered ${notModified.status} to its own ETag, not 304`);
    const feedFrom = new Date(Date.now() - 365 * 864e5).toISOString().slice(0, 10);

    const rows = {
      priorities: await measure("priority list (/prioriteringar)", 50, () => prioritiesLoader(priorities), log),
      calendar: await measure("month calendar (/moten/kalender, March 2026)", 50, () => calendarLoader(calendar), log),
      timeline: await measure(`municipality page + timeline (/kommuner/${busiest.code})`, 50, () => municipalityLoader(municipality), log),
      feed304: await measure(`calendar feed unchanged (If-None-Match: 304, ${feedSize} events)`, 100, () => feedLoader(feedArgs({ "If-None-Match": etag })), log),
      feedScratch: await measure(`calendar feed built from scratch (${feedSize} events)`, 100, () =>
        meetingsCalendar(listMeetings({ userId: 1, from: feedFrom, limit: 5000, sections: false }), { name: "x", baseUrl: "http://localhost", host: "localhost" }),
      log),
    };
    const loadAfter = os.loadavg();
    const load = `load average ${loadBefore.map((l) => l.toFixed(1)).join(" ")} before, ${loadAfter.map((l) => l.toFixed(1)).join(" ")} after, ${os.cpus().length} cores (shared)`;
    log(`  ${load}`);
    const out = path.resolve("tests/.artifacts");
    fs.mkdirSync(out, { recursive: true });
    fs.writeFileSync(path.join(out, "bench-meetings.json"), JSON.stringify({ counts, runs: RUNS, feedSize, load, rows }, null, 2));
    return { counts, feedSize, load, rows };
  } finally {
    closeTestDatabase(handle);
  }
}

const meetings: BenchModule = {
  name: "meetings",
  description: "dialogue meetings in-process on 50,000 meetings, 100,000 follow-ups, 20 rounds: priority list, month calendar, timeline, calendar feed",
  async run(options) {
    const r = await measureAll(options.log);
    const data = `${r.counts.meetings} meetings, ${r.counts.actions} follow-ups, ${r.counts.rounds} rounds; ${RUNS} requests; ${r.load}`;
    const figures: Figure[] = [];
    const add = (key: string, row: Row, what: string) => {
      figures.push(
        figure({ name: `meetings.${key}-p95`, value: row.p95, unit: "ms", target: { op: "<=", value: row.budget, of: "value" }, note: `${what}: wall p95 in-process; ${data}` }),
        figure({ name: `meetings.${key}-p50`, value: row.median, unit: "ms", note: "wall p50" }),
        figure({ name: `meetings.${key}-cpu-p95`, value: row.cpuP95, unit: "ms", target: { op: "<=", value: row.budget, of: "value" }, note: "CPU p95 (user + system of this process)" }),
        figure({ name: `meetings.${key}-cpu-p50`, value: row.cpuMedian, unit: "ms", note: "CPU p50" }),
      );
    };
    add("priorities", r.rows.priorities, "GET /prioriteringar loader");
    add("month-calendar", r.rows.calendar, "GET /moten/kalender?manad=2026-03 loader");
    add("timeline", r.rows.timeline, "GET /kommuner/:code loader (page with the dialogue timeline)");
    add("feed-304", r.rows.feed304, `GET /kalender/:token.ics with If-None-Match (${r.feedSize} events)`);
    add("feed-scratch", r.rows.feedScratch, `a user's feed built from scratch (${r.feedSize} events: query and .ics text)`);
    return figures;
  },
};

export default meetings;

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve("tests/bench/meetings.bench.ts")) {
  // `npx tsx tests/bench/meetings.bench.ts`: this module alone, without a build.
  const figures = await meetings.run({ runs: 1, seconds: 1, warmupSeconds: 0, log: (line) => console.error(line) });
  const { formatFigure } = await import("./harness");
  for (const f of figures) console.log(formatFigure(f));
}

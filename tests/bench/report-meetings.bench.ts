/**
 * The `report-meetings` module of `npm run bench` (`npm run bench -- report-meetings`): what the status
 * report's dialogue section costs at the meetings issue's scale, 50,000 dialogue meetings (2021–2027)
 * with 100,000 follow-up actions and 60 forums (tests/bench/meetings-data.ts), against a real SQLite
 * file, in this process (server time without HTTP or rendering):
 *
 * - report-meetings.dialogue: `reportDialogue(2026, …)`, the grouped queries and their shaping (meetings
 *   by status, format and month; reach and the latest round's priority municipalities; material use per
 *   section; follow-ups; participants), median and p95 of `BENCH_RUNS_DIALOGUE` (60) calls, and its CPU
 *   time; the same for a fully past year (2024)
 * - report-meetings.year-report: `getYearReport(2026)`, everything the page, the JSON, the CSV and the
 *   Word file print from (rounds, transitions, dialogue, indicators), without the charts
 *
 * The page's own budget (p95 ≤ 150 ms, the `report` module) covers all of this plus rendering.
 */
import { randomBytes } from "node:crypto";
import os from "node:os";
import { performance } from "node:perf_hooks";
import { ensureMaterialV1 } from "../../app/models/material.server";
import { listMunicipalityRatings } from "../../app/models/assessment.server";
import { getYearReport } from "../../app/services/report.server";
import { reportDialogue } from "../../app/services/report-dialogue.server";
import { closeTestDatabase, createTestDatabase } from "../support/database";
import { figure, type BenchModule } from "./harness";
import { seedBenchMeetings } from "./meetings-data";

const RUNS = Number(process.env.BENCH_RUNS_DIALOGUE ?? 60);
const MEETINGS = Number(process.env.BENCH_REPORT_MEETINGS ?? 50_000);

function timeCalls(call: () => unknown) {
  for (let i = 0; i < 5; i++) call();
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const c = process.cpuUsage();
    const t = performance.now();
    call();
    wall.push(performance.now() - t);
    const used = process.cpuUsage(c);
    cpu.push((used.user + used.system) / 1000);
  }
  const q = (values: number[], p: number) => {
    const sorted = [...values].sort((a, b) => a - b);
    return Math.round(sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]! * 10) / 10;
  };
  return { p50: q(wall, 0.5), p95: q(wall, 0.95), cpuP50: q(cpu, 0.5) };
}

const reportMeetings: BenchModule = {
  name: "report-meetings",
  description: `the report's dialogue figures over ${MEETINGS.toLocaleString("en")} meetings and ${(MEETINGS * 2).toLocaleString("en")} follow-ups (in-process, server time)`,
  async run(options) {
    process.env.SESSION_SECRET ??= randomBytes(32).toString("base64url");
    const handle = createTestDatabase();
    try {
      const sqlite = handle.db.$client;
      ensureMaterialV1();
      const codes = (sqlite.prepare("select code from municipalities").all() as { code: string }[]).map((r) => r.code);
      const roundIds: number[] = [];
      sqlite.transaction(() => {
        const round = sqlite.prepare("insert into mapping_rounds (name, period_start, period_end, status) values (?, ?, ?, 'closed') returning id");
        const assessment = sqlite.prepare("insert into assessments (round_id, municipality_code, collaboration, intervention_access, updated_at) values (?, ?, ?, ?, ?)");
        for (let year = 2021; year <= 2026; year++) {
          const { id } = round.get(`Bänkrunda ${year}`, `${year}-02-01`, `${year}-02-28`) as { id: number };
          roundIds.push(id);
          codes.forEach((code, i) => {
            const r = (i * 7 + year * 3) % 29;
            assessment.run(id, code, r === 0 ? "needs_strengthening" : "good", r < 8 ? "unsatisfactory" : "satisfactory", `${year}-02-28T12:00:00Z`);
          });
        }
      })();
      const started = performance.now();
      const today = new Date().toISOString().slice(0, 10);
      seedBenchMeetings(sqlite, { meetings: MEETINGS, actions: MEETINGS * 2, today });
      options.log(`  seeded ${MEETINGS} meetings in ${((performance.now() - started) / 1000).toFixed(1)} s; load average ${os.loadavg().map((l) => l.toFixed(2)).join(" ")}`);

      const latest = { name: "Bänkrunda 2026", ratings: listMunicipalityRatings(roundIds[roundIds.length - 1]!) };
      const sample = reportDialogue(2026, latest, { today, threshold: 5 });
      if (sample.held === 0 || sample.reach.total === 0) throw new Error("the seeded meetings did not reach the report");
      options.log(`  2026: ${sample.held} held, ${sample.planned} planned, ${sample.cancelled} cancelled, ${sample.reach.total} municipalities reached, actions ${JSON.stringify(sample.actions)}`);

      const current = timeCalls(() => reportDialogue(2026, latest, { today, threshold: 5 }));
      const past = timeCalls(() => reportDialogue(2024, latest, { today, threshold: 5 }));
      const whole = timeCalls(() => getYearReport(2026));
      const load = `load average ${os.loadavg().map((l) => l.toFixed(2)).join(" ")} on ${os.cpus().length} shared cores`;
      const note = (r: { p50: number; cpuP50: number }) => `median ${r.p50} ms, CPU median ${r.cpuP50} ms; ${RUNS} calls; ${load}`;
      return [
        figure({ name: "report-meetings.dialogue-p95", value: current.p95, unit: "ms", note: `reportDialogue(2026): ${note(current)}` }),
        figure({ name: "report-meetings.dialogue-p50", value: current.p50, unit: "ms", note: "reportDialogue(2026), median" }),
        figure({ name: "report-meetings.dialogue-cpu", value: current.cpuP50, unit: "ms", note: "reportDialogue(2026), CPU time median: steadier than wall time on a shared machine" }),
        figure({ name: "report-meetings.dialogue-past-year-p95", value: past.p95, unit: "ms", note: `reportDialogue(2024): ${note(past)}` }),
        figure({ name: "report-meetings.year-report-p95", value: whole.p95, unit: "ms", note: `getYearReport(2026), without charts: ${note(whole)}` }),
        figure({ name: "report-meetings.year-report-cpu", value: whole.cpuP50, unit: "ms", note: "getYearReport(2026), CPU time median" }),
      ];
    } finally {
      closeTestDatabase(handle);
    }
  },
};

export default reportMeetings;

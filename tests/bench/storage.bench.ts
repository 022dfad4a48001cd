/**
 * What the database file can take: audited write transactions per second, one after another as the
 * server makes them (better-sqlite3 is synchronous: one process writes one transaction at a time),
 * with the app's pragmas (WAL, synchronous=FULL: every commit reaches the disk). The ceiling for
 * writes through one server, whatever the route in front adds.
 */
import fs from "node:fs";
import path from "node:path";
import { migrateDatabase, openDatabase, setDb } from "../../db/client.server";
import { appendAudit, SYSTEM_ACTOR } from "../../app/models/audit.server";
import { makeTempDir } from "../support/database";
import { figure, median, round, type BenchModule } from "./harness";

const storage: BenchModule = {
  name: "storage",
  description: "audited write transactions per second on the database file (WAL, synchronous=FULL)",
  async run(options) {
    const dir = makeTempDir("samverkan-storage-");
    const db = openDatabase(path.join(dir, "bench.sqlite"));
    migrateDatabase(db);
    setDb(db);
    try {
      const write = (i: number) =>
        db.transaction((tx) => appendAudit(tx, { actor: SYSTEM_ACTOR, action: "round.seed_scale", entityType: "mapping_round", entityId: i, after: { i, note: "x".repeat(200) } }));
      for (let i = 0; i < 200; i++) write(i);
      const rates: number[] = [];
      const latencies: number[] = [];
      for (let r = 0; r < options.runs; r++) {
        const until = performance.now() + options.seconds * 1000;
        let n = 0;
        const started = performance.now();
        while (performance.now() < until) {
          const t = performance.now();
          write(n++);
          latencies.push(performance.now() - t);
        }
        rates.push(n / ((performance.now() - started) / 1000));
        options.log(`  run ${r + 1}/${options.runs}: ${Math.round(rates.at(-1)!)} commits/s`);
      }
      latencies.sort((a, b) => a - b);
      return [
        figure({ name: "storage.audited-commits", value: round(median(rates)), unit: "commits/s", note: "one writer, each an audit row in its own transaction, fsync per commit; median of the runs" }),
        figure({ name: "storage.commit-p99", value: round(latencies[Math.floor(latencies.length * 0.99)]!, 2), unit: "ms", note: "over all runs" }),
      ];
    } finally {
      setDb(undefined);
      db.$client.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  },
};

export default storage;

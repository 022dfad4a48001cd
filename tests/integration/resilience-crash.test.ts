import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { makeTempDir } from "../support/database";
import { startServer, type RunningServer } from "../support/server";
import { accountCreations, assessmentSaves, csvImports, inspectDatabase, integrityCheck, runWrites, type WriteWorkload } from "../support/write-load";

/** The writes the server is killed in the middle of (tests/support/write-load.ts). */
const WORKLOADS: WriteWorkload[] = [accountCreations("krasch"), assessmentSaves("krasch"), csvImports("krasch")];
/** CRASH_KILLS for a quick look while changing a workload; CI runs 20. */
const KILLS = Number(process.env.CRASH_KILLS ?? 20);

function killHard(server: RunningServer): Promise<void> {
  process.kill(server.pid, "SIGKILL");
  return server.stop(); // resolves when the process has gone
}

describe("the server killed (SIGKILL) in the middle of writes", () => {
  for (const workload of WORKLOADS) {
    it(`${KILLS} kills during ${workload.name}: the database stays sound, every acknowledged write is there, audit and data agree`, async () => {
      const file = path.join(makeTempDir("samverkan-crash-"), "app.sqlite");
      const acknowledged = new Set<string>();
      let next = 0;
      let inFlightAtKill = 0;
      for (let round = 0; round < KILLS; round++) {
        const server = await startServer({ DATABASE_PATH: file });
        if (round === 0) await workload.setup(server);
        const write = await workload.connect(server);
        const writes = runWrites(write, { concurrency: workload.concurrency ?? 4, start: next });
        // Kill once some writes have been answered, at a random moment while others are in flight.
        await writes.waitFor(2);
        await new Promise((r) => setTimeout(r, Math.random() * 150));
        const startedBeforeKill = writes.started();
        await killHard(server);
        await writes.stop();
        inFlightAtKill += startedBeforeKill - next - writes.counts().acknowledged - writes.counts().refused;
        next = writes.started();
        for (const key of writes.acknowledged) acknowledged.add(key);
        expect(writes.counts().refused, "writes the server refused").toBe(0);

        const problems = inspectDatabase(file, (db) => [
          ...(integrityCheck(db) === "ok" ? [] : [`integrity_check: ${integrityCheck(db)}`]),
          ...workload.verify(db, acknowledged),
        ]);
        expect(problems, `after kill ${round + 1}`).toEqual([]);
      }
      // The kills did land mid-burst: some writes were cut off without an answer.
      expect(inFlightAtKill).toBeGreaterThan(0);
      expect(acknowledged.size).toBeGreaterThanOrEqual(2 * KILLS);

      // The check has teeth: a lost write, or audit and data apart, is reported.
      const damaged = `${file}.damaged`;
      fs.copyFileSync(file, damaged);
      const expected = inspectDatabase(damaged, (db) => workload.damage(db, acknowledged));
      const problems = inspectDatabase(damaged, (db) => workload.verify(db, acknowledged));
      for (const pattern of expected) expect(problems.some((p) => pattern.test(p)), `${pattern} in ${JSON.stringify(problems)}`).toBe(true);
    }, 300_000);
  }
});

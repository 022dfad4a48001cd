import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { makeTempDir } from "../support/database";
import { startServer } from "../support/server";
import { accountCreations, inspectDatabase, integrityCheck, runWrites } from "../support/write-load";

/** Runs one of the `npm run db:*` commands as an operator would, against DATABASE_PATH. */
function command(script: string, args: string[], databasePath: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", `app/commands/${script}.ts`, ...args], {
      env: { ...process.env, DATABASE_PATH: databasePath },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    child.on("exit", (code) => resolve({ code, output }));
  });
}

const sha = (file: string) => spawnSync("sha256sum", [file], { encoding: "utf8" }).stdout.split(" ")[0];

describe("backup while writes run, then restore", () => {
  it("the restored database is sound and holds every write committed before the backup began; restore refuses while the server runs and keeps the replaced file", async () => {
    const dir = makeTempDir("samverkan-backup-");
    const file = path.join(dir, "app.sqlite");
    const backupFile = path.join(dir, "backups", "nightly.sqlite");
    fs.mkdirSync(path.dirname(backupFile));
    const workload = accountCreations("backup");

    let server = await startServer({ DATABASE_PATH: file });
    await workload.setup(server);
    const writes = runWrites(await workload.connect(server), { concurrency: 3 });
    let startedAfterBackup: Set<string>;
    let ackedBeforeBackup: Set<string>;
    let everything: Set<string>;
    try {
      await writes.waitFor(5);
      ackedBeforeBackup = new Set(writes.acknowledged);
      const backup = await command("backup", [backupFile], file);
      expect(backup.output).toContain("Säkerhetskopia sparad");
      expect(backup.code).toBe(0);
      // Writes go on after the backup; the restore must take the database back to before them. (A write
      // answered after the backup ended may still have been committed before it: what counts is when it
      // was started.)
      const firstAfterBackup = writes.started();
      await writes.waitFor(writes.acknowledged.size + 6);
      await writes.stop();
      startedAfterBackup = new Set([...writes.acknowledged].filter((k) => writes.numberOf.get(k)! >= firstAfterBackup));
      expect(startedAfterBackup.size).toBeGreaterThan(0);
      everything = new Set(writes.acknowledged);
      expect(writes.counts().failed + writes.counts().refused).toBe(0);

      // While the server has the database open, a restore changes nothing and says why.
      const before = sha(file);
      const refused = await command("restore", [backupFile], file);
      expect(refused.code).toBe(2);
      expect(refused.output).toContain("används av ett annat program");
      expect(sha(file)).toBe(before);
    } finally {
      await writes.stop();
      await server.stop();
    }

    const restored = await command("restore", [backupFile], file);
    expect(restored.output).toContain("Säkerhetskopian är hel");
    expect(restored.code).toBe(0);

    // The replaced database is kept beside the restored one, with everything it held.
    const replaced = fs.readdirSync(dir).filter((f) => /^app\.replaced-.*\.sqlite$/.test(f));
    expect(replaced).toHaveLength(1);
    inspectDatabase(path.join(dir, replaced[0]!), (db) => {
      expect(integrityCheck(db)).toBe("ok");
      expect(workload.verify(db, everything)).toEqual([]);
    });

    inspectDatabase(file, (db) => {
      expect(integrityCheck(db)).toBe("ok");
      expect(workload.verify(db, ackedBeforeBackup)).toEqual([]);
      // …and nothing started after the backup had finished.
      const emails = new Set((db.prepare("SELECT email FROM users").all() as { email: string }[]).map((u) => u.email));
      expect([...startedAfterBackup].filter((e) => emails.has(e))).toEqual([]);
    });

    // The restored database serves: the server starts on it and its accounts can sign in.
    server = await startServer({ DATABASE_PATH: file });
    try {
      expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
      await workload.connect(server);
    } finally {
      await server.stop();
    }
  }, 120_000);

  it("a file that is not a sound backup is refused before anything is touched", async () => {
    const dir = makeTempDir("samverkan-restore-");
    const file = path.join(dir, "app.sqlite");
    const server = await startServer({ DATABASE_PATH: file });
    await server.stop();
    const before = sha(file);

    const junk = path.join(dir, "junk.sqlite");
    fs.writeFileSync(junk, "inte en databas".repeat(100));
    const notSqlite = await command("restore", [junk], file);
    expect(notSqlite.code).toBe(2);
    expect(notSqlite.output).toContain("inte en läsbar SQLite-databas");

    // A sound SQLite file that is not this app's database.
    const other = path.join(dir, "other.sqlite");
    spawnSync(process.execPath, ["-e", `const D=require("better-sqlite3"); new D(${JSON.stringify(other)}).exec("CREATE TABLE t(x)")`]);
    const foreign = await command("restore", [other], file);
    expect(foreign.code).toBe(2);
    expect(foreign.output).toContain("ingen säkerhetskopia av Samverkanskartan");

    // A damaged copy of a real database.
    const damaged = path.join(dir, "damaged.sqlite");
    fs.copyFileSync(file, damaged);
    const fd = fs.openSync(damaged, "r+");
    const size = fs.fstatSync(fd).size;
    fs.writeSync(fd, Buffer.alloc(4096 * 3, 0xa5), 0, 4096 * 3, Math.max(4096, Math.floor(size / 2 / 4096) * 4096));
    fs.closeSync(fd);
    const broken = await command("restore", [damaged], file);
    expect(broken.code).toBe(2);
    expect(broken.output).toMatch(/skadad|inte en läsbar/);

    expect(sha(file)).toBe(before);
    expect(fs.readdirSync(dir).filter((f) => f.includes("replaced") || f.includes("restoring"))).toEqual([]);
  }, 60_000);
});

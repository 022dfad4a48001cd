/**
 * `npm run db:restore -- FILE`: puts a backup (from `npm run db:backup`) back as the database at
 * DATABASE_PATH. Stop the server first: the restore refuses while any process has the database open.
 *
 * 1. The backup is checked on a copy beside the database: a SQLite file that passes
 *    `PRAGMA integrity_check`, with this app's tables, from this version of the app or an older one
 *    (a newer one's migrations would be unknown here). The backup file itself is only read.
 * 2. "In use" is an exclusive lock attempt: every open SQLite connection to a WAL database holds a
 *    shared lock for as long as it is open, so `BEGIN EXCLUSIVE` in exclusive locking mode fails at
 *    once (busy timeout 0) while a server, an import or a backup has the file open. A crashed server
 *    holds nothing: its locks went with its process.
 * 3. Holding that lock, the current database is checkpointed and copied beside itself
 *    (`<name>.replaced-<time>.sqlite`), so nothing is lost by restoring the wrong file.
 * 4. The checked copy is written into the database file through SQLite's backup API (which takes
 *    its own locks and leaves no stale -wal behind), then the result is integrity-checked.
 */
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { MIGRATIONS_FOLDER } from "../../db/client.server";
import { getEnv } from "../services/env.server";

class RestoreRefused extends Error {}

const REQUIRED_TABLES = ["__drizzle_migrations", "mapping_rounds", "assessments", "users", "audit_log"];

function stamp(): string {
  return new Date().toISOString().replace(/[:.]/g, "-");
}

/** The newest migration this version of the app knows (drizzle records its `when` as created_at). */
function newestKnownMigration(): number {
  const journal = JSON.parse(fs.readFileSync(path.join(MIGRATIONS_FOLDER, "meta/_journal.json"), "utf8")) as { entries: { when: number }[] };
  return Math.max(...journal.entries.map((e) => e.when));
}

/** Refuses a file that is not a sound backup of this app; returns what it holds, for the report. */
function checkBackup(file: string): { migrations: number; users: number; assessments: number } {
  let db: Database.Database;
  try {
    db = new Database(file, { fileMustExist: true });
  } catch (error) {
    throw new RestoreRefused(`säkerhetskopian går inte att öppna: ${(error as Error).message}`);
  }
  try {
    let result: unknown;
    try {
      result = db.pragma("integrity_check", { simple: true });
    } catch (error) {
      throw new RestoreRefused(`säkerhetskopian är inte en läsbar SQLite-databas: ${(error as Error).message}`);
    }
    if (result !== "ok") throw new RestoreRefused(`säkerhetskopian är skadad (integrity_check: ${String(result).slice(0, 200)})`);
    const tables = new Set((db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((t) => t.name));
    const missing = REQUIRED_TABLES.filter((t) => !tables.has(t));
    if (missing.length) throw new RestoreRefused(`filen är ingen säkerhetskopia av Samverkanskartan (tabeller saknas: ${missing.join(", ")})`);
    const migrations = db.prepare("SELECT count(*) AS n, max(created_at) AS newest FROM __drizzle_migrations").get() as { n: number; newest: number | null };
    if ((migrations.newest ?? 0) > newestKnownMigration()) {
      throw new RestoreRefused("säkerhetskopian kommer från en nyare version av appen än den här: uppdatera appen först");
    }
    const count = (table: string) => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
    return { migrations: migrations.n, users: count("users"), assessments: count("assessments") };
  } finally {
    db.close();
  }
}

/**
 * Opens the database alone: exclusive locking mode and BEGIN EXCLUSIVE without waiting. Null when
 * another connection (a running server, a command) has it open.
 */
function openAlone(file: string): Database.Database | null {
  const db = new Database(file, { timeout: 0, fileMustExist: true });
  try {
    db.pragma("locking_mode = EXCLUSIVE");
    db.exec("BEGIN EXCLUSIVE");
    // Exclusive locking mode keeps the lock after the transaction, until the connection closes.
    db.exec("COMMIT");
    return db;
  } catch (error) {
    db.close();
    if ((error as { code?: string }).code?.startsWith("SQLITE_BUSY")) return null;
    throw error;
  }
}

async function main() {
  const source = process.argv[2];
  if (!source) throw new RestoreRefused("ange säkerhetskopian: npm run db:restore -- FIL");
  const env = getEnv();
  const target = env.databasePath;
  const backup = path.resolve(source);
  if (!fs.existsSync(backup) || !fs.statSync(backup).isFile()) throw new RestoreRefused(`${backup} finns inte eller är ingen fil`);
  if (backup === target) throw new RestoreRefused("säkerhetskopian är själva databasen");

  // Checked on a copy, so a backup on slow or shared storage is read once and never opened for writing.
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const checked = `${target}.restoring-${stamp()}`;
  fs.copyFileSync(backup, checked);
  try {
    const contents = checkBackup(checked);
    console.log(`Säkerhetskopian är hel: ${contents.users} konton, ${contents.assessments} bedömningar, ${contents.migrations} migreringar.`);

    let replaced: string | null = null;
    if (fs.existsSync(target)) {
      const current = openAlone(target);
      if (!current) {
        throw new RestoreRefused(
          `${target} används av ett annat program (servern?). Stoppa servern och kör återställningen igen; inget har ändrats.`,
        );
      }
      try {
        current.pragma("wal_checkpoint(TRUNCATE)");
        replaced = target.replace(/(\.sqlite)?$/, `.replaced-${stamp()}.sqlite`);
        await current.backup(replaced);
      } finally {
        current.close();
      }
    }

    const restored = new Database(checked, { readonly: true });
    try {
      await restored.backup(target);
    } finally {
      restored.close();
    }
    const result = new Database(target);
    try {
      result.pragma("journal_mode = WAL");
      const check = result.pragma("integrity_check", { simple: true });
      if (check !== "ok") throw new Error(`den återställda databasen klarar inte integrity_check (${String(check)})`);
    } finally {
      result.close();
    }
    if (replaced) console.log(`Den ersatta databasen finns kvar: ${replaced}`);
    console.log(`Återställd: ${target} från ${backup}. Starta servern igen.`);
  } finally {
    for (const file of [checked, `${checked}-wal`, `${checked}-shm`]) fs.rmSync(file, { force: true });
  }
}

main().catch((error) => {
  const refused = error instanceof RestoreRefused;
  console.error(`Återställningen ${refused ? "avbröts" : "misslyckades"}: ${(error as Error).message}`);
  process.exit(refused ? 2 : 1);
});

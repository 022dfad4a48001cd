import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import * as schema from "./schema";

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };
/** The transaction a `getDb().transaction((tx) => …)` callback receives: what a write that joins one takes. */
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

/** Where the committed migrations are, whether we run from source or from the server build. */
export const MIGRATIONS_FOLDER = path.resolve(process.cwd(), "db/migrations");

export class DatabaseOpenError extends Error {}

const REASONS: Record<string, string> = {
  SQLITE_NOTADB: "filen är inte en SQLite-databas (trasig eller fel fil)",
  SQLITE_CORRUPT: "databasen är skadad",
  SQLITE_CANTOPEN: "filen kan inte öppnas (saknas katalogen, eller saknas behörighet?)",
  SQLITE_READONLY: "filen går inte att skriva till (skrivskyddad)",
  SQLITE_READONLY_DBMOVED: "filen går inte att skriva till (skrivskyddad)",
  SQLITE_IOERR: "läs- eller skrivfel på disken",
  SQLITE_PERM: "behörighet saknas",
  EACCES: "behörighet saknas",
  EROFS: "filsystemet är skrivskyddat",
  ENOTDIR: "sökvägen går genom något som inte är en katalog",
  EISDIR: "sökvägen är en katalog, inte en fil",
};

function explain(file: string, error: unknown): DatabaseOpenError {
  const code = (error as { code?: string }).code ?? "";
  const reason = REASONS[code] ?? REASONS[code.replace(/_.*$/, "")] ?? (error as Error).message;
  return new DatabaseOpenError(`Databasfilen ${file} går inte att använda: ${reason}${code ? ` (${code})` : ""}.`);
}

/**
 * Opens (creating when missing) the SQLite file, sets the pragmas and proves it is readable and
 * writable, so a bad file stops the process at start rather than half-way through a request.
 */
export function openDatabase(file: string): Db {
  let sqlite: Database.Database | undefined;
  try {
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) {
      throw Object.assign(new Error("is a directory"), { code: "EISDIR" });
    }
    fs.mkdirSync(path.dirname(file), { recursive: true });
    sqlite = new Database(file);
    sqlite.pragma("journal_mode = WAL");
    sqlite.pragma("synchronous = FULL");
    sqlite.pragma("foreign_keys = ON");
    sqlite.pragma("busy_timeout = 5000");
    const check = sqlite.pragma("quick_check", { simple: true });
    if (check !== "ok") throw Object.assign(new Error(String(check)), { code: "SQLITE_CORRUPT" });
    // A write that changes nothing proves the file and its directory (for the WAL) are writable.
    sqlite.exec("BEGIN IMMEDIATE; CREATE TABLE IF NOT EXISTS _write_probe(x); DROP TABLE _write_probe; COMMIT;");
  } catch (error) {
    try {
      sqlite?.close();
    } catch {
      /* already failing; the first error is the one to report */
    }
    throw explain(file, error);
  }
  return drizzle({ client: sqlite, schema }) as Db;
}

export function migrateDatabase(db: Db) {
  migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
}

const globalForDb = globalThis as unknown as { __samverkanDb?: Db };

/**
 * The process-wide connection. The server opens it at start (setDb); route modules, bundled
 * separately by Remix, reach the same connection through globalThis.
 */
export function getDb(): Db {
  if (!globalForDb.__samverkanDb) {
    const file = path.resolve(process.env.DATABASE_PATH || "db/data/samverkanskartan.sqlite");
    globalForDb.__samverkanDb = openDatabase(file);
  }
  return globalForDb.__samverkanDb;
}

export function setDb(db: Db | undefined) {
  globalForDb.__samverkanDb = db;
}

/**
 * Runs `fn` with `db` as the process-wide connection and puts the previous one back: for a test helper
 * that writes to a running server's file through a second connection. `fn` must be synchronous (as
 * every model function is), so nothing else runs while the connection is swapped.
 */
export function withConnection<T>(db: Db, fn: () => T): T {
  const previous = globalForDb.__samverkanDb;
  globalForDb.__samverkanDb = db;
  try {
    const result = fn();
    if (result instanceof Promise) throw new Error("withConnection takes a synchronous function");
    return result;
  } finally {
    globalForDb.__samverkanDb = previous;
  }
}

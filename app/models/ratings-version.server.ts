import type Database from "better-sqlite3";
import { getDb } from "../../db/client.server";

type Statements = {
  id: number;
  dataVersion: Database.Statement<[], number>;
  totalChanges: Database.Statement<[], number>;
  round: Database.Statement<[number], Record<string, unknown>>;
  assessments: Database.Statement<[number], { n: number; versions: number; newestId: number; newestUpdate: string }>;
};

const byConnection = new WeakMap<Database.Database, Statements>();
let connections = 0;

function statements(): Statements {
  const client = getDb().$client;
  let s = byConnection.get(client);
  if (!s) {
    s = {
      id: ++connections,
      // data_version moves when another connection (another process: an import, a restore, a seed)
      // commits; total_changes() counts this connection's own inserts, updates and deletes. Two plain
      // statements: the pragma as a table-valued function in one SELECT costs three times as much.
      dataVersion: client.prepare<[], number>("PRAGMA data_version").pluck(),
      totalChanges: client.prepare<[], number>("SELECT total_changes()").pluck(),
      round: client.prepare("SELECT * FROM mapping_rounds WHERE id = ?"),
      // Every assessment write bumps its version or adds a row (ids are AUTOINCREMENT, never reused),
      // and stamps updated_at; a deletion lowers the count.
      assessments: client.prepare(
        `SELECT count(*) AS n, coalesce(sum(version), 0) AS versions, coalesce(max(id), 0) AS newestId,
                coalesce(max(updated_at), '') AS newestUpdate
         FROM assessments WHERE round_id = ?`,
      ),
    };
    byConnection.set(client, s);
  }
  return s;
}

/**
 * A mark that changes whenever anything was committed to the database, by this process or another:
 * equal marks mean nothing at all changed, without reading a table. (Unequal marks mean something
 * changed somewhere, e.g. a session was touched: look closer with `ratingsFingerprint`.)
 */
export function databaseChangeMark(): string {
  const s = statements();
  return `${s.id}:${s.dataVersion.get()}:${s.totalChanges.get()}`;
}

/**
 * What a round's ratings answer depends on: the round's row (any column) and its assessments' count,
 * version sum, newest id and newest update. Equal fingerprints mean the same answer.
 */
export function ratingsFingerprint(roundId: number | null): string {
  const s = statements();
  // The connection's number first: another database file (tests swap them) is never the same data.
  if (roundId === null) return `${s.id}|no-round`;
  const round = s.round.get(roundId);
  const a = s.assessments.get(roundId)!;
  return `${s.id}|${JSON.stringify(round ?? null)}|${a.n}:${a.versions}:${a.newestId}:${a.newestUpdate}`;
}

/** Runs `fn` in one read transaction, so the fingerprint and the data it describes are one snapshot. */
export function inReadSnapshot<T>(fn: () => T): T {
  return getDb().transaction(() => fn());
}

import Database from "better-sqlite3";
import { createTestUser, loginHttp, request, type TestUser } from "./auth";
import type { RunningServer } from "./server";

/**
 * A kind of write people make, driven through the real server, for the resilience tests (crash,
 * backup): what to set up, how to make write number i, and how to check a database file afterwards.
 * Add one per write that matters (assessment saves, CSV imports, meetings) and the tests run it too.
 */
export type WriteWorkload = {
  name: string;
  /** Once per database file, with a server running on it: the accounts and data the writes need. */
  setup: (server: RunningServer) => Promise<void>;
  /**
   * Once per server start: signs in and returns write number `i`, which resolves with the write's key
   * when the server acknowledged it (answered success), with null when it answered otherwise, and
   * rejects when the connection failed (a killed server).
   */
  connect: (server: RunningServer) => Promise<(i: number) => Promise<string | null>>;
  /** What is wrong in the database file: an acknowledged write missing, data and audit trail apart. */
  verify: (db: Database.Database, acknowledged: ReadonlySet<string>) => string[];
};

/** Opens a database file the way an inspector would (after a crash this runs SQLite's recovery). */
export function inspectDatabase<T>(file: string, fn: (db: Database.Database) => T): T {
  const db = new Database(file);
  try {
    return fn(db);
  } finally {
    db.close();
  }
}

export function integrityCheck(db: Database.Database): string {
  return String(db.pragma("integrity_check", { simple: true }));
}

/**
 * An admin creates accounts (POST /admin/anvandare/ny): a user row, its role, its password hash and
 * a `user.create` audit entry, written in one transaction. `tag` keeps two tests' accounts apart.
 */
export function accountCreations(tag: string): WriteWorkload {
  let admin: TestUser | undefined;
  const emailOf = (i: number) => `${tag}.${i}@example.se`;
  const pattern = `${tag}.%@example.se`;
  return {
    name: "account creations by an admin",
    async setup(server) {
      admin = await createTestUser(server, { roles: ["admin"], name: `Admin ${tag}` });
    },
    async connect(server) {
      const cookie = await loginHttp(server, admin!);
      return async (i) => {
        const body = new URLSearchParams({ email: emailOf(i), name: `Konto ${i}`, roles: "planner" });
        const response = await request(server, "/admin/anvandare/ny", { cookie, method: "POST", body });
        const html = await response.text();
        return response.status === 200 && html.includes('data-testid="temporary-password"') ? emailOf(i) : null;
      };
    },
    verify(db, acknowledged) {
      const problems: string[] = [];
      const rows = db
        .prepare(
          `SELECT u.id, u.email,
             (SELECT count(*) FROM user_roles r WHERE r.user_id = u.id AND r.role = 'planner') AS roles,
             (SELECT count(*) FROM passwords p WHERE p.user_id = u.id) AS passwords,
             (SELECT count(*) FROM audit_log a WHERE a.action = 'user.create' AND a.entity_type = 'user' AND a.entity_id = CAST(u.id AS TEXT)) AS audits
           FROM users u WHERE u.email LIKE ?`,
        )
        .all(pattern) as { id: number; email: string; roles: number; passwords: number; audits: number }[];
      const stored = new Set(rows.map((r) => r.email));
      for (const email of acknowledged) if (!stored.has(email)) problems.push(`acknowledged but missing: ${email}`);
      for (const r of rows) {
        if (r.roles !== 1 || r.passwords !== 1) problems.push(`${r.email}: ${r.roles} role rows, ${r.passwords} password rows (half a write)`);
        if (r.audits !== 1) problems.push(`${r.email}: ${r.audits} user.create audit entries`);
      }
      // The other direction: no audit entry for an account that is not there.
      const orphans = db
        .prepare(
          `SELECT a.entity_id AS id FROM audit_log a WHERE a.action = 'user.create' AND json_extract(a.after, '$.email') LIKE ?
             AND NOT EXISTS (SELECT 1 FROM users u WHERE CAST(u.id AS TEXT) = a.entity_id)`,
        )
        .all(pattern) as { id: string }[];
      for (const o of orphans) problems.push(`audit entry for account ${o.id}, which does not exist`);
      return problems;
    },
  };
}

/**
 * Keeps `concurrency` writes in flight until stopped. `acknowledged` fills as the server answers;
 * failures of a connection (the server killed under it) are counted, not thrown.
 */
export function runWrites(write: (i: number) => Promise<string | null>, options: { concurrency: number; start?: number }) {
  const acknowledged = new Set<string>();
  /** The number of each acknowledged write, by key: its place in the order writes were started. */
  const numberOf = new Map<string, number>();
  let next = options.start ?? 0;
  let stopped = false;
  let refused = 0;
  let failed = 0;
  const worker = async () => {
    while (!stopped) {
      const i = next++;
      try {
        const key = await write(i);
        if (key) {
          acknowledged.add(key);
          numberOf.set(key, i);
        }
        else refused += 1;
      } catch {
        failed += 1;
      }
    }
  };
  const workers = Array.from({ length: options.concurrency }, worker);
  return {
    acknowledged,
    numberOf,
    /** How many writes were started so far (the next index). */
    started: () => next,
    counts: () => ({ acknowledged: acknowledged.size, refused, failed }),
    /** Resolves once `n` writes are acknowledged (or rejects after `ms`). */
    async waitFor(n: number, ms = 30_000) {
      const until = Date.now() + ms;
      while (acknowledged.size < n) {
        if (Date.now() > until) throw new Error(`only ${acknowledged.size} of ${n} writes acknowledged in ${ms} ms (${refused} refused, ${failed} failed)`);
        await new Promise((r) => setTimeout(r, 10));
      }
    },
    async stop() {
      stopped = true;
      await Promise.all(workers);
    },
  };
}

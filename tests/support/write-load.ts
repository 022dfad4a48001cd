import Database from "better-sqlite3";
import { setDb } from "../../db/client.server";
import { createRound, transitionRound } from "../../app/models/round.server";
import { createTestUser, loginHttp, request, withServerDb, type TestUser } from "./auth";
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
  /** Writes in flight at once (default 4): 1 for writes that would otherwise conflict with each other. */
  concurrency?: number;
  /**
   * Proves `verify` has teeth: damages a copy of the database (an acknowledged write removed, data and
   * audit apart) and returns what `verify` must then report.
   */
  damage: (db: Database.Database, acknowledged: ReadonlySet<string>) => RegExp[];
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
    damage(db, acknowledged) {
      const lost = [...acknowledged][0]!;
      db.pragma("foreign_keys = OFF");
      const id = (db.prepare("SELECT id FROM users WHERE email = ?").get(lost) as { id: number }).id;
      for (const table of ["user_roles", "passwords", "sessions"]) db.prepare(`DELETE FROM ${table} WHERE user_id = ?`).run(id);
      db.prepare("DELETE FROM users WHERE id = ?").run(id);
      return [new RegExp(`^acknowledged but missing: ${lost.replace(/\./g, "\\.")}$`), /^audit entry for account \d+, which does not exist$/];
    },
  };
}

/** An open round on the server's database, pre-filled from the one before, for writes that rate. */
export function openRound(server: RunningServer, name: string): number {
  return withServerDb(server, (db) => {
    setDb(db);
    try {
      const actor = { id: null, label: "test" };
      const created = createRound({ name, periodStart: "2027-09-01", periodEnd: "2027-09-30" }, actor);
      if (!created.ok) throw new Error(`round not created: ${JSON.stringify(created)}`);
      const opened = transitionRound(created.round.id, "open", { actor, prefill: true });
      if (!opened.ok) throw new Error(`round not opened: ${JSON.stringify(opened)}`);
      return created.round.id;
    } finally {
      setDb(undefined);
    }
  });
}

/** The municipality codes of a county, in code order. */
export function countyCodes(server: RunningServer, county: string): string[] {
  return inspectDatabase(server.databasePath, (db) =>
    (db.prepare("SELECT code FROM municipalities WHERE county_code = ? ORDER BY code").all(county) as { code: string }[]).map((r) => r.code),
  );
}

/**
 * A coordinator saves assessments through the form (POST /kartlaggningar/:id/kommuner/:code): the
 * assessment's new version, a history row and an `assessment.save` audit entry in one transaction.
 * Write i saves municipality i mod 49 of county 14 with the comment "<tag> i", from the version the
 * database holds when the server starts (a save cut off by a kill may have landed) and then from its
 * own answers.
 */
export function assessmentSaves(tag: string): WriteWorkload {
  let coordinator: TestUser | undefined;
  let roundId = 0;
  let codes: string[] = [];
  const commentOf = (i: number) => `${tag} ${i}`;
  return {
    name: "assessment saves by a coordinator",
    async setup(server) {
      roundId = openRound(server, `Krasch ${tag}`);
      codes = countyCodes(server, "14");
      coordinator = await createTestUser(server, { roles: ["coordinator"], countyCodes: ["14"], name: `Samordnare ${tag}` });
    },
    async connect(server) {
      const cookie = await loginHttp(server, coordinator!);
      const versions = new Map(
        inspectDatabase(server.databasePath, (db) =>
          (db.prepare("SELECT municipality_code AS code, version FROM assessments WHERE round_id = ?").all(roundId) as { code: string; version: number }[]).map((r) => [r.code, r.version]),
        ),
      );
      return async (i) => {
        const code = codes[i % codes.length]!;
        const body = new URLSearchParams({
          intent: "save",
          version: String(versions.get(code) ?? 0),
          collaboration: i % 3 === 0 ? "needs_strengthening" : "good",
          interventionAccess: "satisfactory",
          channels: "caseworker_contact",
          comment: commentOf(i),
        });
        const response = await request(server, `/kartlaggningar/${roundId}/kommuner/${code}`, { cookie, method: "POST", body });
        await response.arrayBuffer();
        if (response.status !== 302) return null;
        versions.set(code, (versions.get(code) ?? 0) + 1);
        return commentOf(i);
      };
    },
    verify(db, acknowledged) {
      const problems: string[] = [];
      const history = db
        .prepare(`SELECT municipality_code AS code, version, comment FROM assessment_history WHERE round_id = ? AND comment LIKE ? AND source = 'form'`)
        .all(roundId, `${tag} %`) as { code: string; version: number; comment: string }[];
      const audits = db
        .prepare(
          `SELECT json_extract(after, '$.municipalityCode') AS code, json_extract(after, '$.version') AS version, json_extract(after, '$.comment') AS comment
           FROM audit_log WHERE action = 'assessment.save' AND json_extract(after, '$.roundId') = ? AND json_extract(after, '$.comment') LIKE ?`,
        )
        .all(roundId, `${tag} %`) as { code: string; version: number; comment: string }[];
      const stored = new Set(history.map((h) => h.comment));
      for (const comment of acknowledged) if (!stored.has(comment)) problems.push(`acknowledged but missing: ${comment}`);
      const key = (r: { code: string; version: number; comment: string }) => `${r.code} v${r.version} "${r.comment}"`;
      const audited = new Set(audits.map(key));
      const saved = new Set(history.map(key));
      for (const h of history) if (!audited.has(key(h))) problems.push(`saved without an audit entry: ${key(h)}`);
      for (const a of audits) if (!saved.has(key(a))) problems.push(`audit entry for a save that is not there: ${key(a)}`);
      // The assessment row is its newest history version.
      const heads = db
        .prepare(
          `SELECT a.municipality_code AS code, a.version, (SELECT max(h.version) FROM assessment_history h WHERE h.assessment_id = a.id) AS newest
           FROM assessments a WHERE a.round_id = ?`,
        )
        .all(roundId) as { code: string; version: number; newest: number }[];
      for (const h of heads) if (h.version !== h.newest) problems.push(`${h.code}: version ${h.version}, newest history ${h.newest}`);
      return problems;
    },
    damage(db, acknowledged) {
      const lost = [...acknowledged].at(-1)!;
      db.prepare("DELETE FROM assessment_history WHERE round_id = ? AND comment = ?").run(roundId, lost);
      return [new RegExp(`^acknowledged but missing: ${lost}$`), new RegExp(`^audit entry for a save that is not there: .*"${lost}"$`)];
    },
  };
}

/**
 * An admin imports a ratings CSV file (preview, then apply with the preview's basis, as the page
 * does): import i rewrites 12 municipalities of county 14 with the comment "<tag>-import i", every
 * row and one `assessment.import` audit entry in one transaction. One import at a time: two at once
 * would, rightly, refuse each other (the round changed since the preview).
 */
export function csvImports(tag: string): WriteWorkload {
  let admin: TestUser | undefined;
  let roundId = 0;
  let codes: string[] = [];
  const ROWS = 12;
  const commentOf = (i: number) => `${tag}-import ${i}`;
  const fileName = (i: number) => `${tag}-${i}.csv`;
  return {
    name: "CSV imports of ratings by an admin",
    concurrency: 1,
    async setup(server) {
      roundId = openRound(server, `Krasch ${tag}`);
      codes = countyCodes(server, "14");
      admin = await createTestUser(server, { roles: ["admin"], name: `Admin ${tag}` });
    },
    async connect(server) {
      const cookie = await loginHttp(server, admin!);
      return async (i) => {
        const start = (i * 5) % codes.length;
        const rows = Array.from({ length: ROWS }, (_, k) => codes[(start + k) % codes.length]!);
        const csv = ["kommunkod;samverkan;tillgång till insatser;kommentar", ...rows.map((code, k) => `${code};${(i + k) % 2 ? "bra" : "behöver stärkas"};tillfredsställande;${commentOf(i)}`)].join("\r\n");
        const preview = new FormData();
        preview.set("intent", "import-preview");
        preview.set("file", new Blob([csv], { type: "text/csv" }), fileName(i));
        const previewed = await request(server, `/kartlaggningar/${roundId}`, { cookie, method: "POST", body: preview });
        const html = await previewed.text();
        const basis = /name="basis" value="([^"]*)"/.exec(html)?.[1];
        if (previewed.status !== 200 || basis === undefined) return null;
        const apply = new URLSearchParams({ intent: "import-apply", content: csv, basis, fileName: fileName(i) });
        const applied = await request(server, `/kartlaggningar/${roundId}`, { cookie, method: "POST", body: apply });
        await applied.arrayBuffer();
        return applied.status === 200 ? commentOf(i) : null;
      };
    },
    verify(db, acknowledged) {
      const problems: string[] = [];
      const imported = db
        .prepare(`SELECT comment, count(*) AS n FROM assessment_history WHERE round_id = ? AND source = 'import' AND comment LIKE ? GROUP BY comment`)
        .all(roundId, `${tag}-import %`) as { comment: string; n: number }[];
      const audits = db
        .prepare(`SELECT json_extract(after, '$.file') AS file, json_extract(after, '$.changed') AS changed FROM audit_log WHERE action = 'assessment.import' AND entity_id = ?`)
        .all(String(roundId)) as { file: string; changed: number }[];
      const rowsOf = new Map(imported.map((r) => [r.comment, r.n]));
      const auditOf = new Map(audits.map((a) => [a.file, a.changed]));
      for (const comment of acknowledged) if (!rowsOf.has(comment)) problems.push(`acknowledged but missing: ${comment}`);
      for (const { comment, n } of imported) {
        // Wholly there: every row of the file, and its one audit entry saying so.
        if (n !== ROWS) problems.push(`${comment}: ${n} of ${ROWS} rows (half an import)`);
        const file = fileName(Number(comment.split(" ").at(-1)));
        if (auditOf.get(file) !== n) problems.push(`${comment}: audit entry says ${auditOf.get(file) ?? "nothing"}, ${n} rows imported`);
      }
      for (const { file } of audits) {
        const i = Number(/-(\d+)\.csv$/.exec(file)?.[1]);
        if (!rowsOf.has(commentOf(i))) problems.push(`audit entry for an import that is not there: ${file}`);
      }
      return problems;
    },
    damage(db, acknowledged) {
      const lost = [...acknowledged].at(-1)!;
      const one = db.prepare("SELECT id FROM assessment_history WHERE round_id = ? AND comment = ? LIMIT 1").get(roundId, lost) as { id: number };
      db.prepare("DELETE FROM assessment_history WHERE id = ?").run(one.id);
      return [new RegExp(`^${lost}: ${ROWS - 1} of ${ROWS} rows \\(half an import\\)$`), new RegExp(`^${lost}: audit entry says ${ROWS}, ${ROWS - 1} rows imported$`)];
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

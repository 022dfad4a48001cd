import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { makeTempDir } from "../support/database";

const dir = makeTempDir("samverkan-seed-scale-");
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function seedScale(args: string[], env: Record<string, string | undefined>) {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, ADMIN_PASSWORD: "ett långt lösenord för skalprovet", ...env };
  if (env.DATABASE_PATH === undefined) delete childEnv.DATABASE_PATH;
  return spawnSync(process.execPath, ["--import", "tsx", "app/commands/seed-scale.ts", ...args], { env: childEnv, encoding: "utf8" });
}

describe("npm run db:seed-scale", () => {
  it("fills rounds × 290 assessed municipalities with their history and audit, and a second run adds nothing", () => {
    const file = path.join(dir, "scale.sqlite");
    const first = seedScale(["--rounds", "3", "--meetings", "0", "--actions", "0"], { DATABASE_PATH: file });
    expect(first.stderr).toBe("");
    expect(first.status).toBe(0);
    expect(first.stdout).toContain("Kartläggningar: 3 nya (av 3)");

    const db = new Database(file, { readonly: true });
    try {
      const rounds = db.prepare("SELECT id, name, status, example FROM mapping_rounds WHERE name LIKE 'Belastningsprov %' ORDER BY period_start").all() as { id: number; name: string; status: string; example: number }[];
      expect(rounds).toHaveLength(3);
      expect(rounds.every((r) => r.status === "closed" && r.example === 1)).toBe(true);
      for (const round of rounds) {
        const counts = db.prepare("SELECT count(*) AS n, sum(version) AS versions FROM assessments WHERE round_id = ?").get(round.id) as { n: number; versions: number };
        expect(counts.n).toBe(290);
        // Every version an assessment has had is in its history, numbered 1..version.
        const history = db.prepare("SELECT count(*) AS n FROM assessment_history WHERE round_id = ?").get(round.id) as { n: number };
        expect(history.n).toBe(counts.versions);
        const mismatched = db
          .prepare(
            `SELECT count(*) AS n FROM assessments a JOIN assessment_history h ON h.assessment_id = a.id AND h.version = a.version
             WHERE a.round_id = ? AND (h.collaboration IS NOT a.collaboration OR h.intervention_access IS NOT a.intervention_access OR h.changed_at IS NOT a.updated_at)`,
          )
          .get(round.id) as { n: number };
        expect(mismatched.n).toBe(0);
      }
      const audited = db.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'round.seed_scale'").get() as { n: number };
      expect(audited.n).toBe(3);
    } finally {
      db.close();
    }

    const again = seedScale(["--rounds", "3", "--meetings", "0"], { DATABASE_PATH: file });
    expect(again.status).toBe(0);
    expect(again.stdout).toContain("Kartläggningar: 0 nya (av 3)");
  });

  it("fills dialogue meetings with their municipalities, participants and follow-up actions, audited, and a second run adds nothing", () => {
    const file = path.join(dir, "scale-meetings.sqlite");
    const args = ["--rounds", "1", "--meetings", "300", "--actions", "700"];
    const first = seedScale(args, { DATABASE_PATH: file });
    expect(first.stderr).toBe("");
    expect(first.status).toBe(0);
    expect(first.stdout).toContain("Dialogmöten: 300 nya (av 300), uppföljningsåtgärder: 700 nya");
    const counts = () => {
      const db = new Database(file, { readonly: true });
      try {
        const one = (q: string) => (db.prepare(q).get() as { n: number }).n;
        return {
          meetings: one("SELECT count(*) AS n FROM meetings WHERE import_key LIKE 'belastningsprov:%' AND example = 1"),
          actions: one("SELECT count(*) AS n FROM follow_up_actions f JOIN meetings m ON m.id = f.meeting_id WHERE m.import_key LIKE 'belastningsprov:%'"),
          // Every meeting meets someone: municipalities directly or a forum's members; and has a participant.
          orphans: one(
            `SELECT count(*) AS n FROM meetings m WHERE m.import_key LIKE 'belastningsprov:%' AND (
               (m.forum_id IS NULL AND NOT EXISTS (SELECT 1 FROM meeting_municipalities mm WHERE mm.meeting_id = m.id))
               OR NOT EXISTS (SELECT 1 FROM meeting_participants p WHERE p.meeting_id = m.id))`,
          ),
          // meeting_municipalities repeats the meeting's date and status, as the meeting models keep it.
          outOfStep: one("SELECT count(*) AS n FROM meeting_municipalities mm JOIN meetings m ON m.id = mm.meeting_id WHERE mm.date <> m.date OR mm.status <> m.status"),
          planned: one("SELECT count(*) AS n FROM meetings WHERE import_key LIKE 'belastningsprov:%' AND status = 'planned' AND date <= date('now')"),
          audited: one("SELECT coalesce(sum(json_extract(after, '$.meetings')), 0) AS n FROM audit_log WHERE action = 'meeting.seed_scale' AND entity_type = 'meeting'"),
        };
      } finally {
        db.close();
      }
    };
    const after = counts();
    expect(after).toEqual({ meetings: 300, actions: 700, orphans: 0, outOfStep: 0, planned: 0, audited: 300 });

    const again = seedScale(args, { DATABASE_PATH: file });
    expect(again.status).toBe(0);
    expect(again.stdout).toContain("Dialogmöten: 0 nya (av 300), uppföljningsåtgärder: 0 nya");
    expect(counts()).toEqual(after);
  });

  it("refuses to run without DATABASE_PATH, and refuses the default database, writing nothing", () => {
    const missing = seedScale(["--rounds", "1"], { DATABASE_PATH: undefined });
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain("DATABASE_PATH");

    const defaultDb = path.resolve("db/data/samverkanskartan.sqlite");
    const existedBefore = fs.existsSync(defaultDb);
    const refused = seedScale(["--rounds", "1"], { DATABASE_PATH: "db/data/samverkanskartan.sqlite" });
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain("standarddatabasen");
    expect(fs.existsSync(defaultDb)).toBe(existedBefore);

    const bad = seedScale(["--rounds", "många"], { DATABASE_PATH: path.join(dir, "bad.sqlite") });
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain("--rounds ska vara ett heltal");
  });
});

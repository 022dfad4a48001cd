import { sql } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { openDatabase, setDb, type Db } from "../../db/client.server";
import { prepareDatabase } from "../../app/services/bootstrap.server";
import { listMunicipalityRatings } from "../../app/models/assessment.server";
import { listRounds } from "../../app/models/round.server";
import { countByCategory } from "../../app/domain/rating";
import { makeTempDir } from "../support/database";
import fs from "node:fs";
import path from "node:path";

let db: Db | undefined;
let dir: string | undefined;

function freshDb(): Db {
  dir = makeTempDir();
  db = openDatabase(path.join(dir, "seed.sqlite"));
  setDb(db);
  return db;
}

afterEach(() => {
  setDb(undefined);
  db?.$client.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

const count = (db: Db, table: string) =>
  (db.get(sql.raw(`select count(*) as n from ${table}`)) as { n: number }).n;

describe("first start on an empty database", () => {
  it("creates the register, the example round with the published distribution, and an admin", async () => {
    const db = freshDb();
    const lines: string[] = [];
    const result = await prepareDatabase({ seedExample: true, print: (l) => lines.push(l) });

    expect(count(db, "counties")).toBe(21);
    expect(count(db, "municipalities")).toBe(290);
    const rounds = listRounds();
    expect(rounds).toHaveLength(2);
    expect(rounds[0]).toMatchObject({ name: "Uppföljning våren 2026", example: true, status: "closed" });
    expect(rounds[1]).toMatchObject({ name: "Kartläggning februari 2025", example: true, status: "closed" });
    expect(countByCategory(listMunicipalityRatings(rounds[1]!.id))).toEqual({
      good: 203,
      access_gap: 76,
      needs_strengthening: 11,
      unrated: 0,
    });
    expect(result.adminCreated?.generatedPassword).toMatch(/^\S{16,}$/);
    expect(lines.join("\n")).toContain(result.adminCreated!.generatedPassword!);
  });

  it("changes nothing when run a second time", async () => {
    const db = freshDb();
    await prepareDatabase({ seedExample: true });
    const tables = [
      "counties",
      "municipalities",
      "mapping_rounds",
      "assessments",
      "assessment_history",
      "users",
      "audit_log",
      "meetings",
      "forums",
      "follow_up_actions",
      "dialogue_materials",
      "indicators",
      "indicator_values",
    ];
    const before = Object.fromEntries(tables.map((t) => [t, count(db, t)]));
    const lines: string[] = [];
    const second = await prepareDatabase({ seedExample: true, print: (l) => lines.push(l) });
    expect(second).toEqual({ registerChanges: 0, exampleRoundCreated: false, exampleIndicatorsCreated: false, exampleMeetingsCreated: false, adminCreated: undefined });
    expect(Object.fromEntries(tables.map((t) => [t, count(db, t)]))).toEqual(before);
    expect(lines).toEqual([]);
  });

  it("gives the same example ratings on every fresh database", async () => {
    const first = freshDb();
    await prepareDatabase({ seedExample: true });
    const a = listRounds().flatMap((r) => listMunicipalityRatings(r.id).map((m) => `${r.name}:${m.code}:${m.category}`));
    setDb(undefined);
    first.$client.close();
    const second = freshDb();
    await prepareDatabase({ seedExample: true });
    const b = listRounds().flatMap((r) => listMunicipalityRatings(r.id).map((m) => `${r.name}:${m.code}:${m.category}`));
    expect(b).toEqual(a);
  });

  it("skips the example round when asked to", async () => {
    const db = freshDb();
    await prepareDatabase({ seedExample: false });
    expect(count(db, "mapping_rounds")).toBe(0);
    expect(count(db, "municipalities")).toBe(290);
    expect(count(db, "meetings")).toBe(0);
    // The dialogue material is reference data, seeded either way.
    expect(count(db, "dialogue_materials")).toBe(1);
  });

  it("creates the admin from ADMIN_EMAIL and ADMIN_PASSWORD without printing a password", async () => {
    const db = freshDb();
    const lines: string[] = [];
    const result = await prepareDatabase({
      seedExample: false,
      adminEmail: "Chef@Example.se",
      adminPassword: "ett långt lösenord för test",
      print: (l) => lines.push(l),
    });
    expect(result.adminCreated).toEqual({ email: "Chef@Example.se", generatedPassword: undefined });
    expect(lines).toEqual([]);
    const row = db.get(sql`select email, must_change_password as m from users`) as { email: string; m: number };
    expect(row).toEqual({ email: "chef@example.se", m: 0 });
  });

  it("records the example seed in the audit trail", async () => {
    const db = freshDb();
    await prepareDatabase({ seedExample: true });
    const actions = (db.all(sql`select action from audit_log order by id`) as { action: string }[]).map((r) => r.action);
    expect(actions).toContain("round.seed_example");
    expect(actions).toContain("user.create");
  });
});

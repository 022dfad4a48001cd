import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { migrateDatabase, openDatabase, setDb, type Db } from "../../db/client.server";
import { prepareDatabase } from "../../app/services/bootstrap.server";
import { listMeetings, listOverdueFollowUps } from "../../app/models/meeting.server";
import { listMaterials } from "../../app/models/material.server";
import { getPriorities } from "../../app/services/priorities.server";
import { listRounds } from "../../app/models/round.server";
import { makeTempDir } from "../support/database";

let dir: string | undefined;
let db: Db | undefined;
afterEach(() => {
  setDb(undefined);
  db?.$client.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

function freshDb(): Db {
  dir = makeTempDir();
  db = openDatabase(path.join(dir, "app.sqlite"));
  migrateDatabase(db);
  setDb(db);
  return db;
}

describe("example meetings on first start", () => {
  it("meet the 11 of the example round in spring 2025 with the material, add forum meetings, follow-ups and plans ahead", async () => {
    const today = "2026-03-02";
    freshDb(); await prepareDatabase({ seedExample: true, today });
    const all = listMeetings({});
    expect(all.every((m) => m.example)).toBe(true);
    const spring = all.filter((m) => m.date >= "2025-03-01" && m.date <= "2025-06-30" && m.format === "dialogue");
    expect(spring).toHaveLength(11);
    expect(spring.every((m) => m.status === "held" && m.materialUsed && m.sections.length >= 2)).toBe(true);
    expect(all.filter((m) => m.forumId !== null).length).toBeGreaterThanOrEqual(3);
    expect(all.filter((m) => m.status === "planned" && m.date > today).length).toBeGreaterThanOrEqual(3);
    expect(listOverdueFollowUps(today)).toHaveLength(1);
    expect(listMaterials()[0]!.sections.map((s) => s.title)).toEqual([
      "Daglig verksamhet mot arbete",
      "Insatser som stöder förflyttningen",
      "Rätt insatser för målgruppen",
      "Samverkansformer",
    ]);
    // The 11 head the priority list, each met in spring 2025.
    // The example round of February 2025 (a later example follow-up round may be the latest).
    const february = listRounds().find((r) => r.name === "Kartläggning februari 2025")!;
    const result = getPriorities({ round: String(february.id), county: null, today });
    if (result.kind !== "found") throw new Error(result.kind);
    const eleven = result.priorities.filter((p) => p.category === "needs_strengthening");
    expect(eleven).toHaveLength(11);
    expect(eleven.every((p) => p.lastMeeting !== null)).toBe(true);
    // One of them belongs to the example samordningsförbund, whose beredningsgrupp met later.
    expect(eleven.filter((p) => p.lastMeeting! < "2025-06-01")).toHaveLength(10);
    expect(eleven.filter((p) => p.lastVia === "forum")).toHaveLength(1);
    expect(result.priorities).toHaveLength(87);
  });

  it("are created once, and not at all with SEED_EXAMPLE=0", async () => {
    const first = freshDb();
    await prepareDatabase({ seedExample: true, today: "2026-03-02" });
    const n = listMeetings({}).length;
    await prepareDatabase({ seedExample: true, today: "2026-04-02" });
    expect(listMeetings({}).length).toBe(n);
    setDb(undefined);
    first.$client.close();
    db = undefined;
    fs.rmSync(dir!, { recursive: true, force: true });
    freshDb(); await prepareDatabase({ seedExample: false });
    expect(listMeetings({})).toEqual([]);
  });
});

import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../db/client.server";
import { makeTempDir } from "../support/database";

const dir = makeTempDir();
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("the embedded database", () => {
  it("is opened with WAL, full synchronous writes, foreign keys and a busy timeout", () => {
    const db = openDatabase(path.join(dir, "pragmas.sqlite"));
    try {
      expect(db.$client.pragma("journal_mode", { simple: true })).toBe("wal");
      expect(db.$client.pragma("synchronous", { simple: true })).toBe(2); // FULL
      expect(db.$client.pragma("foreign_keys", { simple: true })).toBe(1);
      expect(db.$client.pragma("busy_timeout", { simple: true })).toBe(5000);
    } finally {
      db.$client.close();
    }
  });

  it("creates the file and its folder when they are missing", () => {
    const file = path.join(dir, "new", "folder", "app.sqlite");
    const db = openDatabase(file);
    db.$client.close();
    expect(fs.existsSync(file)).toBe(true);
  });

  it("has every committed migration listed in the journal", () => {
    const journal = JSON.parse(fs.readFileSync("db/migrations/meta/_journal.json", "utf8")) as {
      entries: { tag: string }[];
    };
    const files = fs.readdirSync("db/migrations").filter((f) => f.endsWith(".sql")).map((f) => f.replace(/\.sql$/, ""));
    expect(journal.entries.map((e) => e.tag).sort()).toEqual(files.sort());
  });
});

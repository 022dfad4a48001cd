import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { migrateDatabase, openDatabase, setDb, type Db } from "../../db/client.server";
import { registerCounties, registerMunicipalities } from "../../data/register";
import { loadRegister } from "../../app/models/register.server";

/** A fresh directory under the OS temp dir, removed by the caller (or left for inspection). */
export function makeTempDir(prefix = "samverkan-test-"): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/**
 * A real SQLite file, migrated, with the register loaded, installed as the process-wide connection
 * so models under test use it. One per test file.
 */
export function createTestDatabase(options: { register?: boolean } = {}): { db: Db; file: string; dir: string } {
  const dir = makeTempDir();
  const file = path.join(dir, "test.sqlite");
  const db = openDatabase(file);
  migrateDatabase(db);
  setDb(db);
  if (options.register !== false) {
    loadRegister({ counties: registerCounties, municipalities: registerMunicipalities });
  }
  return { db, file, dir };
}

export function closeTestDatabase(handle: { db: Db; dir: string }) {
  setDb(undefined);
  handle.db.$client.close();
  fs.rmSync(handle.dir, { recursive: true, force: true });
}

/** Path of a shared fixture when the read-only ../shared folder is beside the repo, else null. */
export function sharedFixture(name: string): string | null {
  const file = path.resolve(process.cwd(), "..", "shared", "fixtures", name);
  return fs.existsSync(file) ? file : null;
}

import os from "node:os";
import { registerCounties, registerMunicipalities } from "../../data/register";
import { migrateDatabase, openDatabase, setDb, type Db } from "../../db/client.server";
import type { Actor } from "../models/audit.server";
import { loadRegister } from "../models/register.server";
import { getEnv } from "../services/env.server";

/** Stops the command with exit code 1 and one line saying why. */
export function fail(command: string, message: string): never {
  process.stderr.write(`${command}: ${message}\n`);
  process.exit(1);
}

/** Opens (and migrates) the database the environment names, with the register loaded. */
export function openCommandDatabase(): Db {
  const db = openDatabase(getEnv().databasePath);
  setDb(db);
  migrateDatabase(db);
  loadRegister({ counties: registerCounties, municipalities: registerMunicipalities });
  return db;
}

/** Who the audit log names for a command: the operating-system user who ran it. */
export function commandActor(command: string): Actor {
  let name = "okänd";
  try {
    name = os.userInfo().username;
  } catch {
    /* no user database in some containers */
  }
  return { id: null, label: `${command} (${name})` };
}

/** A refused input's problems on stderr: the heading with their count, then one line each. */
export function reportProblems(heading: string, problems: readonly string[]) {
  process.stderr.write(`${heading} Problem (${problems.length}):\n`);
  for (const problem of problems) process.stderr.write(`  - ${problem}\n`);
}

/**
 * npm run meetings:import -- FILE
 *
 * Imports meetings held before the app from a CSV file (the columns are in README). The whole file is
 * checked first; any bad row stops the import with row-numbered Swedish errors and exit code 1, and
 * nothing is saved. Importing the same file again adds nothing.
 */
import fs from "node:fs";
import path from "node:path";
import { getDb } from "../../db/client.server";
import { migrateDatabase } from "../../db/client.server";
import { SYSTEM_ACTOR } from "../models/audit.server";
import { checkMeetingsImport, runMeetingsImport } from "../services/meetings-import.server";
import { todayInSweden } from "../services/priorities.server";

function main(argv: string[]): number {
  const file = argv[0];
  if (!file) {
    console.error("Ange filen: npm run meetings:import -- möten.csv");
    return 1;
  }
  let text: string;
  try {
    text = fs.readFileSync(path.resolve(file), "utf8");
  } catch (error) {
    console.error(`Filen ${file} kunde inte läsas: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
    return 1;
  }
  const db = getDb();
  migrateDatabase(db);
  const checked = checkMeetingsImport(text, todayInSweden());
  if (!checked.ok) {
    console.error(`Inget importerades. ${checked.errors.length} fel:`);
    for (const e of checked.errors) console.error(`  ${e}`);
    return 1;
  }
  const result = runMeetingsImport(checked.meetings, { ...SYSTEM_ACTOR, label: "system:meetings:import" }, null);
  console.log(`${result.added} möten importerades${result.skipped ? `, ${result.skipped} fanns redan och hoppades över` : ""}.`);
  return 0;
}

process.exitCode = main(process.argv.slice(2));

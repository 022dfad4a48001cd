/**
 * `npm run indicators:import -- FILE`: imports indicator values from a CSV file
 * (`period;län;indikator;värde;källa`), all or nothing. Exit code 0 when stored (or nothing changed),
 * 1 when the file was refused (every bad row is listed), 2 for a usage error.
 */
import fs from "node:fs";
import { registerCounties, registerMunicipalities } from "../../data/register";
import { migrateDatabase, openDatabase, setDb } from "../../db/client.server";
import { todayInSweden } from "../domain/indicators";
import { parseIndicatorCsv } from "../domain/indicators-import";
import { ensureIndicatorCatalogue, importIndicatorValues, listIndicators } from "../models/indicator.server";
import { listCounties, loadRegister } from "../models/register.server";
import { getEnv } from "../services/env.server";

const USAGE = "Användning: npm run indicators:import -- <fil.csv>";

function main(argv: readonly string[]): number {
  const file = argv[0];
  if (!file || argv.length > 1 || file.startsWith("-")) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch (error) {
    process.stderr.write(`Filen ${file} går inte att läsa: ${(error as Error).message}\n`);
    return 1;
  }
  const db = openDatabase(getEnv().databasePath);
  setDb(db);
  try {
    migrateDatabase(db);
    loadRegister({ counties: registerCounties, municipalities: registerMunicipalities });
    ensureIndicatorCatalogue();
    const parsed = parseIndicatorCsv(text, { indicators: listIndicators(), counties: listCounties(), today: todayInSweden() });
    if (!parsed.ok) {
      process.stderr.write(`Filen importerades inte; inget har sparats. Fel (${parsed.problems.length}):\n`);
      for (const p of parsed.problems) process.stderr.write(`  - ${p.message}\n`);
      return 1;
    }
    const counts = importIndicatorValues(parsed.rows, { id: null, label: "indicators:import" }, { fileName: file });
    process.stdout.write(`Importen är klar: ${counts.added} nya, ${counts.changed} ändrade och ${counts.unchanged} oförändrade värden.\n`);
    return 0;
  } finally {
    db.$client.close();
  }
}

process.exitCode = main(process.argv.slice(2));

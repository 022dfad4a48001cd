/**
 * `npm run geo:import -- <file-or-URL> [--code-property NAME]`: imports municipality borders
 * (GeoJSON, WGS 84 or SWEREF 99 TM) into the database. Exit code 0 when stored, 1 when the file was
 * refused (every problem is listed), 2 for a usage error.
 */
import { parseArgs } from "node:util";
import { registerCounties, registerMunicipalities } from "../../data/register";
import { migrateDatabase, openDatabase, setDb } from "../../db/client.server";
import { systemActor } from "../models/audit.server";
import { loadRegister } from "../models/register.server";
import { getEnv } from "../services/env.server";
import { GeoSourceError, importBorders, readGeoSource } from "../services/geo-import.server";

const USAGE = "Användning: npm run geo:import -- <fil-eller-URL> [--code-property NAMN]";

async function main(): Promise<number> {
  let args;
  try {
    args = parseArgs({ allowPositionals: true, options: { "code-property": { type: "string" } } });
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${USAGE}\n`);
    return 2;
  }
  const source = args.positionals[0];
  if (!source || args.positionals.length > 1) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  let text: string;
  try {
    text = await readGeoSource(source);
  } catch (error) {
    if (!(error instanceof GeoSourceError)) throw error;
    process.stderr.write(`${error.message}\n`);
    return 1;
  }
  const env = getEnv();
  const db = openDatabase(env.databasePath);
  setDb(db);
  try {
    migrateDatabase(db);
    loadRegister({ counties: registerCounties, municipalities: registerMunicipalities });
    const result = importBorders({ text, source, codeProperty: args.values["code-property"] }, systemActor("geo:import"));
    if (!result.ok) {
      process.stderr.write(`Gränserna importerades inte. Problem (${result.problems.length}):\n`);
      for (const problem of result.problems) process.stderr.write(`  - ${problem}\n`);
      return 1;
    }
    process.stdout.write(
      `Importerade gränser för ${result.featureCount} kommuner från ${source}` +
        `${result.reprojected ? " (omprojicerade från SWEREF 99 TM)" : ""}, kommunkod i "${result.codeProperty}": ` +
        `${Math.round(result.bytes / 1024)} KB, ${Math.round(result.gzipBytes / 1024)} KB komprimerat. ` +
        `Kartan visar dem vid nästa sidladdning.\n`,
    );
    return 0;
  } finally {
    db.$client.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    process.stderr.write(`Importen misslyckades: ${(error as Error).message}\n`);
    process.exit(1);
  },
);

/**
 * `npm run geo:import -- <file-or-URL> [--code-property NAME]`: imports municipality borders
 * (GeoJSON, WGS 84 or SWEREF 99 TM) into the database. Exit code 0 when stored, 1 when the file was
 * refused (every problem is listed), 2 for a usage error.
 */
import { parseArgs } from "node:util";
import { systemActor } from "../models/audit.server";
import { importBorders } from "../services/geo-import.server";
import { openCommandDatabase, reportProblems } from "./cli";
import { readGeoSourceForCommand } from "./geo-source";

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
  const text = await readGeoSourceForCommand(source);
  if (text === null) return 1;
  const db = openCommandDatabase();
  try {
    const result = importBorders({ text, source, codeProperty: args.values["code-property"] }, systemActor("geo:import"));
    if (!result.ok) {
      reportProblems("Gränserna importerades inte.", result.problems);
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

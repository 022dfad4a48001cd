/**
 * `npm run borders:generate -- [source] [--out FILE]`: makes the municipality borders the product ships
 * (`data/borders.topo.json`) from a GeoJSON file of the 290 municipalities, through the same pipeline
 * as `geo:import` (the same validation, simplification and 50 KB gzip budget). A development-time step:
 * its output is committed, and the product never reads the source.
 *
 * The default source is `../shared/fixtures/swedish_municipalities.geojson`: Valmyndigheten's
 * municipality borders as simplified and published for reuse in the public repository
 * okfse/sweden-geojson. Exit code 0 when written, 1 when the source was refused, 2 for a usage error.
 */
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { prepareBorderSet, SHIPPED_BORDERS_FILE } from "../services/geo-import.server";
import { reportProblems } from "./cli";
import { readGeoSourceForCommand } from "./geo-source";

const DEFAULT_SOURCE = "../shared/fixtures/swedish_municipalities.geojson";
const USAGE = "Användning: npm run borders:generate -- [källfil-eller-URL] [--out FIL] [--code-property NAMN]";

async function main(): Promise<number> {
  let args;
  try {
    args = parseArgs({
      allowPositionals: true,
      options: { out: { type: "string" }, "code-property": { type: "string" } },
    });
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${USAGE}\n`);
    return 2;
  }
  if (args.positionals.length > 1) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const source = args.positionals[0] ?? DEFAULT_SOURCE;
  const out = path.resolve(args.values.out ?? SHIPPED_BORDERS_FILE);
  const text = await readGeoSourceForCommand(source);
  if (text === null) return 1;
  const prepared = prepareBorderSet({ text, codeProperty: args.values["code-property"] });
  if (!prepared.ok) {
    reportProblems("Gränserna skrevs inte.", prepared.problems);
    return 1;
  }
  const { set } = prepared;
  fs.writeFileSync(out, set.topology);
  process.stdout.write(
    `Skrev ${path.relative(process.cwd(), out)}: ${set.featureCount} kommuner från ${source}, ` +
      `${Math.round(set.bytes / 1024)} KB, ${(set.gzipBytes / 1024).toFixed(1)} KB komprimerat, hash ${set.hash}.\n`,
  );
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    process.stderr.write(`Genereringen misslyckades: ${(error as Error).message}\n`);
    process.exit(1);
  },
);

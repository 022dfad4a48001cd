/**
 * `npm run ratings:import -- --round ID FILE`
 * Imports ratings from a CSV file into an open round, all or nothing, as one audited event. Prints how
 * many assessments changed; exits 1 with the reason (and every bad row, one per line) otherwise.
 */
import fs from "node:fs";
import { parseArgs } from "node:util";
import { parseId } from "../domain/params";
import { applyImport } from "../models/assessment.server";
import { getRound } from "../models/round.server";
import { decodeImportFile, MAX_IMPORT_BYTES, parseImportFor } from "../services/ratings-import.server";
import { commandActor, fail, openCommandDatabase } from "./cli";

const COMMAND = "ratings:import";

let values;
let positionals: string[];
try {
  ({ values, positionals } = parseArgs({ options: { round: { type: "string" } }, strict: true, allowPositionals: true }));
} catch (error) {
  fail(COMMAND, (error as Error).message);
}
const roundId = parseId(values.round);
if (!roundId) fail(COMMAND, "ange kartläggningens id med --round ID.");
if (positionals.length !== 1) fail(COMMAND, "ange en CSV-fil: npm run ratings:import -- --round ID FIL.csv");
const file = positionals[0]!;

let bytes: Buffer;
try {
  if (fs.statSync(file).size > MAX_IMPORT_BYTES) fail(COMMAND, `${file} är större än 1 MB.`);
  bytes = fs.readFileSync(file);
} catch (error) {
  fail(COMMAND, `${file} kan inte läsas (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}).`);
}

try {
  const db = openCommandDatabase();
  const round = getRound(roundId);
  if (!round) fail(COMMAND, `kartläggningen med id ${roundId} finns inte.`);
  const parsed = parseImportFor(null, decodeImportFile(new Uint8Array(bytes)));
  if (!parsed.ok) {
    fail(COMMAND, `inget importerades (${parsed.problems.length} problem):\n${parsed.problems.map((p) => `  ${p}`).join("\n")}`);
  }
  const result = applyImport(round.id, parsed.rows, commandActor(COMMAND), { fileName: file });
  if (!result.ok) fail(COMMAND, result.problems ? `${result.message}\n${result.problems.map((p) => `  ${p}`).join("\n")}` : result.message);
  db.$client.close();
  process.stdout.write(
    result.changed === 0
      ? `Inga bedömningar ändrades i ${round.name} (filen stämmer redan).\n`
      : `${result.changed} ${result.changed === 1 ? "bedömning ändrades" : "bedömningar ändrades"} i ${round.name}.\n`,
  );
} catch (error) {
  fail(COMMAND, (error as Error).message);
}

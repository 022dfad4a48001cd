/**
 * `npm run db:seed-scale -- [--rounds 20] [--meetings 50000] [--actions 100000] [--seed N]`: fills a
 * database for the big-data benchmarks. Requires DATABASE_PATH and refuses the default database, so
 * the agency's data is never filled with test data by accident. Prepares the database as a start
 * does (migrations, register), then adds `--rounds` closed rounds marked as example data
 * ("Belastningsprov YYYY-MM"), each with all 290 municipalities assessed in 1–4 versions (history
 * and audit included); then `--meetings` dialogue meetings (60 forums, 20 planners) with `--actions`
 * follow-up actions spread over them, in audited batches of 2,000 meetings. Everything is marked as
 * example data and keyed (round names, forum names, meetings' import keys), so running it twice adds
 * nothing.
 */
import path from "node:path";
import { parseArgs } from "node:util";
import { openDatabase, setDb } from "../../db/client.server";
import { scaleForums, scaleMeetings, scaleRounds, type ScaleMeeting } from "../domain/scale-seed";
import { SYSTEM_ACTOR } from "../models/audit.server";
import { countScaleMeetings, ensureScaleMeetingRefs, insertScaleMeetings, insertScaleRound, listMunicipalityCodes } from "../models/scale-seed.server";
import { prepareDatabase } from "../services/bootstrap.server";
import { getEnv } from "../services/env.server";

const DEFAULT_DATABASE = path.resolve("db/data/samverkanskartan.sqlite");

function count(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  if (!/^\d{1,7}$/.test(value)) throw new Error(`--${name} ska vara ett heltal (0–9999999), inte "${value.slice(0, 20)}".`);
  return Number(value);
}

try {
  const { values } = parseArgs({
    options: {
      rounds: { type: "string" },
      meetings: { type: "string" },
      actions: { type: "string" },
      seed: { type: "string" },
    },
  });
  if (!process.env.DATABASE_PATH) {
    throw new Error("Ange databasen med DATABASE_PATH: testdata skrivs aldrig till standarddatabasen av misstag.");
  }
  const env = getEnv();
  if (env.databasePath === DEFAULT_DATABASE) {
    throw new Error(`${env.databasePath} är standarddatabasen: välj en egen fil för testdata med DATABASE_PATH.`);
  }
  const rounds = count(values.rounds, "rounds", 20);
  const meetings = count(values.meetings, "meetings", 50_000);
  const actions = count(values.actions, "actions", 100_000);
  const seed = count(values.seed, "seed", 2025);

  const db = openDatabase(env.databasePath);
  setDb(db);
  await prepareDatabase({ seedExample: env.SEED_EXAMPLE ?? true, adminEmail: env.ADMIN_EMAIL, adminPassword: env.ADMIN_PASSWORD, print: (line) => console.log(line) });

  const started = Date.now();
  const today = new Date().toISOString().slice(0, 10);
  let created = 0;
  let versions = 0;
  for (const round of scaleRounds({ rounds, municipalityCodes: listMunicipalityCodes(), today, seed })) {
    const result = insertScaleRound(round, SYSTEM_ACTOR);
    if (result.created) created += 1;
    versions += result.versions;
  }
  console.log(`Kartläggningar: ${created} nya (av ${rounds}), ${versions} versioner av bedömningar.`);

  if (meetings > 0) {
    const codes = listMunicipalityCodes();
    const forumSpecs = scaleForums({ municipalityCodes: codes, seed });
    const refs = ensureScaleMeetingRefs(forumSpecs, SYSTEM_ACTOR);
    let added = { meetings: 0, actions: 0 };
    let batch: ScaleMeeting[] = [];
    const flush = () => {
      const result = insertScaleMeetings(batch, refs, SYSTEM_ACTOR);
      added = { meetings: added.meetings + result.meetings, actions: added.actions + result.actions };
      batch = [];
    };
    for (const meeting of scaleMeetings({ meetings, actions, municipalityCodes: codes, forums: forumSpecs, today, seed })) {
      batch.push(meeting);
      if (batch.length === 2000) flush();
    }
    if (batch.length) flush();
    db.$client.exec("ANALYZE");
    const total = countScaleMeetings();
    console.log(`Dialogmöten: ${added.meetings} nya (av ${meetings}), uppföljningsåtgärder: ${added.actions} nya; i databasen ${total.meetings} möten och ${total.actions} åtgärder från belastningsprov.`);
  } else if (actions > 0) {
    console.log("Uppföljningsåtgärder hör till dialogmöten: ange --meetings också.");
  }
  console.log(`Klart på ${((Date.now() - started) / 1000).toFixed(1)} s: ${env.databasePath}`);
  db.$client.close();
} catch (error) {
  console.error(`db:seed-scale: ${(error as Error).message}`);
  process.exit(1);
}

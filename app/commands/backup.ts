/**
 * `npm run db:backup -- [target-file]`: a consistent copy of the live database through SQLite's online
 * backup API, safe while the server runs. The default target is beside the database, time-stamped.
 */
import path from "node:path";
import { openDatabase } from "../../db/client.server";
import { getEnv } from "../services/env.server";

try {
  const env = getEnv();
  const stamp = new Date().toISOString().replace(/[:.]/g, "-");
  const target = path.resolve(
    process.argv[2] ?? path.join(path.dirname(env.databasePath), `backup-${stamp}.sqlite`),
  );
  const db = openDatabase(env.databasePath);
  await db.$client.backup(target);
  db.$client.close();
  console.log(`Säkerhetskopia sparad: ${target}`);
} catch (error) {
  console.error(`Säkerhetskopieringen misslyckades: ${(error as Error).message}`);
  process.exit(1);
}

/** `npm run db:migrate`: applies the committed migrations to DATABASE_PATH. */
import { migrateDatabase, openDatabase } from "../../db/client.server";
import { getEnv } from "../services/env.server";

try {
  const env = getEnv();
  const db = openDatabase(env.databasePath);
  migrateDatabase(db);
  db.$client.close();
  console.log(`Migreringarna är körda: ${env.databasePath}`);
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}

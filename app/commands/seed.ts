/** `npm run db:seed`: migrations, the register, the example round (unless SEED_EXAMPLE=0), first admin. */
import { openDatabase, setDb } from "../../db/client.server";
import { getEnv } from "../services/env.server";
import { prepareDatabase } from "../services/bootstrap.server";

try {
  const env = getEnv();
  const db = openDatabase(env.databasePath);
  setDb(db);
  const result = await prepareDatabase({
    seedExample: env.SEED_EXAMPLE ?? true,
    adminEmail: env.ADMIN_EMAIL,
    adminPassword: env.ADMIN_PASSWORD,
    print: (line) => console.log(line),
  });
  db.$client.close();
  console.log(
    `Klart: ${result.registerChanges} ändrade rader i registret, exempelomgång ${result.exampleRoundCreated ? "skapad" : "fanns redan eller avstängd"}.`,
  );
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}

import { sql } from "drizzle-orm";
import { getDb } from "../../db/client.server";

/** True when the database answers a trivial query (for /healthz). */
export function databaseResponds(): boolean {
  try {
    getDb().get(sql`select 1`);
    return true;
  } catch {
    return false;
  }
}

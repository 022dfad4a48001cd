import { getDb, type Db } from "../../db/client.server";

/**
 * A query that runs on every request, built and prepared once per connection: drizzle otherwise
 * rebuilds the SQL and SQLite re-prepares it on each call, which was most of the cost of a session
 * check. `build` makes it on `getDb()` with `sql.placeholder("name")` for the values; call the result
 * and then `.get({ name })` / `.all({ name })`.
 */
export function preparedQuery<T>(build: () => T): () => T {
  const byConnection = new WeakMap<Db, T>();
  return () => {
    const db = getDb();
    let query = byConnection.get(db);
    if (!query) {
      query = build();
      byConnection.set(db, query);
    }
    return query;
  };
}

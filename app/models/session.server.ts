import { and, eq, lt, ne, or, sql } from "drizzle-orm";
import { getDb, type Tx } from "../../db/client.server";
import { sessions, users } from "../../db/schema";
import { preparedQuery } from "./prepared.server";

export type NewSession = {
  /** The keyed hash of the cookie's id: the table never holds a usable session id. */
  key: string;
  userId: number;
  now: Date;
  expiresAt: Date;
};

/** Stores a session inside the transaction that signs the user in (see recordLoginSuccess). */
export function insertSession(tx: Pick<Tx, "insert">, input: NewSession) {
  tx.insert(sessions)
    .values({
      id: input.key,
      userId: input.userId,
      createdAt: input.now.toISOString(),
      lastSeenAt: input.now.toISOString(),
      expiresAt: input.expiresAt.toISOString(),
    })
    .run();
}

/** Stores a session on its own (tests, and sessions started without a sign-in form). */
export function addSession(input: NewSession) {
  getDb().transaction((tx) => insertSession(tx, input));
}

// Every signed-in request runs this: prepared once per connection.
const sessionWithUser = preparedQuery(() =>
  getDb()
    .select({
      key: sessions.id,
      createdAt: sessions.createdAt,
      lastSeenAt: sessions.lastSeenAt,
      expiresAt: sessions.expiresAt,
      userId: users.id,
      email: users.email,
      name: users.name,
      active: users.active,
      mustChangePassword: users.mustChangePassword,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.id, sql.placeholder("key")))
    .prepare(),
);

export function getSessionWithUser(key: string) {
  return sessionWithUser().get({ key });
}

export function touchSession(key: string, now: Date) {
  getDb().transaction((tx) => {
    tx.update(sessions).set({ lastSeenAt: now.toISOString() }).where(eq(sessions.id, key)).run();
  });
}

export function deleteSession(key: string) {
  getDb().transaction((tx) => {
    tx.delete(sessions).where(eq(sessions.id, key)).run();
  });
}

/** Ends every session of a user, or every other one when `exceptKey` is given. */
export function deleteUserSessions(userId: number, exceptKey?: string) {
  getDb().transaction((tx) => {
    tx.delete(sessions)
      .where(exceptKey ? and(eq(sessions.userId, userId), ne(sessions.id, exceptKey)) : eq(sessions.userId, userId))
      .run();
  });
}

/** Housekeeping: removes sessions past their absolute expiry or idle limit. */
export function deleteExpiredSessions(now: Date, idleMinutes: number) {
  const idleCutoff = new Date(now.getTime() - idleMinutes * 60_000).toISOString();
  getDb().transaction((tx) => {
    tx.delete(sessions)
      .where(or(lt(sessions.expiresAt, now.toISOString()), lt(sessions.lastSeenAt, idleCutoff)))
      .run();
  });
}

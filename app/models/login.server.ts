import { eq } from "drizzle-orm";
import { getDb } from "../../db/client.server";
import { loginFailures } from "../../db/schema";
import { nextFailureCount } from "../domain/login-throttle";
import { actorOf, appendAudit } from "./audit.server";
import { insertSession, type NewSession } from "./session.server";
import { normalizeEmail } from "./user.server";

/** Longest e-mail address kept in the slowdown table and the audit log (RFC 5321). */
const MAX_EMAIL = 254;

export function getLoginFailures(email: string) {
  return getDb()
    .select()
    .from(loginFailures)
    .where(eq(loginFailures.email, normalizeEmail(email).slice(0, MAX_EMAIL)))
    .get();
}

/** Counts a failed sign-in for the address typed and audits it, in one transaction. */
export function recordLoginFailure(input: { email: string; userId: number | null; reason: string }, now = new Date()) {
  const email = normalizeEmail(input.email).slice(0, MAX_EMAIL);
  getDb().transaction((tx) => {
    const count = countFailure(tx, email, now);
    appendAudit(tx, {
      actor: actorOf({ id: input.userId, email: email || "(tom)" }),
      action: "login.failure",
      entityType: "session",
      after: { reason: input.reason, failuresInRow: count },
    });
  });
}

/**
 * A wrong current password on the password form counts like a failed sign-in on the account (the
 * same per-account delay: a guess is a guess wherever it is typed), and is audited.
 */
export function recordPasswordCheckFailure(user: { id: number; email: string }, now = new Date()) {
  getDb().transaction((tx) => {
    const count = countFailure(tx, normalizeEmail(user.email).slice(0, MAX_EMAIL), now);
    appendAudit(tx, {
      actor: actorOf(user),
      action: "user.password_check_failure",
      entityType: "user",
      entityId: user.id,
      after: { failuresInRow: count },
    });
  });
}

/** After a password change: the account's failures are forgotten, as after a sign-in. */
export function clearLoginFailures(email: string) {
  getDb().transaction((tx) => {
    tx.delete(loginFailures).where(eq(loginFailures.email, normalizeEmail(email).slice(0, MAX_EMAIL))).run();
  });
}

type Tx = Parameters<Parameters<ReturnType<typeof getDb>["transaction"]>[0]>[0];

function countFailure(tx: Tx, email: string, now: Date): number {
  const record = tx.select().from(loginFailures).where(eq(loginFailures.email, email)).get();
  const count = nextFailureCount(record, now);
  tx.insert(loginFailures)
    .values({ email, count, lastFailureAt: now.toISOString() })
    .onConflictDoUpdate({ target: loginFailures.email, set: { count, lastFailureAt: now.toISOString() } })
    .run();
  return count;
}

/**
 * A successful sign-in, in one transaction: the address's failures are forgotten, the new session
 * (made by the session service, app/services/session.server.ts) is stored, and the sign-in audited.
 */
export function recordLoginSuccess(user: { id: number; email: string }, session: Omit<NewSession, "userId">) {
  getDb().transaction((tx) => {
    tx.delete(loginFailures).where(eq(loginFailures.email, user.email)).run();
    insertSession(tx, { ...session, userId: user.id });
    appendAudit(tx, { actor: actorOf(user), action: "login.success", entityType: "session" });
  });
}

export function recordLogout(user: { id: number; email: string }) {
  getDb().transaction((tx) => {
    appendAudit(tx, { actor: actorOf(user), action: "logout", entityType: "session" });
  });
}

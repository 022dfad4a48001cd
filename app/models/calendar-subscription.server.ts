import { and, desc, eq, isNull } from "drizzle-orm";
import { getDb } from "../../db/client.server";
import { calendarSubscriptions } from "../../db/schema";
import { appendAudit, type Actor } from "./audit.server";

/** Stores a new subscription (only the token's keyed hash). */
export function createSubscription(userId: number, tokenHash: string, actor: Actor) {
  return getDb().transaction((tx) => {
    const row = tx.insert(calendarSubscriptions).values({ userId, tokenHash }).returning().get();
    appendAudit(tx, { actor, action: "calendar.subscribe", entityType: "calendar_subscription", entityId: row.id });
    return row;
  });
}

/** Revokes one of the user's own subscriptions; null when it is not theirs or already revoked. */
export function revokeSubscription(id: number, userId: number, actor: Actor) {
  return getDb().transaction((tx) => {
    const row = tx
      .select()
      .from(calendarSubscriptions)
      .where(and(eq(calendarSubscriptions.id, id), eq(calendarSubscriptions.userId, userId), isNull(calendarSubscriptions.revokedAt)))
      .get();
    if (!row) return null;
    tx.update(calendarSubscriptions).set({ revokedAt: new Date().toISOString() }).where(eq(calendarSubscriptions.id, id)).run();
    appendAudit(tx, { actor, action: "calendar.revoke", entityType: "calendar_subscription", entityId: id });
    return { id };
  });
}

export function listSubscriptions(userId: number) {
  return getDb()
    .select({ id: calendarSubscriptions.id, createdAt: calendarSubscriptions.createdAt, revokedAt: calendarSubscriptions.revokedAt })
    .from(calendarSubscriptions)
    .where(eq(calendarSubscriptions.userId, userId))
    .orderBy(desc(calendarSubscriptions.id))
    .all();
}

/** The active subscription with this token hash, if any. */
export function findActiveSubscription(tokenHash: string) {
  return getDb()
    .select({ id: calendarSubscriptions.id, userId: calendarSubscriptions.userId })
    .from(calendarSubscriptions)
    .where(and(eq(calendarSubscriptions.tokenHash, tokenHash), isNull(calendarSubscriptions.revokedAt)))
    .get();
}

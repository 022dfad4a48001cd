import { and, asc, desc, eq, gte, lte, sql } from "drizzle-orm";
import { getDb, type Tx } from "../../db/client.server";
import { auditLog, users } from "../../db/schema";
import type { AuditAction, AuditEntityType } from "../domain/audit-filter";

/** Who an audit entry names: a person's id and e-mail, or no id and what ran (the system, a command). */
export type Actor = { id: number | null; label: string };

/**
 * The actor for a person: their id (null when the address typed at sign-in matched no account) and
 * the e-mail address as the readable label.
 */
export function actorOf(user: { id: number | null; email: string }): Actor {
  return { id: user.id, label: user.email };
}

/** The actor for something that is not a person: the first start, a command, a setting. */
export function systemActor(label: string): Actor {
  return { id: null, label };
}

export const SYSTEM_ACTOR: Actor = systemActor("system");

/**
 * Appends one audit row. It takes the transaction of the write it records, so the write and its
 * record stand or fall together.
 */
export function appendAudit(
  tx: Pick<Tx, "insert">,
  entry: {
    actor: Actor;
    action: AuditAction;
    entityType: AuditEntityType;
    entityId?: string | number | null;
    before?: unknown;
    after?: unknown;
  },
) {
  tx.insert(auditLog)
    .values({
      at: new Date().toISOString(),
      actorId: entry.actor.id,
      actorLabel: entry.actor.label,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId == null ? null : String(entry.entityId),
      before: entry.before === undefined ? null : JSON.stringify(entry.before),
      after: entry.after === undefined ? null : JSON.stringify(entry.after),
    })
    .run();
}

export type AuditFilter = {
  actorId?: number;
  entityType?: string;
  entityId?: string;
  /** Inclusive dates (YYYY-MM-DD), compared in UTC. */
  from?: string;
  to?: string;
};

function conditions(filter: AuditFilter) {
  return and(
    filter.actorId !== undefined ? eq(auditLog.actorId, filter.actorId) : undefined,
    filter.entityType ? eq(auditLog.entityType, filter.entityType) : undefined,
    filter.entityId ? eq(auditLog.entityId, filter.entityId) : undefined,
    filter.from ? gte(auditLog.at, `${filter.from}T00:00:00.000Z`) : undefined,
    filter.to ? lte(auditLog.at, `${filter.to}T23:59:59.999Z`) : undefined,
  );
}

/** Newest first. */
export function listAudit(filter: AuditFilter, page: { limit: number; offset: number }) {
  return getDb()
    .select()
    .from(auditLog)
    .where(conditions(filter))
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(page.limit)
    .offset(page.offset)
    .all();
}

export function countAudit(filter: AuditFilter): number {
  return getDb().select({ n: sql<number>`count(*)` }).from(auditLog).where(conditions(filter)).get()?.n ?? 0;
}

/** Everyone who appears in the log as a signed-in actor, for the filter's person list. */
export function listAuditActors() {
  return getDb()
    .selectDistinct({ id: users.id, name: users.name, email: users.email })
    .from(auditLog)
    .innerJoin(users, eq(users.id, auditLog.actorId))
    .orderBy(asc(users.name))
    .all();
}

export function listAuditEntityTypes(): string[] {
  return getDb()
    .selectDistinct({ entityType: auditLog.entityType })
    .from(auditLog)
    .orderBy(asc(auditLog.entityType))
    .all()
    .map((r) => r.entityType);
}

import { auditLog } from "../../db/schema";
import type { Db } from "../../db/client.server";

export type Actor = { id: number | null; label: string };
export const SYSTEM_ACTOR: Actor = { id: null, label: "system" };

type Tx = Pick<Db, "insert">;

/**
 * Appends one audit row. Call it inside the same db.transaction as the write it records, so the
 * write and its record stand or fall together.
 */
export function appendAudit(
  tx: Tx,
  entry: {
    actor: Actor;
    action: string;
    entityType: string;
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

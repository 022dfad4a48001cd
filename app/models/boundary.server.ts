import { desc, eq } from "drizzle-orm";
import { getDb } from "../../db/client.server";
import { boundarySets } from "../../db/schema";
import { appendAudit, type Actor } from "./audit.server";

export type NewBoundarySet = { topology: string; hash: string; source: string; featureCount: number };

/** Stores an imported border set (the newest is the one shown) and audits it in the same transaction. */
export function saveBoundarySet(set: NewBoundarySet, actor: Actor) {
  return getDb().transaction((tx) => {
    const row = tx
      .insert(boundarySets)
      .values({ ...set, importedAt: new Date().toISOString() })
      .returning({ id: boundarySets.id, hash: boundarySets.hash, importedAt: boundarySets.importedAt })
      .get();
    appendAudit(tx, {
      actor,
      action: "boundaries.import",
      entityType: "boundary_set",
      entityId: row.id,
      after: { hash: set.hash, source: set.source, featureCount: set.featureCount, bytes: set.topology.length },
    });
    return row;
  });
}

/** The border set the map shows, without its (large) topology. */
export function getCurrentBoundarySet() {
  return getDb()
    .select({
      id: boundarySets.id,
      hash: boundarySets.hash,
      source: boundarySets.source,
      featureCount: boundarySets.featureCount,
      importedAt: boundarySets.importedAt,
    })
    .from(boundarySets)
    .orderBy(desc(boundarySets.id))
    .get();
}

/** The TopoJSON text of a stored border set, by the hash in its URL. */
export function getBoundaryTopology(hash: string): string | undefined {
  return getDb()
    .select({ topology: boundarySets.topology })
    .from(boundarySets)
    .where(eq(boundarySets.hash, hash))
    .orderBy(desc(boundarySets.id))
    .get()?.topology;
}

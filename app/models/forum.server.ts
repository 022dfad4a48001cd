import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { getDb, type Db } from "../../db/client.server";
import { counties, forumMembers, forums, meetings, municipalities } from "../../db/schema";
import { sortSwedish } from "../domain/collation";
import { deleteForumProblem } from "../domain/forum";
import type { ForumKind } from "../domain/meeting-vocabulary";
import { appendAudit, type Actor } from "./audit.server";

export type ForumInput = { name: string; kind: ForumKind; memberCodes: readonly string[] };

/** Every forum with its number of members, in Swedish order. */
export function listForums() {
  const rows = getDb()
    .select({
      id: forums.id,
      name: forums.name,
      kind: forums.kind,
      example: forums.example,
      members: sql<number>`(select count(*) from ${forumMembers} where ${forumMembers.forumId} = ${forums.id})`,
    })
    .from(forums)
    .all();
  return sortSwedish(rows, (f) => f.name);
}

export function getForum(id: number) {
  const forum = getDb().select().from(forums).where(eq(forums.id, id)).get();
  if (!forum) return undefined;
  const members = getDb()
    .select({ code: municipalities.code, name: municipalities.name, countyCode: municipalities.countyCode, countyName: counties.name })
    .from(forumMembers)
    .innerJoin(municipalities, eq(municipalities.code, forumMembers.municipalityCode))
    .innerJoin(counties, eq(counties.code, municipalities.countyCode))
    .where(eq(forumMembers.forumId, id))
    .all();
  return { ...forum, members: sortSwedish(members, (m) => m.name) };
}

/** The forums a municipality belongs to. */
export function listForumsOf(code: string) {
  return getDb()
    .select({ id: forums.id, name: forums.name, kind: forums.kind })
    .from(forumMembers)
    .innerJoin(forums, eq(forums.id, forumMembers.forumId))
    .where(eq(forumMembers.municipalityCode, code))
    .orderBy(asc(forums.name))
    .all();
}

export function forumNameTaken(name: string, exceptId?: number): boolean {
  const row = getDb()
    .select({ id: forums.id })
    .from(forums)
    .where(sql`lower(${forums.name}) = lower(${name})`)
    .get();
  return !!row && row.id !== exceptId;
}

/** Member codes of each forum (all forums), for aggregations. */
export function forumMemberMap(): Map<number, string[]> {
  const map = new Map<number, string[]>();
  for (const row of getDb().select().from(forumMembers).all()) {
    map.set(row.forumId, [...(map.get(row.forumId) ?? []), row.municipalityCode]);
  }
  return map;
}

export function createForum(input: ForumInput, actor: Actor, options: { example?: boolean } = {}) {
  return getDb().transaction((tx) => {
    const forum = tx
      .insert(forums)
      .values({ name: input.name, kind: input.kind, example: options.example ?? false })
      .returning()
      .get();
    for (const code of new Set(input.memberCodes)) tx.insert(forumMembers).values({ forumId: forum.id, municipalityCode: code }).run();
    appendAudit(tx, { actor, action: "forum.create", entityType: "forum", entityId: forum.id, after: { ...input } });
    return forum;
  });
}

export function updateForum(id: number, input: ForumInput, actor: Actor) {
  return getDb().transaction((tx) => {
    const before = tx.select().from(forums).where(eq(forums.id, id)).get();
    if (!before) return null;
    const beforeMembers = tx.select().from(forumMembers).where(eq(forumMembers.forumId, id)).all().map((m) => m.municipalityCode);
    tx.update(forums).set({ name: input.name, kind: input.kind }).where(eq(forums.id, id)).run();
    const keep = new Set(input.memberCodes);
    const gone = beforeMembers.filter((c) => !keep.has(c));
    if (gone.length) tx.delete(forumMembers).where(and(eq(forumMembers.forumId, id), inArray(forumMembers.municipalityCode, gone))).run();
    for (const code of keep) {
      if (!beforeMembers.includes(code)) tx.insert(forumMembers).values({ forumId: id, municipalityCode: code }).run();
    }
    appendAudit(tx, {
      actor,
      action: "forum.update",
      entityType: "forum",
      entityId: id,
      before: { name: before.name, kind: before.kind, memberCodes: beforeMembers },
      after: { ...input },
    });
    return { id };
  });
}

/** How many meetings (of any status) were booked with a forum. */
export function countMeetingsOfForum(id: number): number {
  return getDb().select({ n: sql<number>`count(*)` }).from(meetings).where(eq(meetings.forumId, id)).get()?.n ?? 0;
}

/** Removes a forum that no meeting names (checked again in the transaction), with its members; audited. */
export function deleteForum(id: number, actor: Actor): { deleted: true } | { problem: string } | null {
  return getDb().transaction((tx) => {
    const before = tx.select().from(forums).where(eq(forums.id, id)).get();
    if (!before) return null;
    const used = tx.select({ n: sql<number>`count(*)` }).from(meetings).where(eq(meetings.forumId, id)).get()?.n ?? 0;
    const problem = deleteForumProblem(used);
    if (problem) return { problem };
    const memberCodes = tx.select().from(forumMembers).where(eq(forumMembers.forumId, id)).all().map((m) => m.municipalityCode);
    tx.delete(forumMembers).where(eq(forumMembers.forumId, id)).run();
    tx.delete(forums).where(eq(forums.id, id)).run();
    appendAudit(tx, { actor, action: "forum.delete", entityType: "forum", entityId: id, before: { name: before.name, kind: before.kind, memberCodes } });
    return { deleted: true as const };
  });
}

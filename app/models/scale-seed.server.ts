import { eq, inArray, like, sql } from "drizzle-orm";
import { getDb } from "../../db/client.server";
import {
  assessmentHistory,
  assessments,
  followUpActions,
  forumMembers,
  forums,
  mappingRounds,
  meetingFunctions,
  meetingMunicipalities,
  meetingParticipants,
  meetings,
  municipalities,
  userRoles,
  users,
} from "../../db/schema";
import { SCALE_PLANNERS, SCALE_ROUND_PREFIX, type ScaleMeeting, type ScaleRound } from "../domain/scale-seed";
import { appendAudit, type Actor } from "./audit.server";

export function listMunicipalityCodes(): string[] {
  return getDb()
    .select({ code: municipalities.code })
    .from(municipalities)
    .orderBy(municipalities.code)
    .all()
    .map((m) => m.code);
}

/**
 * Writes one generated round (closed, marked as example data) with its assessments and their
 * history, audited, in one transaction. A round whose name exists is left alone.
 */
export function insertScaleRound(round: ScaleRound, actor: Actor): { created: boolean; assessments: number; versions: number } {
  return getDb().transaction((tx) => {
    const existing = tx.select({ id: mappingRounds.id }).from(mappingRounds).where(eq(mappingRounds.name, round.name)).get();
    if (existing) return { created: false, assessments: 0, versions: 0 };
    const row = tx
      .insert(mappingRounds)
      .values({ name: round.name, periodStart: round.periodStart, periodEnd: round.periodEnd, status: "closed", example: true })
      .returning()
      .get();
    let versions = 0;
    for (const a of round.assessments) {
      const last = a.versions.at(-1)!;
      const assessment = tx
        .insert(assessments)
        .values({
          roundId: row.id,
          municipalityCode: a.municipalityCode,
          collaboration: last.collaboration,
          interventionAccess: last.interventionAccess,
          comment: last.comment,
          updatedAt: last.changedAt,
          version: a.versions.length,
        })
        .returning({ id: assessments.id })
        .get();
      tx.insert(assessmentHistory)
        .values(
          a.versions.map((v, i) => ({
            assessmentId: assessment.id,
            roundId: row.id,
            municipalityCode: a.municipalityCode,
            collaboration: v.collaboration,
            interventionAccess: v.interventionAccess,
            comment: v.comment,
            version: i + 1,
            changedAt: v.changedAt,
          })),
        )
        .run();
      versions += a.versions.length;
    }
    appendAudit(tx, {
      actor,
      action: "round.seed_scale",
      entityType: "mapping_round",
      entityId: row.id,
      after: { ...row, assessments: round.assessments.length, versions },
    });
    return { created: true, assessments: round.assessments.length, versions };
  });
}

/** The ids the generated meetings refer to: forums and planners by their index in the generator. */
export type ScaleMeetingRefs = { forumIds: number[]; plannerIds: number[] };

/**
 * The generated forums (with their members) and planners (accounts without a password, so nobody
 * signs in as them), created once: a second run finds them by name and e-mail.
 */
export function ensureScaleMeetingRefs(forumSpecs: readonly { name: string; members: readonly string[] }[], actor: Actor): ScaleMeetingRefs {
  return getDb().transaction((tx) => {
    let created = 0;
    const forumIds = forumSpecs.map((f) => {
      const existing = tx.select({ id: forums.id }).from(forums).where(eq(forums.name, f.name)).get();
      if (existing) return existing.id;
      const { id } = tx.insert(forums).values({ name: f.name, kind: "other", example: true }).returning({ id: forums.id }).get();
      if (f.members.length) tx.insert(forumMembers).values(f.members.map((code) => ({ forumId: id, municipalityCode: code }))).run();
      created += 1;
      return id;
    });
    const plannerIds = Array.from({ length: SCALE_PLANNERS }, (_, k) => {
      const email = `${SCALE_ROUND_PREFIX.toLowerCase()}.planerare${k + 1}@example.se`;
      const existing = tx.select({ id: users.id }).from(users).where(eq(users.email, email)).get();
      if (existing) return existing.id;
      const { id } = tx.insert(users).values({ email, name: `${SCALE_ROUND_PREFIX} planerare ${k + 1}` }).returning({ id: users.id }).get();
      tx.insert(userRoles).values({ userId: id, role: "planner" }).run();
      created += 1;
      return id;
    });
    if (created) {
      appendAudit(tx, { actor, action: "meeting.seed_scale", entityType: "forum", after: { forums: forumIds.length, planners: plannerIds.length } });
    }
    return { forumIds, plannerIds };
  });
}

/**
 * Writes a batch of generated meetings with their municipalities, participants and follow-up actions
 * in one transaction, audited once. A meeting whose key (its import key) exists is left alone, with
 * its actions, so running the command twice adds nothing.
 */
export function insertScaleMeetings(batch: readonly ScaleMeeting[], refs: ScaleMeetingRefs, actor: Actor): { meetings: number; actions: number } {
  return getDb().transaction((tx) => {
    const keys = batch.map((m) => m.key);
    const existing = new Set(
      tx
        .select({ key: meetings.importKey })
        .from(meetings)
        .where(inArray(meetings.importKey, keys))
        .all()
        .map((r) => r.key),
    );
    let meetingCount = 0;
    let actionCount = 0;
    const now = new Date().toISOString();
    for (const m of batch) {
      if (existing.has(m.key)) continue;
      const { id } = tx
        .insert(meetings)
        .values({
          date: m.date,
          startTime: m.startTime,
          endTime: m.endTime,
          format: m.format,
          status: m.status,
          forumId: m.forum === null ? null : refs.forumIds[m.forum]!,
          plannerId: refs.plannerIds[m.participants[0]!]!,
          agenda: "Dagordning",
          example: true,
          importKey: m.key,
          updatedAt: now,
        })
        .returning({ id: meetings.id })
        .get();
      if (m.municipalityCodes.length) {
        tx.insert(meetingMunicipalities).values(m.municipalityCodes.map((code) => ({ meetingId: id, municipalityCode: code, date: m.date, status: m.status }))).run();
      }
      tx.insert(meetingParticipants).values(m.participants.map((p) => ({ meetingId: id, userId: refs.plannerIds[p]! }))).run();
      tx.insert(meetingFunctions).values({ meetingId: id, function: "daily_activities", count: m.municipalParticipants }).run();
      if (m.actions.length) {
        tx.insert(followUpActions)
          .values(
            m.actions.map((a) => ({
              meetingId: id,
              municipalityCode: a.municipalityCode,
              what: a.what,
              assigneeUserId: a.assignee === null ? null : refs.plannerIds[a.assignee]!,
              assigneeFunction: a.assignee === null ? ("management" as const) : null,
              dueDate: a.dueDate,
              status: a.status,
              doneAt: a.status === "done" ? `${a.dueDate}T12:00:00.000Z` : null,
              example: true,
            })),
          )
          .run();
      }
      meetingCount += 1;
      actionCount += m.actions.length;
    }
    if (meetingCount) {
      appendAudit(tx, { actor, action: "meeting.seed_scale", entityType: "meeting", after: { meetings: meetingCount, followUps: actionCount, first: keys[0], last: keys.at(-1) } });
    }
    return { meetings: meetingCount, actions: actionCount };
  });
}

/** How many generated meetings (and their follow-up actions) the database holds. */
export function countScaleMeetings(): { meetings: number; actions: number } {
  const db = getDb();
  const pattern = `${SCALE_ROUND_PREFIX.toLowerCase()}:%`;
  const m = db.select({ n: sql<number>`count(*)` }).from(meetings).where(like(meetings.importKey, pattern)).get()!.n;
  const a = db
    .select({ n: sql<number>`count(*)` })
    .from(followUpActions)
    .innerJoin(meetings, eq(meetings.id, followUpActions.meetingId))
    .where(like(meetings.importKey, pattern))
    .get()!.n;
  return { meetings: m, actions: a };
}

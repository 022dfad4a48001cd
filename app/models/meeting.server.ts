import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { getDb, type Db } from "../../db/client.server";
import {
  dialogueMaterialSections,
  followUpActions,
  forumMembers,
  forums,
  meetingFunctions,
  meetingMunicipalities,
  meetingParticipants,
  meetingSections,
  meetings,
  municipalities,
  users,
} from "../../db/schema";
import type { DialogueContact } from "../domain/dialogue-status";
import { deleteMeetingProblem, type FollowUpDraft } from "../domain/meeting";
import type { MeetingFormat, MeetingStatus, MunicipalFunction } from "../domain/meeting-vocabulary";
import { appendAudit, type Actor } from "./audit.server";

export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

export type MeetingWrite = {
  date: string;
  startTime: string;
  endTime: string;
  municipalityCodes: readonly string[];
  forumId: number | null;
  place: string;
  videoLink: string;
  format: MeetingFormat;
  participantIds: readonly number[];
  functions: readonly { function: MunicipalFunction; count: number }[];
  agenda: string;
};

export type MeetingRecord = {
  materialId: number | null;
  materialUsed: boolean;
  sectionIds: readonly number[];
  notes: string;
  outcome: string;
  nextStep: string;
  actions: readonly FollowUpDraft[];
};

const now = () => new Date().toISOString();

/** What the forms check against: municipalities, forums and active users that exist. */
export function meetingLookups() {
  return {
    municipalityCodes: new Set(getDb().select({ code: municipalities.code }).from(municipalities).all().map((r) => r.code)),
    forumIds: new Set(getDb().select({ id: forums.id }).from(forums).all().map((r) => r.id)),
    userIds: new Set(getDb().select({ id: users.id }).from(users).where(eq(users.active, true)).all().map((r) => r.id)),
  };
}

/** Active users, for the participant and assignee lists. */
export function listActiveUsers() {
  return getDb().select({ id: users.id, name: users.name }).from(users).where(eq(users.active, true)).orderBy(asc(users.name)).all();
}

function writeChildren(tx: Tx, id: number, input: MeetingWrite, status: MeetingStatus) {
  tx.delete(meetingMunicipalities).where(eq(meetingMunicipalities.meetingId, id)).run();
  tx.delete(meetingParticipants).where(eq(meetingParticipants.meetingId, id)).run();
  tx.delete(meetingFunctions).where(eq(meetingFunctions.meetingId, id)).run();
  for (const code of new Set(input.municipalityCodes)) {
    tx.insert(meetingMunicipalities).values({ meetingId: id, municipalityCode: code, date: input.date, status }).run();
  }
  for (const userId of new Set(input.participantIds)) tx.insert(meetingParticipants).values({ meetingId: id, userId }).run();
  for (const f of input.functions) tx.insert(meetingFunctions).values({ meetingId: id, function: f.function, count: f.count }).run();
}

/** Inserts a meeting and its children inside the caller's transaction. */
export function insertMeeting(
  tx: Tx,
  input: MeetingWrite,
  extra: { plannerId: number | null; status?: MeetingStatus; example?: boolean; importKey?: string | null; notes?: string },
) {
  const status = extra.status ?? "planned";
  const meeting = tx
    .insert(meetings)
    .values({
      date: input.date,
      startTime: input.startTime,
      endTime: input.endTime,
      place: input.place,
      videoLink: input.videoLink,
      format: input.format,
      status,
      forumId: input.forumId,
      agenda: input.agenda,
      notes: extra.notes ?? "",
      plannerId: extra.plannerId,
      example: extra.example ?? false,
      importKey: extra.importKey ?? null,
      updatedAt: now(),
    })
    .returning()
    .get();
  writeChildren(tx, meeting.id, input, status);
  return meeting;
}

/** Books a meeting (planned), audited. */
export function createMeeting(input: MeetingWrite, actor: Actor, options: { plannerId: number | null; example?: boolean }) {
  return getDb().transaction((tx) => {
    const meeting = insertMeeting(tx, input, { plannerId: options.plannerId, example: options.example });
    appendAudit(tx, { actor, action: "meeting.create", entityType: "meeting", entityId: meeting.id, after: input });
    return meeting;
  });
}

/** Changes a planned meeting's booking. */
export function updateMeeting(id: number, input: MeetingWrite, actor: Actor) {
  return getDb().transaction((tx) => {
    const before = tx.select().from(meetings).where(eq(meetings.id, id)).get();
    if (!before) return null;
    tx.update(meetings)
      .set({
        date: input.date,
        startTime: input.startTime,
        endTime: input.endTime,
        place: input.place,
        videoLink: input.videoLink,
        format: input.format,
        forumId: input.forumId,
        agenda: input.agenda,
        sequence: before.sequence + 1,
        updatedAt: now(),
      })
      .where(eq(meetings.id, id))
      .run();
    writeChildren(tx, id, input, before.status);
    appendAudit(tx, { actor, action: "meeting.update", entityType: "meeting", entityId: id, before, after: input });
    return { id };
  });
}

function setStatus(tx: Tx, id: number, status: MeetingStatus) {
  tx.update(meetingMunicipalities).set({ status }).where(eq(meetingMunicipalities.meetingId, id)).run();
}

/** Records a meeting as held (or corrects the record): material, sections, texts and new follow-ups. */
export function recordMeeting(id: number, record: MeetingRecord, actor: Actor) {
  return getDb().transaction((tx) => {
    const before = tx.select().from(meetings).where(eq(meetings.id, id)).get();
    if (!before) return null;
    tx.update(meetings)
      .set({
        status: "held",
        materialId: record.materialUsed ? record.materialId : null,
        materialUsed: record.materialUsed,
        notes: record.notes,
        outcome: record.outcome,
        nextStep: record.nextStep,
        sequence: before.sequence + 1,
        updatedAt: now(),
      })
      .where(eq(meetings.id, id))
      .run();
    setStatus(tx, id, "held");
    tx.delete(meetingSections).where(eq(meetingSections.meetingId, id)).run();
    for (const sectionId of new Set(record.materialUsed ? record.sectionIds : [])) {
      tx.insert(meetingSections).values({ meetingId: id, sectionId }).run();
    }
    for (const a of record.actions) {
      tx.insert(followUpActions)
        .values({
          meetingId: id,
          municipalityCode: a.municipalityCode,
          what: a.what,
          assigneeUserId: a.assigneeUserId,
          assigneeFunction: a.assigneeFunction,
          dueDate: a.dueDate,
          example: before.example,
        })
        .run();
    }
    appendAudit(tx, {
      actor,
      action: "meeting.record",
      entityType: "meeting",
      entityId: id,
      before: { status: before.status, notes: before.notes, outcome: before.outcome, nextStep: before.nextStep },
      after: record,
    });
    return { id };
  });
}

export function cancelMeeting(id: number, actor: Actor) {
  return getDb().transaction((tx) => {
    const before = tx.select().from(meetings).where(eq(meetings.id, id)).get();
    if (!before) return null;
    tx.update(meetings).set({ status: "cancelled", sequence: before.sequence + 1, updatedAt: now() }).where(eq(meetings.id, id)).run();
    setStatus(tx, id, "cancelled");
    appendAudit(tx, { actor, action: "meeting.cancel", entityType: "meeting", entityId: id, before: { status: before.status } });
    return { id };
  });
}

/** How many follow-up actions a meeting has. */
export function countFollowUpsOf(meetingId: number): number {
  return getDb().select({ n: sql<number>`count(*)` }).from(followUpActions).where(eq(followUpActions.meetingId, meetingId)).get()?.n ?? 0;
}

/**
 * Removes a meeting booked by mistake, with its municipalities, participants and functions; audited
 * with what it held. The rule (domain/meeting.ts deleteMeetingProblem) is checked again inside the
 * transaction, so a meeting recorded meanwhile is not removed. A postponed meeting that this one
 * replaced keeps its new date but no longer links to a meeting.
 */
export function deleteMeeting(id: number, actor: Actor): { deleted: true } | { problem: string } | null {
  return getDb().transaction((tx) => {
    const before = tx.select().from(meetings).where(eq(meetings.id, id)).get();
    if (!before) return null;
    const followUps = tx.select({ n: sql<number>`count(*)` }).from(followUpActions).where(eq(followUpActions.meetingId, id)).get()?.n ?? 0;
    const problem = deleteMeetingProblem(before, followUps);
    if (problem) return { problem };
    const children = readChildren(tx, id);
    tx.delete(meetingSections).where(eq(meetingSections.meetingId, id)).run();
    tx.delete(meetingFunctions).where(eq(meetingFunctions.meetingId, id)).run();
    tx.delete(meetingParticipants).where(eq(meetingParticipants.meetingId, id)).run();
    tx.delete(meetingMunicipalities).where(eq(meetingMunicipalities.meetingId, id)).run();
    tx.update(meetings).set({ replacedBy: null, updatedAt: now() }).where(eq(meetings.replacedBy, id)).run();
    tx.delete(meetings).where(eq(meetings.id, id)).run();
    appendAudit(tx, {
      actor,
      action: "meeting.delete",
      entityType: "meeting",
      entityId: id,
      before: {
        date: before.date,
        startTime: before.startTime,
        endTime: before.endTime,
        status: before.status,
        format: before.format,
        forumId: before.forumId,
        place: before.place,
        plannerId: before.plannerId,
        ...children,
      },
    });
    return { deleted: true as const };
  });
}

/**
 * Moves a planned meeting to a new date: the old one is kept as "postponed" (pointing to the new date),
 * and a new planned meeting with the same participants takes its place.
 */
export function postponeMeeting(id: number, to: { date: string; startTime?: string; endTime?: string }, actor: Actor) {
  return getDb().transaction((tx) => {
    const before = tx.select().from(meetings).where(eq(meetings.id, id)).get();
    if (!before) return null;
    const children = readChildren(tx, id);
    const copy = insertMeeting(
      tx,
      {
        date: to.date,
        startTime: to.startTime ?? before.startTime,
        endTime: to.endTime ?? before.endTime,
        municipalityCodes: children.municipalityCodes,
        forumId: before.forumId,
        place: before.place,
        videoLink: before.videoLink,
        format: before.format,
        participantIds: children.participantIds,
        functions: children.functions,
        agenda: before.agenda,
      },
      { plannerId: before.plannerId, example: before.example },
    );
    tx.update(meetings)
      .set({ status: "postponed", postponedTo: to.date, replacedBy: copy.id, sequence: before.sequence + 1, updatedAt: now() })
      .where(eq(meetings.id, id))
      .run();
    setStatus(tx, id, "postponed");
    appendAudit(tx, {
      actor,
      action: "meeting.postpone",
      entityType: "meeting",
      entityId: id,
      before: { date: before.date, startTime: before.startTime, endTime: before.endTime },
      after: { ...to, newMeetingId: copy.id },
    });
    return { id, newId: copy.id };
  });
}

function readChildren(tx: Pick<Tx, "select">, id: number) {
  return {
    municipalityCodes: tx
      .select({ code: meetingMunicipalities.municipalityCode })
      .from(meetingMunicipalities)
      .where(eq(meetingMunicipalities.meetingId, id))
      .all()
      .map((r) => r.code),
    participantIds: tx
      .select({ id: meetingParticipants.userId })
      .from(meetingParticipants)
      .where(eq(meetingParticipants.meetingId, id))
      .all()
      .map((r) => r.id),
    functions: tx
      .select({ function: meetingFunctions.function, count: meetingFunctions.count })
      .from(meetingFunctions)
      .where(eq(meetingFunctions.meetingId, id))
      .all(),
  };
}

/** One meeting with everything its page shows. */
export function getMeeting(id: number) {
  const meeting = getDb().select().from(meetings).where(eq(meetings.id, id)).get();
  if (!meeting) return undefined;
  const forum = meeting.forumId ? getDb().select().from(forums).where(eq(forums.id, meeting.forumId)).get() : undefined;
  const forumMemberRows = meeting.forumId
    ? getDb()
        .select({ code: municipalities.code, name: municipalities.name })
        .from(forumMembers)
        .innerJoin(municipalities, eq(municipalities.code, forumMembers.municipalityCode))
        .where(eq(forumMembers.forumId, meeting.forumId))
        .all()
    : [];
  return {
    ...meeting,
    municipalities: getDb()
      .select({ code: municipalities.code, name: municipalities.name, countyCode: municipalities.countyCode })
      .from(meetingMunicipalities)
      .innerJoin(municipalities, eq(municipalities.code, meetingMunicipalities.municipalityCode))
      .where(eq(meetingMunicipalities.meetingId, id))
      .all(),
    forum: forum ? { id: forum.id, name: forum.name, kind: forum.kind, members: forumMemberRows } : null,
    participants: getDb()
      .select({ id: users.id, name: users.name })
      .from(meetingParticipants)
      .innerJoin(users, eq(users.id, meetingParticipants.userId))
      .where(eq(meetingParticipants.meetingId, id))
      .all(),
    planner: meeting.plannerId ? (getDb().select({ id: users.id, name: users.name }).from(users).where(eq(users.id, meeting.plannerId)).get() ?? null) : null,
    functions: getDb()
      .select({ function: meetingFunctions.function, count: meetingFunctions.count })
      .from(meetingFunctions)
      .where(eq(meetingFunctions.meetingId, id))
      .all(),
    sections: getDb()
      .select({ id: dialogueMaterialSections.id, title: dialogueMaterialSections.title })
      .from(meetingSections)
      .innerJoin(dialogueMaterialSections, eq(dialogueMaterialSections.id, meetingSections.sectionId))
      .where(eq(meetingSections.meetingId, id))
      .orderBy(asc(dialogueMaterialSections.position))
      .all(),
    actions: getDb()
      .select({
        id: followUpActions.id,
        what: followUpActions.what,
        municipalityCode: followUpActions.municipalityCode,
        assigneeUserId: followUpActions.assigneeUserId,
        assigneeName: users.name,
        assigneeFunction: followUpActions.assigneeFunction,
        dueDate: followUpActions.dueDate,
        status: followUpActions.status,
      })
      .from(followUpActions)
      .leftJoin(users, eq(users.id, followUpActions.assigneeUserId))
      .where(eq(followUpActions.meetingId, id))
      .orderBy(asc(followUpActions.dueDate), asc(followUpActions.id))
      .all(),
  };
}
export type MeetingDetail = NonNullable<ReturnType<typeof getMeeting>>;

export type MeetingFilter = {
  from?: string;
  to?: string;
  countyCode?: string | null;
  format?: MeetingFormat | null;
  status?: MeetingStatus | null;
  plannerId?: number | null;
  /** A municipality's meetings: direct, and through the forums it belongs to. */
  municipalityCode?: string | null;
  /** Meetings this user takes part in or planned. */
  userId?: number | null;
  ids?: readonly number[];
  forumId?: number | null;
  limit?: number;
  order?: "asc" | "desc";
  /** false: leave out the material sections (calendar files do not show them). */
  sections?: boolean;
};

export type MeetingRow = {
  id: number;
  date: string;
  startTime: string;
  endTime: string;
  status: MeetingStatus;
  format: MeetingFormat;
  place: string;
  videoLink: string;
  forumId: number | null;
  forumName: string | null;
  materialUsed: boolean;
  example: boolean;
  plannerId: number | null;
  postponedTo: string | null;
  sequence: number;
  updatedAt: string;
  agenda: string;
  municipalityCodes: string[];
  municipalityNames: string[];
  sections: string[];
};

/**
 * Meetings matching the filter, with their municipalities (codes and names), forum and sections, in
 * one query. A municipality's or a user's meetings start from their own index (the ids first, then
 * the meetings), so neither scans every meeting by date.
 */
export function listMeetings(filter: MeetingFilter = {}): MeetingRow[] {
  const where = [];
  let source = sql`meetings m`;
  if (filter.municipalityCode) {
    source = sql`(select meeting_id as id from meeting_municipalities where municipality_code = ${filter.municipalityCode}
      union select id from meetings where forum_id in (select forum_id from forum_members where municipality_code = ${filter.municipalityCode})) u
      cross join meetings m on m.id = u.id`;
  } else if (filter.userId) {
    source = sql`(select meeting_id as id from meeting_participants where user_id = ${filter.userId}
      union select id from meetings where planner_id = ${filter.userId}) u
      cross join meetings m on m.id = u.id`;
  }
  if (filter.userId && filter.municipalityCode) {
    where.push(sql`(m.planner_id = ${filter.userId} or m.id in (select meeting_id from meeting_participants where user_id = ${filter.userId}))`);
  }
  if (filter.ids) where.push(filter.ids.length ? sql`m.id in (${sql.join(filter.ids.map((id) => sql`${id}`), sql`, `)})` : sql`0`);
  if (filter.forumId) where.push(sql`m.forum_id = ${filter.forumId}`);
  if (filter.from) where.push(sql`m.date >= ${filter.from}`);
  if (filter.to) where.push(sql`m.date <= ${filter.to}`);
  if (filter.format) where.push(sql`m.format = ${filter.format}`);
  if (filter.status) where.push(sql`m.status = ${filter.status}`);
  if (filter.plannerId) where.push(sql`m.planner_id = ${filter.plannerId}`);
  if (filter.countyCode) {
    where.push(sql`(exists (select 1 from meeting_municipalities mm join municipalities k on k.code = mm.municipality_code
      where mm.meeting_id = m.id and k.county_code = ${filter.countyCode})
      or exists (select 1 from forum_members fm join municipalities k on k.code = fm.municipality_code
      where fm.forum_id = m.forum_id and k.county_code = ${filter.countyCode}))`);
  }
  const order = filter.order === "desc" ? sql`m.date desc, m.start_time desc, m.id desc` : sql`m.date asc, m.start_time asc, m.id asc`;
  // Unit and record separators: they cannot occur in names or section titles (control characters are refused).
  const rows = getDb().all<{
    id: number;
    date: string;
    start_time: string;
    end_time: string;
    status: MeetingStatus;
    format: MeetingFormat;
    place: string;
    video_link: string;
    forum_id: number | null;
    forum_name: string | null;
    material_used: number;
    example: number;
    planner_id: number | null;
    postponed_to: string | null;
    sequence: number;
    updated_at: string;
    agenda: string;
    munis: string | null;
    sections: string | null;
  }>(sql`select m.id, m.date, m.start_time, m.end_time, m.status, m.format, m.place, m.video_link, m.forum_id,
      (select name from forums where id = m.forum_id) as forum_name, m.material_used, m.example, m.planner_id, m.postponed_to,
      m.sequence, m.updated_at, m.agenda,
      (select group_concat(k.code || char(31) || k.name, char(30)) from meeting_municipalities mm
        join municipalities k on k.code = mm.municipality_code where mm.meeting_id = m.id) as munis,
      ${filter.sections === false ? sql`null` : sql`(select group_concat(title, char(30)) from (select s.title from meeting_sections ms
        join dialogue_material_sections s on s.id = ms.section_id where ms.meeting_id = m.id order by s.position))`} as sections
    from ${source}
    ${where.length ? sql`where ${sql.join(where, sql` and `)}` : sql``}
    order by ${order}
    limit ${filter.limit ?? 1000}`);
  return rows.map((r) => {
    // By code: four digits, so plain string order (localeCompare cost a feed of 1,800 meetings ~2 ms).
    const ms = (r.munis ? r.munis.split("\u001e").map((pair) => pair.split("\u001f") as [string, string]) : []).sort((a, b) =>
      a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0,
    );
    return {
      id: r.id,
      date: r.date,
      startTime: r.start_time,
      endTime: r.end_time,
      status: r.status,
      format: r.format,
      place: r.place,
      videoLink: r.video_link,
      forumId: r.forum_id,
      forumName: r.forum_name,
      materialUsed: !!r.material_used,
      example: !!r.example,
      plannerId: r.planner_id,
      postponedTo: r.postponed_to,
      sequence: r.sequence,
      updatedAt: r.updated_at,
      agenda: r.agenda,
      municipalityCodes: ms.map((m) => m[0]),
      municipalityNames: ms.map((m) => m[1]),
      sections: r.sections ? r.sections.split("\u001e") : [],
    };
  });
}

/**
 * What a user's calendar feed depends on, from `from` on: how many meetings, the latest change and the
 * highest id. A feed with the same fingerprint has the same content.
 */
export function feedFingerprint(userId: number, from: string): string {
  const row = getDb().get<{ n: number; changed: string | null; top: number | null }>(sql`
    select count(*) as n, max(m.updated_at) as changed, max(m.id) as top
    from (select meeting_id as id from meeting_participants where user_id = ${userId}
      union select id from meetings where planner_id = ${userId}) u
    cross join meetings m on m.id = u.id where m.date >= ${from}`);
  return `${row?.n ?? 0}|${row?.changed ?? ""}|${row?.top ?? 0}`;
}

/**
 * What listDialogueContacts depends on, besides the day: every change of a meeting's date, status or
 * forum bumps its sequence and updated_at (and meeting_municipalities changes with it, in the same
 * transaction), a new meeting its id, a
 * deletion the count; forum memberships by their count and row ids. Equal fingerprints, equal contacts.
 */
export function dialogueContactsFingerprint(): string {
  const row = getDb().get<{ n: number; changed: string | null; top: number | null; mm: number; mmIds: number; members: number; memberIds: number }>(sql`
    select (select count(*) from meetings) as n, (select max(updated_at) || ':' || total(sequence) from meetings) as changed, (select max(id) from meetings) as top,
      (select count(*) from meeting_municipalities) as mm, (select total(rowid) from meeting_municipalities) as mmIds,
      (select count(*) from forum_members) as members, (select total(rowid) from forum_members) as memberIds`);
  return `${row?.n}|${row?.changed ?? ""}|${row?.top ?? 0}|${row?.mm}:${row?.mmIds}|${row?.members}:${row?.memberIds}`;
}

/**
 * Per municipality, its last held meeting (up to today) and next planned one (from today), directly
 * and through each forum it belongs to. Each is one index seek: 290 + the forums, whatever the number
 * of meetings.
 */
export function listDialogueContacts(today: string): DialogueContact[] {
  const contacts: DialogueContact[] = [];
  const direct = getDb().all<{ code: string; last: string | null; next: string | null }>(sql`
    select k.code,
      (select max(date) from meeting_municipalities where municipality_code = k.code and status = 'held' and date <= ${today}) as last,
      (select min(date) from meeting_municipalities where municipality_code = k.code and status = 'planned' and date >= ${today}) as next
    from municipalities k`);
  for (const r of direct) {
    if (r.last) contacts.push({ municipalityCode: r.code, date: r.last, status: "held", via: "direct" });
    if (r.next) contacts.push({ municipalityCode: r.code, date: r.next, status: "planned", via: "direct" });
  }
  const viaForum = getDb().all<{ code: string; last: string | null; next: string | null }>(sql`
    select fm.municipality_code as code, f.last, f.next from forum_members fm join (
      select id,
        (select max(date) from meetings where forum_id = forums.id and status = 'held' and date <= ${today}) as last,
        (select min(date) from meetings where forum_id = forums.id and status = 'planned' and date >= ${today}) as next
      from forums) f on f.id = fm.forum_id`);
  for (const r of viaForum) {
    if (r.last) contacts.push({ municipalityCode: r.code, date: r.last, status: "held", via: "forum" });
    if (r.next) contacts.push({ municipalityCode: r.code, date: r.next, status: "planned", via: "forum" });
  }
  return contacts;
}

/** Open follow-ups past their due date, per municipality. */
export function countOverdueActions(today: string): Map<string, number> {
  const rows = getDb().all<{ code: string; n: number }>(sql`
    select municipality_code as code, count(*) as n from follow_up_actions
    where status = 'open' and due_date < ${today} and municipality_code is not null
    group by municipality_code`);
  return new Map(rows.map((r) => [r.code, r.n]));
}

/** Open follow-ups past their due date for one municipality. */
export function countOverdueActionsFor(code: string, today: string): number {
  return (
    getDb().get<{ n: number }>(sql`select count(*) as n from follow_up_actions
      where municipality_code = ${code} and status = 'open' and due_date < ${today}`)?.n ?? 0
  );
}

/** Held meetings for the material-use page: material, sections, municipalities and forum members. */
export function listHeldMeetingsForMaterialUse() {
  const rows = getDb().all<{ id: number; date: string; material_id: number | null; material_used: number; forum_id: number | null }>(
    sql`select id, date, material_id, material_used, forum_id from meetings where status = 'held'`,
  );
  const codes = new Map<number, string[]>();
  for (const r of getDb().all<{ id: number; code: string }>(
    sql`select meeting_id as id, municipality_code as code from meeting_municipalities where status = 'held'`,
  )) {
    codes.set(r.id, [...(codes.get(r.id) ?? []), r.code]);
  }
  const sections = new Map<number, number[]>();
  for (const r of getDb().all<{ id: number; section: number }>(sql`select meeting_id as id, section_id as section from meeting_sections`)) {
    sections.set(r.id, [...(sections.get(r.id) ?? []), r.section]);
  }
  const members = new Map<number, string[]>();
  for (const r of getDb().select().from(forumMembers).all()) members.set(r.forumId, [...(members.get(r.forumId) ?? []), r.municipalityCode]);
  return rows.map((r) => ({
    id: r.id,
    date: r.date,
    materialId: r.material_id,
    materialUsed: !!r.material_used,
    sectionIds: sections.get(r.id) ?? [],
    municipalityCodes: codes.get(r.id) ?? [],
    forumMemberCodes: r.forum_id ? (members.get(r.forum_id) ?? []) : [],
  }));
}

/** Import keys already in the database (of those given). */
export function existingImportKeys(keys: readonly string[]): Set<string> {
  return importKeysIn(getDb(), keys);
}

function importKeysIn(tx: Pick<Tx, "select">, keys: readonly string[]): Set<string> {
  const found = new Set<string>();
  for (let i = 0; i < keys.length; i += 500) {
    const chunk = keys.slice(i, i + 500);
    for (const r of tx.select({ key: meetings.importKey }).from(meetings).where(inArray(meetings.importKey, chunk)).all()) {
      if (r.key) found.add(r.key);
    }
  }
  return found;
}

export type ImportMeeting = MeetingWrite & {
  status: "planned" | "held" | "cancelled";
  importKey: string;
  notes: string;
  materialUsed: boolean;
  materialId: number | null;
  sectionIds: readonly number[];
};

/**
 * Imports meetings in one transaction: all or nothing. Rows whose import key is already stored are
 * skipped, so importing the same file twice adds nothing the second time.
 */
export function importMeetings(rows: readonly ImportMeeting[], actor: Actor, options: { plannerId: number | null; example?: boolean }) {
  return getDb().transaction((tx) => {
    const existing = importKeysIn(
      tx,
      rows.map((r) => r.importKey),
    );
    let added = 0;
    for (const row of rows) {
      if (existing.has(row.importKey)) continue;
      const meeting = insertMeeting(tx, row, {
        plannerId: options.plannerId,
        status: row.status,
        importKey: row.importKey,
        notes: row.notes,
        example: options.example,
      });
      if (row.status === "held") {
        tx.update(meetings)
          .set({ materialUsed: row.materialUsed, materialId: row.materialUsed ? row.materialId : null })
          .where(eq(meetings.id, meeting.id))
          .run();
        for (const sectionId of new Set(row.sectionIds)) tx.insert(meetingSections).values({ meetingId: meeting.id, sectionId }).run();
      }
      added += 1;
    }
    if (added > 0) {
      appendAudit(tx, {
        actor,
        action: options.example ? "meeting.seed_example" : "meeting.import",
        entityType: "meeting",
        after: { added, skipped: rows.length - added },
      });
    }
    return { added, skipped: rows.length - added };
  });
}

export function hasExampleMeetings(): boolean {
  return !!getDb().select({ id: meetings.id }).from(meetings).where(eq(meetings.example, true)).get();
}

/** The user's follow-ups (open first, by due date). */
export function listFollowUpsForUser(userId: number) {
  return followUpQuery(sql`a.assignee_user_id = ${userId}`, 500);
}

/** Every open follow-up past its due date, oldest first. */
export function listOverdueFollowUps(today: string, limit = 500) {
  return followUpQuery(sql`a.status = 'open' and a.due_date < ${today}`, limit);
}

function followUpQuery(where: ReturnType<typeof sql>, limit: number) {
  return getDb()
    .all<{
      id: number;
      what: string;
      due_date: string;
      status: "open" | "done";
      meeting_id: number;
      meeting_date: string;
      municipality_code: string | null;
      municipality_name: string | null;
      assignee_name: string | null;
      assignee_function: MunicipalFunction | null;
      example: number;
    }>(
      sql`select a.id, a.what, a.due_date, a.status, a.meeting_id, m.date as meeting_date, a.municipality_code,
        k.name as municipality_name, u.name as assignee_name, a.assignee_function, a.example
      from follow_up_actions a join meetings m on m.id = a.meeting_id
      left join municipalities k on k.code = a.municipality_code left join users u on u.id = a.assignee_user_id
      where ${where} order by a.status = 'done', a.due_date, a.id limit ${limit}`,
    )
    .map((r) => ({
      id: r.id,
      what: r.what,
      dueDate: r.due_date,
      status: r.status,
      meetingId: r.meeting_id,
      meetingDate: r.meeting_date,
      municipalityCode: r.municipality_code,
      municipalityName: r.municipality_name,
      assigneeName: r.assignee_name,
      assigneeFunction: r.assignee_function,
      example: !!r.example,
    }));
}

export function getFollowUp(id: number) {
  return getDb().select().from(followUpActions).where(eq(followUpActions.id, id)).get();
}

export function setFollowUpStatus(id: number, status: "open" | "done", actor: Actor) {
  return getDb().transaction((tx) => {
    const before = tx.select().from(followUpActions).where(eq(followUpActions.id, id)).get();
    if (!before) return null;
    tx.update(followUpActions)
      .set({ status, doneAt: status === "done" ? now() : null })
      .where(eq(followUpActions.id, id))
      .run();
    appendAudit(tx, {
      actor,
      action: status === "done" ? "follow_up.done" : "follow_up.reopen",
      entityType: "follow_up_action",
      entityId: id,
      before: { status: before.status },
      after: { status },
    });
    return { id };
  });
}

/** Changes what a follow-up says, who carries it out, by when and which municipality it concerns. */
export function updateFollowUp(id: number, draft: FollowUpDraft, actor: Actor) {
  return getDb().transaction((tx) => {
    const before = tx.select().from(followUpActions).where(eq(followUpActions.id, id)).get();
    if (!before) return null;
    tx.update(followUpActions)
      .set({
        what: draft.what,
        assigneeUserId: draft.assigneeUserId,
        assigneeFunction: draft.assigneeFunction,
        dueDate: draft.dueDate,
        municipalityCode: draft.municipalityCode,
      })
      .where(eq(followUpActions.id, id))
      .run();
    appendAudit(tx, {
      actor,
      action: "follow_up.update",
      entityType: "follow_up_action",
      entityId: id,
      before: {
        what: before.what,
        assigneeUserId: before.assigneeUserId,
        assigneeFunction: before.assigneeFunction,
        dueDate: before.dueDate,
        municipalityCode: before.municipalityCode,
      },
      after: draft,
    });
    return { id };
  });
}

/** The municipalities a follow-up of this meeting may concern: its own, and its forum's members. */
export function meetingReach(meeting: { municipalities: { code: string }[]; forum: { members: { code: string }[] } | null }) {
  return new Set([...meeting.municipalities.map((m) => m.code), ...(meeting.forum?.members.map((m) => m.code) ?? [])]);
}

export function sectionIdsOf(materialId: number): Set<number> {
  return new Set(
    getDb()
      .select({ id: dialogueMaterialSections.id })
      .from(dialogueMaterialSections)
      .where(and(eq(dialogueMaterialSections.materialId, materialId)))
      .all()
      .map((r) => r.id),
  );
}

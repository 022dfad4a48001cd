import { sql } from "drizzle-orm";
import { getDb } from "../../db/client.server";
import { municipalities } from "../../db/schema";
import type { MeetingFormat, MeetingStatus, MunicipalFunction } from "../domain/meeting-vocabulary";

export function countMunicipalities(): number {
  return getDb().select({ n: sql<number>`count(*)` }).from(municipalities).get()?.n ?? 0;
}

/**
 * The report's dialogue figures for meetings dated `from`…`to` (YYYY-MM-DD, inclusive), each a grouped
 * query: no meeting row reaches JavaScript, only counts and the (at most 290) municipalities reached.
 * Overdue means open with a due date before `today`. The year's meetings are read from
 * `meetings_report_idx` (date, status, format, material, example, forum): a covering index, so the
 * table itself is not touched; "reached" is one index seek per municipality and per forum.
 */
export function dialogueFiguresBetween(from: string, to: string, today: string) {
  const db = getDb();
  const meetingGroups = db.all<{ month: string; status: MeetingStatus; format: MeetingFormat; used: number; example: number; n: number }>(sql`
    select substr(date, 1, 7) as month, status, format, material_used as used, example, count(*) as n
    from meetings where date between ${from} and ${to}
    group by 1, 2, 3, 4, 5`);
  const reachedDirectly = db.all<{ code: string }>(sql`
    select k.code from municipalities k where exists (
      select 1 from meeting_municipalities mm
      where mm.municipality_code = k.code and mm.status = 'held' and mm.date between ${from} and ${to})`);
  const reachedViaForum = db.all<{ code: string }>(sql`
    select distinct fm.municipality_code as code from forums f join forum_members fm on fm.forum_id = f.id
    where exists (select 1 from meetings m where m.forum_id = f.id and m.status = 'held' and m.date between ${from} and ${to})`);
  // Every section of the material versions used in the year and of the newest version (unused ones
  // with zeros); per section, the municipalities reached by a held meeting that used it, directly or
  // through its forum: one exists-check per municipality, stopping at the first such meeting.
  const sections = db.all<{ id: number; title: string; version: number; municipalities: number }>(sql`
    select s.id, s.title, d.version, (
      select count(*) from municipalities k
      where exists (
        select 1 from meeting_municipalities mm join meeting_sections ms on ms.meeting_id = mm.meeting_id and ms.section_id = s.id
        where mm.municipality_code = k.code and mm.status = 'held' and mm.date between ${from} and ${to})
      or exists (
        select 1 from forum_members fm
        join meetings m on m.forum_id = fm.forum_id and m.status = 'held' and m.date between ${from} and ${to}
        join meeting_sections ms on ms.meeting_id = m.id and ms.section_id = s.id
        where fm.municipality_code = k.code)
    ) as municipalities
    from dialogue_material_sections s join dialogue_materials d on d.id = s.material_id
    where s.material_id in (
      select material_id from meetings
      where date between ${from} and ${to} and status = 'held' and material_used = 1 and material_id is not null
      union
      select id from (select id from dialogue_materials order by published_on desc, version desc limit 1)
    )
    order by d.published_on desc, d.version desc, s.position`);
  const sectionMeetings = new Map(
    db
      .all<{ id: number; n: number }>(sql`
        select ms.section_id as id, count(*) as n
        from meetings m join meeting_sections ms on ms.meeting_id = m.id
        where m.date between ${from} and ${to} and m.status = 'held' and m.material_used = 1
        group by ms.section_id`)
      .map((r) => [r.id, r.n]),
  );
  const actions = db.get<{ done: number | null; open: number | null; overdue: number | null }>(sql`
    select sum(a.status = 'done') as done, sum(a.status = 'open') as open,
      sum(a.status = 'open' and a.due_date < ${today}) as overdue
    from meetings m join follow_up_actions a on a.meeting_id = m.id
    where m.date between ${from} and ${to}`);
  const participants = db.all<{ fn: MunicipalFunction; people: number }>(sql`
    select f.function as fn, sum(f.count) as people
    from meetings m join meeting_functions f on f.meeting_id = m.id
    where m.date between ${from} and ${to} and m.status = 'held' group by f.function`);
  const direct = new Set(reachedDirectly.map((r) => r.code));
  return {
    example: meetingGroups.some((g) => g.example === 1),
    meetingGroups,
    reached: [
      ...[...direct].map((code) => ({ code, direct: true })),
      ...reachedViaForum.filter((r) => !direct.has(r.code)).map((r) => ({ code: r.code, direct: false })),
    ],
    materialMeetings: meetingGroups.filter((g) => g.status === "held" && g.used === 1).reduce((n, g) => n + g.n, 0),
    sections: sections.map((s) => ({ ...s, meetings: sectionMeetings.get(s.id) ?? 0 })),
    actions: { done: actions?.done ?? 0, open: actions?.open ?? 0, overdue: actions?.overdue ?? 0 },
    participants,
  };
}

import { sql } from "drizzle-orm";
import { getDb } from "../../db/client.server";
import { municipalities } from "../../db/schema";
import type { MeetingFormat, MeetingStatus, MunicipalFunction } from "../domain/meeting-vocabulary";

export function countMunicipalities(): number {
  return getDb().select({ n: sql<number>`count(*)` }).from(municipalities).get()?.n ?? 0;
}

/**
 * The report's dialogue figures for meetings dated `from`…`to` (YYYY-MM-DD, inclusive), each a grouped
 * query over the date index: no meeting row reaches JavaScript, only counts and the (at most 290)
 * municipalities reached. Overdue means open with a due date before `today`.
 */
export function dialogueFiguresBetween(from: string, to: string, today: string) {
  const db = getDb();
  const byMonthAndStatus = db.all<{ month: string; status: MeetingStatus; n: number }>(sql`
    select substr(date, 1, 7) as month, status, count(*) as n from meetings
    where date between ${from} and ${to} group by month, status`);
  const heldByFormat = db.all<{ format: MeetingFormat; n: number }>(sql`
    select format, count(*) as n from meetings
    where date between ${from} and ${to} and status = 'held' group by format`);
  const example =
    (db.get<{ e: number }>(sql`select exists(select 1 from meetings where date between ${from} and ${to} and example = 1) as e`)?.e ?? 0) === 1;
  // Each municipality reached by a held meeting, and whether any of those met it directly.
  const reached = db.all<{ code: string; direct: number }>(sql`
    select code, max(direct) as direct from (
      select mm.municipality_code as code, 1 as direct
      from meetings m join meeting_municipalities mm on mm.meeting_id = m.id
      where m.date between ${from} and ${to} and m.status = 'held'
      union all
      select fm.municipality_code as code, 0 as direct
      from meetings m join forum_members fm on fm.forum_id = m.forum_id
      where m.date between ${from} and ${to} and m.status = 'held' and m.forum_id is not null
    ) group by code`);
  const materialMeetings =
    db.get<{ n: number }>(sql`
      select count(*) as n from meetings
      where date between ${from} and ${to} and status = 'held' and material_used = 1`)?.n ?? 0;
  // Per section of every material version used in the year and of the newest version (unused
  // sections included, with zeros): held meetings that used it and the municipalities they reached.
  const sections = db.all<{ id: number; title: string; version: number; meetings: number; municipalities: number }>(sql`
    with used as (
      select id, forum_id from meetings
      where date between ${from} and ${to} and status = 'held' and material_used = 1
    ),
    section_meetings as (
      select ms.section_id, ms.meeting_id, u.forum_id from meeting_sections ms join used u on u.id = ms.meeting_id
    ),
    section_reach as (
      select sm.section_id, mm.municipality_code as code
      from section_meetings sm join meeting_municipalities mm on mm.meeting_id = sm.meeting_id
      union
      select sm.section_id, fm.municipality_code as code
      from section_meetings sm join forum_members fm on fm.forum_id = sm.forum_id
    )
    select s.id, s.title, d.version, coalesce(sm.n, 0) as meetings, coalesce(sr.n, 0) as municipalities
    from dialogue_material_sections s join dialogue_materials d on d.id = s.material_id
    left join (select section_id, count(*) as n from section_meetings group by section_id) sm on sm.section_id = s.id
    left join (select section_id, count(*) as n from section_reach group by section_id) sr on sr.section_id = s.id
    where s.material_id in (
      select distinct material_id from meetings
      where date between ${from} and ${to} and status = 'held' and material_used = 1 and material_id is not null
      union
      select id from (select id from dialogue_materials order by published_on desc, version desc limit 1)
    )
    order by d.published_on desc, d.version desc, s.position`);
  const actions = db.get<{ done: number | null; open: number | null; overdue: number | null }>(sql`
    select sum(a.status = 'done') as done, sum(a.status = 'open') as open,
      sum(a.status = 'open' and a.due_date < ${today}) as overdue
    from meetings m join follow_up_actions a on a.meeting_id = m.id
    where m.date between ${from} and ${to}`);
  const participants = db.all<{ fn: MunicipalFunction; people: number }>(sql`
    select f.function as fn, sum(f.count) as people
    from meetings m join meeting_functions f on f.meeting_id = m.id
    where m.date between ${from} and ${to} and m.status = 'held' group by f.function`);
  return {
    example,
    byMonthAndStatus,
    heldByFormat,
    reached: reached.map((r) => ({ code: r.code, direct: r.direct === 1 })),
    materialMeetings,
    sections,
    actions: { done: actions?.done ?? 0, open: actions?.open ?? 0, overdue: actions?.overdue ?? 0 },
    participants,
  };
}

import { sortSwedish } from "../domain/collation";
import { disclosedValue } from "../domain/indicators";
import { MEETING_FORMATS, MEETING_FORMAT_LABELS, MUNICIPAL_FUNCTIONS, MUNICIPAL_FUNCTION_LABELS } from "../domain/meeting-vocabulary";
import type { Category } from "../domain/rating";
import type { MeetingStatusCounts, PriorityReach, ReportDialogue } from "../domain/report";
import { dialogueFiguresBetween } from "../models/report.server";

type RatedMunicipality = { code: string; name: string; category: Category };

function priorityReach(
  ratings: readonly RatedMunicipality[],
  category: "needs_strengthening" | "access_gap",
  reached: ReadonlyMap<string, boolean>,
): PriorityReach {
  const inCategory = ratings.filter((m) => m.category === category);
  let direct = 0;
  let viaForum = 0;
  const notReached: { code: string; name: string }[] = [];
  for (const m of inCategory) {
    const how = reached.get(m.code);
    if (how === undefined) notReached.push({ code: m.code, name: m.name });
    else if (how) direct += 1;
    else viaForum += 1;
  }
  return { total: inCategory.length, reached: direct + viaForum, direct, viaForum, notReached: sortSwedish(notReached, (m) => m.name) };
}

const zero = (): MeetingStatusCounts => ({ held: 0, planned: 0, cancelled: 0, postponed: 0 });

/**
 * The report's dialogue figures for the year (meetings dated in it): meetings by status, format and
 * month; municipalities reached directly and through forums, and how many of the latest round's
 * priority municipalities (collaboration to strengthen, poor access) were among them; material use per
 * section; the follow-up actions agreed at the year's meetings (overdue as of `today`); municipal
 * participants by function, counts of people under the disclosure threshold shown as "<N".
 */
export function reportDialogue(
  year: number,
  latestRound: { name: string; ratings: readonly RatedMunicipality[] },
  options: { today: string; threshold: number },
): ReportDialogue {
  const f = dialogueFiguresBetween(`${year}-01-01`, `${year}-12-31`, options.today);

  const totals = zero();
  const months = new Map(Array.from({ length: 12 }, (_, i) => [`${year}-${String(i + 1).padStart(2, "0")}`, zero()]));
  const heldByFormat = new Map<string, number>();
  for (const g of f.meetingGroups) {
    totals[g.status] += g.n;
    months.get(g.month)![g.status] += g.n;
    if (g.status === "held") heldByFormat.set(g.format, (heldByFormat.get(g.format) ?? 0) + g.n);
  }

  const reached = new Map(f.reached.map((r) => [r.code, r.direct]));
  const direct = f.reached.filter((r) => r.direct).length;

  const versions = new Set(f.sections.map((s) => s.version));
  const material = f.sections.map((s) => ({
    title: versions.size > 1 ? `${s.title} (version ${s.version})` : s.title,
    version: s.version,
    meetings: s.meetings,
    municipalities: s.municipalities,
  }));

  const people = new Map(f.participants.map((p) => [p.fn, p.people]));

  return {
    example: f.example,
    ...totals,
    byFormat: MEETING_FORMATS.filter((format) => (heldByFormat.get(format) ?? 0) > 0).map((format) => ({
      format,
      label: MEETING_FORMAT_LABELS[format],
      held: heldByFormat.get(format)!,
    })),
    byMonth: [...months].map(([month, counts]) => ({ month, ...counts })),
    reach: { direct, viaForum: f.reached.length - direct, total: f.reached.length },
    priority: {
      roundName: latestRound.name,
      needs_strengthening: priorityReach(latestRound.ratings, "needs_strengthening", reached),
      access_gap: priorityReach(latestRound.ratings, "access_gap", reached),
    },
    materialMeetings: f.materialMeetings,
    material,
    actions: f.actions,
    participants: MUNICIPAL_FUNCTIONS.filter((fn) => people.has(fn)).map((fn) => ({
      function: fn,
      label: MUNICIPAL_FUNCTION_LABELS[fn],
      people: disclosedValue(people.get(fn)!, "people", options.threshold),
    })),
  };
}

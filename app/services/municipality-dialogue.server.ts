import { can } from "../domain/permissions";
import { listForumsOf } from "../models/forum.server";
import { countOverdueActionsFor, listMeetings } from "../models/meeting.server";
import { requireUser } from "./auth.server";
import { todayInSweden } from "./priorities.server";

const TIMELINE_LIMIT = 100;

/** A municipality's dialogue timeline: its meetings and its forums' meetings, newest first. */
export function municipalityDialogue(request: Request, code: string) {
  const user = requireUser(request);
  const meetings = listMeetings({ municipalityCode: code, order: "desc", limit: TIMELINE_LIMIT + 1 });
  const today = todayInSweden();
  return {
    today,
    canBook: can(user, "manage:meetings"),
    forums: listForumsOf(code),
    overdueActions: countOverdueActionsFor(code, today),
    more: meetings.length > TIMELINE_LIMIT,
    meetings: meetings.slice(0, TIMELINE_LIMIT).map((m) => ({
      id: m.id,
      date: m.date,
      startTime: m.startTime,
      endTime: m.endTime,
      status: m.status,
      format: m.format,
      via: m.municipalityCodes.includes(code) ? ("direct" as const) : ("forum" as const),
      forumName: m.forumName,
      others: m.municipalityNames.length,
      materialUsed: m.materialUsed,
      sections: m.sections,
      example: m.example,
    })),
  };
}

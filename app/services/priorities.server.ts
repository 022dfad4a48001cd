import { dialogueFromContacts } from "../domain/dialogue-status";
import { priorityList } from "../domain/priority";
import { previousRound } from "../domain/rating-change";
import { countOverdueActions } from "../models/meeting.server";
import { cachedDialogueContacts } from "./ratings-cache.server";
import { listCategoriesForPriority } from "../models/priority.server";
import { selectRound } from "../models/round-selection.server";
import { listRounds } from "../models/round.server";

/**
 * The priority list for a round (default: the latest by period), optionally for one county: the
 * ratings of the round and the one before it (by period), real dialogue contacts (direct and through
 * forums) and overdue follow-ups, ordered by app/domain/priority.ts.
 */
export function getPriorities(options: { round: string | null; county: string | null; today: string }) {
  const selection = selectRound(options.round);
  if (selection.kind !== "found") return selection;
  const round = selection.round;
  const previous = previousRound(listRounds(), round);
  const current = listCategoriesForPriority(round.id, previous?.id ?? null);
  const dialogue = dialogueFromContacts(
    current.map((m) => m.code),
    cachedDialogueContacts(options.today),
    options.today,
  );
  const overdue = countOverdueActions(options.today);
  const priorities = priorityList(
    current
      .filter((m) => !options.county || m.countyCode === options.county)
      .map((m) => ({
        code: m.code,
        name: m.name,
        countyCode: m.countyCode,
        category: m.category,
        previousCategory: m.previousCategory,
        overdueActions: overdue.get(m.code) ?? 0,
        lastMeeting: dialogue[m.code]?.lastMeeting ?? null,
        nextMeeting: dialogue[m.code]?.nextMeeting ?? null,
      })),
    { roundName: round.name, previousRoundName: previous?.name ?? null, today: options.today },
  );
  const countyName = new Map(current.map((m) => [m.code, m.countyName]));
  return {
    kind: "found" as const,
    round,
    previousRound: previous,
    priorities: priorities.map((p) => ({
      ...p,
      countyName: countyName.get(p.code) ?? "",
      lastVia: dialogue[p.code]?.lastVia ?? null,
      nextVia: dialogue[p.code]?.nextVia ?? null,
    })),
  };
}

/** Today in Sweden, YYYY-MM-DD (the server may run in UTC). */
export function todayInSweden(now = new Date()): string {
  return new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Stockholm", year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
}

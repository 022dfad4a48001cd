import { differenceInCalendarDays, parseISO } from "date-fns";
import { compareSwedish } from "./collation";
import { formatDateSv } from "./dates";
import { CATEGORY_LABELS, INTERVENTION_ACCESS_LABELS, type Category } from "./rating";
import { countSv } from "./wording";
import { describeChange } from "./rating-change";

/**
 * The priority list ("Prioriterade kommuner"): whom planners should meet next. Every municipality with
 * a need in the round, in this order:
 *   1. group: collaboration needs strengthening, then poor access to interventions;
 *   2. within a group: overdue follow-up actions, then worsened since the previous round, then no
 *      dialogue yet, then the longest since the last dialogue (oldest first);
 * within a tier, never met before met, then the oldest dialogue, then by name in Swedish order.
 * Each entry says why it stands where it does, in Swedish.
 */

export type PriorityCategory = Extract<Category, "needs_strengthening" | "access_gap">;
export const PRIORITY_GROUPS: readonly PriorityCategory[] = ["needs_strengthening", "access_gap"];

export type PriorityInput = {
  code: string;
  name: string;
  countyCode: string;
  category: Category;
  /** The category in the previous round (by period), null when there is none. */
  previousCategory: Category | null;
  overdueActions: number;
  /** Last held meeting, direct or through a forum (YYYY-MM-DD). */
  lastMeeting: string | null;
  /** Next planned meeting from today (YYYY-MM-DD). */
  nextMeeting: string | null;
};

export type PriorityEntry = Omit<PriorityInput, "category" | "previousCategory"> & {
  category: PriorityCategory;
  worsened: boolean;
  /** 0 overdue actions, 1 worsened, 2 no dialogue yet, 3 the rest (oldest dialogue first). */
  tier: 0 | 1 | 2 | 3;
  reasons: string[];
};

export function isPriorityCategory(category: Category): category is PriorityCategory {
  return category === "needs_strengthening" || category === "access_gap";
}

function tierOf(e: { overdueActions: number; worsened: boolean; lastMeeting: string | null }): PriorityEntry["tier"] {
  if (e.overdueActions > 0) return 0;
  if (e.worsened) return 1;
  if (!e.lastMeeting) return 2;
  return 3;
}

/** Compares two entries by the list's rules (negative: a comes first). */
export function comparePriority(a: PriorityEntry, b: PriorityEntry): number {
  const group = PRIORITY_GROUPS.indexOf(a.category) - PRIORITY_GROUPS.indexOf(b.category);
  if (group !== 0) return group;
  if (a.tier !== b.tier) return a.tier - b.tier;
  // Within a tier: never met before met; then the longest since the last dialogue.
  if (a.lastMeeting !== b.lastMeeting) {
    if (!a.lastMeeting) return -1;
    if (!b.lastMeeting) return 1;
    return a.lastMeeting < b.lastMeeting ? -1 : 1;
  }
  return compareSwedish(a.name, b.name) || a.code.localeCompare(b.code);
}

/** The reasons an entry stands where it does, as short Swedish sentences (most important first). */
export function priorityReasons(
  entry: Omit<PriorityEntry, "reasons" | "tier">,
  context: { roundName: string; previousRoundName: string | null; previousCategory: Category | null; today: string },
): string[] {
  const reasons: string[] = [];
  reasons.push(
    entry.category === "needs_strengthening"
      ? `Samverkan behöver stärkas enligt ${context.roundName}.`
      : `${INTERVENTION_ACCESS_LABELS.unsatisfactory} enligt ${context.roundName}.`,
  );
  if (entry.overdueActions > 0) {
    reasons.push(`${countSv(entry.overdueActions, "uppföljning", "uppföljningar")} har passerat sitt slutdatum.`);
  }
  if (entry.worsened && context.previousRoundName && context.previousCategory) {
    reasons.push(describeChange(entry.category, { roundName: context.previousRoundName, category: context.previousCategory }).text);
  }
  if (!entry.lastMeeting) {
    reasons.push("Ingen dialog ännu.");
  } else {
    const days = differenceInCalendarDays(parseISO(context.today), parseISO(entry.lastMeeting));
    reasons.push(
      `Senaste dialogen ${formatDateSv(entry.lastMeeting)}${days > 0 ? ` (${countSv(days, "dag", "dagar")} sedan)` : " (i dag)"}.`,
    );
  }
  if (entry.nextMeeting) reasons.push(`Nästa möte är planerat ${formatDateSv(entry.nextMeeting)}.`);
  return reasons;
}

/** The ordered priority list for one round. Municipalities without a need are left out. */
export function priorityList(
  inputs: readonly PriorityInput[],
  context: { roundName: string; previousRoundName: string | null; today: string },
): PriorityEntry[] {
  const entries: PriorityEntry[] = [];
  for (const input of inputs) {
    const { category, previousCategory, ...rest } = input;
    if (!isPriorityCategory(category)) continue;
    const worsened =
      previousCategory !== null && describeChange(category, { roundName: "", category: previousCategory }).kind === "worse";
    const base = { ...rest, category, worsened };
    const tier = tierOf(base);
    entries.push({
      ...base,
      tier,
      reasons: priorityReasons({ ...base }, { ...context, previousCategory }),
    });
  }
  return entries.sort(comparePriority);
}

export const PRIORITY_GROUP_LABELS: Record<PriorityCategory, string> = {
  needs_strengthening: CATEGORY_LABELS.needs_strengthening,
  access_gap: INTERVENTION_ACCESS_LABELS.unsatisfactory,
};

import { CATEGORY_LABELS, type Category } from "./rating";

export type RoundPeriod = { id: number; name: string; periodStart: string };

/** The round whose period comes just before this one's (by period, not by creation order). */
export function previousRound<T extends RoundPeriod>(rounds: readonly T[], current: RoundPeriod): T | null {
  let best: T | null = null;
  for (const r of rounds) {
    if (r.id === current.id || r.periodStart >= current.periodStart) continue;
    if (!best || r.periodStart > best.periodStart || (r.periodStart === best.periodStart && r.id > best.id)) best = r;
  }
  return best;
}

/** Better is higher: good access and collaboration, then access gaps, then collaboration to strengthen. */
export const RANK: Record<Exclude<Category, "unrated">, number> = { good: 2, access_gap: 1, needs_strengthening: 0 };

export type RatingChange = {
  kind: "no_previous_round" | "unrated" | "new" | "not_yet_rated" | "unchanged" | "better" | "worse";
  text: string;
};

/** The change since the previous round, as the side panel says it. */
export function describeChange(
  current: Category,
  previous: { roundName: string; category: Category } | null,
): RatingChange {
  if (!previous) return { kind: "no_previous_round", text: "Ingen tidigare kartläggning att jämföra med." };
  const before = previous.category;
  const label = CATEGORY_LABELS[before].toLocaleLowerCase("sv");
  if (current === "unrated" && before === "unrated") {
    return { kind: "unrated", text: `Inte bedömd, varken nu eller i ${previous.roundName}.` };
  }
  if (before === "unrated") return { kind: "new", text: `Ny bedömning: inte bedömd i ${previous.roundName}.` };
  if (current === "unrated") {
    return { kind: "not_yet_rated", text: `Inte bedömd ännu i den här kartläggningen (i ${previous.roundName}: ${label}).` };
  }
  if (current === before) return { kind: "unchanged", text: `Oförändrad sedan ${previous.roundName}.` };
  return RANK[current] > RANK[before]
    ? { kind: "better", text: `Bättre än i ${previous.roundName} (då: ${label}).` }
    : { kind: "worse", text: `Sämre än i ${previous.roundName} (då: ${label}).` };
}

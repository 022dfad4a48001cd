import { sortSwedish } from "./collation";
import { RANK } from "./rating-change";
import { CATEGORIES, NOT_RATED, type Category } from "./rating";

/** How a municipality moved between two rounds (the change map's colours). */
export const CHANGE_CLASSES = ["improved", "unchanged", "worsened", "unrated"] as const;
export type ChangeClass = (typeof CHANGE_CLASSES)[number];

export const CHANGE_CLASS_LABELS: Record<ChangeClass, string> = {
  improved: "Förbättrad",
  unchanged: "Oförändrad",
  worsened: "Försämrad",
  unrated: NOT_RATED,
};

export function isChangeClass(value: string): value is ChangeClass {
  return (CHANGE_CLASSES as readonly string[]).includes(value);
}

/** Unrated on either side cannot be compared: "ej bedömd". Otherwise better, the same or worse. */
export function changeClass(from: Category, to: Category): ChangeClass {
  if (from === "unrated" || to === "unrated") return "unrated";
  if (RANK[to] > RANK[from]) return "improved";
  if (RANK[to] < RANK[from]) return "worsened";
  return "unchanged";
}

export type TransitionMatrix = Record<Category, Record<Category, number>>;

/** Every from → to pair, zeros included, in the legend's order. */
export function emptyMatrix(): TransitionMatrix {
  return Object.fromEntries(
    CATEGORIES.map((from) => [from, Object.fromEntries(CATEGORIES.map((to) => [to, 0]))]),
  ) as TransitionMatrix;
}

export type ComparedMunicipality = {
  code: string;
  name: string;
  countyCode: string;
  from: Category;
  to: Category;
};

export type RoundComparison = {
  matrix: TransitionMatrix;
  /** Every municipality whose category differs, in Swedish order. */
  changes: ComparedMunicipality[];
  improved: ComparedMunicipality[];
  worsened: ComparedMunicipality[];
  counts: Record<ChangeClass, number>;
};

export function compareRounds(rows: readonly ComparedMunicipality[]): RoundComparison {
  const matrix = emptyMatrix();
  const counts: Record<ChangeClass, number> = { improved: 0, unchanged: 0, worsened: 0, unrated: 0 };
  const changes: ComparedMunicipality[] = [];
  for (const row of rows) {
    matrix[row.from][row.to] += 1;
    counts[changeClass(row.from, row.to)] += 1;
    if (row.from !== row.to) changes.push(row);
  }
  const sorted = sortSwedish(changes, (r) => r.name);
  return {
    matrix,
    changes: sorted,
    improved: sorted.filter((r) => changeClass(r.from, r.to) === "improved"),
    worsened: sorted.filter((r) => changeClass(r.from, r.to) === "worsened"),
    counts,
  };
}

/** The two rounds compared when the page is opened without a choice: the newest and the one before it (by period). */
export function defaultComparison<T extends { id: number; periodStart: string; status: string }>(
  rounds: readonly T[],
): { from: T; to: T } | null {
  const started = [...rounds]
    .filter((r) => r.status !== "planned")
    .sort((a, b) => (a.periodStart === b.periodStart ? b.id - a.id : a.periodStart < b.periodStart ? 1 : -1));
  return started.length >= 2 ? { from: started[1]!, to: started[0]! } : null;
}

import { getLatestRound, getRound } from "./round.server";

export type RoundSelection =
  | { kind: "found"; round: NonNullable<ReturnType<typeof getRound>> }
  | { kind: "none" }
  | { kind: "unknown"; requested: string };

/**
 * Resolves a `round` query parameter: the named round, the latest one when absent, or "unknown" when
 * the parameter does not name an existing round (each caller decides how to say so).
 */
export function selectRound(param: string | null): RoundSelection {
  if (param !== null && param !== "") {
    const id = /^\d{1,9}$/.test(param) ? Number(param) : NaN;
    const round = Number.isSafeInteger(id) ? getRound(id) : undefined;
    return round ? { kind: "found", round } : { kind: "unknown", requested: param };
  }
  const latest = getLatestRound();
  return latest ? { kind: "found", round: latest } : { kind: "none" };
}

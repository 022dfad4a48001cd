import { parseId } from "../domain/params";
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
    const id = parseId(param);
    const round = id === null ? undefined : getRound(id);
    return round ? { kind: "found", round } : { kind: "unknown", requested: param };
  }
  const latest = getLatestRound();
  return latest ? { kind: "found", round: latest } : { kind: "none" };
}

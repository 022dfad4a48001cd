/**
 * Mapping rounds (kartläggningar): their statuses and Swedish names. A round is planned, then open
 * while coordinators assess, then closed (read-only).
 */
export const ROUND_STATUSES = ["planned", "open", "closed"] as const;
export type RoundStatus = (typeof ROUND_STATUSES)[number];

export const ROUND_STATUS_LABELS: Record<RoundStatus, string> = {
  planned: "Planerad",
  open: "Pågår",
  closed: "Avslutad",
};

/**
 * A round's period beside its name, or null when the name already says it ("Kartläggning februari
 * 2025" needs no "februari 2025" after it).
 */
export function periodBesideName(name: string, period: string): string | null {
  return name.toLocaleLowerCase("sv").includes(period.toLocaleLowerCase("sv")) ? null : period;
}

/** What every page says when no mapping round exists yet. */
export const NO_ROUND_YET = "Det finns ingen kartläggning ännu.";

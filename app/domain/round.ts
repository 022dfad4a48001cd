import { z } from "zod";
import { dateField, freeTextField, monthField, nameField } from "./fields";
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


/** What can happen to a round: planned → open → closed, and closed → open again (admins, with a reason). */
export const ROUND_ACTIONS = ["open", "close", "reopen"] as const;
export type RoundAction = (typeof ROUND_ACTIONS)[number];

type RoundRef = { id: number; name: string; status: RoundStatus };

/**
 * Whether `action` may happen to `round` now. `openRound` is the round that is open at the moment, if
 * any: at most one round is open at a time, so opening or reopening waits until it is closed.
 */
export function checkRoundTransition(
  round: RoundRef,
  action: RoundAction,
  openRound: { id: number; name: string } | null,
): { ok: true; to: RoundStatus } | { ok: false; message: string } {
  const otherOpen = openRound && openRound.id !== round.id ? openRound : null;
  switch (action) {
    case "open":
      if (round.status !== "planned") {
        return { ok: false, message: round.status === "open" ? "Kartläggningen är redan öppen." : "Kartläggningen är avslutad. En administratör kan öppna den igen med en motivering." };
      }
      if (otherOpen) return { ok: false, message: `${otherOpen.name} är redan öppen. Bara en kartläggning kan vara öppen åt gången; avsluta den först.` };
      return { ok: true, to: "open" };
    case "close":
      if (round.status !== "open") return { ok: false, message: "Bara en öppen kartläggning kan avslutas." };
      return { ok: true, to: "closed" };
    case "reopen":
      if (round.status !== "closed") return { ok: false, message: "Bara en avslutad kartläggning kan öppnas igen." };
      if (otherOpen) return { ok: false, message: `${otherOpen.name} är redan öppen. Bara en kartläggning kan vara öppen åt gången; avsluta den först.` };
      return { ok: true, to: "open" };
  }
}

/** Whether assessments in a round with this status may be changed (only while it is open). */
export function isRoundEditable(status: RoundStatus): boolean {
  return status === "open";
}

/** "2027-02" → the first and last day of that month. */
export function monthBounds(month: string): { first: string; last: string } {
  const [y, m] = month.split("-").map(Number) as [number, number];
  const lastDay = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { first: `${month}-01`, last: `${month}-${String(lastDay).padStart(2, "0")}` };
}

/** A round's period from its first and (optional) last month. */
export function periodFromMonths(startMonth: string, endMonth?: string | null) {
  return { periodStart: monthBounds(startMonth).first, periodEnd: monthBounds(endMonth || startMonth).last };
}

/** The new-round form and the `round:create` command: the same rules, the same Swedish messages. */
export const NewRoundSchema = z
  .object({
    name: nameField({ label: "ett namn på kartläggningen", max: 100 }),
    periodStart: monthField,
    periodEnd: monthField.optional(),
    dueDate: dateField.optional(),
  })
  .superRefine((v, ctx) => {
    if (v.periodEnd && v.periodEnd < v.periodStart) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["periodEnd"], message: "Periodens sista månad kan inte komma före den första." });
    }
    if (v.dueDate && v.dueDate < monthBounds(v.periodStart).first) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["dueDate"], message: "Sista svarsdag kan inte ligga före periodens början." });
    }
  });
export type NewRound = z.infer<typeof NewRoundSchema>;

/** Reopening a closed round needs a reason, which the audit log keeps. */
export const reopenReasonField = freeTextField({ max: 500 }).refine((v) => v.length >= 5, "Skriv varför kartläggningen öppnas igen (minst 5 tecken).");

/** The message for a round name that is taken (the database's unique index is the final word). */
export function duplicateRoundNameMessage(name: string): string {
  return `Det finns redan en kartläggning som heter "${name}".`;
}
/** What every page says when no mapping round exists yet. */
export const NO_ROUND_YET = "Det finns ingen kartläggning ännu.";

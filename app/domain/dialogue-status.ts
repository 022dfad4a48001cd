/**
 * Dialogue status per municipality, for the map's "colour by dialogue" view. It takes meeting dates
 * from whatever records them; until dialogue meetings are recorded, callers pass none and everyone is
 * "no contact yet".
 */
export const DIALOGUE_STATUSES = ["met_this_year", "planned", "no_contact"] as const;
export type DialogueStatus = (typeof DIALOGUE_STATUSES)[number];

export const DIALOGUE_STATUS_LABELS: Record<DialogueStatus, string> = {
  met_this_year: "Möte i år",
  planned: "Möte planerat",
  no_contact: "Ingen kontakt ännu",
};

export type DialogueMeetingDate = { municipalityCode: string; /** YYYY-MM-DD */ date: string };

export type DialogueSummary = { status: DialogueStatus; lastMeeting: string | null; nextMeeting: string | null };

/** One municipality: met this calendar year (up to today) wins over a planned meeting. */
export function dialogueSummary(dates: readonly string[], today: string): DialogueSummary {
  const past = dates.filter((d) => d <= today).sort();
  const future = dates.filter((d) => d > today).sort();
  const lastMeeting = past[past.length - 1] ?? null;
  const nextMeeting = future[0] ?? null;
  const status: DialogueStatus =
    lastMeeting && lastMeeting.slice(0, 4) === today.slice(0, 4) ? "met_this_year" : nextMeeting ? "planned" : "no_contact";
  return { status, lastMeeting, nextMeeting };
}

export function dialogueSummaries(
  codes: readonly string[],
  meetings: readonly DialogueMeetingDate[],
  today: string,
): Record<string, DialogueSummary> {
  const byCode = new Map<string, string[]>();
  for (const m of meetings) byCode.set(m.municipalityCode, [...(byCode.get(m.municipalityCode) ?? []), m.date]);
  return Object.fromEntries(codes.map((code) => [code, dialogueSummary(byCode.get(code) ?? [], today)]));
}

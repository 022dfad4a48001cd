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

/** How a municipality was (or will be) met: in a meeting of its own, or through a forum it belongs to. */
export type ContactVia = "direct" | "forum";

export const CONTACT_VIA_LABELS: Record<ContactVia, string> = {
  direct: "direkt",
  forum: "via forum",
};

/** One contact from a real meeting: held (past) or planned (ahead). Cancelled and postponed ones are not contacts. */
export type DialogueContact = {
  municipalityCode: string;
  /** YYYY-MM-DD */
  date: string;
  status: "held" | "planned";
  via: ContactVia;
};

export type DialogueDetail = DialogueSummary & { lastVia: ContactVia | null; nextVia: ContactVia | null };

/**
 * Dialogue status from real meetings: the last held meeting (up to today) and the next planned one
 * (from today), each saying whether it was direct or through a forum (direct wins on the same day).
 * A planned meeting whose day has passed without being recorded counts as neither.
 */
export function dialogueFromContacts(
  codes: readonly string[],
  contacts: readonly DialogueContact[],
  today: string,
): Record<string, DialogueDetail> {
  const last = new Map<string, { date: string; via: ContactVia }>();
  const next = new Map<string, { date: string; via: ContactVia }>();
  for (const c of contacts) {
    if (c.status === "held" && c.date <= today) {
      const seen = last.get(c.municipalityCode);
      if (!seen || c.date > seen.date || (c.date === seen.date && c.via === "direct")) last.set(c.municipalityCode, c);
    } else if (c.status === "planned" && c.date >= today) {
      const seen = next.get(c.municipalityCode);
      if (!seen || c.date < seen.date || (c.date === seen.date && c.via === "direct")) next.set(c.municipalityCode, c);
    }
  }
  const year = today.slice(0, 4);
  return Object.fromEntries(
    codes.map((code) => {
      const l = last.get(code) ?? null;
      const n = next.get(code) ?? null;
      const status: DialogueStatus = l && l.date.slice(0, 4) === year ? "met_this_year" : n ? "planned" : "no_contact";
      return [
        code,
        { status, lastMeeting: l?.date ?? null, nextMeeting: n?.date ?? null, lastVia: l?.via ?? null, nextVia: n?.via ?? null },
      ];
    }),
  );
}

/** "Senaste möte 3 april 2025 (via forum)" and the like, for the panel and the timeline. */
export function contactText(kind: "last" | "next", date: string | null, via: ContactVia | null, format: (d: string) => string): string {
  if (!date) return kind === "last" ? "Ingen dialog ännu" : "Inget möte planerat";
  return `${kind === "last" ? "Senaste möte" : "Nästa möte"} ${format(date)}${via ? ` (${CONTACT_VIA_LABELS[via]})` : ""}`;
}

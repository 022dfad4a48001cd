import { format, parseISO } from "date-fns";
import { sv } from "date-fns/locale";

/** "3 februari 2025" */
export function formatDateSv(isoDate: string): string {
  return format(parseISO(isoDate), "d MMMM yyyy", { locale: sv });
}

/** "3 feb. 2025 14:05" in Swedish local time. */
export function formatDateTimeSv(isoTimestamp: string): string {
  const date = new Date(isoTimestamp);
  return new Intl.DateTimeFormat("sv-SE", {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone: "Europe/Stockholm",
  }).format(date);
}

/** "februari 2025" or "1 februari – 31 mars 2025" for a round's period. */
export function formatPeriodSv(start: string, end: string): string {
  const s = parseISO(start);
  const e = parseISO(end);
  if (format(s, "yyyy-MM") === format(e, "yyyy-MM") && s.getDate() === 1) {
    return format(s, "LLLL yyyy", { locale: sv });
  }
  return `${formatDateSv(start)} – ${formatDateSv(end)}`;
}

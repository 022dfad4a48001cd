import {
  addDays,
  addMonths,
  endOfISOWeek,
  endOfMonth,
  format,
  getISOWeek,
  parseISO,
  startOfISOWeek,
  startOfMonth,
} from "date-fns";
import { sv } from "date-fns/locale";

/** A month (YYYY-MM) shown as Swedish calendars show it: weeks from Monday, with ISO week numbers. */
export type CalendarDay = { date: string; day: number; inMonth: boolean; isToday: boolean };
export type CalendarWeek = { week: number; days: CalendarDay[] };

export const WEEKDAY_LABELS = ["Måndag", "Tisdag", "Onsdag", "Torsdag", "Fredag", "Lördag", "Söndag"] as const;

export function isMonth(value: string): boolean {
  return /^\d{4}-(0[1-9]|1[0-2])$/.test(value) && Number(value.slice(0, 4)) >= 1900 && Number(value.slice(0, 4)) <= 2200;
}

export function monthGrid(month: string, today: string): CalendarWeek[] {
  const first = parseISO(`${month}-01`);
  const last = endOfMonth(first);
  const weeks: CalendarWeek[] = [];
  // Noon avoids any daylight-saving edge in the server's own zone.
  let day = addHoursNoon(startOfISOWeek(first));
  const end = endOfISOWeek(last);
  while (day <= end) {
    const days: CalendarDay[] = [];
    for (let i = 0; i < 7; i++) {
      const date = format(day, "yyyy-MM-dd");
      days.push({ date, day: day.getDate(), inMonth: date.slice(0, 7) === month, isToday: date === today });
      day = addDays(day, 1);
    }
    weeks.push({ week: getISOWeek(parseISO(days[0]!.date)), days });
  }
  return weeks;
}

function addHoursNoon(date: Date): Date {
  const d = new Date(date);
  d.setHours(12, 0, 0, 0);
  return d;
}

/** The first and last day shown for the month (whole weeks), for the query. */
export function gridRange(month: string): { from: string; to: string } {
  const first = parseISO(`${month}-01`);
  return {
    from: format(startOfISOWeek(first), "yyyy-MM-dd"),
    to: format(endOfISOWeek(endOfMonth(first)), "yyyy-MM-dd"),
  };
}

export function shiftMonth(month: string, by: number): string {
  return format(addMonths(startOfMonth(parseISO(`${month}-01`)), by), "yyyy-MM");
}

/** "mars 2026" */
export function monthLabel(month: string): string {
  return format(parseISO(`${month}-01`), "LLLL yyyy", { locale: sv });
}

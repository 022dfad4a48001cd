import { isIsoDate } from "./fields";
import { isMeetingFormat, isMeetingStatus, type MeetingFormat, type MeetingStatus } from "./meeting-vocabulary";

export type MeetingListFilters = {
  county: string | null;
  format: MeetingFormat | null;
  status: MeetingStatus | null;
  planner: number | null;
};

/**
 * The meeting list's and calendar's filters from the URL (`county`, `format`, `status`, `planner`).
 * A value that is not understood is dropped with a Swedish notice, so a mistyped link still shows meetings.
 */
export function parseMeetingFilters(
  params: URLSearchParams,
  known: { counties: readonly { code: string }[]; plannerIds: ReadonlySet<number> },
): { filters: MeetingListFilters; notices: string[] } {
  const notices: string[] = [];
  const cut = (v: string) => v.slice(0, 20);
  const county = params.get("county") || null;
  const format = params.get("format") || null;
  const status = params.get("status") || null;
  const planner = params.get("planner") || null;
  const filters: MeetingListFilters = { county: null, format: null, status: null, planner: null };
  if (county) {
    if (known.counties.some((c) => c.code === county)) filters.county = county;
    else notices.push(`Länet med kod "${cut(county)}" finns inte och används inte som filter.`);
  }
  if (format) {
    if (isMeetingFormat(format)) filters.format = format;
    else notices.push(`Mötesformen "${cut(format)}" finns inte och används inte som filter.`);
  }
  if (status) {
    if (isMeetingStatus(status)) filters.status = status;
    else notices.push(`Statusen "${cut(status)}" finns inte och används inte som filter.`);
  }
  if (planner) {
    const id = /^[1-9]\d{0,8}$/.test(planner) ? Number(planner) : NaN;
    if (known.plannerIds.has(id)) filters.planner = id;
    else notices.push("Den valda planeraren finns inte och används inte som filter.");
  }
  return { filters, notices };
}

/** A date from the URL (`fran`, `till`), or null with a notice. */
export function parseDateParam(value: string | null, label: string, notices: string[]): string | null {
  if (!value) return null;
  if (isIsoDate(value)) return value;
  notices.push(`${label} "${value.slice(0, 20)}" är inget datum (ÅÅÅÅ-MM-DD) och används inte.`);
  return null;
}

export function filterQuery(filters: MeetingListFilters, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  if (filters.county) params.set("county", filters.county);
  if (filters.format) params.set("format", filters.format);
  if (filters.status) params.set("status", filters.status);
  if (filters.planner) params.set("planner", String(filters.planner));
  for (const [k, v] of Object.entries(extra)) params.set(k, v);
  const text = params.toString();
  return text ? `?${text}` : "";
}

import { ASSESSMENT_STATUSES, isAssessmentStatus, type AssessmentStatus } from "./assessment";
import { compareSwedish } from "./collation";

/** The coordinator's worklist: its filters and order, read from the address so links keep them. */
export const WORKLIST_SORTS = ["namn", "status", "lan", "andrad"] as const;
export type WorklistSort = (typeof WORKLIST_SORTS)[number];
export const WORKLIST_SORT_LABELS: Record<WorklistSort, string> = {
  namn: "Kommun (A–Ö)",
  status: "Status (ej påbörjade först)",
  lan: "Län",
  andrad: "Senast ändrad",
};

export type WorklistQuery = { status: AssessmentStatus | null; county: string | null; sort: WorklistSort };

export function parseWorklistQuery(
  params: URLSearchParams,
  counties: readonly { code: string; name: string }[],
): { query: WorklistQuery; notices: string[] } {
  const notices: string[] = [];
  const status = params.get("status") || null;
  const county = params.get("lan") || null;
  const sort = params.get("sortera") || "namn";
  const query: WorklistQuery = { status: null, county: null, sort: "namn" };
  if (status && isAssessmentStatus(status)) query.status = status;
  else if (status) notices.push(`Statusen "${status.slice(0, 20)}" finns inte; alla visas.`);
  if (county && counties.some((c) => c.code === county)) query.county = county;
  else if (county) notices.push(`Länet "${county.slice(0, 20)}" finns inte bland dina län; alla dina län visas.`);
  if ((WORKLIST_SORTS as readonly string[]).includes(sort)) query.sort = sort as WorklistSort;
  else notices.push(`Sorteringen "${sort.slice(0, 20)}" finns inte; listan sorteras på kommun.`);
  return { query, notices };
}

/** The query as it appears in links (only what differs from the defaults). */
export function worklistSearch(query: WorklistQuery): string {
  const p = new URLSearchParams();
  if (query.status) p.set("status", query.status);
  if (query.county) p.set("lan", query.county);
  if (query.sort !== "namn") p.set("sortera", query.sort);
  const s = p.toString();
  return s ? `?${s}` : "";
}

type Item = { code: string; name: string; countyName: string; countyCode: string; status: AssessmentStatus; updatedAt: string | null };

export function applyWorklistQuery<T extends Item>(items: readonly T[], query: WorklistQuery): T[] {
  const filtered = items.filter(
    (i) => (!query.status || i.status === query.status) && (!query.county || i.countyCode === query.county),
  );
  const byName = (a: T, b: T) => compareSwedish(a.name, b.name);
  const order: Record<WorklistSort, (a: T, b: T) => number> = {
    namn: byName,
    status: (a, b) => ASSESSMENT_STATUSES.indexOf(a.status) - ASSESSMENT_STATUSES.indexOf(b.status) || byName(a, b),
    lan: (a, b) => compareSwedish(a.countyName, b.countyName) || byName(a, b),
    andrad: (a, b) => (b.updatedAt ?? "").localeCompare(a.updatedAt ?? "") || byName(a, b),
  };
  return [...filtered].sort(order[query.sort]);
}

/** The municipalities before and after `code` in the list (null at either end, or when it is not in the list). */
export function neighbours<T extends { code: string }>(items: readonly T[], code: string): { previous: T | null; next: T | null; position: number } {
  const i = items.findIndex((item) => item.code === code);
  if (i < 0) return { previous: null, next: items[0] ?? null, position: 0 };
  return { previous: items[i - 1] ?? null, next: items[i + 1] ?? null, position: i + 1 };
}

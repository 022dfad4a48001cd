import { normalizeForSearch } from "./collation";

export type FilterableMunicipality = { code: string; name: string; countyCode: string };

/**
 * Matches a free-text query against name or code (a code prefix such as "14" or "1480", or any part of
 * the name, case-insensitively), within an optional county.
 */
export function filterMunicipalities<T extends FilterableMunicipality>(
  items: readonly T[],
  { query, countyCode }: { query?: string | null; countyCode?: string | null },
): T[] {
  const q = normalizeForSearch(query ?? "");
  return items.filter((m) => {
    if (countyCode && m.countyCode !== countyCode) return false;
    if (!q) return true;
    if (/^\d+$/.test(q)) return m.code.startsWith(q);
    return normalizeForSearch(m.name).includes(q);
  });
}

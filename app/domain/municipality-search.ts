import { compareSwedish } from "./collation";

/*
 * The map's "Hitta kommun": a municipality by any part of its name or by its code, without caring about
 * case, accents or å/ä/ö (someone typing "gote" on a keyboard without Swedish letters finds Göteborg),
 * spaces or hyphens ("upplands bro" finds Upplands-Bro). The municipality list's filter
 * (municipality-filter.ts) keeps å/ä/ö apart; a search box that must find one municipality does not.
 */

/** "Göteborg" → "goteborg", "Upplands-Bro" → "upplands bro", "  MALMÖ " → "malmo". */
export function foldForSearch(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLocaleLowerCase("sv")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

export type SearchableMunicipality = { code: string; name: string; countyCode: string };

export type MunicipalitySearch<T> =
  | { kind: "empty" }
  | { kind: "one"; match: T }
  | { kind: "several"; matches: T[] }
  | { kind: "none" };

/** How many candidates the search lists before it asks for more of the name. */
export const MAX_CANDIDATES = 12;

/**
 * One municipality when the query names one (its code, its whole name, or a part that only it has);
 * otherwise the candidates, those whose name starts with the query first, each group in Swedish order.
 */
export function searchMunicipalities<T extends SearchableMunicipality>(
  items: readonly T[],
  query: string,
): MunicipalitySearch<T> {
  const q = foldForSearch(query);
  if (!q) return { kind: "empty" };
  if (/^\d{4}$/.test(q)) {
    const byCode = items.find((m) => m.code === q);
    return byCode ? { kind: "one", match: byCode } : { kind: "none" };
  }
  const folded = items.map((m) => ({ m, name: foldForSearch(m.name) }));
  const exact = folded.filter((f) => f.name === q);
  if (exact.length === 1) return { kind: "one", match: exact[0]!.m };
  const matching = folded.filter((f) => f.name.includes(q));
  if (matching.length === 0) return { kind: "none" };
  if (matching.length === 1) return { kind: "one", match: matching[0]!.m };
  const starts = (f: { name: string }) => (f.name.startsWith(q) || f.name.includes(` ${q}`) ? 0 : 1);
  return {
    kind: "several",
    matches: matching.sort((a, b) => starts(a) - starts(b) || compareSwedish(a.m.name, b.m.name)).map((f) => f.m),
  };
}

/** What the search box says, quoting the query as it was typed. */
export function searchMessage(
  query: string,
  result: MunicipalitySearch<SearchableMunicipality>,
  scope: { countyCode: string | null; countyName: string | null; countyNameOf: (code: string) => string },
): string | null {
  const typed = query.trim().slice(0, 60);
  switch (result.kind) {
    case "empty":
      return "Skriv namnet eller koden på en kommun.";
    case "none":
      return `Ingen kommun heter "${typed}".`;
    case "several":
      return result.matches.length > MAX_CANDIDATES
        ? `${result.matches.length} kommuner matchar "${typed}". Skriv mer av namnet.`
        : `${result.matches.length} kommuner matchar "${typed}". Välj en:`;
    case "one":
      return scope.countyCode && result.match.countyCode !== scope.countyCode
        ? `${result.match.name} ligger i ${scope.countyNameOf(result.match.countyCode)}, utanför ${scope.countyName} som kartan visar.`
        : null;
  }
}

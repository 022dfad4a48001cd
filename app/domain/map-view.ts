import { compareSwedish } from "./collation";
import { CATEGORIES, CATEGORY_LABELS, isCategory, type Category } from "./rating";

export const COLOUR_MODES = ["category", "dialogue"] as const;
export type ColourBy = (typeof COLOUR_MODES)[number];

export type MapFilters = {
  /** Two-digit county code, or null for the whole country. */
  county: string | null;
  /** Categories shown; empty means all. */
  categories: Category[];
  colourBy: ColourBy;
};

/**
 * Reads `county`, `category` (repeatable) and `colour` from the URL. Anything it does not know is
 * dropped with a Swedish notice, so a mistyped link still shows a useful (national) view.
 */
export function parseMapFilters(
  params: URLSearchParams,
  counties: readonly { code: string }[],
): { filters: MapFilters; notices: string[] } {
  const notices: string[] = [];
  const requestedCounty = (params.get("county") ?? "").trim();
  let county: string | null = null;
  if (requestedCounty) {
    if (counties.some((c) => c.code === requestedCounty)) county = requestedCounty;
    else notices.push(`Länet med kod "${requestedCounty.slice(0, 20)}" finns inte. Hela landet visas.`);
  }
  const categories: Category[] = [];
  for (const value of params.getAll("category")) {
    if (isCategory(value)) {
      if (!categories.includes(value)) categories.push(value);
    } else if (value) {
      notices.push(`Kategorin "${value.slice(0, 40)}" finns inte och används inte som filter.`);
    }
  }
  const colour = params.get("colour");
  const colourBy: ColourBy = colour === "dialogue" ? "dialogue" : "category";
  // Every category selected is the same view as none selected; keep one canonical form.
  return {
    filters: { county, categories: categories.length === CATEGORIES.length ? [] : categories, colourBy },
    notices,
  };
}

/** The URL parameter naming the selected municipality, so a shared link opens the map with its panel. */
export const SELECTED_PARAM = "municipality";

/**
 * Reads the selected municipality from the URL. An unknown code selects nothing and gets a Swedish
 * notice, like the other parameters.
 */
export function parseSelectedMunicipality(
  params: URLSearchParams,
  municipalities: readonly { code: string }[],
): { code: string | null; notice: string | null } {
  const requested = (params.get(SELECTED_PARAM) ?? "").trim();
  if (!requested) return { code: null, notice: null };
  if (municipalities.some((m) => m.code === requested)) return { code: requested, notice: null };
  return { code: null, notice: `Kommunen med kod "${requested.slice(0, 20)}" finns inte. Ingen kommun är vald.` };
}

/** The same query string ("?a=b" or "") with the selected municipality set, replaced or removed. */
export function withSelectedMunicipality(search: string, code: string | null): string {
  const params = new URLSearchParams(search);
  params.delete(SELECTED_PARAM);
  if (code) params.set(SELECTED_PARAM, code);
  const text = params.toString();
  return text ? `?${text}` : "";
}

export function matchesFilters(
  item: { countyCode: string; category: Category },
  filters: Pick<MapFilters, "county" | "categories">,
): boolean {
  if (filters.county && item.countyCode !== filters.county) return false;
  return filters.categories.length === 0 || filters.categories.includes(item.category);
}

export function municipalitiesWord(n: number): string {
  return n === 1 ? "kommun" : "kommuner";
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLocaleLowerCase("sv") + text.slice(1);
}

/** "203 kommuner: bra samverkan och tillgång till insatser" */
export function legendText(category: Category, count: number): string {
  return `${count} ${municipalitiesWord(count)}: ${lowerFirst(CATEGORY_LABELS[category])}`;
}

const SUMMARY_PHRASES: Record<Category, string> = {
  good: "bra samverkan och tillgång till insatser",
  access_gap: "bra samverkan men otillfredsställande tillgång till insatser",
  needs_strengthening: "samverkan som behöver stärkas",
  unrated: "ingen bedömning",
};

function joinSwedish(parts: string[]): string {
  if (parts.length <= 1) return parts.join("");
  return `${parts.slice(0, -1).join(", ")} och ${parts[parts.length - 1]}`;
}

/**
 * The sentence above the map, e.g. "Av Sveriges 290 kommuner har 203 bra samverkan och tillgång till
 * insatser, 76 … och 11 samverkan som behöver stärkas." Zero counts are left out.
 */
export function summarySentence(counts: Record<Category, number>, scope: { countyName?: string | null }): string {
  const total = CATEGORIES.reduce((n, c) => n + counts[c], 0);
  const where = scope.countyName
    ? total === 1
      ? `Av den enda kommunen i ${scope.countyName}`
      : `Av de ${total} kommunerna i ${scope.countyName}`
    : `Av Sveriges ${total} ${municipalitiesWord(total)}`;
  if (total === 0) return "Inga kommuner matchar filtret.";
  if (counts.unrated === total) return `${where} är ingen bedömd i den här kartläggningen.`;
  const parts = CATEGORIES.filter((c) => counts[c] > 0).map((c) => `${counts[c]} ${SUMMARY_PHRASES[c]}`);
  return `${where} har ${joinSwedish(parts)}.`;
}

/**
 * The sentence above the map when no mapping round exists yet: what the map shows, and who can
 * change that (`who`, e.g. "en administratör eller chef", from the permissions).
 */
export function noRoundSentence(total: number, who: string): string {
  return (
    `Det finns ingen kartläggning ännu, så alla ${total} ${municipalitiesWord(total)} visas som ej bedömda. ` +
    `Den första kartläggningen läggs upp av ${who} under Kartläggningar.`
  );
}

/** The counties holding most municipalities of one category, most first (ties by county name). */
export function topCounties(
  items: readonly { countyName: string; category: Category }[],
  category: Category,
  limit = 3,
): { countyName: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const item of items) {
    if (item.category === category) counts.set(item.countyName, (counts.get(item.countyName) ?? 0) + 1);
  }
  return [...counts.entries()]
    .map(([countyName, count]) => ({ countyName, count }))
    .sort((a, b) => b.count - a.count || compareSwedish(a.countyName, b.countyName))
    .slice(0, limit);
}

/** The query string for a view, in a stable order, so links compare and cache well. */
export function mapSearchParams(view: { round?: number | null; filters: MapFilters }): URLSearchParams {
  const params = new URLSearchParams();
  if (view.round != null) params.set("round", String(view.round));
  if (view.filters.county) params.set("county", view.filters.county);
  for (const c of CATEGORIES) if (view.filters.categories.includes(c)) params.append("category", c);
  if (view.filters.colourBy === "dialogue") params.set("colour", "dialogue");
  return params;
}

import { compareSwedish } from "./collation";
import { safeFileName } from "./file-name";
import { pluralSv } from "./wording";
import { DIALOGUE_STATUSES, DIALOGUE_STATUS_LABELS, type DialogueDetail, type DialogueStatus } from "./dialogue-status";
import {
  CATEGORIES,
  CATEGORY_LABELS,
  CATEGORY_PHRASES,
  isCategory,
  type Category,
  type Collaboration,
  type InterventionAccess,
} from "./rating";
import type { RatingChange } from "./rating-change";
import { CHANGE_CLASSES, CHANGE_CLASS_LABELS, type ChangeClass } from "./round-comparison";
import { periodBesideName } from "./round";

/** "Färglägg efter": the category, the dialogue status, or the change since the previous round. */
export const COLOUR_MODES = ["category", "dialogue", "change"] as const;
export type ColourBy = (typeof COLOUR_MODES)[number];

/** The `county` value that asks for the whole country (the filter's "Hela landet"). */
export const WHOLE_COUNTRY = "alla";

export type MapFilters = {
  /** Two-digit county code, or null for the whole country. */
  county: string | null;
  /**
   * The whole country was asked for in so many words (`county=alla`), not just left unsaid: a user whose
   * map opens on their own counties (a coordinator) has chosen to see all of it.
   */
  wholeCountryChosen?: true;
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
  const wholeCountryChosen = requestedCounty === WHOLE_COUNTRY;
  if (requestedCounty && !wholeCountryChosen) {
    if (counties.some((c) => c.code === requestedCounty)) county = requestedCounty;
    else notices.push(`Länet med kod "${requestedCounty.slice(0, 20)}" finns inte. Hela landet visas.`);
  }
  const categories: Category[] = [];
  for (const value of params.getAll("category")) {
    if (isCategory(value)) {
      if (!categories.includes(value)) categories.push(value);
    } else if (value) {
      notices.push(`Bedömningen "${value.slice(0, 40)}" finns inte och används inte som filter.`);
    }
  }
  const colour = params.get("colour");
  const colourBy: ColourBy = colour === "dialogue" || colour === "change" ? colour : "category";
  // Every category selected is the same view as none selected; keep one canonical form.
  return {
    filters: {
      county,
      ...(wholeCountryChosen ? { wholeCountryChosen: true as const } : {}),
      categories: categories.length === CATEGORIES.length ? [] : categories,
      colourBy,
    },
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
  return pluralSv(n, "kommun", "kommuner");
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLocaleLowerCase("sv") + text.slice(1);
}

/** "203 kommuner: bra samverkan och tillgång till insatser" */
export function legendText(category: Category, count: number): string {
  return `${count} ${municipalitiesWord(count)}: ${lowerFirst(CATEGORY_LABELS[category])}`;
}

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
  const parts = CATEGORIES.filter((c) => counts[c] > 0).map((c) => `${counts[c]} ${CATEGORY_PHRASES[c]}`);
  return `${where} har ${joinSwedish(parts)}.`;
}

/**
 * The sentence above the map (and the map's description) when no mapping round exists yet: what the
 * map shows, and who can change that (`who`, e.g. "en administratör eller chef", from the
 * permissions). The page head says that there is no round (NO_ROUND_YET); this does not repeat it.
 */
export function noRoundSentence(total: number, who: string): string {
  return (
    (total === 1 ? "Kommunen är inte bedömd ännu. " : `Ingen av de ${total} kommunerna är bedömd ännu. `) +
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
  else if (view.filters.wholeCountryChosen) params.set("county", WHOLE_COUNTRY);
  for (const c of CATEGORIES) if (view.filters.categories.includes(c)) params.append("category", c);
  if (view.filters.colourBy !== "category") params.set("colour", view.filters.colourBy);
  return params;
}

/*
 * The map page's view types. They live here, not beside the loader, so the page's client components
 * never import a `*.server.ts` module (not even for its types).
 */

/** One municipality as the map, its panel, legend and table show it. */
export type MapMunicipality = {
  code: string;
  name: string;
  countyCode: string;
  countyName: string;
  latitude: number;
  longitude: number;
  collaboration: Collaboration | null;
  interventionAccess: InterventionAccess | null;
  comment: string | null;
  category: Category;
  /** False for a rating pre-filled from the previous round that nobody has confirmed yet; null when unrated. */
  confirmed: boolean | null;
  /** The change since the previous round, as the side panel says it. */
  change: RatingChange;
  /** The change as the change map colours it (unrated on either side: "ej bedömd"). */
  changeClass: ChangeClass;
  /** Last held and next planned meeting, each direct or through a forum. */
  dialogue: DialogueDetail;
};

/** The round the map shows. */
export type MapRound = { id: number; name: string; example: boolean; /** "februari 2025" */ period: string };

/** Everything the map page and its CSV export show for one URL. */
export type MapView = {
  /** Swedish notices for whatever in the URL was not understood. */
  notices: string[];
  filters: MapFilters;
  round: MapRound | null;
  previousRoundName: string | null;
  rounds: { id: number; name: string; example: boolean }[];
  counties: { code: string; name: string }[];
  county: { code: string; name: string } | null;
  /** All 290, whatever the filters: the ones filtered out stay on the map, faded. */
  municipalities: MapMunicipality[];
  /** The municipality whose panel is open (`?municipality=`), or null. */
  selected: string | null;
  /** Per category, in the chosen county (or the country), whatever the category filter. */
  counts: Record<Category, number>;
  summary: string;
  /** The stored borders (their URL names their content hash), or null: circles. */
  borders: { url: string; hash: string; featureCount: number; attribution: string | null } | null;
  meetingsRecorded: boolean;
};

/** The optional base map under the shapes. */
export type MapTiles = { url: string; attribution: string } | null;

/** How many of the shown municipalities are in each dialogue status. */
export function countByDialogueStatus(items: readonly { dialogue: { status: DialogueStatus } }[]): Record<DialogueStatus, number> {
  const counts: Record<DialogueStatus, number> = { met_this_year: 0, planned: 0, no_contact: 0 };
  for (const item of items) counts[item.dialogue.status] += 1;
  return counts;
}

/** "290 kommuner: ingen kontakt ännu" */
export function dialogueLegendText(status: DialogueStatus, count: number): string {
  return `${count} ${municipalitiesWord(count)}: ${DIALOGUE_STATUS_LABELS[status].toLocaleLowerCase("sv")}`;
}

/** Where the map looks: the chosen county's name, or the whole country. */
export function scopeName(county: { name: string } | null): string {
  return county?.name ?? "hela landet";
}

/** The table's caption: "49 kommuner i Västra Götalands län, bedömning i … (filtrerat på bedömning)". */
export function tableCaption(view: {
  shown: number;
  scope: string;
  roundName: string | null;
  categoryFiltered: boolean;
}): string {
  return (
    `${view.shown} ${municipalitiesWord(view.shown)} i ${view.scope}` +
    (view.roundName ? `, bedömning i ${view.roundName}` : "") +
    (view.categoryFiltered ? ` (filtrerat på bedömning)` : "")
  );
}

export type LegendEntry =
  | { kind: "category"; key: Category; text: string }
  | { kind: "dialogue"; key: DialogueStatus; text: string }
  | { kind: "change"; key: ChangeClass; text: string };

/**
 * The legend's entries as the PNG export draws them: the categories shown (all when none is chosen)
 * with their counts, or the dialogue statuses of the municipalities shown.
 */
export function legendEntries(view: {
  colourBy: ColourBy;
  categories: readonly Category[];
  counts: Record<Category, number>;
  dialogueCounts: Record<DialogueStatus, number>;
  changeCounts?: Record<ChangeClass, number>;
}): LegendEntry[] {
  if (view.colourBy === "change") {
    return CHANGE_CLASSES.map((c) => ({ kind: "change", key: c, text: changeLegendText(c, view.changeCounts?.[c] ?? 0) }));
  }
  if (view.colourBy === "dialogue") {
    return DIALOGUE_STATUSES.map((s) => ({ kind: "dialogue", key: s, text: dialogueLegendText(s, view.dialogueCounts[s]) }));
  }
  return CATEGORIES.filter((c) => view.categories.length === 0 || view.categories.includes(c)).map((c) => ({
    kind: "category",
    key: c,
    text: legendText(c, view.counts[c]),
  }));
}

/** The PNG export's title: "Samverkan med kommunerna – hela landet, Kartläggning februari 2025". */
export function mapImageTitle(scope: string, roundName: string | null): string {
  return `Samverkan med kommunerna – ${scope}${roundName ? `, ${roundName}` : ""}`;
}

/** The PNG export's file name: "samverkanskartan-kartlaggning-februari-2025-vastra-gotalands-lan.png". */
export function mapImageFileName(scope: string, roundName: string | null): string {
  return safeFileName(["samverkanskartan", roundName, scope], "png");
}

/**
 * The filter form's values as the view's canonical query (defaults left out, stable order), through
 * the same parser as the loader; the selected municipality stays selected.
 */
export function filterFormQuery(
  formValues: URLSearchParams,
  counties: readonly { code: string }[],
  selected: string | null,
): URLSearchParams {
  const round = Number(formValues.get("round"));
  const { filters } = parseMapFilters(formValues, counties);
  const params = mapSearchParams({ round: Number.isSafeInteger(round) && round > 0 ? round : null, filters });
  if (selected) params.set(SELECTED_PARAM, selected);
  return params;
}

/**
 * The line under the map's title: the round, its period unless the name already says it ("Kartläggning
 * februari 2025" is not followed by "· februari 2025"), and the round it is compared with.
 */
export function roundSubtitle(round: { name: string; period: string }, previousRoundName: string | null): string {
  return [round.name, periodBesideName(round.name, round.period), previousRoundName ? `jämförs med ${previousRoundName}` : null]
    .filter(Boolean)
    .join(" · ");
}

/*
 * How the map draws a municipality, the same for the server's SVG and Leaflet's paths: CSS classes,
 * styled in app.css, so both pictures take their colours from one place.
 */

/**
 * The class that colours a municipality under the page's colouring: one class per value,
 * `fill-<colouring>-<value>`, each with a rule in app.css. A new colouring adds its case here and its
 * rules there (tests/unit/map-view.test.ts checks that every class has one).
 */
export function shapeColourClass(
  item: Pick<MapMunicipality, "category" | "dialogue" | "changeClass">,
  colourBy: ColourBy,
): string {
  switch (colourBy) {
    case "category":
      return `fill-category-${item.category}`;
    case "dialogue":
      return `fill-dialogue-${item.dialogue.status}`;
    case "change":
      return `fill-change-${item.changeClass}`;
  }
}

/** Every class `shapeColourClass` can give, for the stylesheet check and the legend. */
export function allShapeColourClasses(): string[] {
  return [
    ...CATEGORIES.map((c) => `fill-category-${c}`),
    ...DIALOGUE_STATUSES.map((s) => `fill-dialogue-${s}`),
    ...CHANGE_CLASSES.map((c) => `fill-change-${c}`),
  ];
}

/**
 * A pre-filled rating nobody has confirmed is drawn lighter, with a dashed outline (`is-unconfirmed`),
 * in the colourings that show ratings.
 */
export function drawnUnconfirmed(item: Pick<MapMunicipality, "confirmed">, colourBy: ColourBy): boolean {
  return colourBy !== "dialogue" && item.confirmed === false;
}

/** A shape's full class: its colour, faded when outside the filter, unconfirmed, outlined when selected. */
export function shapeClassName(
  colourClass: string,
  state: { shown: boolean; selected: boolean; unconfirmed?: boolean },
): string {
  return (
    `map-shape ${colourClass}${state.shown ? "" : " is-filtered-out"}` +
    `${state.unconfirmed && state.shown ? " is-unconfirmed" : ""}${state.selected ? " is-selected" : ""}`
  );
}

/**
 * The order shapes are drawn in (later ones on top): the faded ones first, so they never cover one that
 * matches the filter (circles overlap), then the matching ones, the selected one last.
 */
export function shapeDrawOrder(codes: readonly string[], shown: ReadonlySet<string>, selected: string | null): string[] {
  const faded = codes.filter((c) => !shown.has(c) && c !== selected);
  const matching = codes.filter((c) => shown.has(c) && c !== selected);
  return [...faded, ...matching, ...(selected && codes.includes(selected) ? [selected] : [])];
}

/**
 * The county a user's map opens on when the address names none: a coordinator's own (the first, when
 * they have several), nobody else's. Null: the whole country.
 */
export function homeCounty(user: { roles: readonly string[]; countyCodes: readonly string[] }): string | null {
  if (!user.roles.includes("coordinator") || user.countyCodes.length === 0) return null;
  return [...user.countyCodes].sort()[0]!;
}

/** "25 kommuner: förbättrad" */
export function changeLegendText(change: ChangeClass, count: number): string {
  return `${count} ${municipalitiesWord(count)}: ${CHANGE_CLASS_LABELS[change].toLocaleLowerCase("sv")}`;
}

/** How many of the shown municipalities moved which way since the previous round. */
export function countByChangeClass(items: readonly { changeClass: ChangeClass }[]): Record<ChangeClass, number> {
  const counts: Record<ChangeClass, number> = { improved: 0, unchanged: 0, worsened: 0, unrated: 0 };
  for (const item of items) counts[item.changeClass] += 1;
  return counts;
}

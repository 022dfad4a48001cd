import { dialogueFromContacts } from "../domain/dialogue-status";
import { todayInSweden } from "./priorities.server";
import { formatPeriodSv } from "../domain/dates";
import {
  matchesFilters,
  noRoundSentence,
  parseMapFilters,
  parseSelectedMunicipality,
  summarySentence,
  type MapMunicipality,
  type MapView,
} from "../domain/map-view";
import { countByCategory, type Category } from "../domain/rating";
import { describeChange, previousRound } from "../domain/rating-change";
import { changeClass } from "../domain/round-comparison";
import { rolesThatCan } from "../domain/role-intro";
import { getCurrentBoundarySet } from "../models/boundary.server";
import { bordersAttribution } from "./geo-import.server";
import { listCounties } from "../models/register.server";
import { selectRound } from "../models/round-selection.server";
import { listRounds } from "../models/round.server";
import { cachedDialogueContacts, cachedMunicipalityRatings } from "./ratings-cache.server";

/** Where the map fetches the stored borders: the content hash makes the URL safe to cache forever. */
export function bordersUrl(hash: string): string {
  return `/karta/granser/${hash}`;
}

/**
 * Everything the map page and its CSV export show for one URL: the resolved round and filters (with a
 * Swedish notice for whatever was not understood), all 290 municipalities with their change since the
 * previous round, and the counts for the chosen county.
 */
export function getMapView(searchParams: URLSearchParams, today = todayInSweden()): MapView {
  const notices: string[] = [];
  const selection = selectRound(searchParams.get("round"));
  let round = selection.kind === "found" ? selection.round : null;
  if (selection.kind === "unknown") {
    notices.push(`Kartläggningen "${selection.requested.slice(0, 40)}" finns inte. Den senaste kartläggningen visas.`);
    const latest = selectRound(null);
    round = latest.kind === "found" ? latest.round : null;
  }
  const counties = listCounties();
  const parsed = parseMapFilters(searchParams, counties);
  notices.push(...parsed.notices);
  const { filters } = parsed;

  const rounds = listRounds();
  const previous = round ? previousRound(rounds, round) : null;
  const previousCategories = new Map<string, Category>(
    previous ? cachedMunicipalityRatings(previous.id).map((m) => [m.code, m.category]) : [],
  );
  const all = cachedMunicipalityRatings(round?.id ?? null);
  // Real meetings: the last held and next planned, directly or through a forum the municipality is in.
  const dialogue = dialogueFromContacts(
    all.map((m) => m.code),
    cachedDialogueContacts(today),
    today,
  );
  const municipalities = all.map((m): MapMunicipality => ({
    code: m.code,
    name: m.name,
    countyCode: m.countyCode,
    countyName: m.countyName,
    latitude: m.latitude,
    longitude: m.longitude,
    collaboration: m.collaboration,
    interventionAccess: m.interventionAccess,
    comment: m.comment,
    category: m.category,
    confirmed: m.confirmed,
    changeClass: changeClass(previousCategories.get(m.code) ?? "unrated", m.category),
    change: describeChange(
      m.category,
      previous ? { roundName: previous.name, category: previousCategories.get(m.code) ?? "unrated" } : null,
    ),
    dialogue: dialogue[m.code]!,
  }));
  const selected = parseSelectedMunicipality(searchParams, municipalities);
  if (selected.notice) notices.push(selected.notice);
  const county = counties.find((c) => c.code === filters.county) ?? null;
  const inCounty = municipalities.filter((m) => matchesFilters(m, { county: filters.county, categories: [] }));
  const counts = countByCategory(inCounty);
  const boundarySet = getCurrentBoundarySet();

  return {
    notices,
    filters,
    round: round && {
      id: round.id,
      name: round.name,
      example: round.example,
      period: formatPeriodSv(round.periodStart, round.periodEnd),
    },
    previousRoundName: previous?.name ?? null,
    rounds: rounds.map((r) => ({ id: r.id, name: r.name, example: r.example })),
    counties,
    county,
    municipalities,
    selected: selected.code,
    counts,
    // Without any round, "none is rated in this round" would contradict "there is no round": say what to do.
    summary: round ? summarySentence(counts, { countyName: county?.name }) : noRoundSentence(municipalities.length, rolesThatCan("manage:rounds")),
    borders: boundarySet
      ? {
          url: bordersUrl(boundarySet.hash),
          hash: boundarySet.hash,
          featureCount: boundarySet.featureCount,
          attribution: bordersAttribution(boundarySet.hash),
        }
      : null,
    meetingsRecorded: true,
  };
}


import { mapSearchParams, type MapFilters } from "../../domain/map-view";

/**
 * A coordinator's map opens on their own county: this says so, and leads to the whole country and to
 * their other counties.
 */
export function HomeCountyNote({
  county,
  others,
  round,
  filters,
}: {
  county: { code: string; name: string };
  others: readonly { code: string; name: string }[];
  round: number | null;
  filters: MapFilters;
}) {
  const href = (change: Partial<MapFilters>) => `?${mapSearchParams({ round, filters: { ...filters, ...change } })}`;
  return (
    <p className="home-county-note">
      Kartan visar ditt län, {county.name}.{" "}
      {others.map((c) => (
        <span key={c.code}>
          <a href={href({ county: c.code })}>Visa {c.name}</a> ·{" "}
        </span>
      ))}
      <a href={href({ county: null, wholeCountryChosen: true })}>Visa hela landet</a>
    </p>
  );
}

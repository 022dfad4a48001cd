import { memo, useState, type FormEvent, type MouseEvent } from "react";
import { SELECTED_PARAM } from "../../domain/map-view";
import { MAX_CANDIDATES, searchMessage, searchMunicipalities } from "../../domain/municipality-search";

type Searchable = { code: string; name: string; countyCode: string; countyName: string };

/**
 * Find a municipality by any part of its name or its code. A GET form on the map page itself: without
 * script the server answers (the panel of the one found, or the candidates as links); with script the
 * same search runs here and selects in place. A municipality outside the county shown is explained,
 * with a link to it on the whole country's map.
 */
export const MapSearch = memo(function MapSearch({
  municipalities,
  county,
  viewParams,
  initialQuery,
  onFound,
}: {
  municipalities: readonly Searchable[];
  /** The county the map shows, or null for the whole country. */
  county: { code: string; name: string } | null;
  /** The view's query (round, county, categories, colouring) that the search keeps. */
  viewParams: readonly [string, string][];
  /** The query the page was asked with (`?q=`), if any. */
  initialQuery: string | null;
  onFound: (code: string) => void;
}) {
  const [query, setQuery] = useState<string | null>(initialQuery);
  const result = query === null ? null : searchMunicipalities(municipalities, query);
  const countyNameOf = (code: string) => municipalities.find((m) => m.countyCode === code)?.countyName ?? code;
  const message =
    query === null || !result
      ? null
      : searchMessage(query, result, { countyCode: county?.code ?? null, countyName: county?.name ?? null, countyNameOf });
  const isError = result?.kind === "none" || result?.kind === "empty";

  const linkTo = (code: string, withCounty: boolean) => {
    const params = new URLSearchParams(viewParams.filter(([name]) => withCounty || name !== "county"));
    params.set(SELECTED_PARAM, code);
    return `?${params}`;
  };
  const choose = (code: string) => (event: MouseEvent) => {
    event.preventDefault();
    setQuery(null);
    onFound(code);
  };
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const typed = String(new FormData(event.currentTarget).get("q") ?? "");
    setQuery(typed);
    const found = searchMunicipalities(municipalities, typed);
    if (found.kind === "one") onFound(found.match.code);
  };

  return (
    <div className="map-search">
      <form action="" method="get" role="search" onSubmit={submit}>
        {viewParams.map(([name, value]) => (
          <input key={`${name}=${value}`} type="hidden" name={name} value={value} />
        ))}
        <label htmlFor="map-search-q">Hitta kommun</label>
        <div className="map-search-row">
          <input
            id="map-search-q"
            name="q"
            type="search"
            autoComplete="off"
            maxLength={100}
            defaultValue={initialQuery ?? ""}
            aria-describedby={message ? "map-search-message" : undefined}
            aria-invalid={isError ? true : undefined}
          />
          <button type="submit">Visa</button>
        </div>
      </form>
      {message ? (
        <p id="map-search-message" className={isError ? "field-error" : "search-note"} role="alert">
          {message}
          {result?.kind === "one" && county && result.match.countyCode !== county.code ? (
            <>
              {" "}
              <a href={linkTo(result.match.code, false)}>Visa {result.match.name} på hela landets karta</a>
            </>
          ) : null}
        </p>
      ) : null}
      {result?.kind === "several" && result.matches.length <= MAX_CANDIDATES ? (
        <ul className="search-candidates" aria-label="Kommuner som matchar">
          {result.matches.map((m) => (
            <li key={m.code}>
              <a href={linkTo(m.code, true)} onClick={choose(m.code)}>
                {m.name}
              </a>{" "}
              <span className="muted">{m.countyName}</span>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
});

import { memo, useState, type FormEvent } from "react";
import { normalizeForSearch } from "../../domain/collation";

/**
 * Find a municipality by name or code. Without script it is a plain search on the municipality list;
 * with script it selects the municipality on the map.
 */
export const MapSearch = memo(function MapSearch({
  municipalities,
  onFound,
}: {
  municipalities: readonly { code: string; name: string }[];
  onFound: (code: string) => void;
}) {
  const [message, setMessage] = useState<string | null>(null);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const query = normalizeForSearch(String(new FormData(event.currentTarget).get("q") ?? ""));
    if (!query) {
      setMessage("Skriv namnet eller koden på en kommun.");
      return;
    }
    const exact = municipalities.find((m) => normalizeForSearch(m.name) === query || m.code === query);
    const partial = municipalities.filter((m) => normalizeForSearch(m.name).startsWith(query));
    const match = exact ?? (partial.length === 1 ? partial[0] : undefined);
    if (match) {
      setMessage(null);
      onFound(match.code);
    } else if (partial.length > 1) {
      setMessage(`${partial.length} kommuner börjar på "${query}". Skriv mer av namnet.`);
    } else {
      setMessage(`Ingen kommun heter "${query}".`);
    }
  };
  return (
    <form action="/kommuner" method="get" role="search" className="map-search" onSubmit={submit}>
      <label htmlFor="map-search-q">Hitta kommun</label>
      <div className="map-search-row">
        <input
          id="map-search-q"
          name="q"
          type="search"
          autoComplete="off"
          maxLength={100}
          aria-describedby={message ? "map-search-message" : undefined}
          aria-invalid={message ? true : undefined}
        />
        <button type="submit">Visa</button>
      </div>
      {message ? (
        <p id="map-search-message" className="field-error" role="alert">
          {message}
        </p>
      ) : null}
    </form>
  );
});

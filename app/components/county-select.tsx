/** The county (län) filter used by every list and map: `county` in the URL, "" for the whole country. */
export function CountySelect({
  counties,
  value,
  allLabel = "Hela landet",
  id = "county",
}: {
  counties: readonly { code: string; name: string }[];
  value: string | null | undefined;
  allLabel?: string;
  id?: string;
}) {
  return (
    <div className="field">
      <label htmlFor={id}>Län</label>
      <select id={id} name="county" defaultValue={value ?? ""} key={`county-${value ?? ""}`}>
        <option value="">{allLabel}</option>
        {counties.map((c) => (
          <option key={c.code} value={c.code}>
            {c.name}
          </option>
        ))}
      </select>
    </div>
  );
}

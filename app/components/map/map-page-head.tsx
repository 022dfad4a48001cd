import type { MapRound } from "../../domain/map-view";
import { ExampleBanner } from "../example-banner";

/** The page's title with the round shown, the notices about the URL, and the example-data banner. */
export function MapPageHead({
  round,
  previousRoundName,
  notices,
}: {
  round: MapRound | null;
  previousRoundName: string | null;
  notices: readonly string[];
}) {
  return (
    <>
      <div className="map-page-head">
        <h1>Samverkan med kommunerna</h1>
        {round ? (
          <p className="muted round-line">
            {round.name} · {round.period}
            {previousRoundName ? ` · jämförs med ${previousRoundName}` : ""}
          </p>
        ) : null}
      </div>
      {notices.map((notice) => (
        <p key={notice} className="form-error" role="alert">
          {notice}
        </p>
      ))}
      {round?.example ? <ExampleBanner roundName={round.name} /> : null}
      {!round ? <p className="panel">Det finns ingen kartläggning ännu. Alla kommuner visas som ej bedömda.</p> : null}
    </>
  );
}

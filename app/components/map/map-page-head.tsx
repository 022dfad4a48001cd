import { roundSubtitle, type MapRound } from "../../domain/map-view";
import { NO_ROUND_YET } from "../../domain/round";
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
<p className="muted round-line">{roundSubtitle(round, previousRoundName)}</p>
        ) : null}
      </div>
      {notices.map((notice) => (
        <p key={notice} className="form-error" role="alert">
          {notice}
        </p>
      ))}
      {round?.example ? <ExampleBanner roundName={round.name} /> : null}
      {!round ? <p className="panel">{NO_ROUND_YET} Alla kommuner visas som ej bedömda.</p> : null}
    </>
  );
}

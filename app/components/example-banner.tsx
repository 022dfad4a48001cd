import { EXAMPLE_FOLLOW_UP_ROUND } from "../domain/example-followup";

/** Shown wherever example ratings appear, so nobody mistakes them for the agency's assessments. */
export function ExampleBanner({ roundName }: { roundName: string }) {
  if (roundName === EXAMPLE_FOLLOW_UP_ROUND.name) {
    return (
      <p className="example-banner" role="note">
        <strong>Exempeldata.</strong> {roundName} är en påhittad uppföljning av exempeldatan från februari 2025, med
        påhittade förändringar och kommentarer, inte Försäkringskassans verkliga bedömningar av enskilda kommuner.
      </p>
    );
  }
  return (
    <p className="example-banner" role="note">
      <strong>Exempeldata.</strong> Bedömningarna i {roundName} är påhittade exempel som återger
      fördelningen i kartläggningen (203, 76 och 11 kommuner), inte Försäkringskassans verkliga
      bedömningar av enskilda kommuner.
    </p>
  );
}

export function ExampleBadge() {
  return <span className="example-badge">Exempeldata</span>;
}

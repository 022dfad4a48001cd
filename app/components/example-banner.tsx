/** Shown wherever example ratings appear, so nobody mistakes them for the agency's assessments. */
export function ExampleBanner({ roundName }: { roundName: string }) {
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

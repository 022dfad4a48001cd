import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "../components/error-boundary";
import { reportTitle } from "../domain/report";
import { requireUser } from "../services/auth.server";
import { reportYears } from "../services/report.server";

export function loader({ request }: LoaderFunctionArgs) {
  requireUser(request);
  return { years: reportYears() };
}

export default function ReportsPage() {
  const { years } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Lägesrapporter</h1>
      <p className="hint">
        En lägesrapport per år med kartläggningarna, dialogen med kommunerna och indikatorerna, att läsa här,
        skriva ut eller ladda ner som Word-fil.
      </p>
      {years.length === 0 ? (
        <p>Det finns inga påbörjade kartläggningar ännu, och därför ingen lägesrapport.</p>
      ) : (
        <ul>
          {years.map((y) => (
            <li key={y}>
              <Link to={`/rapport/${y}`}>{reportTitle(y)}</Link>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

export const meta: MetaFunction = () => [{ title: "Lägesrapporter – Samverkanskartan" }];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

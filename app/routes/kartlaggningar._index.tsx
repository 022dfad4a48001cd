import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { ExampleBadge } from "../components/example-banner";
import { formatPeriodSv } from "../domain/dates";
import { CATEGORIES, countByCategory } from "../domain/rating";
import { CategoryBadge } from "../components/category";
import { listMunicipalityRatings } from "../models/assessment.server";
import { listRounds } from "../models/round.server";
import { GeneralErrorBoundary } from "../components/error-boundary";
import { NO_ROUND_YET, ROUND_STATUS_LABELS as STATUS_LABELS } from "../domain/round";
import { requireUser } from "../services/auth.server";
import { TableScroll } from "../components/table-scroll";

export function loader({ request }: LoaderFunctionArgs) {
  requireUser(request);
  return {
    rounds: listRounds().map((r) => ({
      ...r,
      counts: countByCategory(listMunicipalityRatings(r.id)),
    })),
  };
}

export default function RoundsPage() {
  const { rounds } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Kartläggningar</h1>
      {rounds.length === 0 ? (
        <p>{NO_ROUND_YET}</p>
      ) : (
        <TableScroll label="Kartläggningar">
          <table className="data">
            <thead>
              <tr>
                <th scope="col">Kartläggning</th>
                <th scope="col">Period</th>
                <th scope="col">Status</th>
                {CATEGORIES.map((c) => (
                  <th key={c} scope="col">
                    <CategoryBadge category={c} />
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rounds.map((r) => (
                <tr key={r.id}>
                  <td>
                    <a href={`/?round=${r.id}`}>{r.name}</a> {r.example ? <ExampleBadge /> : null}
                  </td>
                  <td>{formatPeriodSv(r.periodStart, r.periodEnd)}</td>
                  <td>{STATUS_LABELS[r.status]}</td>
                  {CATEGORIES.map((c) => (
                    <td key={c}>{r.counts[c]}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </>
  );
}

export const meta: MetaFunction = () => [{ title: "Kartläggningar – Samverkanskartan" }];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { CategoryBadge } from "../components/category";
import { ExampleBanner } from "../components/example-banner";
import { CATEGORIES, countByCategory } from "../domain/rating";
import { listMunicipalityRatings } from "../models/assessment.server";
import { getLatestRound } from "../models/round.server";
import { requireUser } from "../services/auth.server";

export function loader({ request }: LoaderFunctionArgs) {
  requireUser(request);
  const round = getLatestRound() ?? null;
  return {
    round: round && { id: round.id, name: round.name, example: round.example },
    counts: countByCategory(listMunicipalityRatings(round?.id ?? null)),
  };
}

export default function Home() {
  const { round, counts } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Samverkan med kommunerna</h1>
      {round?.example ? <ExampleBanner roundName={round.name} /> : null}
      <ul className="panel">
        {CATEGORIES.map((c) => (
          <li key={c}>
            <CategoryBadge category={c} />: {counts[c]} kommuner
          </li>
        ))}
      </ul>
      <p>
        <Link to="/kommuner">Alla kommuner</Link>
      </p>
    </>
  );
}

export const meta: MetaFunction = () => [{ title: "Karta – Samverkanskartan" }];

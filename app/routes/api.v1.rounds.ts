import type { LoaderFunctionArgs } from "@remix-run/node";
import { countCategoriesByRound } from "../models/assessment.server";
import { countConfirmedByRound, listRounds } from "../models/round.server";
import { requireUser } from "../services/auth.server";
import { roundSummary } from "../services/comparison.server";

/** GET /api/v1/rounds: every round, newest period first, with its category counts and how many are confirmed. */
export function loader({ request }: LoaderFunctionArgs) {
  requireUser(request);
  const counts = countCategoriesByRound();
  const confirmed = countConfirmedByRound();
  return Response.json(
    {
      rounds: listRounds().map((r) => ({ ...roundSummary(r), counts: counts.get(r.id)!, confirmed: confirmed.get(r.id) ?? 0 })),
    },
    { headers: { "Cache-Control": "private, no-store" } },
  );
}

import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "../services/auth.server";
import { compareRoundsFor, resolveComparison, roundSummary } from "../services/comparison.server";
import { httpError } from "../services/http.server";

/**
 * GET /api/v1/rounds/compare?from=ID&to=ID[&county=14]: the transition matrix (every pair, zeros
 * included) and every municipality whose category differs. Without from and to: the two latest rounds.
 */
export function loader({ request }: LoaderFunctionArgs) {
  requireUser(request);
  const params = new URL(request.url).searchParams;
  const pair = resolveComparison(request, params.get("from"), params.get("to"));
  if (!pair) throw httpError(request, 404, "Det finns inte två kartläggningar att jämföra.");
  const result = compareRoundsFor(request, pair.from.id, pair.to.id, params.get("county"));
  return Response.json(
    {
      from: roundSummary(pair.from),
      to: roundSummary(pair.to),
      matrix: result.matrix,
      changes: result.changes.map((c) => ({ code: c.code, name: c.name, countyCode: c.countyCode, from: c.from, to: c.to })),
    },
    { headers: { "Cache-Control": "private, no-store" } },
  );
}

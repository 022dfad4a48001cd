import type { LoaderFunctionArgs } from "@remix-run/node";
import { listMunicipalityRatings } from "../models/assessment.server";
import { selectRound } from "../models/round-selection.server";
import { quoteParam } from "../domain/params";
import { requireUser } from "../services/auth.server";
import { httpError } from "../services/http.server";

export function loader({ request }: LoaderFunctionArgs) {
  requireUser(request);
  const selection = selectRound(new URL(request.url).searchParams.get("round"));
  if (selection.kind === "unknown") {
    throw httpError(request, 404, `Kartläggningsomgången "${quoteParam(selection.requested)}" finns inte.`);
  }
  const round = selection.kind === "found" ? selection.round : null;
  const municipalities = listMunicipalityRatings(round?.id ?? null).map((m) => ({
    code: m.code,
    name: m.name,
    countyCode: m.countyCode,
    countyName: m.countyName,
    collaboration: m.collaboration,
    interventionAccess: m.interventionAccess,
    category: m.category,
  }));
  return Response.json({
    round: round && {
      id: round.id,
      name: round.name,
      periodStart: round.periodStart,
      periodEnd: round.periodEnd,
      status: round.status,
    },
    example: round?.example ?? false,
    municipalities,
  });
}

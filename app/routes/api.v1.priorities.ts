import type { LoaderFunctionArgs } from "@remix-run/node";
import { parseCountyCode, quoteParam } from "../domain/params";
import { getCounty } from "../models/register.server";
import { requireUser } from "../services/auth.server";
import { httpError } from "../services/http.server";
import { getPriorities, todayInSweden } from "../services/priorities.server";

/** GET /api/v1/priorities[?round=ID&county=NN]: the priority list as JSON. */
export function loader({ request }: LoaderFunctionArgs) {
  requireUser(request);
  const params = new URL(request.url).searchParams;
  const countyParam = params.get("county");
  const county = countyParam ? parseCountyCode(countyParam) : null;
  if (countyParam && (!county || !getCounty(county))) {
    throw httpError(request, 404, `Länet med kod "${quoteParam(countyParam)}" finns inte.`);
  }
  const result = getPriorities({ round: params.get("round"), county, today: todayInSweden() });
  if (result.kind === "unknown") throw httpError(request, 404, `Kartläggningsomgången "${quoteParam(result.requested)}" finns inte.`);
  if (result.kind === "none") return Response.json({ round: null, priorities: [] });
  const { round } = result;
  return Response.json({
    round: { id: round.id, name: round.name, periodStart: round.periodStart, periodEnd: round.periodEnd, status: round.status, example: round.example },
    priorities: result.priorities.map((p) => ({
      code: p.code,
      name: p.name,
      countyCode: p.countyCode,
      category: p.category,
      reasons: p.reasons,
      lastMeeting: p.lastMeeting,
      nextMeeting: p.nextMeeting,
      overdueActions: p.overdueActions,
    })),
  });
}

import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "../services/auth.server";
import { httpError } from "../services/http.server";
import { indicatorOverview, parsePeriodRange } from "../services/indicators.server";

/**
 * GET /api/v1/indicators[?from=2024&to=2025H1]: the catalogue and the values of periods in the range,
 * counts of people under the disclosure threshold as "<5".
 */
export function loader({ request }: LoaderFunctionArgs) {
  requireUser(request);
  const { from, to, problems } = parsePeriodRange(new URL(request.url).searchParams);
  if (problems.length > 0) throw httpError(request, 400, problems.join(" "));
  const overview = indicatorOverview({ from, to });
  return Response.json(
    {
      example: overview.example,
      disclosureThreshold: overview.threshold,
      indicators: overview.indicators,
      values: overview.values.map((v) => ({
        indicator: v.indicatorKey,
        period: v.period,
        county: v.countyCode,
        value: v.value,
        source: v.source,
        note: v.note,
        example: v.example,
      })),
    },
    { headers: { "Cache-Control": "private, no-store" } },
  );
}

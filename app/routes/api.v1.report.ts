import type { LoaderFunctionArgs } from "@remix-run/node";
import { reportJson } from "../domain/report";
import { requireUser } from "../services/auth.server";
import { requireYearReport } from "../services/report-view.server";

/** GET /api/v1/report?year=YYYY: every figure of the year's status report (README, "HTTP API"). */
export function loader({ request }: LoaderFunctionArgs) {
  requireUser(request);
  const report = requireYearReport(request, new URL(request.url).searchParams.get("year"));
  return Response.json(reportJson(report), { headers: { "Cache-Control": "private, no-store" } });
}

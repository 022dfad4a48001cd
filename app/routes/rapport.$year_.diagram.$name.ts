import type { LoaderFunctionArgs } from "@remix-run/node";
import { quoteParam } from "../domain/params";
import { requireUser } from "../services/auth.server";
import { httpError } from "../services/http.server";
import { serveFigure } from "../services/report-images.server";
import { reportFigures, reportView, requireYearReport } from "../services/report-view.server";

/**
 * /rapport/2026/diagram/karta.svg (fordelning.svg, moten.svg, indikator-<key>.svg): the report's map
 * and charts as SVG images for the page's <img> (img-src 'self'). Same access as the report.
 */
export function loader({ request, params }: LoaderFunctionArgs) {
  requireUser(request);
  const name = params.name ?? "";
  const response = serveFigure(request, `/rapport/${params.year}/diagram`, name, () => reportFigures(reportView(requireYearReport(request, params.year))));
  if (!response) throw httpError(request, 404, `Rapporten har ingen bild som heter "${quoteParam(name)}".`);
  return response;
}

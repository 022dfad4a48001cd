import type { LoaderFunctionArgs } from "@remix-run/node";
import { quoteParam } from "../domain/params";
import { requireUser } from "../services/auth.server";
import { httpError } from "../services/http.server";
import { indicatorOverview, indicatorTrendFigures } from "../services/indicators.server";
import { serveFigure } from "../services/report-images.server";

/** /indikatorer/diagram/indikator-<key>.svg: an indicator's trend chart for /indikatorer's <img>. */
export function loader({ request, params }: LoaderFunctionArgs) {
  requireUser(request);
  const name = params.name ?? "";
  const response = serveFigure(request, "/indikatorer/diagram", name, () => [...indicatorTrendFigures(indicatorOverview()).values()]);
  if (!response) throw httpError(request, 404, `Det finns inget diagram som heter "${quoteParam(name)}".`);
  return response;
}

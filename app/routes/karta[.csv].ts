import type { LoaderFunctionArgs } from "@remix-run/node";
import { matchesFilters } from "../domain/map-view";
import { ratingsCsv } from "../domain/ratings-csv";
import { getMapView } from "../services/map-view.server";
import { requireUser } from "../services/auth.server";
import { fileResponse } from "../services/http.server";

/** The map's table as CSV, with the same URL filters as the map (`round`, `county`, `category`). */
export function loader({ request }: LoaderFunctionArgs) {
  requireUser(request);
  const view = getMapView(new URL(request.url).searchParams);
  const rows = view.municipalities.filter((m) => matchesFilters(m, view.filters));
  return fileResponse(ratingsCsv(rows), {
    kind: "csv",
    name: ["samverkanskartan", view.round ? view.round.name : "utan-kartlaggning", view.county?.name],
    cache: "no-cache",
  });
}

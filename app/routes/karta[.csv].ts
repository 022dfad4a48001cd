import type { LoaderFunctionArgs } from "@remix-run/node";
import { matchesFilters } from "../domain/map-view";
import { ratingsCsv } from "../domain/ratings-csv";
import { getMapView } from "../services/map-view.server";
import { requireUser } from "../services/auth.server";

/** The map's table as CSV, with the same URL filters as the map (`round`, `county`, `category`). */
export function loader({ request }: LoaderFunctionArgs) {
  requireUser(request);
  const view = getMapView(new URL(request.url).searchParams);
  const rows = view.municipalities.filter((m) => matchesFilters(m, view.filters));
  const name = [
    "samverkanskartan",
    view.round ? view.round.name.toLocaleLowerCase("sv") : "utan-kartlaggning",
    view.county?.name.toLocaleLowerCase("sv"),
  ]
    .filter(Boolean)
    .join("-")
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9]+/g, "-");
  return new Response(ratingsCsv(rows), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${name}.csv"`,
      "Cache-Control": "private, no-cache",
    },
  });
}

import type { LoaderFunctionArgs } from "@remix-run/node";
import { getBoundaryTopology } from "../models/boundary.server";
import { requireUser } from "../services/auth.server";
import { httpError } from "../services/http.server";

/**
 * The imported borders as TopoJSON. The URL carries the content hash, so the response never changes:
 * browsers keep it for a year (private: it sits behind the login) and the compression middleware
 * gzips it on the way out.
 */
export function loader({ request, params }: LoaderFunctionArgs) {
  requireUser(request);
  const hash = params.hash ?? "";
  const topology = /^[0-9a-f]{8,64}$/.test(hash) ? getBoundaryTopology(hash) : undefined;
  if (!topology) return httpError(request, 404, "Gränserna finns inte (ladda om kartan).", { "Cache-Control": "no-store" });
  return new Response(topology, {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Cache-Control": "private, max-age=31536000, immutable",
      ETag: `"${hash}"`,
    },
  });
}

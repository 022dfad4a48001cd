import type { LoaderFunctionArgs } from "@remix-run/node";
import { GeneralErrorBoundary } from "../components/error-boundary";
import { requireUser } from "../services/auth.server";
import { httpError } from "../services/http.server";

/** Any path no other route claims: a Swedish 404 with status 404 (after sign-in, so nothing leaks). */
export function loader({ request }: LoaderFunctionArgs) {
  requireUser(request);
  throw httpError(request, 404, "Sidan du söker finns inte. Kontrollera adressen.");
}

export default function NotFound() {
  return null;
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

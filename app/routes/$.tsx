import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "../services/auth.server";

/** Any path no other route claims: a Swedish 404 with status 404 (after sign-in, so nothing leaks). */
export function loader({ request }: LoaderFunctionArgs) {
  requireUser(request);
  throw new Response(null, { status: 404 });
}

export default function NotFound() {
  return null;
}

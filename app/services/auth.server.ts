import { redirect } from "@remix-run/node";
import { can, type Permission } from "../domain/permissions";
import { getMunicipality } from "../models/register.server";
import { getSessionUser, type CurrentUser } from "./session.server";

export type { CurrentUser } from "./session.server";

export const CHANGE_PASSWORD_PATH = "/konto/losenord";

function isApi(request: Request): boolean {
  return new URL(request.url).pathname.startsWith("/api/");
}

function denied(request: Request, status: 401 | 403 | 404, message: string): Response {
  if (isApi(request)) {
    const error = { 401: "unauthorized", 403: "forbidden", 404: "not_found" }[status];
    return Response.json({ error, message }, { status, headers: { "Cache-Control": "private, no-store" } });
  }
  return new Response(message, { status, headers: { "Content-Type": "text/plain; charset=utf-8" } });
}

export function getOptionalUser(request: Request): CurrentUser | null {
  return getSessionUser(request);
}

/**
 * The signed-in user. Anonymous page requests are redirected to /login?redirectTo=<this page>;
 * anonymous API requests get 401 JSON. A user who must change their password is sent to do that first.
 */
export function requireUser(request: Request, options: { allowPendingPasswordChange?: boolean } = {}): CurrentUser {
  const user = getSessionUser(request);
  const url = new URL(request.url);
  if (!user) {
    if (isApi(request)) throw denied(request, 401, "Inloggning krävs.");
    const here = url.pathname + url.search;
    throw redirect(here === "/" ? "/login" : `/login?redirectTo=${encodeURIComponent(here)}`);
  }
  if (user.mustChangePassword && !options.allowPendingPasswordChange) {
    if (isApi(request)) throw denied(request, 403, "Du behöver byta lösenord innan du kan fortsätta.");
    throw redirect(CHANGE_PASSWORD_PATH);
  }
  return user;
}

/**
 * The signed-in user, when they hold `permission`; otherwise 403. Give the municipality being changed
 * for scoped permissions: a coordinator passes only for municipalities in their own counties.
 */
export function requirePermission(
  request: Request,
  permission: Permission,
  target: { municipalityCode?: string; countyCode?: string } = {},
): CurrentUser {
  const user = requireUser(request);
  let countyCode = target.countyCode;
  if (target.municipalityCode !== undefined) {
    const municipality = getMunicipality(target.municipalityCode);
    if (!municipality) {
      throw denied(request, 404, `Det finns ingen kommun med kommunkoden "${target.municipalityCode.slice(0, 20)}".`);
    }
    countyCode = municipality.countyCode;
  }
  if (!can(user, permission, { countyCode })) {
    throw denied(
      request,
      403,
      countyCode !== undefined && user.roles.includes("coordinator")
        ? "Du har inte behörighet att ändra kommuner utanför dina län."
        : "Du har inte behörighet att göra det här.",
    );
  }
  return user;
}

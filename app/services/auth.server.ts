import { redirect } from "@remix-run/node";
import { quoteParam } from "../domain/params";
import { can, type Permission } from "../domain/permissions";
import { getMunicipality } from "../models/register.server";
import { httpError, isApiRequest } from "./http.server";
import { getSessionUser, type CurrentUser } from "./session.server";

export type { CurrentUser } from "./session.server";

export const CHANGE_PASSWORD_PATH = "/konto/losenord";


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
    if (isApiRequest(request)) throw httpError(request, 401, "Inloggning krävs.");
    const here = url.pathname + url.search;
    throw redirect(here === "/" ? "/login" : `/login?redirectTo=${encodeURIComponent(here)}`);
  }
  if (user.mustChangePassword && !options.allowPendingPasswordChange) {
    if (isApiRequest(request)) throw httpError(request, 403, "Du behöver byta lösenord innan du kan fortsätta.");
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
      throw httpError(request, 404, `Det finns ingen kommun med kommunkoden "${quoteParam(target.municipalityCode)}".`);
    }
    countyCode = municipality.countyCode;
  }
  if (!can(user, permission, { countyCode })) {
    throw httpError(
      request,
      403,
      countyCode !== undefined && user.roles.includes("coordinator")
        ? "Du har inte behörighet att ändra kommuner utanför dina län."
        : "Du har inte behörighet att göra det här.",
    );
  }
  return user;
}

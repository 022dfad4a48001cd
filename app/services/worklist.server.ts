import { can, canAnywhere } from "../domain/permissions";
import { applyWorklistQuery, parseWorklistQuery } from "../domain/worklist";
import { listWorklist } from "../models/assessment.server";
import { listCounties } from "../models/register.server";
import { httpError } from "./http.server";
import type { CurrentUser } from "./session.server";

/**
 * The worklist a user sees for a round: the municipalities of their counties (all for an admin),
 * filtered and sorted as the address says. 403 for users who rate nothing.
 */
export function worklistFor(request: Request, user: CurrentUser, roundId: number) {
  if (!canAnywhere(user, "update:rating")) {
    throw httpError(request, 403, "Arbetslistan är för samordnare: du bedömer inga kommuner.");
  }
  const all = can(user, "update:rating");
  const counties = listCounties().filter((c) => all || user.countyCodes.includes(c.code));
  const { query, notices } = parseWorklistQuery(new URL(request.url).searchParams, counties);
  const items = listWorklist(roundId, all ? null : user.countyCodes);
  return { counties, query, notices, items, shown: applyWorklistQuery(items, query) };
}

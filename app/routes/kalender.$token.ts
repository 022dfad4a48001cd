import type { LoaderFunctionArgs } from "@remix-run/node";
import { format, subMonths } from "date-fns";
import { findActiveSubscription } from "../models/calendar-subscription.server";
import { feedFingerprint, listMeetings } from "../models/meeting.server";
import {
  baseUrlOf,
  cachedFeed,
  feedEtag,
  hashCalendarToken,
  meetingsCalendar,
  parseCalendarToken,
} from "../services/calendar.server";
import { fileResponse } from "../services/http.server";

/** How far back a feed reaches: calendars need the recent past, not years of history. */
const FEED_MONTHS_BACK = 12;

/**
 * GET /kalender/<token>.ics: a user's private subscription, without a session (calendar clients have
 * none). A wrong, malformed or revoked token gets the same bare 404, revealing nothing.
 */
export function loader({ request, params }: LoaderFunctionArgs) {
  const token = parseCalendarToken(params.token);
  const subscription = token ? findActiveSubscription(hashCalendarToken(token)) : undefined;
  if (!subscription) {
    return new Response("Sidan finns inte.", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
  }
  const from = format(subMonths(new Date(), FEED_MONTHS_BACK), "yyyy-MM-dd");
  const base = baseUrlOf(request);
  const key = `${subscription.userId}|${from}|${base.baseUrl}|${feedFingerprint(subscription.userId, from)}`;
  const etag = feedEtag(key);
  if (request.headers.get("If-None-Match") === etag) {
    return new Response(null, { status: 304, headers: { ETag: etag, "Cache-Control": "private, no-cache" } });
  }
  const ics = cachedFeed(key, () =>
    meetingsCalendar(listMeetings({ userId: subscription.userId, from, limit: 5000, sections: false }), { name: "Samverkanskartan: mina möten", ...base }),
  );
  return fileResponse(ics, {
    kind: "ics",
    name: ["samverkanskartan-moten"],
    disposition: "inline",
    cache: "no-cache",
    headers: { ETag: etag },
  });
}

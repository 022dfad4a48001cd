import type { LoaderFunctionArgs } from "@remix-run/node";
import { parseId } from "../domain/params";
import { listMeetings } from "../models/meeting.server";
import { requireUser } from "../services/auth.server";
import { baseUrlOf, meetingsCalendar } from "../services/calendar.server";
import { fileResponse, invariantResponse } from "../services/http.server";

/** GET /moten/:id/kalender.ics: one meeting as a calendar file. */
export function loader({ request, params }: LoaderFunctionArgs) {
  requireUser(request);
  const id = parseId(params.id);
  const meeting = id ? listMeetings({ ids: [id] })[0] : undefined;
  invariantResponse(meeting, "Mötet finns inte.", { request });
  const ics = meetingsCalendar([meeting], { name: "Dialogmöte", ...baseUrlOf(request) });
  return fileResponse(ics, { kind: "ics", name: ["dialogmote", meeting.date, meeting.id] });
}

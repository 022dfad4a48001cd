import type { LoaderFunctionArgs } from "@remix-run/node";
import { isIsoDate } from "../domain/fields";
import { parseMunicipalityCode, quoteParam } from "../domain/params";
import { listMeetings } from "../models/meeting.server";
import { getMunicipality } from "../models/register.server";
import { requireUser } from "../services/auth.server";
import { httpError } from "../services/http.server";

const MAX_MEETINGS = 10_000;

/**
 * GET /api/v1/meetings[?municipality=CODE&from=DATE&to=DATE]: meetings in date order. A municipality's
 * include its forums' meetings.
 */
export function loader({ request }: LoaderFunctionArgs) {
  requireUser(request);
  const url = new URL(request.url);
  const params = url.searchParams;
  const municipalityParam = params.get("municipality");
  let municipalityCode: string | null = null;
  if (municipalityParam !== null) {
    municipalityCode = parseMunicipalityCode(municipalityParam);
    if (!municipalityCode || !getMunicipality(municipalityCode)) {
      throw httpError(request, 404, `Det finns ingen kommun med kommunkoden "${quoteParam(municipalityParam)}".`);
    }
  }
  const dates: Record<"from" | "to", string | undefined> = { from: undefined, to: undefined };
  for (const key of ["from", "to"] as const) {
    const value = params.get(key);
    if (value === null) continue;
    if (!isIsoDate(value)) throw httpError(request, 400, `${key === "from" ? "from" : "to"} ska vara ett datum skrivet ÅÅÅÅ-MM-DD, inte "${quoteParam(value)}".`);
    dates[key] = value;
  }
  if (dates.from && dates.to && dates.to < dates.from) throw httpError(request, 400, "to ligger före from.");
  const meetings = listMeetings({ ...dates, municipalityCode, limit: MAX_MEETINGS });
  return Response.json(
    {
      meetings: meetings.map((m) => ({
        id: m.id,
        date: m.date,
        start: m.startTime,
        end: m.endTime,
        status: m.status,
        format: m.format,
        municipalities: m.municipalityCodes,
        forum: m.forumId ? { id: m.forumId, name: m.forumName } : null,
        materialUsed: m.materialUsed,
        sections: m.sections,
        example: m.example,
        icsUrl: `${url.origin}/moten/${m.id}/kalender.ics`,
      })),
    },
    { headers: { "Cache-Control": "private, no-store" } },
  );
}

import { listMunicipalityRatings } from "../models/assessment.server";
import { listForums } from "../models/forum.server";
import { listActiveUsers } from "../models/meeting.server";
import type { MeetingInput } from "../domain/meeting";
import { functionCounts } from "../domain/meeting";
import type { MeetingWrite } from "../models/meeting.server";

/** The choices of the booking form: municipalities (Swedish order), forums and active users. */
export function meetingFormOptions() {
  return {
    municipalities: listMunicipalityRatings(null).map((m) => ({ code: m.code, name: m.name, countyName: m.countyName })),
    forums: listForums().map((f) => ({ id: f.id, name: f.name })),
    users: listActiveUsers(),
  };
}

/** A valid booking form as the model writes it. */
export function toMeetingWrite(value: MeetingInput): MeetingWrite {
  return {
    date: value.date,
    startTime: value.start,
    endTime: value.end,
    municipalityCodes: value.municipalities,
    forumId: value.forumId ?? null,
    place: value.place,
    videoLink: value.videoLink,
    format: value.format,
    participantIds: value.participants,
    functions: functionCounts(value.functions),
    agenda: value.agenda,
  };
}

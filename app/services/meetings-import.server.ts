import { parseMeetingsCsv, type ImportedMeeting } from "../domain/meetings-import";
import { listForums } from "../models/forum.server";
import { getCurrentMaterial } from "../models/material.server";
import { existingImportKeys, importMeetings, meetingLookups } from "../models/meeting.server";
import type { Actor } from "../models/audit.server";

/** Checks an import file against the database: every row, with row-numbered Swedish errors. */
export function checkMeetingsImport(text: string, today: string) {
  const material = getCurrentMaterial();
  const result = parseMeetingsCsv(text, {
    municipalityCodes: meetingLookups().municipalityCodes,
    forumsByName: new Map(listForums().map((f) => [f.name.toLocaleLowerCase("sv"), f.id])),
    sectionsByTitle: new Map((material?.sections ?? []).map((s) => [s.title.toLocaleLowerCase("sv"), s.id])),
    today,
  });
  if (!result.ok) return result;
  const known = existingImportKeys(result.meetings.map((m) => m.importKey));
  return { ...result, alreadyImported: result.meetings.filter((m) => known.has(m.importKey)).map((m) => m.row) };
}

/** Imports checked meetings: all or nothing, skipping those imported before. */
export function runMeetingsImport(meetingsToImport: readonly ImportedMeeting[], actor: Actor, plannerId: number | null) {
  const material = getCurrentMaterial();
  return importMeetings(
    meetingsToImport.map((m) => ({
      date: m.date,
      startTime: m.startTime,
      endTime: m.endTime,
      municipalityCodes: m.municipalityCodes,
      forumId: m.forumId,
      place: "",
      videoLink: "",
      format: m.format,
      participantIds: [],
      functions: [],
      agenda: "",
      status: m.status,
      importKey: m.importKey,
      notes: m.notes,
      materialUsed: m.materialUsed,
      materialId: material?.id ?? null,
      sectionIds: m.sectionIds,
    })),
    actor,
    { plannerId },
  );
}

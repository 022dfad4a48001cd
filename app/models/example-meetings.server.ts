import { addDays, format, parseISO } from "date-fns";
import { and, eq } from "drizzle-orm";
import { getDb } from "../../db/client.server";
import { assessments, followUpActions, forumMembers, forums, mappingRounds, meetingSections, meetings, municipalities } from "../../db/schema";
import { categorize } from "../domain/rating";
import { appendAudit, SYSTEM_ACTOR } from "./audit.server";
import { getCurrentMaterial } from "./material.server";
import { EXAMPLE_ROUND } from "./round.server";
import { insertMeeting } from "./meeting.server";

/**
 * Example meetings consistent with the example round: the 11 municipalities whose collaboration needs
 * strengthening met in spring 2025 with the dialogue material, three forums with a few meetings, some
 * follow-up actions (one overdue) and meetings planned ahead of today. All flagged as example data;
 * created once (a database that has any example meeting is left alone).
 */
export function ensureExampleMeetings(today: string): { created: boolean } {
  if (getDb().select({ id: meetings.id }).from(meetings).where(eq(meetings.example, true)).get()) return { created: false };
  const round = getDb().select().from(mappingRounds).where(eq(mappingRounds.name, EXAMPLE_ROUND.name)).get();
  const material = getCurrentMaterial();
  if (!round || !material) return { created: false };
  const rated = getDb()
    .select({
      code: municipalities.code,
      name: municipalities.name,
      countyCode: municipalities.countyCode,
      collaboration: assessments.collaboration,
      interventionAccess: assessments.interventionAccess,
    })
    .from(assessments)
    .innerJoin(municipalities, eq(municipalities.code, assessments.municipalityCode))
    .where(and(eq(assessments.roundId, round.id)))
    .all()
    .map((r) => ({ ...r, category: categorize(r.collaboration, r.interventionAccess) }))
    .sort((a, b) => a.code.localeCompare(b.code));
  const eleven = rated.filter((r) => r.category === "needs_strengthening");
  const gaps = rated.filter((r) => r.category === "access_gap");
  if (eleven.length === 0) return { created: false };
  const day = (offset: number) => format(addDays(parseISO(today), offset), "yyyy-MM-dd");
  const sections = material.sections;

  return getDb().transaction((tx) => {
    // Forums: one around the first of the 11, one network in the west, one kommunalförbund.
    const inCounty = (countyCode: string, n: number) => rated.filter((r) => r.countyCode === countyCode).slice(0, n);
    const forumSpecs = [
      { name: "Samordningsförbundet (exempel)", kind: "coordination_association" as const, members: [eleven[0]!, ...inCounty(eleven[0]!.countyCode, 4)] },
      { name: "Nätverket för daglig verksamhet i väst (exempel)", kind: "daily_activities_network" as const, members: gaps.filter((g) => ["14", "13", "17"].includes(g.countyCode)).slice(0, 6) },
      { name: "Kommunalförbundet (exempel)", kind: "municipal_association" as const, members: [eleven[1]!, ...inCounty(eleven[1]!.countyCode, 3)] },
    ];
    const forumIds: number[] = [];
    for (const spec of forumSpecs) {
      const forum = tx.insert(forums).values({ name: spec.name, kind: spec.kind, example: true }).returning().get();
      for (const code of new Set(spec.members.map((m) => m.code))) tx.insert(forumMembers).values({ forumId: forum.id, municipalityCode: code }).run();
      forumIds.push(forum.id);
    }

    const base = { place: "", videoLink: "", participantIds: [], agenda: "Dialog utifrån dialogmaterialet.", forumId: null };
    const ids: number[] = [];
    // The 11, met between 10 March and 28 May 2025, with the material.
    eleven.forEach((m, i) => {
      const date = format(addDays(parseISO("2025-03-10"), i * 7), "yyyy-MM-dd");
      const meeting = insertMeeting(
        tx,
        {
          ...base,
          date,
          startTime: i % 2 ? "13:00" : "09:30",
          endTime: i % 2 ? "15:00" : "11:30",
          municipalityCodes: [m.code],
          format: "dialogue",
          place: `${m.name} kommunhus`,
          functions: [
            { function: "daily_activities", count: 2 },
            { function: "social_services_lss", count: 1 },
            ...(i % 3 === 0 ? [{ function: "labour_market_unit" as const, count: 1 }] : []),
          ],
        },
        { plannerId: null, status: "held", example: true, notes: "Exempel: genomgång av dialogmaterialet med kommunens verksamheter." },
      );
      tx.update(meetings)
        .set({ materialUsed: true, materialId: material.id, outcome: "Exempel: gemensam bild av behoven.", nextStep: "Exempel: uppföljande möte efter sommaren." })
        .where(eq(meetings.id, meeting.id))
        .run();
      for (const s of sections.slice(0, 2 + (i % 3))) tx.insert(meetingSections).values({ meetingId: meeting.id, sectionId: s.id }).run();
      ids.push(meeting.id);
    });

    // Forum meetings: two held, one planned.
    const forumMeeting = (forumId: number, date: string, status: "held" | "planned", fmt: "preparatory_group" | "network" | "steering_group") =>
      insertMeeting(
        tx,
        { ...base, forumId, date, startTime: "10:00", endTime: "12:00", municipalityCodes: [], format: fmt, functions: [{ function: "coordination_association", count: 1 }] },
        { plannerId: null, status, example: true, notes: status === "held" ? "Exempel: information om kartläggningen." : "" },
      );
    const f1 = forumMeeting(forumIds[0]!, "2025-09-16", "held", "preparatory_group");
    const f2 = forumMeeting(forumIds[1]!, day(-40) < "2025-10-01" ? "2025-10-01" : day(-40), "held", "network");
    forumMeeting(forumIds[2]!, day(21), "planned", "steering_group");

    // Meetings planned ahead with municipalities whose access to interventions is poor.
    gaps.slice(0, 3).forEach((m, i) => {
      insertMeeting(
        tx,
        { ...base, date: day(7 + i * 14), startTime: "09:00", endTime: "10:30", municipalityCodes: [m.code], format: i === 2 ? "information" : "dialogue", videoLink: "https://video.example.se/mote", functions: [] },
        { plannerId: null, status: "planned", example: true },
      );
    });

    // Follow-ups: one overdue, one done, two ahead.
    const action = (meetingId: number, code: string | null, what: string, dueDate: string, status: "open" | "done", fn: "daily_activities" | "management" | null) =>
      tx
        .insert(followUpActions)
        .values({ meetingId, municipalityCode: code, what, dueDate, status, assigneeFunction: fn, example: true, doneAt: status === "done" ? `${dueDate}T12:00:00.000Z` : null })
        .run();
    action(f2.id, forumSpecs[1]!.members[0]?.code ?? null, "Exempel: skicka kontaktuppgifter till nätverket", day(-10), "open", "daily_activities");
    action(ids[0]!, eleven[0]!.code, "Exempel: ta fram en lista över insatser", "2025-04-30", "done", "daily_activities");
    action(ids[1]!, eleven[1]!.code, "Exempel: boka uppföljande möte med ledningen", day(30), "open", "management");
    action(f1.id, eleven[0]!.code, "Exempel: återkoppla till beredningsgruppen", day(45), "open", null);

    appendAudit(tx, {
      actor: SYSTEM_ACTOR,
      action: "meeting.seed_example",
      entityType: "meeting",
      after: { meetings: eleven.length + 3 + 3, forums: forumSpecs.length, followUps: 4 },
    });
    return { created: true };
  });
}

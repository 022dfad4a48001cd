import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureExampleRound } from "../../app/models/round.server";
import { ensureMaterialV1, getCurrentMaterial } from "../../app/models/material.server";
import { createForum, listForums } from "../../app/models/forum.server";
import { SYSTEM_ACTOR } from "../../app/models/audit.server";
import { getMeeting, listMeetings } from "../../app/models/meeting.server";
import { getMapView } from "../../app/services/map-view.server";
import { todayInSweden } from "../../app/services/priorities.server";
import { listMunicipalityRatings } from "../../app/models/assessment.server";
import { loader as prioritiesApi } from "../../app/routes/api.v1.priorities";
import { loader as meetingsApi } from "../../app/routes/api.v1.meetings";
import { action as book } from "../../app/routes/moten.ny";
import { action as meetingAction } from "../../app/routes/moten.$id._index";
import { action as followUpAction } from "../../app/routes/uppfoljningar._index";
import { action as importAction } from "../../app/routes/moten._index";
import { action as forumAction } from "../../app/routes/forum._index";
import { loader as materialUseLoader } from "../../app/routes/dialogmaterial.anvandning";
import { loader as municipalityLoader } from "../../app/routes/kommuner.$code";
import { callRoute, type RouteResult } from "../support/call-route";
import { closeTestDatabase, createTestDatabase } from "../support/database";

let handle: ReturnType<typeof createTestDatabase>;
let today: string;
let needsStrengthening: string[];
const count = (table: string) => (handle.db.get(sql.raw(`select count(*) as n from ${table}`)) as { n: number }).n;
const errorsOf = (r: RouteResult) => JSON.stringify((r.data as { result?: { error?: unknown } }).result?.error ?? (r.data as { errors?: unknown }).errors);

beforeAll(() => {
  handle = createTestDatabase();
  ensureExampleRound();
  ensureMaterialV1();
  today = todayInSweden();
  const round = listMunicipalityRatings(1);
  needsStrengthening = round.filter((m) => m.category === "needs_strengthening").map((m) => m.code);
});
afterAll(() => closeTestDatabase(handle));

const booking = (over: Record<string, string | string[]> = {}) => ({
  date: today,
  start: "09:00",
  end: "10:00",
  format: "dialogue",
  municipalities: [needsStrengthening[0]!],
  place: "Kommunhuset",
  agenda: "Genomgång av dialogmaterialet",
  ...over,
});

async function bookAs(form: Record<string, string | string[]>, as: ("planner" | "manager" | "admin" | "coordinator")[] = ["planner"]) {
  return callRoute(book, { as, url: "/moten/ny", method: "POST", form });
}

describe("booking a dialogue meeting", () => {
  it("refuses an end before the start, no municipality and no forum, an unknown municipality, and a personnummer, saving nothing", async () => {
    const before = count("meetings");
    const cases: [Record<string, string | string[]>, string][] = [
      [booking({ start: "10:00", end: "09:00" }), "Sluttiden måste vara efter starttiden."],
      [booking({ municipalities: [] }), "Välj minst en kommun eller ett forum."],
      [booking({ municipalities: ["9999"] }), 'Det finns ingen kommun med kommunkoden \\"9999\\"'],
      [booking({ forumId: "999" }), "Forumet finns inte."],
      [booking({ agenda: "Gäller 19900101-0017" }), "personnummer"],
      [booking({ place: "Hos 900101-0017" }), "personnummer"],
    ];
    for (const [form, message] of cases) {
      const result = await bookAs(form);
      expect(result.status, message).toBe(400);
      expect(errorsOf(result)).toContain(message);
    }
    expect(count("meetings")).toBe(before);
  });

  it("a manager or coordinator cannot book", async () => {
    expect((await bookAs(booking(), ["manager"])).status).toBe(403);
    expect((await bookAs(booking(), ["coordinator"])).status).toBe(403);
  });
});

describe("from the priority list to a held meeting with follow-ups", () => {
  let meetingId: number;
  const code = () => needsStrengthening[0]!;

  it("the municipality moves down the list once its meeting is recorded as held", async () => {
    const before = await callRoute(prioritiesApi, { as: ["manager"], url: "/api/v1/priorities" });
    expect(before.status).toBe(200);
    const list = (before.data as { priorities: { code: string; category: string; lastMeeting: string | null; reasons: string[] }[] }).priorities;
    expect(Object.keys(list[0]!)).toEqual(["code", "name", "countyCode", "category", "reasons", "lastMeeting", "nextMeeting", "overdueActions"]);
    const positionBefore = list.findIndex((p) => p.code === code());
    expect(list[positionBefore]!.reasons).toContain("Ingen dialog ännu.");

    const booked = await bookAs(booking({ functions: [] as never, "functions.daily_activities": "2" }));
    expect(booked.status).toBe(302);
    meetingId = Number(/\/moten\/(\d+)/.exec(booked.location!)![1]);
    expect(getMeeting(meetingId)!.functions).toEqual([{ function: "daily_activities", count: 2 }]);

    const material = getCurrentMaterial()!;
    const recorded = await callRoute(meetingAction, {
      as: ["planner"],
      url: `/moten/${meetingId}`,
      params: { id: String(meetingId) },
      form: {
        intent: "record",
        materialUsed: "yes",
        sectionIds: [String(material.sections[0]!.id), String(material.sections[2]!.id)],
        notes: "Bra samtal om daglig verksamhet",
        outcome: "Överens om en gemensam plan",
        nextStep: "Uppföljning i höst",
        "actions[0].what": "Skicka insatskatalogen",
        "actions[0].assignee": "function:daily_activities",
        "actions[0].due": "2099-01-31",
        "actions[0].municipality": code(),
        "actions[1].what": "Boka möte med ledningen",
        "actions[1].assignee": "function:management",
        "actions[1].due": "2099-02-28",
        "actions[1].municipality": "",
        "actions[2].what": "",
      },
    });
    expect(recorded.status, errorsOf(recorded)).toBe(302);
    const meeting = getMeeting(meetingId)!;
    expect(meeting.status).toBe("held");
    expect(meeting.sections.map((s) => s.title)).toEqual([material.sections[0]!.title, material.sections[2]!.title]);
    expect(meeting.actions).toHaveLength(2);

    const after = await callRoute(prioritiesApi, { as: ["manager"], url: "/api/v1/priorities" });
    const listAfter = (after.data as { priorities: { code: string; lastMeeting: string | null }[] }).priorities;
    const positionAfter = listAfter.findIndex((p) => p.code === code());
    expect(positionAfter).toBeGreaterThan(positionBefore);
    expect(listAfter[positionAfter]!.lastMeeting).toBe(today);
  });

  it("the material page, the meetings API, the municipality's timeline and the map count the meeting", async () => {
    const use = (await callRoute(materialUseLoader, { as: ["manager"], url: "/dialogmaterial/anvandning" })).data as {
      perVersion: { total: { meetings: number }; sections: { meetings: number }[] }[];
      reachedThisYear: { needsStrengthening: { reached: number; direct: number } };
    };
    expect(use.perVersion[0]!.total.meetings).toBe(1);
    expect(use.perVersion[0]!.sections.map((s) => s.meetings)).toEqual([1, 0, 1, 0]);
    expect(use.reachedThisYear.needsStrengthening).toMatchObject({ reached: 1, direct: 1 });

    const api = await callRoute(meetingsApi, { as: ["coordinator"], url: `/api/v1/meetings?municipality=${code()}` });
    const meetings = (api.data as { meetings: Record<string, unknown>[] }).meetings;
    expect(meetings).toHaveLength(1);
    expect(Object.keys(meetings[0]!)).toEqual([
      "id", "date", "start", "end", "status", "format", "municipalities", "forum", "materialUsed", "sections", "example", "icsUrl",
    ]);
    expect(meetings[0]).toMatchObject({ status: "held", materialUsed: true, municipalities: [code()], forum: null, example: false });
    expect(meetings[0]!.icsUrl).toMatch(/\/moten\/\d+\/kalender\.ics$/);

    const page = await callRoute(municipalityLoader, { as: ["manager"], url: `/kommuner/${code()}`, params: { code: code() } });
    expect((page.data as { dialogue: { meetings: { id: number; via: string }[] } }).dialogue.meetings).toEqual([
      expect.objectContaining({ id: meetingId, via: "direct" }),
    ]);

    const map = getMapView(new URLSearchParams("colour=dialogue"));
    expect(map.meetingsRecorded).toBe(true);
    expect(map.municipalities.find((m) => m.code === code())!.dialogue).toMatchObject({ status: "met_this_year", lastMeeting: today, lastVia: "direct" });
  });

  it("refuses a follow-up without a due date and a personnummer in the notes, keeping the earlier record", async () => {
    const actionsBefore = count("follow_up_actions");
    const result = await callRoute(meetingAction, {
      as: ["planner"],
      url: `/moten/${meetingId}`,
      params: { id: String(meetingId) },
      form: { intent: "record", materialUsed: "no", notes: "Ring 900101-0017", "actions[0].what": "Ring tillbaka", "actions[0].assignee": "function:other", "actions[0].due": "" },
    });
    expect(result.status).toBe(400);
    expect(errorsOf(result)).toContain("Ange när uppföljningen ska vara klar.");
    expect(errorsOf(result)).toContain("900101-0017");
    expect(count("follow_up_actions")).toBe(actionsBefore);
    expect(getMeeting(meetingId)!.materialUsed).toBe(true);
  });

  it("only planners, admins and the assignee may mark a follow-up done", async () => {
    const actionId = getMeeting(meetingId)!.actions[0]!.id;
    const denied = await callRoute(followUpAction, { as: ["coordinator"], url: "/uppfoljningar", form: { intent: "done", id: String(actionId) } });
    expect(denied.status).toBe(403);
    const done = await callRoute(followUpAction, { as: ["planner"], url: "/uppfoljningar", form: { intent: "done", id: String(actionId) } });
    expect(done.status).toBe(302);
    expect(getMeeting(meetingId)!.actions.find((a) => a.id === actionId)!.status).toBe("done");
  });
});

describe("cancelling and postponing", () => {
  async function planned(date = "2099-05-05") {
    const r = await bookAs(booking({ date }));
    return Number(/\/moten\/(\d+)/.exec(r.location!)![1]);
  }
  const act = (id: number, form: Record<string, string>) =>
    callRoute(meetingAction, { as: ["planner"], url: `/moten/${id}`, params: { id: String(id) }, form });

  it("a cancelled meeting cannot get an outcome or be recorded as held", async () => {
    const id = await planned(today);
    const withOutcome = await act(id, { intent: "cancel", outcome: "Bra möte" });
    expect(withOutcome.status).toBe(400);
    expect(errorsOf(withOutcome)).toContain("Ett inställt möte kan inte ha något utfall");
    expect(getMeeting(id)!.status).toBe("planned");
    expect((await act(id, { intent: "cancel" })).status).toBe(302);
    const record = await act(id, { intent: "record", materialUsed: "no", outcome: "Bra möte" });
    expect(record.status).toBe(400);
    expect(errorsOf(record)).toContain("Ett inställt möte kan inte registreras som genomfört");
    expect(getMeeting(id)!).toMatchObject({ status: "cancelled", outcome: "" });
  });

  it("a future meeting cannot be recorded as held yet", async () => {
    const id = await planned();
    const r = await act(id, { intent: "record", materialUsed: "no" });
    expect(r.status).toBe(400);
    expect(errorsOf(r)).toContain("först på mötesdagen");
  });

  it("postponing needs a new date, and leaves the old meeting pointing to a new planned one", async () => {
    const id = await planned();
    const missing = await act(id, { intent: "postpone", newDate: "" });
    expect(missing.status).toBe(400);
    expect(errorsOf(missing)).toContain("Ange ett datum.");
    expect(getMeeting(id)!.status).toBe("planned");
    const moved = await act(id, { intent: "postpone", newDate: "2099-06-01", newStart: "13:00", newEnd: "14:00" });
    expect(moved.status).toBe(302);
    const old = getMeeting(id)!;
    expect(old).toMatchObject({ status: "postponed", postponedTo: "2099-06-01" });
    expect(getMeeting(old.replacedBy!)!).toMatchObject({ status: "planned", date: "2099-06-01", startTime: "13:00" });
  });

  it("an unknown intent is a 400", async () => {
    const id = await planned();
    expect((await act(id, { intent: "radera" })).status).toBe(400);
  });
});

describe("forums", () => {
  it("a forum meeting counts as indirect dialogue for each member, and its meetings appear in the member's list", async () => {
    const created = await callRoute(forumAction, {
      as: ["planner"],
      url: "/forum",
      form: { name: "Samordningsförbundet Test", kind: "coordination_association", members: ["0114", "0115"] },
    });
    expect(created.status).toBe(302);
    const forumId = listForums().find((f) => f.name === "Samordningsförbundet Test")!.id;
    const duplicate = await callRoute(forumAction, {
      as: ["planner"],
      url: "/forum",
      form: { name: "samordningsförbundet test", kind: "other", members: ["0114"] },
    });
    expect(duplicate.status).toBe(400);
    expect(errorsOf(duplicate)).toContain("Det finns redan ett forum med det namnet.");

    const r = await bookAs(booking({ municipalities: [], forumId: String(forumId), format: "preparatory_group" }));
    const id = Number(/\/moten\/(\d+)/.exec(r.location!)![1]);
    await callRoute(meetingAction, { as: ["planner"], url: `/moten/${id}`, params: { id: String(id) }, form: { intent: "record", materialUsed: "no" } });
    const map = getMapView(new URLSearchParams());
    expect(map.municipalities.find((m) => m.code === "0115")!.dialogue).toMatchObject({ status: "met_this_year", lastVia: "forum" });
    expect(listMeetings({ municipalityCode: "0115" }).map((m) => m.id)).toContain(id);
    createForum({ name: "Tomt", kind: "other", memberCodes: ["0117"] }, SYSTEM_ACTOR);
  });
});

describe("importing meetings from the list page", () => {
  const header = "datum;start;slut;kommunkoder;forum;format;status;dialogmaterial;avsnitt;anteckning";
  const upload = (text: string) => {
    const form = new FormData();
    form.append("intent", "preview");
    form.append("file", new File([text], "moten.csv", { type: "text/csv" }));
    return callRoute(importAction, { as: ["planner"], url: "/moten", form });
  };

  it("shows row-numbered Swedish errors and saves nothing when a row is bad", async () => {
    const before = count("meetings");
    const r = await upload([header, "2025-04-01;09:00;;0180;;dialogmöte;genomfört;nej;;", "2025-04-02;09:00;;0180;;dialogmöte;genomfört;ja;Okänt avsnitt;"].join("\n"));
    expect(r.status).toBe(400);
    expect((r.data as { errors: string[] }).errors).toEqual(['Rad 3: avsnittet "Okänt avsnitt" finns inte i dialogmaterialet.']);
    expect(count("meetings")).toBe(before);
  });

  it("previews, imports, and a second import of the same file adds nothing", async () => {
    const csv = [header, "2025-04-01;09:00;10:00;0180 0181;;dialogmöte;genomfört;ja;Samverkansformer;Tidigare möte", "2025-05-01;13:00;;0182;;Styrgrupp;inställt;nej;;"].join("\n");
    const preview = await upload(csv);
    expect(preview.status).toBe(200);
    const p = (preview.data as { preview: { rows: unknown[]; csv: string } }).preview;
    expect(p.rows).toHaveLength(2);
    const before = count("meetings");
    const first = await callRoute(importAction, { as: ["planner"], url: "/moten", form: { intent: "import", csv: p.csv } });
    expect((first.data as { imported: unknown }).imported).toEqual({ added: 2, skipped: 0 });
    expect(count("meetings")).toBe(before + 2);
    const second = await callRoute(importAction, { as: ["planner"], url: "/moten", form: { intent: "import", csv: p.csv } });
    expect((second.data as { imported: unknown }).imported).toEqual({ added: 0, skipped: 2 });
    expect(count("meetings")).toBe(before + 2);
  });
});

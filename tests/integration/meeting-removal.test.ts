import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SYSTEM_ACTOR } from "../../app/models/audit.server";
import { createForum } from "../../app/models/forum.server";
import { createMaterial, ensureMaterialV1, getCurrentMaterial, listMaterials } from "../../app/models/material.server";
import { getFollowUp, getMeeting } from "../../app/models/meeting.server";
import { todayInSweden } from "../../app/services/priorities.server";
import { action as materialAction, loader as materialLoader } from "../../app/routes/dialogmaterial._index";
import { action as forumAction, loader as forumLoader } from "../../app/routes/forum.$id";
import { action as meetingAction, loader as meetingLoader } from "../../app/routes/moten.$id._index";
import { action as book } from "../../app/routes/moten.ny";
import { action as editFollowUp, loader as followUpLoader } from "../../app/routes/uppfoljningar.$id";
import { callRoute, type RouteResult } from "../support/call-route";
import { closeTestDatabase, createTestDatabase } from "../support/database";

let handle: ReturnType<typeof createTestDatabase>;
let today: string;
const count = (query: string) => (handle.db.get(sql.raw(query)) as { n: number }).n;
const errorsOf = (r: RouteResult) => JSON.stringify((r.data as { result?: { error?: unknown } }).result?.error ?? r.data);
const audited = (action: string, entityId: number) =>
  count(`select count(*) as n from audit_log where action = '${action}' and entity_id = '${entityId}'`);

beforeAll(() => {
  handle = createTestDatabase();
  ensureMaterialV1();
  today = todayInSweden();
});
afterAll(() => closeTestDatabase(handle));

async function bookMeeting(over: Record<string, string | string[]> = {}): Promise<number> {
  const result = await callRoute(book, {
    as: ["planner"],
    url: "/moten/ny",
    form: { date: today, start: "09:00", end: "10:00", format: "dialogue", municipalities: ["0114", "0115"], place: "Rådhuset", ...over },
  });
  expect(result.status, errorsOf(result)).toBe(302);
  return Number(/\/moten\/(\d+)/.exec(result.location!)![1]);
}

const onMeeting = (id: number, form: Record<string, string>, as: ("planner" | "admin" | "manager" | "coordinator")[] = ["planner"]) =>
  callRoute(meetingAction, { as, url: `/moten/${id}`, params: { id: String(id) }, form });

async function holdWithFollowUp(id: number) {
  const material = getCurrentMaterial()!;
  const recorded = await onMeeting(id, {
    intent: "record",
    materialUsed: "yes",
    sectionIds: String(material.sections[0]!.id),
    "actions[0].what": "Skicka inbjudan till nätverket",
    "actions[0].assignee": "function:daily_activities",
    "actions[0].due": "2027-01-15",
  });
  expect(recorded.status, errorsOf(recorded)).toBe(302);
  return getMeeting(id)!.actions[0]!.id;
}

describe("removing a meeting booked by mistake", () => {
  it("a planner removes a planned meeting after ticking the confirmation; it is gone with its municipalities and the removal is audited", async () => {
    const id = await bookMeeting();
    const page = await callRoute(meetingLoader, { as: ["planner"], url: `/moten/${id}`, params: { id: String(id) } });
    expect((page.data as { deleteProblem: string | null }).deleteProblem).toBeNull();
    const removed = await onMeeting(id, { intent: "delete", confirm: "yes" });
    expect(removed.status).toBe(302);
    expect(removed.location).toBe("/moten?borttaget=1");
    expect(getMeeting(id)).toBeUndefined();
    expect(count(`select count(*) as n from meeting_municipalities where meeting_id = ${id}`)).toBe(0);
    expect(count(`select count(*) as n from meeting_participants where meeting_id = ${id}`)).toBe(0);
    expect(audited("meeting.delete", id)).toBe(1);
    const entry = handle.db.get(sql.raw(`select before from audit_log where action = 'meeting.delete' and entity_id = '${id}'`)) as { before: string };
    expect(JSON.parse(entry.before)).toMatchObject({ date: today, status: "planned", municipalityCodes: ["0114", "0115"] });
  });

  it("without the confirmation ticked nothing is removed and the box says why", async () => {
    const id = await bookMeeting();
    const refused = await onMeeting(id, { intent: "delete" });
    expect(refused.status).toBe(400);
    expect(errorsOf(refused)).toContain("Kryssa i rutan för att bekräfta att mötet ska tas bort.");
    expect(getMeeting(id)).toBeDefined();
  });

  it("a held meeting cannot be removed: it counts as dialogue", async () => {
    const id = await bookMeeting();
    await holdWithFollowUp(id);
    const refused = await onMeeting(id, { intent: "delete", confirm: "yes" });
    expect(refused.status).toBe(409);
    expect(errorsOf(refused)).toContain("Ett genomfört möte kan inte tas bort");
    expect(getMeeting(id)).toBeDefined();
    expect(audited("meeting.delete", id)).toBe(0);
  });

  it("removing the new meeting of a postponed one leaves the old one postponed without a dead link; the old one cannot be removed", async () => {
    const id = await bookMeeting({ date: "2027-03-01" });
    const moved = await onMeeting(id, { intent: "postpone", newDate: "2027-03-08" });
    expect(moved.status, errorsOf(moved)).toBe(302);
    const newId = Number(/\/moten\/(\d+)/.exec(moved.location!)![1]);
    expect((await onMeeting(id, { intent: "delete", confirm: "yes" })).status).toBe(409);
    expect((await onMeeting(newId, { intent: "delete", confirm: "yes" })).status).toBe(302);
    const old = getMeeting(id)!;
    expect(old.status).toBe("postponed");
    expect(old.replacedBy).toBeNull();
  });

  it("a manager or coordinator cannot remove a meeting; an admin can", async () => {
    const id = await bookMeeting();
    expect((await onMeeting(id, { intent: "delete", confirm: "yes" }, ["manager"])).status).toBe(403);
    expect((await onMeeting(id, { intent: "delete", confirm: "yes" }, ["coordinator"])).status).toBe(403);
    expect(getMeeting(id)).toBeDefined();
    expect((await onMeeting(id, { intent: "delete", confirm: "yes" }, ["admin"])).status).toBe(302);
  });
});

describe("removing a forum", () => {
  const onForum = (id: number, form: Record<string, string>, as: ("planner" | "manager")[] = ["planner"]) =>
    callRoute(forumAction, { as, url: `/forum/${id}`, params: { id: String(id) }, form });

  it("an unused forum is removed with its memberships, audited; a forum with meetings is refused in Swedish", async () => {
    const unused = createForum({ name: "Nätverket som lades upp av misstag", kind: "daily_activities_network", memberCodes: ["0114", "0115"] }, SYSTEM_ACTOR);
    const used = createForum({ name: "Samordningsförbundet Norr", kind: "coordination_association", memberCodes: ["0114"] }, SYSTEM_ACTOR);
    await bookMeeting({ municipalities: [], forumId: String(used.id) });

    expect((await onForum(unused.id, { intent: "delete", confirm: "yes" }, ["manager"])).status).toBe(403);
    const unconfirmed = await onForum(unused.id, { intent: "delete" });
    expect(unconfirmed.status).toBe(400);
    expect(errorsOf(unconfirmed)).toContain("Kryssa i rutan för att bekräfta att forumet ska tas bort.");

    const removed = await onForum(unused.id, { intent: "delete", confirm: "yes" });
    expect(removed.status).toBe(302);
    expect(removed.location).toBe("/forum?borttaget=1");
    expect(count(`select count(*) as n from forums where id = ${unused.id}`)).toBe(0);
    expect(count(`select count(*) as n from forum_members where forum_id = ${unused.id}`)).toBe(0);
    expect(audited("forum.delete", unused.id)).toBe(1);

    const page = await callRoute(forumLoader, { as: ["planner"], url: `/forum/${used.id}`, params: { id: String(used.id) } });
    expect((page.data as { deleteProblem: string }).deleteProblem).toContain("Forumet har ett möte och kan inte tas bort");
    const refused = await onForum(used.id, { intent: "delete", confirm: "yes" });
    expect(refused.status).toBe(409);
    expect(errorsOf(refused)).toContain("Forumet har ett möte och kan inte tas bort");
    expect(count(`select count(*) as n from forums where id = ${used.id}`)).toBe(1);
  });

  it("editing a forum still works beside its removal form", async () => {
    const forum = createForum({ name: "Kommunalförbundet Syd", kind: "municipal_association", memberCodes: ["0114"] }, SYSTEM_ACTOR);
    const saved = await onForum(forum.id, { name: "Kommunalförbundet Syd", kind: "municipal_association", members: "0115" });
    expect(saved.status, errorsOf(saved)).toBe(302);
    expect(count(`select count(*) as n from forum_members where forum_id = ${forum.id} and municipality_code = '0115'`)).toBe(1);
  });
});

describe("removing a dialogue material version", () => {
  const onMaterial = (form: Record<string, string>, as: ("planner" | "admin" | "manager")[] = ["admin"]) =>
    callRoute(materialAction, { as, url: "/dialogmaterial", form });

  it("a version not yet used is removed with its sections; a version in use is refused with a Swedish message", async () => {
    const mistake = createMaterial({ name: "Dialogmaterial om daglig verksamhet", version: 9, publishedOn: "2020-01-01", sections: ["Fel avsnitt"] }, SYSTEM_ACTOR);
    const inUse = getCurrentMaterial()!;
    const meeting = await bookMeeting();
    await holdWithFollowUp(meeting);

    const page = (await callRoute(materialLoader, { as: ["admin"], url: "/dialogmaterial" })).data as { materials: { id: number; meetings: number; deleteProblem: string | null }[] };
    expect(page.materials.find((m) => m.id === mistake.id)).toMatchObject({ meetings: 0, deleteProblem: null });
    expect(page.materials.find((m) => m.id === inUse.id)!.meetings).toBeGreaterThan(0);

    expect((await onMaterial({ intent: "delete", id: String(mistake.id), confirm: "yes" }, ["manager"])).status).toBe(403);
    const unconfirmed = await onMaterial({ intent: "delete", id: String(mistake.id) });
    expect(unconfirmed.status).toBe(400);
    expect(errorsOf(unconfirmed)).toContain("Kryssa i rutan");
    expect((await onMaterial({ intent: "delete", id: "abc", confirm: "yes" })).status).toBe(400);
    expect((await onMaterial({ intent: "delete", id: "999999", confirm: "yes" })).status).toBe(404);

    const refused = await onMaterial({ intent: "delete", id: String(inUse.id), confirm: "yes" });
    expect(refused.status).toBe(409);
    expect(errorsOf(refused)).toMatch(/Dialogmaterial om daglig verksamhet, version 1, används i (ett möte|\d+ möten) och kan inte tas bort\./);
    expect(listMaterials().some((m) => m.id === inUse.id)).toBe(true);

    const removed = await onMaterial({ intent: "delete", id: String(mistake.id), confirm: "yes" });
    expect(removed.status).toBe(302);
    expect(listMaterials().some((m) => m.id === mistake.id)).toBe(false);
    expect(count(`select count(*) as n from dialogue_material_sections where material_id = ${mistake.id}`)).toBe(0);
    expect(audited("material.delete", mistake.id)).toBe(1);
  });
});

describe("editing a follow-up action", () => {
  let meetingId: number;
  let followUpId: number;
  const edit = (form: Record<string, string>, as: ("planner" | "admin" | "manager" | "coordinator")[] = ["planner"], id = followUpId) =>
    callRoute(editFollowUp, { as, url: `/uppfoljningar/${id}`, params: { id: String(id) }, form });
  const good = { what: "Boka uppföljande möte med socialtjänsten", assignee: "function:social_services_lss", due: "2027-02-01", municipality: "0115" };

  beforeAll(async () => {
    meetingId = await bookMeeting();
    followUpId = await holdWithFollowUp(meetingId);
  });

  it("a planner changes what, who, when and which municipality; the change is audited with before and after", async () => {
    const page = await callRoute(followUpLoader, { as: ["planner"], url: `/uppfoljningar/${followUpId}`, params: { id: String(followUpId) } });
    expect(page.status).toBe(200);
    expect((page.data as { defaults: unknown }).defaults).toMatchObject({ what: "Skicka inbjudan till nätverket", assignee: "function:daily_activities", due: "2027-01-15" });
    const saved = await edit(good);
    expect(saved.status, errorsOf(saved)).toBe(302);
    expect(saved.location).toBe(`/moten/${meetingId}#actions-heading`);
    expect(getFollowUp(followUpId)).toMatchObject({
      what: good.what,
      assigneeFunction: "social_services_lss",
      assigneeUserId: null,
      dueDate: "2027-02-01",
      municipalityCode: "0115",
      status: "open",
    });
    const entry = handle.db.get(sql.raw(`select before, after from audit_log where action = 'follow_up.update' and entity_id = '${followUpId}'`)) as { before: string; after: string };
    expect(JSON.parse(entry.before)).toMatchObject({ what: "Skicka inbjudan till nätverket", dueDate: "2027-01-15" });
    expect(JSON.parse(entry.after)).toMatchObject({ what: good.what, dueDate: "2027-02-01" });
  });

  it("refuses a missing due date, an impossible date, no owner, an unknown person, a municipality outside the meeting and a personnummer, changing nothing", async () => {
    const before = getFollowUp(followUpId);
    const cases: [Record<string, string>, string][] = [
      [{ ...good, due: "" }, "Ange när uppföljningen ska vara klar."],
      [{ ...good, due: "2027-02-30" }, "Ange ett datum som finns"],
      [{ ...good, assignee: "" }, "Ange vem som ansvarar"],
      [{ ...good, assignee: "user:999999" }, "Personen finns inte."],
      [{ ...good, municipality: "2584" }, "Kommunen deltog inte i mötet"],
      [{ ...good, what: "" }, "vad som ska göras"],
      [{ ...good, what: "Ring om 19900101-0017" }, "personnummer"],
    ];
    for (const [form, message] of cases) {
      const result = await edit(form);
      expect(result.status, message).toBe(400);
      expect(errorsOf(result), message).toContain(message);
    }
    expect(getFollowUp(followUpId)).toEqual(before);
  });

  it("only planners and admins edit follow-ups; an unknown one is 404", async () => {
    expect((await edit(good, ["manager"])).status).toBe(403);
    expect((await edit(good, ["coordinator"])).status).toBe(403);
    expect((await callRoute(followUpLoader, { as: ["coordinator"], url: `/uppfoljningar/${followUpId}`, params: { id: String(followUpId) } })).status).toBe(403);
    expect((await edit(good, ["admin"])).status).toBe(302);
    expect((await edit(good, ["planner"], 999999)).status).toBe(404);
    expect((await callRoute(followUpLoader, { as: ["planner"], url: "/uppfoljningar/abc", params: { id: "abc" } })).status).toBe(404);
  });
});

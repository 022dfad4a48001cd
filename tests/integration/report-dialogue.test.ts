import { unzipSync, strFromU8 } from "fflate";
import Papa from "papaparse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assessments, mappingRounds } from "../../db/schema";
import type { MeetingFormat, MunicipalFunction } from "../../app/domain/meeting-vocabulary";
import type { ReportDialogue } from "../../app/domain/report";
import { SYSTEM_ACTOR } from "../../app/models/audit.server";
import { createForum } from "../../app/models/forum.server";
import { ensureMaterialV1, getMaterialSections } from "../../app/models/material.server";
import { cancelMeeting, createMeeting, postponeMeeting, recordMeeting, setFollowUpStatus } from "../../app/models/meeting.server";
import { loader as apiLoader } from "../../app/routes/api.v1.report";
import { loader as pageLoader } from "../../app/routes/rapport.$year";
import { loader as csvLoader } from "../../app/routes/rapport.$year[.csv]";
import { loader as docxLoader } from "../../app/routes/rapport.$year[.docx]";
import { signedInRequest } from "../support/auth";
import { callRoute } from "../support/call-route";
import { closeTestDatabase, createTestDatabase } from "../support/database";

/**
 * The report's dialogue section against a real SQLite file with known meetings: every figure is worked
 * out by hand below, and the page, the JSON, the CSV and the Word file must all say the same.
 *
 * The 2026 round: A, B, C need stronger collaboration; D, E have poor access; the rest are good.
 * Forum F has B, D and X as members.
 */
const A = "0114"; // Upplands Väsby
const B = "0115"; // Vallentuna
const C = "0117"; // Österåker
const D = "0120"; // Värmdö
const E = "0123"; // Järfälla
const X = "0125"; // Ekerö

describe("the report's dialogue figures", () => {
  let handle: ReturnType<typeof createTestDatabase>;
  let sections: { id: number; title: string }[] = [];

  beforeAll(() => {
    handle = createTestDatabase();
    const db = handle.db;
    const codes = (db.$client.prepare("select code from municipalities").all() as { code: string }[]).map((r) => r.code);
    for (const [name, start, end, ns, ag] of [
      ["Testrunda 2025", "2025-02-01", "2025-02-28", [A], [B, C, D, E]],
      ["Testrunda 2026", "2026-02-01", "2026-02-28", [A, B, C], [D, E]],
    ] as const) {
      const round = db.insert(mappingRounds).values({ name, periodStart: start, periodEnd: end, status: "closed" }).returning().get();
      for (const code of codes) {
        const collaboration = (ns as readonly string[]).includes(code) ? "needs_strengthening" : "good";
        const interventionAccess = (ag as readonly string[]).includes(code) ? "unsatisfactory" : "satisfactory";
        db.insert(assessments).values({ roundId: round.id, municipalityCode: code, collaboration, interventionAccess, updatedAt: `${end}T12:00:00Z` }).run();
      }
    }
    const materialId = ensureMaterialV1();
    sections = getMaterialSections(materialId).map((s) => ({ id: s.id, title: s.title }));
    const forum = createForum({ name: "Forum F", kind: "coordination_association", memberCodes: [B, D, X] }, SYSTEM_ACTOR);

    const book = (date: string, format: MeetingFormat, codes: string[], options: { forumId?: number; functions?: { function: MunicipalFunction; count: number }[] } = {}) =>
      createMeeting(
        {
          date,
          startTime: "09:00",
          endTime: "10:00",
          municipalityCodes: codes,
          forumId: options.forumId ?? null,
          place: "",
          videoLink: "",
          format,
          participantIds: [],
          functions: options.functions ?? [],
          agenda: "",
        },
        SYSTEM_ACTOR,
        { plannerId: null },
      ).id;
    const record = (id: number, used: number[], actions: { dueDate: string; code: string | null }[] = []) =>
      recordMeeting(
        id,
        {
          materialId,
          materialUsed: used.length > 0,
          sectionIds: used,
          notes: "",
          outcome: "",
          nextStep: "",
          actions: actions.map((a) => ({ what: "Följ upp", assigneeUserId: null, assigneeFunction: "management", dueDate: a.dueDate, municipalityCode: a.code })),
        },
        SYSTEM_ACTOR,
      );

    // Held in March with A and D directly, two sections of the material; two follow-ups, one done, one overdue.
    const march = book("2026-03-10", "dialogue", [A, D], { functions: [{ function: "daily_activities", count: 3 }, { function: "management", count: 1 }] });
    record(march, [sections[0]!.id, sections[1]!.id], [
      { dueDate: "2026-04-01", code: A },
      { dueDate: "2026-04-01", code: D },
    ]);
    const firstAction = handle.db.$client.prepare("select min(id) as id from follow_up_actions").get() as { id: number };
    setFollowUpStatus(firstAction.id, "done", SYSTEM_ACTOR);
    // Held in March with forum F (B, D, X), no material.
    const steering = book("2026-03-20", "steering_group", [], { forumId: forum.id, functions: [{ function: "daily_activities", count: 4 }] });
    record(steering, []);
    // Cancelled in May (E is not reached by it).
    cancelMeeting(book("2026-05-05", "dialogue", [E], { functions: [{ function: "daily_activities", count: 10 }] }), SYSTEM_ACTOR);
    // Booked for June and never recorded: still planned.
    book("2026-06-01", "dialogue", [C]);
    // Held in September with A, the first section; a follow-up due far ahead.
    record(book("2026-09-15", "information", [A]), [sections[0]!.id], [{ dueDate: "2099-12-31", code: A }]);
    // Postponed from October to December: one postponed, one more planned.
    postponeMeeting(book("2026-10-01", "dialogue", [B]), { date: "2026-12-15" }, SYSTEM_ACTOR);
    // Outside the year on both sides: not counted, nor its overdue follow-up.
    record(book("2025-12-31", "dialogue", [C, E]), [sections[0]!.id], [{ dueDate: "2026-01-15", code: C }]);
    book("2027-01-01", "dialogue", [C]);
  });
  afterAll(() => closeTestDatabase(handle));

  const expected = () => ({
    example: false,
    held: 3,
    planned: 2,
    cancelled: 1,
    postponed: 1,
    byFormat: [
      { format: "dialogue", label: "Dialogmöte", held: 1 },
      { format: "information", label: "Informationsträff", held: 1 },
      { format: "steering_group", label: "Styrgrupp", held: 1 },
    ],
    reach: { direct: 2, viaForum: 2, total: 4 },
    priority: {
      roundName: "Testrunda 2026",
      needs_strengthening: { total: 3, reached: 2, direct: 1, viaForum: 1, notReached: [{ code: C, name: "Österåker" }] },
      access_gap: { total: 2, reached: 1, direct: 1, viaForum: 0, notReached: [{ code: E, name: "Järfälla" }] },
    },
    materialMeetings: 2,
    actions: { done: 1, open: 2, overdue: 1 },
    participants: [
      { function: "daily_activities", label: "Daglig verksamhet", people: 7 },
      { function: "management", label: "Ledning", people: "<5" },
    ],
  });

  it("counts the year's meetings by status, format and month, the reach of the priority municipalities, material use and follow-ups", async () => {
    const page = await callRoute(pageLoader, { as: ["manager"], url: "/rapport/2026", params: { year: "2026" } });
    expect(page.status).toBe(200);
    const d = (page.data as { report: { dialogue: ReportDialogue } }).report.dialogue;
    expect(d).toMatchObject(expected());
    const month = (m: string) => d.byMonth.find((r) => r.month === `2026-${m}`);
    expect(d.byMonth).toHaveLength(12);
    expect(month("03")).toEqual({ month: "2026-03", held: 2, planned: 0, cancelled: 0, postponed: 0 });
    expect(month("05")).toEqual({ month: "2026-05", held: 0, planned: 0, cancelled: 1, postponed: 0 });
    expect(month("06")).toEqual({ month: "2026-06", held: 0, planned: 1, cancelled: 0, postponed: 0 });
    expect(month("09")).toEqual({ month: "2026-09", held: 1, planned: 0, cancelled: 0, postponed: 0 });
    expect(month("10")).toEqual({ month: "2026-10", held: 0, planned: 0, cancelled: 0, postponed: 1 });
    expect(month("12")).toEqual({ month: "2026-12", held: 0, planned: 1, cancelled: 0, postponed: 0 });
    // The first section was used in both meetings with material, the second in March; each reached A and D.
    expect(d.material.slice(0, 3)).toEqual([
      { title: sections[0]!.title, version: 1, meetings: 2, municipalities: 2 },
      { title: sections[1]!.title, version: 1, meetings: 1, municipalities: 2 },
      { title: sections[2]!.title, version: 1, meetings: 0, municipalities: 0 },
    ]);
    expect(d.material).toHaveLength(sections.length);
  });

  it("the JSON says the same, and the summary writes it in Swedish", async () => {
    const api = await callRoute(apiLoader, { as: ["planner"], url: "/api/v1/report?year=2026" });
    expect(api.status).toBe(200);
    const body = api.data as Record<string, unknown> & { summary: string[] };
    expect(body).toMatchObject({
      meetings: { held: 3, planned: 2, cancelled: 1, postponed: 1, byFormat: { dialogue: 1, information: 1, steering_group: 1 } },
      reach: { direct: 2, viaForum: 2, total: 4, round: "Testrunda 2026", needs_strengthening: { total: 3, reached: 2 }, access_gap: { total: 2, reached: 1 } },
      actions: { done: 1, open: 2, overdue: 1 },
      participants: { daily_activities: 7, management: "<5" },
      material: { meetings: 2 },
    });
    expect((body.meetings as { byMonth: Record<string, unknown> }).byMonth["2026-03"]).toEqual({ held: 2, planned: 0, cancelled: 0, postponed: 0 });
    expect(body.summary).toEqual(
      expect.arrayContaining([
        "Under 2026 genomfördes 3 dialogmöten. De nådde 2 kommuner direkt och ytterligare 2 via samordningsförbund och andra forum.",
        "Av årets övriga möten var 1 inställt, 1 flyttat och 2 planerade.",
        "Av de 3 kommuner vars samverkan behövde stärkas har 2 nåtts, och av de 2 med otillfredsställande tillgång till insatser 1.",
        "Dialogmaterialet användes i 2 av 3 genomförda möten.",
        "1 uppföljningsåtgärd är klar och 2 är öppna, varav 1 är försenad.",
      ]),
    );
  });

  it("the CSV holds the dialogue figures, people under the threshold as <5", async () => {
    const csv = await callRoute(csvLoader, { as: ["manager"], url: "/rapport/2026.csv", params: { year: "2026" } });
    const rows = Papa.parse<string[]>((csv.data as string).trim(), { delimiter: ";" }).data;
    const value = (section: string, measure: string, group: string) => rows.find((r) => r[0] === section && r[1] === measure && r[2] === group)?.[3];
    expect(value("Dialogmöten", "Genomförda möten", "Totalt")).toBe("3");
    expect(value("Dialogmöten", "Planerade möten", "Totalt")).toBe("2");
    expect(value("Dialogmöten", "Inställda möten", "Totalt")).toBe("1");
    expect(value("Dialogmöten", "Genomförda möten", "Styrgrupp")).toBe("1");
    expect(value("Dialogmöten per månad", "Genomförda möten", "2026-03")).toBe("2");
    expect(value("Räckvidd", "Samverkan behöver stärkas: nådda", "Testrunda 2026")).toBe("2");
    expect(value("Räckvidd", "Samverkan behöver stärkas: inte nådd", "Österåker (0117)")).toBe("ej nådd");
    expect(value("Dialogmaterial", "Möten där avsnittet användes", sections[0]!.title)).toBe("2");
    expect(value("Uppföljningsåtgärder", "Försenade", "Totalt")).toBe("1");
    expect(value("Deltagare från kommunerna", "Personer i genomförda möten", "Ledning")).toBe("<5");
    expect(value("Deltagare från kommunerna", "Personer i genomförda möten", "Daglig verksamhet")).toBe("7");
  });

  it("the Word file has the dialogue tables with the same figures and the meetings chart", async () => {
    const response = (await docxLoader({
      request: await signedInRequest("http://localhost/rapport/2026.docx", ["manager"]),
      params: { year: "2026" },
      context: { cspNonce: "test", requestId: "test" },
    })) as Response;
    const files = unzipSync(new Uint8Array(await response.arrayBuffer()));
    const xml = strFromU8(files["word/document.xml"]!);
    const paragraphs = xml
      .split("</w:p>")
      .map((p) => [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join("").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&"))
      .filter(Boolean);
    // The cells after a row's label (its first occurrence, or the last one: the category names head the round tables too).
    const after = (label: string, n = 1, last = false) => {
      const at = last ? paragraphs.lastIndexOf(label) : paragraphs.indexOf(label);
      expect(at, label).toBeGreaterThan(-1);
      return paragraphs.slice(at + 1, at + 1 + n);
    };
    expect(after("Genomförda totalt")).toEqual(["3"]);
    expect(after("Planerade (ännu inte genomförda)")).toEqual(["2"]);
    expect(after("Inställda")).toEqual(["1"]);
    expect(after("Enbart via samordningsförbund och andra forum")).toEqual(["2"]);
    expect(after("Samverkan behöver stärkas", 4, true)).toEqual(["3", "2", "1", "1"]);
    expect(after("mars 2026", 4)).toEqual(["2", "0", "0", "0"]);
    expect(after("varav försenade")).toEqual(["1"]);
    expect(after("Ledning")).toEqual(["<5"]);
    expect(paragraphs).toContain("Samverkan behöver stärkas, inte nådda 2026: Österåker.");
    expect(paragraphs).toContain("Av de 3 kommuner vars samverkan behövde stärkas har 2 nåtts, och av de 2 med otillfredsställande tillgång till insatser 1.");
    expect(Object.keys(files).some((f) => f.startsWith("word/media/"))).toBe(true);
  });

  it("a year with no meetings says so instead of showing a table of zeros as news", async () => {
    const api = await callRoute(apiLoader, { as: ["manager"], url: "/api/v1/report?year=2025" });
    const body = api.data as { meetings: { held: number }; summary: string[] };
    // 2025 has one held meeting (31 December), with C and E.
    expect(body.meetings.held).toBe(1);
    expect(body.summary).toContain("Under 2025 genomfördes 1 dialogmöte. De nådde 2 kommuner direkt och ytterligare 0 via samordningsförbund och andra forum.");
  });
});

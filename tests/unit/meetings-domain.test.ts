import { describe, expect, it } from "vitest";
import { monthGrid, gridRange, shiftMonth, monthLabel } from "../../app/domain/calendar-grid";
import { dialogueFromContacts } from "../../app/domain/dialogue-status";
import { materialUse } from "../../app/domain/material-use";
import {
  cancelSchema,
  confirmRemovalSchema,
  deleteMeetingProblem,
  followUpDraft,
  followUpDrafts,
  followUpSchema,
  meetingSchema,
  postponeSchema,
  recordSchema,
  transitionProblem,
  isOverdue,
} from "../../app/domain/meeting";
import { formatFromText, MEETING_FORMAT_LABELS, MUNICIPAL_FUNCTION_LABELS, MEETING_STATUS_LABELS } from "../../app/domain/meeting-vocabulary";
import { findPersonalNumbers, personalNumberProblem } from "../../app/domain/personal-number";
import { deleteForumProblem } from "../../app/domain/forum";
import { deleteMaterialProblem } from "../../app/domain/material";

const lookups = { municipalityCodes: new Set(["0114", "1480"]), forumIds: new Set([7]), userIds: new Set([1, 2]) };
const booking = (over: Record<string, unknown> = {}) => ({
  date: "2026-03-29",
  start: "09:00",
  end: "10:30",
  municipalities: ["0114"],
  format: "dialogue",
  place: "",
  agenda: "",
  ...over,
});
const messages = (r: { success: boolean; error?: { issues: { message: string; path: (string | number)[] }[] } }) =>
  r.success ? [] : r.error!.issues.map((i) => `${i.path.join(".")}: ${i.message}`);

describe("personal identity numbers in free text", () => {
  it("finds a personnummer with or without separator, 10 or 12 digits, and a samordningsnummer", () => {
    expect(findPersonalNumbers("Gäller 19900101-0017 och 900101-0017")).toEqual(["19900101-0017", "900101-0017"]);
    expect(findPersonalNumbers("nr 199001010017.")).toEqual(["199001010017"]);
    expect(findPersonalNumbers("nr 9001010017")).toEqual(["9001010017"]);
    expect(findPersonalNumbers("samordningsnummer 701063-2391")).toEqual(["701063-2391"]);
  });

  it("leaves phone numbers, dates and counts that do not validate alone", () => {
    expect(findPersonalNumbers("Ring 0701234567 eller 08-123 456 78, möte 2026-03-29 kl 09:00, 12 deltagare")).toEqual([]);
    expect(findPersonalNumbers("19900101-0018")).toEqual([]);
  });

  it("names the digits it refused, in Swedish", () => {
    const message = personalNumberProblem("Klient 900101-0017 behöver stöd")!;
    expect(message).toContain('"900101-0017"');
    expect(message).toContain("enskilda personer");
    expect(personalNumberProblem("Inget känsligt här")).toBeNull();
  });
});

describe("booking a meeting", () => {
  it("accepts a meeting with a municipality, times and a format", () => {
    const r = meetingSchema(lookups).safeParse(booking({ functions: { daily_activities: "2" }, participants: ["1"] }));
    expect(messages(r)).toEqual([]);
  });

  it("refuses an end before the start", () => {
    expect(messages(meetingSchema().safeParse(booking({ start: "10:00", end: "09:30" })))).toEqual([
      "end: Sluttiden måste vara efter starttiden.",
    ]);
  });

  it("refuses a meeting with neither municipality nor forum", () => {
    expect(messages(meetingSchema().safeParse(booking({ municipalities: [] })))).toEqual([
      "municipalities: Välj minst en kommun eller ett forum.",
    ]);
  });

  it("accepts a forum meeting without municipalities", () => {
    expect(messages(meetingSchema(lookups).safeParse(booking({ municipalities: [], forumId: "7" })))).toEqual([]);
  });

  it("names an unknown municipality, an unknown forum and a personnummer in the agenda", () => {
    const r = meetingSchema(lookups).safeParse(booking({ municipalities: ["9999"], forumId: "8", agenda: "Om 19900101-0017" }));
    const all = messages(r).join("\n");
    expect(all).toContain('Det finns ingen kommun med kommunkoden "9999"');
    expect(all).toContain("forumId: Forumet finns inte.");
    expect(all).toContain('agenda: Texten innehåller något som ser ut som ett personnummer ("19900101-0017")');
  });

  it("wants a video link to be an https address", () => {
    expect(messages(meetingSchema().safeParse(booking({ videoLink: "http://example.se/m" })))).toEqual([
      "videoLink: Länken ska börja med https://.",
    ]);
  });
});

describe("recording a meeting as held", () => {
  const recLookups = { sectionIds: new Set([1, 2]), userIds: new Set([5]), municipalityCodes: new Set(["0114"]) };
  it("keeps two follow-up actions and drops blank rows", () => {
    const r = recordSchema(recLookups).safeParse({
      materialUsed: "yes",
      sectionIds: ["1", "2"],
      outcome: "Överens om nästa steg",
      actions: [
        { what: "Skicka material", assignee: "user:5", due: "2026-04-15", municipality: "0114" },
        { what: "Bjud in LSS", assignee: "function:social_services_lss", due: "2026-05-01", municipality: "" },
        { what: "", assignee: "", due: "", municipality: "" },
      ],
    });
    expect(messages(r)).toEqual([]);
    const drafts = followUpDrafts(r.data!);
    expect(drafts).toHaveLength(2);
    expect(drafts[1]).toMatchObject({ assigneeFunction: "social_services_lss", assigneeUserId: null, municipalityCode: null });
  });

  it("refuses a follow-up without a due date, and sections when the material was not used", () => {
    const r = recordSchema(recLookups).safeParse({
      materialUsed: "no",
      sectionIds: ["1"],
      actions: [{ what: "Ring tillbaka", assignee: "user:5", due: "" }],
    });
    expect(messages(r)).toEqual([
      "sectionIds: Avsnitt kan bara anges när dialogmaterialet användes.",
      "actions.0.due: Ange när uppföljningen ska vara klar.",
    ]);
  });

  it("refuses a personnummer in the notes", () => {
    const r = recordSchema(recLookups).safeParse({ materialUsed: "no", notes: "Gäller 9001010017" });
    expect(messages(r)[0]).toMatch(/^notes: Texten innehåller/);
  });

  it("allows an outcome only on a held meeting: a cancelled one cannot be recorded", () => {
    expect(transitionProblem({ status: "cancelled", date: "2026-01-01" }, "record", "2026-02-01")).toMatch(/inställt möte/);
    expect(transitionProblem({ status: "planned", date: "2026-03-01" }, "record", "2026-02-01")).toMatch(/först på mötesdagen/);
    expect(transitionProblem({ status: "planned", date: "2026-02-01" }, "record", "2026-02-01")).toBeNull();
    expect(transitionProblem({ status: "held", date: "2026-02-01" }, "record", "2026-02-05")).toBeNull();
    expect(transitionProblem({ status: "held", date: "2026-02-01" }, "cancel", "2026-02-05")).toMatch(/redan genomfört/);
    expect(messages(cancelSchema.safeParse({ outcome: "Bra möte" }))[0]).toMatch(/inställt möte kan inte ha något utfall/);
  });

  it("a postponed meeting needs a new date that differs and has not passed", () => {
    const schema = postponeSchema({ date: "2026-03-10" }, "2026-03-01");
    expect(messages(schema.safeParse({}))).toEqual(["newDate: Ange ett datum."]);
    expect(messages(schema.safeParse({ newDate: "2026-03-10" }))).toEqual(["newDate: Det nya datumet är samma som det gamla."]);
    expect(messages(schema.safeParse({ newDate: "2026-02-10" }))).toEqual(["newDate: Det nya datumet har redan passerat."]);
    expect(messages(schema.safeParse({ newDate: "2026-03-17" }))).toEqual([]);
  });

  it("an open follow-up past its due date is overdue, a done one never", () => {
    expect(isOverdue({ status: "open", dueDate: "2026-01-31" }, "2026-02-01")).toBe(true);
    expect(isOverdue({ status: "open", dueDate: "2026-02-01" }, "2026-02-01")).toBe(false);
    expect(isOverdue({ status: "done", dueDate: "2025-01-01" }, "2026-02-01")).toBe(false);
  });
});

describe("vocabularies", () => {
  it("has a Swedish label for every format, function and status, and finds formats by label", () => {
    expect(MEETING_FORMAT_LABELS.caseworker_contact).toBe("Kontakt på handläggarnivå");
    expect(MUNICIPAL_FUNCTION_LABELS.social_services_lss).toBe("Socialtjänst/LSS");
    expect(MEETING_STATUS_LABELS).toEqual({ planned: "Planerat", held: "Genomfört", cancelled: "Inställt", postponed: "Flyttat" });
    expect(formatFromText("dialogmöte")).toBe("dialogue");
    expect(formatFromText(" Styrgrupp ")).toBe("steering_group");
    expect(formatFromText("fika")).toBeNull();
  });
});

describe("the month calendar", () => {
  it("starts weeks on Monday with Swedish (ISO) week numbers", () => {
    const grid = monthGrid("2026-03", "2026-03-29");
    expect(grid[0]!.days[0]!.date).toBe("2026-02-23");
    expect(grid[0]!.week).toBe(9);
    expect(grid.at(-1)!.days.at(-1)!.date).toBe("2026-04-05");
    expect(grid.flatMap((w) => w.days).filter((d) => d.inMonth)).toHaveLength(31);
    expect(grid.flatMap((w) => w.days).find((d) => d.isToday)!.date).toBe("2026-03-29");
    expect(gridRange("2026-03")).toEqual({ from: "2026-02-23", to: "2026-04-05" });
  });

  it("numbers the turn of the year as ISO does (1 January 2027 is in week 53)", () => {
    const grid = monthGrid("2027-01", "2027-01-01");
    expect(grid[0]!.week).toBe(53);
    expect(grid[1]!.week).toBe(1);
    expect(shiftMonth("2026-12", 1)).toBe("2027-01");
    expect(shiftMonth("2026-01", -1)).toBe("2025-12");
    expect(monthLabel("2026-03")).toBe("mars 2026");
  });
});

describe("dialogue status from real meetings", () => {
  it("tells a direct meeting from one through a forum, and ignores unrecorded past plans", () => {
    const all = dialogueFromContacts(
      ["0114", "1480", "0180", "2584"],
      [
        { municipalityCode: "0114", date: "2026-02-01", status: "held", via: "forum" },
        { municipalityCode: "0114", date: "2026-02-01", status: "held", via: "direct" },
        { municipalityCode: "1480", date: "2026-01-10", status: "held", via: "forum" },
        { municipalityCode: "1480", date: "2026-05-10", status: "planned", via: "direct" },
        { municipalityCode: "0180", date: "2026-02-20", status: "planned", via: "direct" },
        { municipalityCode: "2584", date: "2025-11-01", status: "held", via: "direct" },
      ],
      "2026-03-01",
    );
    expect(all["0114"]).toMatchObject({ status: "met_this_year", lastVia: "direct" });
    expect(all["1480"]).toMatchObject({ status: "met_this_year", lastVia: "forum", nextMeeting: "2026-05-10", nextVia: "direct" });
    expect(all["0180"]).toMatchObject({ status: "no_contact", lastMeeting: null, nextMeeting: null });
    expect(all["2584"]).toMatchObject({ status: "no_contact", lastMeeting: "2025-11-01" });
  });
});

describe("material use", () => {
  it("counts meetings and municipalities per version and section, direct and through forums, and this year's reach", () => {
    const result = materialUse(
      [{ id: 1, name: "Dialogmaterial", version: 1, sections: [{ id: 10, title: "A" }, { id: 11, title: "B" }] }],
      [
        { id: 1, date: "2026-02-01", materialId: 1, materialUsed: true, sectionIds: [10], municipalityCodes: ["0114"], forumMemberCodes: [] },
        { id: 2, date: "2026-02-05", materialId: 1, materialUsed: true, sectionIds: [10, 11], municipalityCodes: [], forumMemberCodes: ["0114", "0180"] },
        { id: 3, date: "2025-05-05", materialId: null, materialUsed: false, sectionIds: [], municipalityCodes: ["1480"], forumMemberCodes: [] },
      ],
      {
        countyOf: new Map([["0114", "01"], ["0180", "01"], ["1480", "14"]]),
        counties: [{ code: "01", name: "Stockholms län" }, { code: "14", name: "Västra Götalands län" }],
        needsStrengthening: ["0114", "1480"],
        accessGap: ["0180"],
        year: "2026",
      },
    );
    expect(result.perVersion[0]!.total).toEqual({ meetings: 2, municipalities: 2, direct: 1, viaForum: 1 });
    expect(result.perVersion[0]!.sections.map((s) => [s.title, s.meetings, s.municipalities])).toEqual([["A", 2, 2], ["B", 1, 2]]);
    expect(result.perCounty).toEqual([{ code: "01", name: "Stockholms län", meetings: 2, direct: 1, viaForum: 1 }]);
    expect(result.reachedThisYear.needsStrengthening).toEqual({ total: 2, reached: 1, direct: 1, viaForum: 0 });
    expect(result.reachedThisYear.accessGap).toEqual({ total: 1, reached: 1, direct: 0, viaForum: 1 });
  });
});

describe("removing what was added by mistake, and editing a follow-up", () => {
  it("only a planned or cancelled meeting without follow-ups may be removed; a held or postponed one says why not", () => {
    expect(deleteMeetingProblem({ status: "planned" }, 0)).toBeNull();
    expect(deleteMeetingProblem({ status: "cancelled" }, 0)).toBeNull();
    expect(deleteMeetingProblem({ status: "held" }, 0)).toMatch(/^Ett genomfört möte kan inte tas bort/);
    expect(deleteMeetingProblem({ status: "postponed" }, 0)).toMatch(/^Ett flyttat möte finns kvar i historiken/);
    expect(deleteMeetingProblem({ status: "planned" }, 1)).toBe("Mötet har en uppföljning och kan inte tas bort.");
    expect(deleteMeetingProblem({ status: "planned" }, 3)).toBe("Mötet har 3 uppföljningar och kan inte tas bort.");
  });

  it("a forum or material version in use is refused with a Swedish reason naming the count", () => {
    expect(deleteForumProblem(0)).toBeNull();
    expect(deleteForumProblem(1)).toMatch(/^Forumet har ett möte och kan inte tas bort/);
    expect(deleteForumProblem(12)).toMatch(/^Forumet har 12 möten/);
    expect(deleteMaterialProblem({ name: "Dialogmaterial", version: 2 }, 0)).toBeNull();
    expect(deleteMaterialProblem({ name: "Dialogmaterial", version: 2 }, 5)).toBe("Dialogmaterial, version 2, används i 5 möten och kan inte tas bort.");
  });

  it("the removal needs its box ticked", () => {
    const schema = confirmRemovalSchema("Kryssa i rutan.");
    expect(schema.safeParse({ confirm: "yes" }).success).toBe(true);
    expect(messages(schema.safeParse({}))).toEqual(["confirm: Kryssa i rutan."]);
    expect(messages(schema.safeParse({ confirm: "no" }))).toEqual(["confirm: Kryssa i rutan."]);
  });

  it("a follow-up edit needs what, a real owner, a real due date and a municipality from the meeting", () => {
    const lookups = { userIds: new Set([1]), municipalityCodes: new Set(["0114"]) };
    const good = { what: "Skicka katalogen", assignee: "user:1", due: "2027-01-31", municipality: "0114" };
    const parsed = followUpSchema(lookups).safeParse(good);
    expect(parsed.success).toBe(true);
    expect(followUpDraft(parsed.data!)).toEqual({ what: "Skicka katalogen", assigneeUserId: 1, assigneeFunction: null, dueDate: "2027-01-31", municipalityCode: "0114" });
    expect(followUpDraft(followUpSchema(lookups).parse({ ...good, assignee: "function:management", municipality: "" }))).toMatchObject({
      assigneeUserId: null,
      assigneeFunction: "management",
      municipalityCode: null,
    });
    expect(messages(followUpSchema(lookups).safeParse({ ...good, due: "2027-02-30" }))).toEqual(["due: Ange ett datum som finns, skrivet ÅÅÅÅ-MM-DD."]);
    expect(messages(followUpSchema(lookups).safeParse({ ...good, assignee: "user:2" }))).toEqual(["assignee: Personen finns inte."]);
    expect(messages(followUpSchema(lookups).safeParse({ ...good, assignee: "function:okänd" }))).toEqual([
      "assignee: Ange vem som ansvarar: en person eller en kommunal funktion.",
    ]);
    expect(messages(followUpSchema(lookups).safeParse({ ...good, municipality: "1480" }))).toEqual([
      "municipality: Kommunen deltog inte i mötet (direkt eller via forumet).",
    ]);
    expect(messages(followUpSchema(lookups).safeParse({ ...good, what: "Ring 900101-0017" }))[0]).toMatch(/^what: .*personnummer/);
  });
});

import { describe, expect, it } from "vitest";
import { priorityList, type PriorityInput } from "../../app/domain/priority";

const base = (code: string, over: Partial<PriorityInput> = {}): PriorityInput => ({
  code,
  name: `Kommun ${code}`,
  countyCode: "01",
  category: "needs_strengthening",
  previousCategory: null,
  overdueActions: 0,
  lastMeeting: "2025-06-01",
  nextMeeting: null,
  ...over,
});
const context = { roundName: "Uppföljning våren 2026", previousRoundName: "Kartläggning februari 2025", today: "2026-03-01" };

describe("the priority list", () => {
  it("lists only municipalities with a need: collaboration to strengthen first, then poor access", () => {
    const list = priorityList(
      [
        base("0001", { category: "access_gap", lastMeeting: null }),
        base("0002", { category: "good" }),
        base("0003", { category: "unrated" }),
        base("0004"),
      ],
      context,
    );
    expect(list.map((e) => e.code)).toEqual(["0004", "0001"]);
  });

  it("within a group: overdue actions, then worsened, then no dialogue yet, then the longest since the last dialogue", () => {
    const list = priorityList(
      [
        base("0010", { lastMeeting: "2025-09-01" }),
        base("0011", { lastMeeting: null }),
        base("0012", { lastMeeting: "2025-03-01" }),
        base("0013", { previousCategory: "good", lastMeeting: "2026-02-01" }),
        base("0014", { overdueActions: 2, lastMeeting: "2026-02-20" }),
        base("0015", { category: "access_gap", overdueActions: 1 }),
        base("0016", { category: "access_gap", previousCategory: "good" }),
        base("0017", { category: "access_gap", lastMeeting: null }),
      ],
      context,
    );
    expect(list.map((e) => e.code)).toEqual(["0014", "0013", "0011", "0012", "0010", "0015", "0016", "0017"]);
    expect(list.map((e) => e.tier)).toEqual([0, 1, 2, 3, 3, 0, 1, 2]);
  });

  it("says why each stands where it does, in Swedish", () => {
    const [overdue, worsened, never] = priorityList(
      [
        base("0020", { overdueActions: 1, lastMeeting: "2026-02-27", nextMeeting: "2026-04-07" }),
        base("0021", { previousCategory: "access_gap" }),
        base("0022", { lastMeeting: null }),
      ],
      context,
    );
    expect(overdue!.reasons).toEqual([
      "Samverkan behöver stärkas enligt Uppföljning våren 2026.",
      "1 uppföljning har passerat sitt slutdatum.",
      "Senaste dialogen 27 februari 2026 (2 dagar sedan).",
      "Nästa möte är planerat 7 april 2026.",
    ]);
    expect(worsened!.reasons).toContain(
      "Sämre än i Kartläggning februari 2025 (då: bra samverkan men otillfredsställande tillgång till insatser).",
    );
    expect(never!.reasons).toContain("Ingen dialog ännu.");
  });

  it("a municipality met today moves below those met longer ago", () => {
    const before = priorityList([base("0030", { lastMeeting: null }), base("0031", { lastMeeting: "2025-05-01" })], context);
    expect(before.map((e) => e.code)).toEqual(["0030", "0031"]);
    const after = priorityList([base("0030", { lastMeeting: "2026-03-01" }), base("0031", { lastMeeting: "2025-05-01" })], context);
    expect(after.map((e) => e.code)).toEqual(["0031", "0030"]);
    expect(after[1]!.reasons).toContain("Senaste dialogen 1 mars 2026 (i dag).");
  });

  it("an improvement or no previous round is not 'worsened'", () => {
    const list = priorityList([base("0040", { category: "access_gap", previousCategory: "needs_strengthening" })], {
      ...context,
    });
    expect(list[0]!.worsened).toBe(false);
    expect(priorityList([base("0041")], { ...context, previousRoundName: null })[0]!.worsened).toBe(false);
  });
});

import { describe, expect, it } from "vitest";
import { dialogueSummaries, dialogueSummary } from "../../app/domain/dialogue-status";

describe("dialogue status on the map", () => {
  it("without recorded meetings every municipality is 'no contact yet'", () => {
    const all = dialogueSummaries(["0114", "1480"], [], "2025-06-01");
    expect(Object.values(all).map((s) => s.status)).toEqual(["no_contact", "no_contact"]);
  });

  it("a meeting earlier this year counts as met, even with another one planned", () => {
    expect(dialogueSummary(["2025-03-10", "2025-09-01"], "2025-06-01")).toEqual({
      status: "met_this_year",
      lastMeeting: "2025-03-10",
      nextMeeting: "2025-09-01",
    });
  });

  it("a meeting last year and one planned shows as planned", () => {
    expect(dialogueSummary(["2024-11-20", "2025-08-15"], "2025-06-01").status).toBe("planned");
    expect(dialogueSummary(["2024-11-20"], "2025-06-01").status).toBe("no_contact");
  });

  it("meetings are matched to their own municipality", () => {
    const all = dialogueSummaries(["0114", "1480"], [{ municipalityCode: "1480", date: "2025-01-15" }], "2025-06-01");
    expect(all["0114"]!.status).toBe("no_contact");
    expect(all["1480"]!.status).toBe("met_this_year");
  });
});

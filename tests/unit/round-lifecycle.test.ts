import { describe, expect, it } from "vitest";
import { checkRoundTransition, monthBounds, NewRoundSchema, periodFromMonths, reopenReasonField } from "../../app/domain/round";
import { previousRound } from "../../app/domain/rating-change";

const planned = { id: 3, name: "Kartläggning 2027", status: "planned" as const };
const open = { id: 2, name: "Uppföljning våren 2026", status: "open" as const };
const closed = { id: 1, name: "Kartläggning februari 2025", status: "closed" as const };

describe("a round's lifecycle", () => {
  it("opens a planned round when no other round is open", () => {
    expect(checkRoundTransition(planned, "open", null)).toEqual({ ok: true, to: "open" });
  });

  it("refuses to open a second round while one is open, naming the open one", () => {
    const result = checkRoundTransition(planned, "open", open);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toContain("Uppföljning våren 2026 är redan öppen");
  });

  it("closes only an open round", () => {
    expect(checkRoundTransition(open, "close", open)).toEqual({ ok: true, to: "closed" });
    expect(checkRoundTransition(planned, "close", null).ok).toBe(false);
    expect(checkRoundTransition(closed, "close", null).ok).toBe(false);
  });

  it("reopens only a closed round, and only when no other round is open", () => {
    expect(checkRoundTransition(closed, "reopen", null)).toEqual({ ok: true, to: "open" });
    expect(checkRoundTransition(closed, "reopen", open).ok).toBe(false);
    expect(checkRoundTransition(open, "reopen", open).ok).toBe(false);
  });

  it("does not open a closed round through the plain open action (reopening needs a reason)", () => {
    const result = checkRoundTransition(closed, "open", null);
    expect(!result.ok && result.message).toMatch(/administratör/);
  });

  it("requires a reason of some substance to reopen", () => {
    expect(reopenReasonField.safeParse("").success).toBe(false);
    expect(reopenReasonField.safeParse("   ok ").success).toBe(false);
    expect(reopenReasonField.safeParse("Stockholm glömde två kommuner").success).toBe(true);
  });
});

describe("a round's period", () => {
  it("turns months into first and last days, leap years included", () => {
    expect(monthBounds("2028-02")).toEqual({ first: "2028-02-01", last: "2028-02-29" });
    expect(monthBounds("2027-02").last).toBe("2027-02-28");
    expect(periodFromMonths("2026-03", "2026-05")).toEqual({ periodStart: "2026-03-01", periodEnd: "2026-05-31" });
    expect(periodFromMonths("2027-02")).toEqual({ periodStart: "2027-02-01", periodEnd: "2027-02-28" });
  });

  it("explains a bad new round in Swedish", () => {
    const bad = NewRoundSchema.safeParse({ name: "  ", periodStart: "2027-13", periodEnd: "2026-01", dueDate: "2027-02-30" });
    expect(bad.success).toBe(false);
    const messages = bad.success ? [] : bad.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    expect(messages).toContain("name: Ange ett namn på kartläggningen.");
    expect(messages.some((m) => m.startsWith("periodStart: Ange månaden som ÅÅÅÅ-MM"))).toBe(true);
    expect(messages.some((m) => m.startsWith("dueDate: Ange ett datum som finns"))).toBe(true);
  });

  it("refuses a period that ends before it starts and a due date before the period", () => {
    const r = NewRoundSchema.safeParse({ name: "K 2027", periodStart: "2027-03", periodEnd: "2027-02", dueDate: "2027-01-15" });
    expect(r.success).toBe(false);
    const paths = r.success ? [] : r.error.issues.map((i) => i.path[0]);
    expect(paths).toEqual(expect.arrayContaining(["periodEnd", "dueDate"]));
  });
});

describe("pre-filling from the previous round", () => {
  it("takes the round just before by period, not the one created last", () => {
    const rounds = [
      { id: 1, name: "2025", periodStart: "2025-02-01" },
      { id: 5, name: "Inlagd i efterhand: 2024", periodStart: "2024-02-01" },
      { id: 2, name: "2026", periodStart: "2026-03-01" },
    ];
    expect(previousRound(rounds, { id: 9, name: "2027", periodStart: "2027-02-01" })?.id).toBe(2);
    expect(previousRound(rounds, { id: 1, name: "2025", periodStart: "2025-02-01" })?.id).toBe(5);
    expect(previousRound(rounds, { id: 5, name: "2024", periodStart: "2024-02-01" })).toBeNull();
  });
});

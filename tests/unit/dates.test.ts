import { describe, expect, it } from "vitest";
import { formatDateSv, formatDateTimeSv, formatPeriodSv } from "../../app/domain/dates";

describe("Swedish dates", () => {
  it("writes dates the Swedish way", () => {
    expect(formatDateSv("2025-02-03")).toBe("3 februari 2025");
  });
  it("writes a whole-month period as the month", () => {
    expect(formatPeriodSv("2025-02-01", "2025-02-28")).toBe("februari 2025");
  });
  it("writes other periods as a range", () => {
    expect(formatPeriodSv("2026-03-15", "2026-05-31")).toBe("15 mars 2026 – 31 maj 2026");
  });
  it("shows times in Swedish time", () => {
    expect(formatDateTimeSv("2025-06-01T10:05:00Z")).toBe("1 juni 2025 12:05");
  });
});

import { describe, expect, it } from "vitest";
import { accountRetryAfterSeconds, FREE_FAILURES, MAX_DELAY_SECONDS, nextFailureCount } from "../../app/domain/login-throttle";

const now = new Date("2025-03-01T10:00:00Z");
const ago = (seconds: number) => new Date(now.getTime() - seconds * 1000).toISOString();

describe("per-account slowdown", () => {
  it("lets the first few mistakes pass without waiting", () => {
    expect(accountRetryAfterSeconds(undefined, now)).toBe(0);
    expect(accountRetryAfterSeconds({ count: FREE_FAILURES - 1, lastFailureAt: ago(0) }, now)).toBe(0);
  });

  it("makes each further try wait twice as long", () => {
    expect(accountRetryAfterSeconds({ count: FREE_FAILURES, lastFailureAt: ago(0) }, now)).toBe(1);
    expect(accountRetryAfterSeconds({ count: FREE_FAILURES + 3, lastFailureAt: ago(0) }, now)).toBe(8);
    expect(accountRetryAfterSeconds({ count: FREE_FAILURES + 3, lastFailureAt: ago(5) }, now)).toBe(3);
  });

  it("never makes the real user wait more than five minutes", () => {
    expect(accountRetryAfterSeconds({ count: 1000, lastFailureAt: ago(0) }, now)).toBe(MAX_DELAY_SECONDS);
    expect(accountRetryAfterSeconds({ count: 1000, lastFailureAt: ago(MAX_DELAY_SECONDS) }, now)).toBe(0);
  });

  it("forgets failures after an hour without any", () => {
    expect(accountRetryAfterSeconds({ count: 50, lastFailureAt: ago(3600) }, now)).toBe(0);
    expect(nextFailureCount({ count: 50, lastFailureAt: ago(3600) }, now)).toBe(1);
    expect(nextFailureCount({ count: 50, lastFailureAt: ago(10) }, now)).toBe(51);
    expect(nextFailureCount(undefined, now)).toBe(1);
  });
});

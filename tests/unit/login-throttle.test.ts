import { describe, expect, it } from "vitest";
import { accountRetryAfterSeconds, FREE_FAILURES, loginRetryAfterSeconds, MAX_DELAY_SECONDS, nextFailureCount } from "../../app/domain/login-throttle";

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

describe("the lockout decision: a browser that signed in to the account before", () => {
  const strangers = { count: 40, lastFailureAt: ago(1) };

  it("is not held up by the account's failures, which strangers can run up", () => {
    expect(loginRetryAfterSeconds({ account: strangers, knownBrowser: null }, now)).toBe(MAX_DELAY_SECONDS - 1);
    expect(loginRetryAfterSeconds({ account: strangers, knownBrowser: { failures: undefined } }, now)).toBe(0);
  });

  it("waits for its own failures, counted the same way", () => {
    const own = { count: FREE_FAILURES + 2, lastFailureAt: ago(0) };
    expect(loginRetryAfterSeconds({ account: strangers, knownBrowser: { failures: own } }, now)).toBe(4);
    expect(loginRetryAfterSeconds({ account: undefined, knownBrowser: { failures: own } }, now)).toBe(4);
  });
});

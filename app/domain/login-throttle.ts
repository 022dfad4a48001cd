/**
 * Per-account slowdown after failed sign-ins. The first few failures cost nothing; after that each
 * further try must wait twice as long as the last, capped at a few minutes, and an hour without failures
 * forgets them. So a guesser is slowed to a crawl, yet the real user is never locked out for good.
 */
export const FREE_FAILURES = 5;
export const MAX_DELAY_SECONDS = 5 * 60;
export const FORGET_AFTER_SECONDS = 60 * 60;

export type FailureRecord = { count: number; lastFailureAt: string };

/** Seconds the account must wait before the next try (0 = may try now). */
export function accountRetryAfterSeconds(record: FailureRecord | undefined, now: Date): number {
  if (!record) return 0;
  const elapsed = (now.getTime() - Date.parse(record.lastFailureAt)) / 1000;
  if (elapsed >= FORGET_AFTER_SECONDS) return 0;
  if (record.count < FREE_FAILURES) return 0;
  const delay = Math.min(2 ** (record.count - FREE_FAILURES), MAX_DELAY_SECONDS);
  return Math.max(0, Math.ceil(delay - elapsed));
}

/** The count after one more failure (a failure after a long quiet period starts again from one). */
export function nextFailureCount(record: FailureRecord | undefined, now: Date): number {
  if (!record) return 1;
  const elapsed = (now.getTime() - Date.parse(record.lastFailureAt)) / 1000;
  return elapsed >= FORGET_AFTER_SECONDS ? 1 : record.count + 1;
}

/**
 * Issue 8, finding 5: anyone who knows an address could keep its owner out by failing once per
 * delay. So the per-account delay does not apply to a browser that has signed in to that very account
 * before (it shows a signed cookie bound to the account): such a browser waits only for its own
 * failures, counted the same way. Everyone else waits for the account's failures.
 */
export function loginRetryAfterSeconds(
  input: { account: FailureRecord | undefined; knownBrowser: { failures: FailureRecord | undefined } | null },
  now: Date,
): number {
  return input.knownBrowser ? accountRetryAfterSeconds(input.knownBrowser.failures, now) : accountRetryAfterSeconds(input.account, now);
}

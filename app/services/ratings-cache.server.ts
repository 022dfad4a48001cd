/**
 * Ratings are read on every map and API request and change rarely: what depends only on a round's
 * ratings is kept per process and reused while the database says nothing it depends on changed.
 *
 * The rule (one place): reuse while `databaseChangeMark()` is unchanged (nothing committed anywhere;
 * no table read); when it moved (a session touched, another process wrote), recompute the value's
 * fingerprint (a few cheap aggregates) and reuse while that is unchanged; rebuild otherwise, and at
 * least every MAX_AGE_MS, for what no fingerprint covers (a register correction by `npm run db:seed`
 * into a running server's database).
 */
import { listMunicipalityRatings, type MunicipalityRating } from "../models/assessment.server";
import type { DialogueContact } from "../domain/dialogue-status";
import { dialogueContactsFingerprint, listDialogueContacts } from "../models/meeting.server";
import { databaseChangeMark, inReadSnapshot, ratingsFingerprint } from "../models/ratings-version.server";

export const MAX_AGE_MS = 60_000;

type Entry<T> = { mark: string; fingerprint: string; checkedAt: number; value: T };

/** The process's caches, shared by the route bundle and the server's own modules (two module instances). */
const globalForCaches = globalThis as unknown as { __samverkanCaches?: Map<string, Map<string, Entry<unknown>>> };

function store<T>(name: string): Map<string, Entry<T>> {
  const all = (globalForCaches.__samverkanCaches ??= new Map());
  let cache = all.get(name);
  if (!cache) all.set(name, (cache = new Map()));
  return cache as Map<string, Entry<T>>;
}

/** Empties every cache (tests that swap databases). */
export function clearCaches() {
  globalForCaches.__samverkanCaches?.clear();
}

/** Reuses `cache`'s entry for `key` while nothing it depends on changed (see the rule above). */
export function reuseWhileUnchanged<T>(
  name: string,
  key: string,
  fingerprint: () => string,
  build: () => T,
): T {
  const cache = store<T>(name);
  const mark = databaseChangeMark();
  const now = Date.now();
  const entry = cache.get(key);
  const fresh = entry !== undefined && now - entry.checkedAt < MAX_AGE_MS;
  if (fresh && entry.mark === mark) return entry.value;
  return inReadSnapshot(() => {
    const print = fingerprint();
    if (fresh && entry.fingerprint === print) {
      entry.mark = mark;
      return entry.value;
    }
    const value = build();
    cache.set(key, { mark, fingerprint: print, checkedAt: now, value });
    return value;
  });
}

/**
 * listMunicipalityRatings(roundId), shared while the round's ratings are unchanged. The rows are
 * shared between requests: map them into new objects, never change them.
 */
export function cachedMunicipalityRatings(roundId: number | null): readonly Readonly<MunicipalityRating>[] {
  return reuseWhileUnchanged(
    "municipality-ratings",
    String(roundId),
    () => ratingsFingerprint(roundId),
    () => Object.freeze(listMunicipalityRatings(roundId).map((row) => Object.freeze(row))),
  );
}

/**
 * listDialogueContacts(today) (each municipality's last and next meeting, directly and through its
 * forums), shared while no meeting or forum membership changed: the map and the priority list read
 * it on every request, and it is 290 + forums index seeks. Frozen: never change the rows.
 */
export function cachedDialogueContacts(today: string): readonly Readonly<DialogueContact>[] {
  return reuseWhileUnchanged("dialogue-contacts", today, dialogueContactsFingerprint, () =>
    Object.freeze(listDialogueContacts(today).map((c) => Object.freeze(c))),
  );
}

/** Drops one entry (one that must not stay, e.g. an answer for a key the client made up). */
export function forget(name: string, key: string) {
  store(name).delete(key);
}

import { and, desc, eq, ne, sql } from "drizzle-orm";
import { getDb, type Db } from "../../db/client.server";
import { assessments, assessmentHistory, mappingRounds, municipalities, type MappingRound } from "../../db/schema";
import { serializeChannels } from "../domain/channels";
import { EXAMPLE_FOLLOW_UP_ROUND, exampleChannels, exampleFollowUp } from "../domain/example-followup";
import { exampleRatings } from "../domain/example-ratings";
import { previousRound } from "../domain/rating-change";
import { checkRoundTransition, duplicateRoundNameMessage, type RoundAction } from "../domain/round";
import { appendAudit, SYSTEM_ACTOR, type Actor } from "./audit.server";
import { preparedQuery } from "./prepared.server";

export const EXAMPLE_ROUND = {
  name: "Kartläggning februari 2025",
  periodStart: "2025-02-01",
  periodEnd: "2025-02-28",
} as const;

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

/** Newest period first. */
export function listRounds() {
  return getDb()
    .select()
    .from(mappingRounds)
    .orderBy(desc(mappingRounds.periodStart), desc(mappingRounds.id))
    .all();
}

// Every page and save of a round reads it by id: prepared once per connection.
const roundById = preparedQuery(() => getDb().select().from(mappingRounds).where(eq(mappingRounds.id, sql.placeholder("id"))).prepare());

export function getRound(id: number) {
  return roundById().get({ id });
}

export function getOpenRound() {
  return getDb().select().from(mappingRounds).where(eq(mappingRounds.status, "open")).get();
}

/** The open round, read inside a write's transaction. */
function openRoundIn(tx: Tx) {
  return tx.select().from(mappingRounds).where(eq(mappingRounds.status, "open")).get();
}

/** The round shown by default: the newest one that has started (open or closed), else the newest. */
export function getLatestRound() {
  const db = getDb();
  return (
    db
      .select()
      .from(mappingRounds)
      .where(ne(mappingRounds.status, "planned"))
      .orderBy(desc(mappingRounds.periodStart), desc(mappingRounds.id))
      .get() ??
    db.select().from(mappingRounds).orderBy(desc(mappingRounds.periodStart), desc(mappingRounds.id)).get()
  );
}

/**
 * The round a round is compared with and pre-filled from: the started round (open or closed) whose
 * period comes just before, by period rather than by when it was created.
 */
export function getPreviousRound(round: Pick<MappingRound, "id" | "name" | "periodStart">) {
  return previousRound(getDb().select().from(mappingRounds).where(ne(mappingRounds.status, "planned")).all(), round);
}

/** The same, read inside a write's transaction. */
function previousRoundIn(tx: Tx, round: Pick<MappingRound, "id" | "name" | "periodStart">) {
  return previousRound(tx.select().from(mappingRounds).where(ne(mappingRounds.status, "planned")).all(), round);
}

export type CreateRoundResult = { ok: true; round: MappingRound } | { ok: false; field: "name"; message: string };

/** Creates a planned round (audited). A taken name is an answer, not an exception. */
export function createRound(
  input: { name: string; periodStart: string; periodEnd: string; dueDate?: string | null },
  actor: Actor,
): CreateRoundResult {
  return getDb().transaction(
    (tx) => {
      const taken = tx.select({ id: mappingRounds.id }).from(mappingRounds).where(eq(mappingRounds.name, input.name)).get();
      if (taken) return { ok: false as const, field: "name" as const, message: duplicateRoundNameMessage(input.name) };
      const round = tx
        .insert(mappingRounds)
        .values({ ...input, dueDate: input.dueDate ?? null, status: "planned" })
        .returning()
        .get();
      appendAudit(tx, { actor, action: "round.create", entityType: "mapping_round", entityId: round.id, after: round });
      return { ok: true as const, round };
    },
    { behavior: "immediate" },
  );
}

export type TransitionResult =
  | { ok: true; round: MappingRound; prefilled: number; prefilledFrom: { id: number; name: string } | null }
  | { ok: false; status: 404 | 409; message: string };

/**
 * Opens, closes or reopens a round in one audited transaction. Opening with `prefill` copies every
 * assessment of the previous round (by period) as not yet confirmed, for the municipalities that have
 * none in this round yet.
 */
export function transitionRound(
  id: number,
  action: RoundAction,
  options: { actor: Actor; prefill?: boolean; reason?: string },
): TransitionResult {
  return getDb().transaction(
    (tx) => {
      const round = tx.select().from(mappingRounds).where(eq(mappingRounds.id, id)).get();
      if (!round) return { ok: false as const, status: 404 as const, message: "Kartläggningen finns inte." };
      const open = openRoundIn(tx) ?? null;
      const check = checkRoundTransition(round, action, open);
      if (!check.ok) return { ok: false as const, status: 409 as const, message: check.message };
      const now = new Date().toISOString();
      const updated = tx
        .update(mappingRounds)
        .set({
          status: check.to,
          ...(action === "close" ? { closedAt: now } : { openedAt: now }),
          ...(action === "reopen" ? { reopenReason: options.reason ?? "" } : {}),
        })
        .where(eq(mappingRounds.id, id))
        .returning()
        .get();
      let prefilled = 0;
      let prefilledFrom: { id: number; name: string } | null = null;
      if (action === "open" && options.prefill) {
        const source = previousRoundIn(tx, round);
        if (source) {
          prefilled = prefillFrom(tx, source.id, id, now, options.actor);
          prefilledFrom = { id: source.id, name: source.name };
          tx.update(mappingRounds).set({ prefilledFromId: source.id }).where(eq(mappingRounds.id, id)).run();
        }
      }
      appendAudit(tx, {
        actor: options.actor,
        action: action === "open" ? "round.open" : action === "close" ? "round.close" : "round.reopen",
        entityType: "mapping_round",
        entityId: id,
        before: { status: round.status },
        after: {
          status: updated.status,
          ...(action === "open" ? { prefilledFrom, prefilled } : {}),
          ...(action === "reopen" ? { reason: options.reason } : {}),
        },
      });
      return { ok: true as const, round: { ...updated, prefilledFromId: prefilledFrom?.id ?? updated.prefilledFromId }, prefilled, prefilledFrom };
    },
    { behavior: "immediate" },
  );
}

function prefillFrom(tx: Tx, sourceId: number, targetId: number, now: string, actor: Actor): number {
  const source = tx.select().from(assessments).where(eq(assessments.roundId, sourceId)).all();
  const existing = new Set(
    tx.select({ code: assessments.municipalityCode }).from(assessments).where(eq(assessments.roundId, targetId)).all().map((r) => r.code),
  );
  let count = 0;
  for (const a of source) {
    if (existing.has(a.municipalityCode)) continue;
    const row = tx
      .insert(assessments)
      .values({
        roundId: targetId,
        municipalityCode: a.municipalityCode,
        collaboration: a.collaboration,
        interventionAccess: a.interventionAccess,
        channels: a.channels,
        channelOther: a.channelOther,
        comment: "",
        confirmed: false,
        updatedBy: actor.id,
        updatedAt: now,
        version: 1,
      })
      .returning()
      .get();
    insertHistory(tx, row, "prefill");
    count += 1;
  }
  return count;
}

/** Appends the assessment's current state to its history. */
export function insertHistory(tx: Tx, row: typeof assessments.$inferSelect, source: string) {
  tx.insert(assessmentHistory)
    .values({
      assessmentId: row.id,
      roundId: row.roundId,
      municipalityCode: row.municipalityCode,
      collaboration: row.collaboration,
      interventionAccess: row.interventionAccess,
      comment: row.comment,
      channels: row.channels,
      channelOther: row.channelOther,
      confirmed: row.confirmed,
      source,
      version: row.version,
      changedBy: row.updatedBy,
      changedAt: row.updatedAt,
    })
    .run();
}

function seedRound(
  tx: Tx,
  round: { name: string; periodStart: string; periodEnd: string },
  ratings: readonly {
    municipalityCode: string;
    collaboration: "good" | "needs_strengthening";
    interventionAccess: "satisfactory" | "unsatisfactory";
    channels: string;
    channelOther?: string;
    comment?: string;
  }[],
) {
  const created = tx
    .insert(mappingRounds)
    .values({ ...round, status: "closed", example: true, openedAt: `${round.periodStart}T08:00:00.000Z`, closedAt: `${round.periodEnd}T16:00:00.000Z` })
    .returning()
    .get();
  // Dated to the end of the mapped period, when the assessments were made.
  const at = `${round.periodEnd}T12:00:00.000Z`;
  for (const rating of ratings) {
    const row = tx
      .insert(assessments)
      .values({ roundId: created.id, comment: "", channelOther: "", ...rating, updatedAt: at, version: 1, confirmed: true })
      .returning()
      .get();
    insertHistory(tx, row, "seed");
  }
  appendAudit(tx, {
    actor: SYSTEM_ACTOR,
    action: "round.seed_example",
    entityType: "mapping_round",
    entityId: created.id,
    after: { ...created, assessments: ratings.length },
  });
  return created;
}

/**
 * Creates the example rounds once: February 2025 with the published distribution, and beside it the
 * closed follow-up "Uppföljning våren 2026" derived from it. Keyed on the rounds' names: a database
 * that already has them is left alone. The follow-up is only added beside the example February 2025
 * round (never beside real data that took its name).
 */
export function ensureExampleRound(): { created: boolean; roundId: number; followUpId: number | null } {
  return getDb().transaction(
    (tx) => {
      const all = tx.select({ code: municipalities.code, countyCode: municipalities.countyCode }).from(municipalities).all();
      const base = exampleRatings(all);
      let created = false;
      let first = tx.select().from(mappingRounds).where(eq(mappingRounds.name, EXAMPLE_ROUND.name)).get();
      if (!first) {
        first = seedRound(
          tx,
          EXAMPLE_ROUND,
          base.map((r) => ({ ...r, channels: serializeChannels(exampleChannels(r.municipalityCode)) })),
        );
        created = true;
      }
      let followUp = tx.select().from(mappingRounds).where(eq(mappingRounds.name, EXAMPLE_FOLLOW_UP_ROUND.name)).get();
      if (!followUp && first.example) {
        followUp = seedRound(
          tx,
          EXAMPLE_FOLLOW_UP_ROUND,
          exampleFollowUp(base).map((r) => ({ ...r, channels: serializeChannels(r.channels) })),
        );
        created = true;
      }
      return { created, roundId: first.id, followUpId: followUp?.id ?? null };
    },
    { behavior: "immediate" },
  );
}

export function hasAssessments(roundId: number): boolean {
  return !!getDb()
    .select({ id: assessments.id })
    .from(assessments)
    .where(and(eq(assessments.roundId, roundId)))
    .get();
}

/** How many assessments each round has confirmed (for the round list and the API). */
export function countConfirmedByRound(): Map<number, number> {
  return new Map(
    getDb()
      .select({ roundId: assessments.roundId, n: sql<number>`count(*)` })
      .from(assessments)
      .where(eq(assessments.confirmed, true))
      .groupBy(assessments.roundId)
      .all()
      .map((r) => [r.roundId, r.n]),
  );
}

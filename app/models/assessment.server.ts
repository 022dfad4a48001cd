import { and, asc, desc, eq, inArray, lt, ne, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { getDb } from "../../db/client.server";
import { assessmentHistory, assessments, counties, mappingRounds, municipalities, users } from "../../db/schema";
import { assessmentStatus, missingChangeComment, ratingsDiffer, type AssessmentSource, type AssessmentValues, type Ratings } from "../domain/assessment";
import { parseChannels, serializeChannels, type Channel } from "../domain/channels";
import { sortSwedish } from "../domain/collation";
import { categorize, type Category, type Collaboration, type InterventionAccess } from "../domain/rating";
import type { ImportRow } from "../domain/ratings-import";
import { isRoundEditable } from "../domain/round";
import { MUNICIPALITY_COLUMNS } from "./register.server";
import { appendAudit, type Actor } from "./audit.server";
import { getPreviousRound, insertHistory } from "./round.server";
import { preparedQuery } from "./prepared.server";

export type MunicipalityRating = {
  code: string;
  name: string;
  countyCode: string;
  countyName: string;
  latitude: number;
  longitude: number;
  collaboration: Collaboration | null;
  interventionAccess: InterventionAccess | null;
  comment: string | null;
  /** False for ratings pre-filled from the previous round that nobody has confirmed; null when unrated. */
  confirmed: boolean | null;
  category: Category;
};

/** All 290 municipalities with their rating in one round (null when unrated), in Swedish order. */
export function listMunicipalityRatings(roundId: number | null): MunicipalityRating[] {
  const db = getDb();
  const rows = db
    .select({
      ...MUNICIPALITY_COLUMNS,
      collaboration: assessments.collaboration,
      interventionAccess: assessments.interventionAccess,
      comment: assessments.comment,
      confirmed: assessments.confirmed,
    })
    .from(municipalities)
    .innerJoin(counties, eq(counties.code, municipalities.countyCode))
    .leftJoin(
      assessments,
      and(eq(assessments.municipalityCode, municipalities.code), eq(assessments.roundId, roundId ?? -1)),
    )
    .all();
  return sortSwedish(
    rows.map((r) => ({ ...r, category: categorize(r.collaboration, r.interventionAccess) })),
    (r) => r.name,
  );
}

/** A municipality's rating in every round so far, newest round first (unrated rounds included). */
export function listRatingsForMunicipality(code: string) {
  return getDb()
    .select({
      roundId: mappingRounds.id,
      roundName: mappingRounds.name,
      periodStart: mappingRounds.periodStart,
      periodEnd: mappingRounds.periodEnd,
      status: mappingRounds.status,
      example: mappingRounds.example,
      collaboration: assessments.collaboration,
      interventionAccess: assessments.interventionAccess,
      comment: assessments.comment,
      channels: assessments.channels,
      channelOther: assessments.channelOther,
      confirmed: assessments.confirmed,
      updatedAt: assessments.updatedAt,
      updatedByName: users.name,
    })
    .from(mappingRounds)
    .leftJoin(
      assessments,
      and(eq(assessments.roundId, mappingRounds.id), eq(assessments.municipalityCode, code)),
    )
    .leftJoin(users, eq(users.id, assessments.updatedBy))
    .orderBy(desc(mappingRounds.periodStart), asc(mappingRounds.id))
    .all()
    .map((r) => ({
      ...r,
      channels: parseChannels(r.channels),
      category: categorize(r.collaboration, r.interventionAccess),
    }));
}

/** Every version a municipality's assessments have had, in every round, newest first. */
export function listAssessmentHistory(code: string) {
  return getDb()
    .select({
      id: assessmentHistory.id,
      roundId: assessmentHistory.roundId,
      version: assessmentHistory.version,
      collaboration: assessmentHistory.collaboration,
      interventionAccess: assessmentHistory.interventionAccess,
      comment: assessmentHistory.comment,
      channels: assessmentHistory.channels,
      channelOther: assessmentHistory.channelOther,
      confirmed: assessmentHistory.confirmed,
      source: assessmentHistory.source,
      changedAt: assessmentHistory.changedAt,
      changedByName: users.name,
    })
    .from(assessmentHistory)
    .leftJoin(users, eq(users.id, assessmentHistory.changedBy))
    .where(eq(assessmentHistory.municipalityCode, code))
    .orderBy(desc(assessmentHistory.changedAt), desc(assessmentHistory.id))
    .all()
    .map((r) => ({ ...r, channels: parseChannels(r.channels), source: r.source as AssessmentSource }));
}

export type StoredAssessment = {
  id: number;
  collaboration: Collaboration;
  interventionAccess: InterventionAccess;
  channels: Channel[];
  channelOther: string;
  comment: string;
  confirmed: boolean;
  version: number;
  updatedAt: string;
  updatedByName: string | null;
};

type Reader = Pick<ReturnType<typeof getDb>, "select">;

// The assessment form reads one assessment on every page and twice on every save: prepared once per
// connection (drizzle otherwise rebuilds the SQL and SQLite re-prepares it on each call).
const assessmentByRoundAndCode = preparedQuery(() =>
  getDb()
    .select({
      id: assessments.id,
      collaboration: assessments.collaboration,
      interventionAccess: assessments.interventionAccess,
      channels: assessments.channels,
      channelOther: assessments.channelOther,
      comment: assessments.comment,
      confirmed: assessments.confirmed,
      version: assessments.version,
      updatedAt: assessments.updatedAt,
      updatedByName: users.name,
    })
    .from(assessments)
    .leftJoin(users, eq(users.id, assessments.updatedBy))
    .where(and(eq(assessments.roundId, sql.placeholder("roundId")), eq(assessments.municipalityCode, sql.placeholder("code"))))
    .prepare(),
);

/**
 * One assessment. Runs on the process connection (getDb()); inside a write that connection's open
 * transaction, so call it only from transactions on getDb().
 */
function readAssessment(roundId: number, code: string): StoredAssessment | null {
  const row = assessmentByRoundAndCode().get({ roundId, code });
  return row ? { ...row, channels: parseChannels(row.channels) } : null;
}

export function getAssessment(roundId: number, code: string): StoredAssessment | null {
  return readAssessment(roundId, code);
}

/**
 * The previous round by period (the started round whose period comes just before; on equal periods
 * the higher id, as domain/rating-change.ts previousRound) and one municipality's ratings in it.
 */
const previousRoundRatings = preparedQuery(() => {
  const current = alias(mappingRounds, "current_round");
  return getDb()
    .select({
      roundId: mappingRounds.id,
      roundName: mappingRounds.name,
      collaboration: assessments.collaboration,
      interventionAccess: assessments.interventionAccess,
    })
    .from(current)
    .innerJoin(
      mappingRounds,
      and(ne(mappingRounds.status, "planned"), ne(mappingRounds.id, current.id), lt(mappingRounds.periodStart, current.periodStart)),
    )
    .leftJoin(assessments, and(eq(assessments.roundId, mappingRounds.id), eq(assessments.municipalityCode, sql.placeholder("code"))))
    .where(eq(current.id, sql.placeholder("roundId")))
    .orderBy(desc(mappingRounds.periodStart), desc(mappingRounds.id))
    .limit(1)
    .prepare();
});

/** The municipality's ratings in the round before this one (by period), for the comment rule and the form's hint. */
export function getPreviousRatings(round: { id: number }, code: string): { roundId: number; roundName: string; ratings: Ratings } | null {
  const row = previousRoundRatings().get({ roundId: round.id, code });
  if (!row || row.collaboration === null || row.interventionAccess === null) return null;
  return { roundId: row.roundId, roundName: row.roundName, ratings: { collaboration: row.collaboration, interventionAccess: row.interventionAccess } };
}

/** The save's write: the new values if the version is still the one read (prepared once per connection). */
const updateAssessmentVersion = preparedQuery(() =>
  getDb()
    .update(assessments)
    .set({
      collaboration: sql`${sql.placeholder("collaboration")}`,
      interventionAccess: sql`${sql.placeholder("interventionAccess")}`,
      channels: sql`${sql.placeholder("channels")}`,
      channelOther: sql`${sql.placeholder("channelOther")}`,
      comment: sql`${sql.placeholder("comment")}`,
      confirmed: true,
      updatedBy: sql`${sql.placeholder("updatedBy")}`,
      updatedAt: sql`${sql.placeholder("updatedAt")}`,
      version: sql`${sql.placeholder("version")} + 1`,
    })
    .where(and(eq(assessments.id, sql.placeholder("id")), eq(assessments.version, sql.placeholder("version"))))
    .returning()
    .prepare(),
);

const roundStatusById = preparedQuery(() =>
  getDb().select({ status: mappingRounds.status }).from(mappingRounds).where(eq(mappingRounds.id, sql.placeholder("id"))).prepare(),
);

export type SaveResult =
  | { kind: "saved"; assessment: StoredAssessment }
  | { kind: "unchanged"; assessment: StoredAssessment }
  | { kind: "conflict"; current: StoredAssessment | null }
  | { kind: "round_locked"; message: string }
  | { kind: "not_found" };

/**
 * Saves one assessment (or confirms it unchanged) if nobody has changed it since the version the user
 * read (0: there was none). The check, the write, its history row and its audit row happen in one
 * synchronous BEGIN IMMEDIATE transaction, so two saves of the same version cannot both pass.
 */
export function saveAssessment(
  input: { roundId: number; code: string; version: number } & ({ intent: "save"; values: AssessmentValues } | { intent: "confirm" }),
  actor: Actor,
): SaveResult {
  return getDb().transaction(
    (tx) => {
      const round = roundStatusById().get({ id: input.roundId });
      if (!round) return { kind: "not_found" as const };
      if (!isRoundEditable(round.status)) {
        return {
          kind: "round_locked" as const,
          message: round.status === "closed" ? "Kartläggningen är avslutad och kan inte ändras." : "Kartläggningen har inte öppnats än.",
        };
      }
      const current = readAssessment(input.roundId, input.code);
      if ((current?.version ?? 0) !== input.version) return { kind: "conflict" as const, current };
      if (input.intent === "confirm" && !current) return { kind: "conflict" as const, current };

      const next =
        input.intent === "save"
          ? { ...input.values, channels: serializeChannels(input.values.channels) }
          : { collaboration: current!.collaboration, interventionAccess: current!.interventionAccess, channels: serializeChannels(current!.channels), channelOther: current!.channelOther, comment: current!.comment };
      if (
        current &&
        current.confirmed &&
        next.collaboration === current.collaboration &&
        next.interventionAccess === current.interventionAccess &&
        next.channels === serializeChannels(current.channels) &&
        next.channelOther === current.channelOther &&
        next.comment === current.comment
      ) {
        return { kind: "unchanged" as const, assessment: current };
      }
      const now = new Date().toISOString();
      const row = current
        ? updateAssessmentVersion().get({ ...next, updatedBy: actor.id, updatedAt: now, id: current.id, version: current.version })!
        : tx
            .insert(assessments)
            .values({ roundId: input.roundId, municipalityCode: input.code, ...next, confirmed: true, updatedBy: actor.id, updatedAt: now, version: 1 })
            .returning()
            .get();
      insertHistory(tx, row, input.intent === "confirm" ? "confirm" : "form");
      appendAudit(tx, {
        actor,
        action: input.intent === "confirm" ? "assessment.confirm" : "assessment.save",
        entityType: "assessment",
        entityId: row.id,
        before: current && auditValues(current),
        after: { roundId: row.roundId, municipalityCode: row.municipalityCode, ...auditValues({ ...row, channels: parseChannels(row.channels) }) },
      });
      return { kind: "saved" as const, assessment: readAssessment(input.roundId, input.code)! };
    },
    { behavior: "immediate" },
  );
}

function auditValues(a: Omit<StoredAssessment, "id" | "updatedAt" | "updatedByName">) {
  return {
    collaboration: a.collaboration,
    interventionAccess: a.interventionAccess,
    channels: a.channels,
    channelOther: a.channelOther,
    comment: a.comment,
    confirmed: a.confirmed,
    version: a.version,
  };
}

export type WorklistItem = {
  code: string;
  name: string;
  countyCode: string;
  countyName: string;
  status: ReturnType<typeof assessmentStatus>;
  category: Category;
  updatedAt: string | null;
  updatedByName: string | null;
};

/** The municipalities of the given counties (all when null) with their status in the round, in Swedish order. */
export function listWorklist(roundId: number, countyCodes: readonly string[] | null): WorklistItem[] {
  const rows = getDb()
    .select({
      code: municipalities.code,
      name: municipalities.name,
      countyCode: municipalities.countyCode,
      countyName: counties.name,
      collaboration: assessments.collaboration,
      interventionAccess: assessments.interventionAccess,
      confirmed: assessments.confirmed,
      updatedAt: assessments.updatedAt,
      updatedByName: users.name,
    })
    .from(municipalities)
    .innerJoin(counties, eq(counties.code, municipalities.countyCode))
    .leftJoin(assessments, and(eq(assessments.municipalityCode, municipalities.code), eq(assessments.roundId, roundId)))
    .leftJoin(users, eq(users.id, assessments.updatedBy))
    .where(countyCodes ? inArray(municipalities.countyCode, [...countyCodes]) : undefined)
    .all();
  return sortSwedish(
    rows.map((r) => ({
      code: r.code,
      name: r.name,
      countyCode: r.countyCode,
      countyName: r.countyName,
      status: assessmentStatus(r.confirmed === null ? null : { confirmed: r.confirmed }),
      category: categorize(r.collaboration, r.interventionAccess),
      updatedAt: r.updatedAt,
      updatedByName: r.updatedByName,
    })),
    (r) => r.name,
  );
}

export type CountyProgress = { countyCode: string; countyName: string; total: number; confirmed: number; prefilled: number; notStarted: number };

/** Per county: how many municipalities, and how many of them are confirmed, pre-filled or not started. */
export function roundProgress(roundId: number): { national: Omit<CountyProgress, "countyCode" | "countyName">; counties: CountyProgress[] } {
  const rows = getDb()
    .select({
      countyCode: counties.code,
      countyName: counties.name,
      total: sql<number>`count(${municipalities.code})`,
      confirmed: sql<number>`coalesce(sum(case when ${assessments.confirmed} = 1 then 1 else 0 end), 0)`,
      prefilled: sql<number>`coalesce(sum(case when ${assessments.confirmed} = 0 then 1 else 0 end), 0)`,
    })
    .from(municipalities)
    .innerJoin(counties, eq(counties.code, municipalities.countyCode))
    .leftJoin(assessments, and(eq(assessments.municipalityCode, municipalities.code), eq(assessments.roundId, roundId)))
    .groupBy(counties.code)
    .all()
    .map((r) => ({ ...r, notStarted: r.total - r.confirmed - r.prefilled }));
  const national = rows.reduce(
    (sum, r) => ({ total: sum.total + r.total, confirmed: sum.confirmed + r.confirmed, prefilled: sum.prefilled + r.prefilled, notStarted: sum.notStarted + r.notStarted }),
    { total: 0, confirmed: 0, prefilled: 0, notStarted: 0 },
  );
  return { national, counties: sortSwedish(rows, (r) => r.countyName) };
}

/** Every municipality with its assessment in the round and who made it, for the CSV export. */
export function listRoundAssessments(roundId: number) {
  const rows = getDb()
    .select({
      ...MUNICIPALITY_COLUMNS,
      collaboration: assessments.collaboration,
      interventionAccess: assessments.interventionAccess,
      channels: assessments.channels,
      channelOther: assessments.channelOther,
      comment: assessments.comment,
      confirmed: assessments.confirmed,
      updatedAt: assessments.updatedAt,
      updatedByName: users.name,
      version: assessments.version,
    })
    .from(municipalities)
    .innerJoin(counties, eq(counties.code, municipalities.countyCode))
    .leftJoin(assessments, and(eq(assessments.municipalityCode, municipalities.code), eq(assessments.roundId, roundId)))
    .leftJoin(users, eq(users.id, assessments.updatedBy))
    .all();
  return sortSwedish(
    rows.map((r) => ({
      ...r,
      channels: parseChannels(r.channels),
      channelOther: r.channelOther ?? "",
      comment: r.comment ?? "",
      category: categorize(r.collaboration, r.interventionAccess),
    })),
    (r) => r.name,
  );
}

const fromAssessment = alias(assessments, "from_assessment");
const toAssessment = alias(assessments, "to_assessment");

/** Every municipality's category in two rounds, for the comparison (Swedish order). */
export function listRoundTransitions(fromRoundId: number, toRoundId: number) {
  const rows = getDb()
    .select({
      code: municipalities.code,
      name: municipalities.name,
      countyCode: municipalities.countyCode,
      fromCollaboration: fromAssessment.collaboration,
      fromAccess: fromAssessment.interventionAccess,
      toCollaboration: toAssessment.collaboration,
      toAccess: toAssessment.interventionAccess,
      toConfirmed: toAssessment.confirmed,
      toComment: toAssessment.comment,
    })
    .from(municipalities)
    .leftJoin(fromAssessment, and(eq(fromAssessment.municipalityCode, municipalities.code), eq(fromAssessment.roundId, fromRoundId)))
    .leftJoin(toAssessment, and(eq(toAssessment.municipalityCode, municipalities.code), eq(toAssessment.roundId, toRoundId)))
    .all();
  return sortSwedish(
    rows.map((r) => ({
      code: r.code,
      name: r.name,
      countyCode: r.countyCode,
      from: categorize(r.fromCollaboration, r.fromAccess),
      to: categorize(r.toCollaboration, r.toAccess),
      toConfirmed: r.toConfirmed,
      comment: r.toComment ?? "",
    })),
    (r) => r.name,
  );
}

export type ImportChange = {
  row: number;
  code: string;
  name: string;
  before: (Ratings & { comment: string; confirmed: boolean; version: number }) | null;
  after: Ratings & { comment: string };
};

/**
 * What importing these rows would change: only rows whose ratings, comment or confirmation differ.
 * `problems` lists, by row, changes that break the comment rule (a rating that differs from the
 * previous round needs a comment, as in the form): one such row and nothing is imported.
 */
function planImport(tx: Reader, round: { id: number; name: string; periodStart: string }, rows: readonly ImportRow[]): { changes: ImportChange[]; problems: string[] } {
  const roundId = round.id;
  const current = new Map(
    tx
      .select({ code: assessments.municipalityCode, collaboration: assessments.collaboration, interventionAccess: assessments.interventionAccess, comment: assessments.comment, confirmed: assessments.confirmed, version: assessments.version })
      .from(assessments)
      .where(eq(assessments.roundId, roundId))
      .all()
      .map((r) => [r.code, r]),
  );
  const previousRound = getPreviousRound(round);
  const previous = new Map(
    previousRound
      ? tx
          .select({ code: assessments.municipalityCode, collaboration: assessments.collaboration, interventionAccess: assessments.interventionAccess })
          .from(assessments)
          .where(eq(assessments.roundId, previousRound.id))
          .all()
          .map((r) => [r.code, r])
      : [],
  );
  const names = new Map(tx.select({ code: municipalities.code, name: municipalities.name }).from(municipalities).all().map((m) => [m.code, m.name]));
  const changes: ImportChange[] = [];
  const problems: string[] = [];
  for (const row of rows) {
    const before = current.get(row.code) ?? null;
    const after = { collaboration: row.collaboration, interventionAccess: row.interventionAccess, comment: row.comment ?? before?.comment ?? "" };
    if (before && before.confirmed && !ratingsDiffer(before, after) && before.comment === after.comment) continue;
    const name = names.get(row.code) ?? row.code;
    const then = previous.get(row.code);
    const missing = previousRound && then ? missingChangeComment(after, { roundName: previousRound.name, ratings: then }) : null;
    if (missing) {
      problems.push(`Rad ${row.row}: ${name} (${row.code}): ${missing.replace(/\.$/, "")} i kolumnen kommentar.`);
    }
    changes.push({ row: row.row, code: row.code, name, before, after });
  }
  return { changes, problems };
}

/** A short fingerprint of what a preview showed, so applying refuses if the round changed in between. */
function fingerprint(changes: readonly ImportChange[]): string {
  return changes.map((c) => `${c.code}:${c.before?.version ?? 0}`).join(",");
}

/** A refused import: the reason, and for bad rows every one of them (row number first). */
export type ImportRefusal = { ok: false; status: 400 | 404 | 409; message: string; problems?: string[] };

export type ImportPreview = { ok: true; changes: ImportChange[]; basis: string } | ImportRefusal;

const ROUND_FOR_IMPORT = { id: mappingRounds.id, name: mappingRounds.name, periodStart: mappingRounds.periodStart, status: mappingRounds.status };

function commentRefusal(problems: string[]): ImportRefusal {
  return {
    ok: false,
    status: 400,
    message: `${problems.length} ${problems.length === 1 ? "rad ändrar" : "rader ändrar"} bedömningen sedan föregående kartläggning utan kommentar; inget har importerats.`,
    problems,
  };
}

export function previewImport(roundId: number, rows: readonly ImportRow[]): ImportPreview {
  const db = getDb();
  const round = db.select(ROUND_FOR_IMPORT).from(mappingRounds).where(eq(mappingRounds.id, roundId)).get();
  if (!round) return { ok: false, status: 404, message: "Kartläggningen finns inte." };
  if (!isRoundEditable(round.status)) return { ok: false, status: 409, message: importLockedMessage(round.status) };
  const { changes, problems } = planImport(db, round, rows);
  if (problems.length) return commentRefusal(problems);
  return { ok: true, changes, basis: fingerprint(changes) };
}

function importLockedMessage(status: string) {
  return status === "closed"
    ? "Kartläggningen är avslutad; inget har importerats."
    : "Kartläggningen har inte öppnats än; inget har importerats.";
}

export type ImportResult = { ok: true; changed: number } | ImportRefusal;

/**
 * Applies an import: every changed row in one BEGIN IMMEDIATE transaction, as one audited event.
 * Rows that change nothing write nothing, so importing the same file twice changes nothing the
 * second time. With `basis` (from the preview) it refuses when the round changed since the preview.
 */
export function applyImport(roundId: number, rows: readonly ImportRow[], actor: Actor, options: { basis?: string; fileName?: string } = {}): ImportResult {
  return getDb().transaction(
    (tx) => {
      const round = tx.select(ROUND_FOR_IMPORT).from(mappingRounds).where(eq(mappingRounds.id, roundId)).get();
      if (!round) return { ok: false as const, status: 404 as const, message: "Kartläggningen finns inte." };
      if (!isRoundEditable(round.status)) return { ok: false as const, status: 409 as const, message: importLockedMessage(round.status) };
      const { changes, problems } = planImport(tx, round, rows);
      if (problems.length) return commentRefusal(problems);
      if (options.basis !== undefined && fingerprint(changes) !== options.basis) {
        return {
          ok: false as const,
          status: 409 as const,
          message: "Någon har ändrat bedömningar i kartläggningen sedan förhandsvisningen. Inget har importerats; läs in filen igen och granska ändringarna.",
        };
      }
      if (changes.length === 0) return { ok: true as const, changed: 0 };
      const now = new Date().toISOString();
      for (const change of changes) {
        const row = change.before
          ? tx
              .update(assessments)
              .set({ ...change.after, confirmed: true, updatedBy: actor.id, updatedAt: now, version: change.before.version + 1 })
              .where(and(eq(assessments.roundId, roundId), eq(assessments.municipalityCode, change.code)))
              .returning()
              .get()
          : tx
              .insert(assessments)
              .values({ roundId, municipalityCode: change.code, ...change.after, confirmed: true, updatedBy: actor.id, updatedAt: now, version: 1 })
              .returning()
              .get();
        insertHistory(tx, row, "import");
      }
      appendAudit(tx, {
        actor,
        action: "assessment.import",
        entityType: "mapping_round",
        entityId: roundId,
        after: {
          file: options.fileName ?? null,
          rows: rows.length,
          changed: changes.length,
          changes: changes.map((c) => ({ code: c.code, before: c.before && { collaboration: c.before.collaboration, interventionAccess: c.before.interventionAccess, confirmed: c.before.confirmed }, after: c.after })),
        },
      });
      return { ok: true as const, changed: changes.length };
    },
    { behavior: "immediate" },
  );
}

/** Per round: how many municipalities in each category (unrated = the rest of the register). */
export function countCategoriesByRound(): Map<number, Record<Category, number>> {
  const db = getDb();
  const total = db.select({ n: sql<number>`count(*)` }).from(municipalities).get()?.n ?? 0;
  const rows = db
    .select({ roundId: assessments.roundId, collaboration: assessments.collaboration, interventionAccess: assessments.interventionAccess, n: sql<number>`count(*)` })
    .from(assessments)
    .groupBy(assessments.roundId, assessments.collaboration, assessments.interventionAccess)
    .all();
  const result = new Map<number, Record<Category, number>>();
  for (const roundId of db.select({ id: mappingRounds.id }).from(mappingRounds).all().map((r) => r.id)) {
    result.set(roundId, { good: 0, access_gap: 0, needs_strengthening: 0, unrated: total });
  }
  for (const r of rows) {
    const counts = result.get(r.roundId)!;
    counts[categorize(r.collaboration, r.interventionAccess)] += r.n;
    counts.unrated -= r.n;
  }
  return result;
}

import { relations, sql } from "drizzle-orm";
import {
  check,
  index,
  integer,
  primaryKey,
  real,
  sqliteTable,
  text,
  uniqueIndex,
} from "drizzle-orm/sqlite-core";
// The vocabularies are the domain's: the schema stores them, it does not define them.
import { ROLES } from "../app/domain/permissions";
import { COLLABORATION_LEVELS, INTERVENTION_ACCESS_LEVELS } from "../app/domain/rating";
import { ROUND_STATUSES } from "../app/domain/round";
import { INDICATOR_BENEFITS, INDICATOR_UNITS } from "../app/domain/indicators";

/** Timestamps are ISO 8601 strings in UTC (sortable, readable in a backup). */
const createdAt = () =>
  text("created_at")
    .notNull()
    .default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`);

export const counties = sqliteTable("counties", {
  /** Official two-digit county code (länskod), e.g. "14". */
  code: text("code").primaryKey(),
  /** Official name, e.g. "Västra Götalands län". */
  name: text("name").notNull(),
});

export const municipalities = sqliteTable(
  "municipalities",
  {
    /** Official four-digit municipality code (kommunkod), e.g. "0114". */
    code: text("code").primaryKey(),
    name: text("name").notNull(),
    countyCode: text("county_code")
      .notNull()
      .references(() => counties.code),
    /** Representative point, used when no borders have been imported. */
    latitude: real("latitude").notNull(),
    longitude: real("longitude").notNull(),
  },
  (t) => [index("municipalities_county_idx").on(t.countyCode)],
);

export const mappingRounds = sqliteTable(
  "mapping_rounds",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    name: text("name").notNull(),
    /** First and last day of the period the round describes (YYYY-MM-DD). */
    periodStart: text("period_start").notNull(),
    periodEnd: text("period_end").notNull(),
    status: text("status", { enum: ROUND_STATUSES }).notNull().default("planned"),
    /** Example data, not the agency's real assessments: every page that shows it says so. */
    example: integer("example", { mode: "boolean" }).notNull().default(false),
    /** The day coordinators are asked to be done by (YYYY-MM-DD), if any. */
    dueDate: text("due_date"),
    /** When the round was last opened and closed (ISO timestamps). */
    openedAt: text("opened_at"),
    closedAt: text("closed_at"),
    /** The round whose assessments pre-filled this one when it was opened, if any. */
    prefilledFromId: integer("prefilled_from_id"),
    /** Why an admin reopened the round after it was closed (the latest reason; every one is in the audit log). */
    reopenReason: text("reopen_reason"),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("mapping_rounds_name_uq").on(t.name),
    // At most one open round, held by the database too (a partial unique index on a constant).
    uniqueIndex("mapping_rounds_one_open_uq").on(t.status).where(sql`status = 'open'`),
  ],
);

export const assessments = sqliteTable(
  "assessments",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    roundId: integer("round_id")
      .notNull()
      .references(() => mappingRounds.id),
    municipalityCode: text("municipality_code")
      .notNull()
      .references(() => municipalities.code),
    collaboration: text("collaboration", { enum: COLLABORATION_LEVELS }).notNull(),
    interventionAccess: text("intervention_access", {
      enum: INTERVENTION_ACCESS_LEVELS,
    }).notNull(),
    comment: text("comment").notNull().default(""),
    /** Channel keys from app/domain/channels.ts as a JSON array, e.g. ["caseworker_contact","other"]. */
    channels: text("channels").notNull().default("[]"),
    /** What "other" (annat) means, when that channel is chosen. */
    channelOther: text("channel_other").notNull().default(""),
    /** False while the ratings are only pre-filled from the previous round and nobody has confirmed them. */
    confirmed: integer("confirmed", { mode: "boolean" }).notNull().default(true),
    updatedBy: integer("updated_by").references(() => users.id),
    updatedAt: text("updated_at").notNull(),
    /** Optimistic locking: a write must name the version it read. */
    version: integer("version").notNull().default(1),
  },
  (t) => [
    uniqueIndex("assessments_round_municipality_uq").on(t.roundId, t.municipalityCode),
    index("assessments_municipality_idx").on(t.municipalityCode),
  ],
);

/** Every version an assessment has had, appended on each write. */
export const assessmentHistory = sqliteTable(
  "assessment_history",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    assessmentId: integer("assessment_id")
      .notNull()
      .references(() => assessments.id),
    roundId: integer("round_id")
      .notNull()
      .references(() => mappingRounds.id),
    municipalityCode: text("municipality_code")
      .notNull()
      .references(() => municipalities.code),
    collaboration: text("collaboration", { enum: COLLABORATION_LEVELS }).notNull(),
    interventionAccess: text("intervention_access", {
      enum: INTERVENTION_ACCESS_LEVELS,
    }).notNull(),
    comment: text("comment").notNull().default(""),
    channels: text("channels").notNull().default("[]"),
    channelOther: text("channel_other").notNull().default(""),
    confirmed: integer("confirmed", { mode: "boolean" }).notNull().default(true),
    /** How this version came about: seed, prefill, form, confirm or import (app/domain/assessment.ts). */
    source: text("source").notNull().default("form"),
    version: integer("version").notNull(),
    changedBy: integer("changed_by").references(() => users.id),
    changedAt: text("changed_at").notNull(),
  },
  (t) => [
    index("assessment_history_assessment_idx").on(t.assessmentId),
    index("assessment_history_municipality_idx").on(t.municipalityCode),
  ],
);

export const users = sqliteTable(
  "users",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    /** Stored lower-cased and trimmed. */
    email: text("email").notNull(),
    name: text("name").notNull(),
    active: integer("active", { mode: "boolean" }).notNull().default(true),
    mustChangePassword: integer("must_change_password", { mode: "boolean" })
      .notNull()
      .default(false),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("users_email_uq").on(t.email)],
);

/** Kept apart from users so a hash is never selected by accident. */
export const passwords = sqliteTable("passwords", {
  userId: integer("user_id")
    .primaryKey()
    .references(() => users.id),
  hash: text("hash").notNull(),
  updatedAt: text("updated_at").notNull(),
});

export const userRoles = sqliteTable(
  "user_roles",
  {
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    role: text("role", { enum: ROLES }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.role] })],
);

/** The counties a coordinator may edit. */
export const userCounties = sqliteTable(
  "user_counties",
  {
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    countyCode: text("county_code")
      .notNull()
      .references(() => counties.code),
  },
  (t) => [primaryKey({ columns: [t.userId, t.countyCode] })],
);

export const sessions = sqliteTable(
  "sessions",
  {
    /** Random, at least 128 bits; the cookie carries only this. */
    id: text("id").primaryKey(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    createdAt: text("created_at").notNull(),
    lastSeenAt: text("last_seen_at").notNull(),
    /** Absolute expiry, whatever the activity. */
    expiresAt: text("expires_at").notNull(),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);

/**
 * Failed sign-ins per e-mail address typed (whether or not an account has it, so the slowdown reveals
 * nothing), for the per-account slowdown. A successful sign-in clears the row.
 */
export const loginFailures = sqliteTable("login_failures", {
  email: text("email").primaryKey(),
  count: integer("count").notNull(),
  lastFailureAt: text("last_failure_at").notNull(),
});

/** Append-only record of every write a person makes. */
export const auditLog = sqliteTable(
  "audit_log",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    at: text("at").notNull(),
    actorId: integer("actor_id").references(() => users.id),
    /** E-mail or "system": readable even when the actor row is gone or absent. */
    actorLabel: text("actor_label").notNull(),
    action: text("action").notNull(),
    entityType: text("entity_type").notNull(),
    entityId: text("entity_id"),
    before: text("before"),
    after: text("after"),
  },
  (t) => [
    index("audit_log_at_idx").on(t.at),
    index("audit_log_entity_idx").on(t.entityType, t.entityId),
    index("audit_log_actor_idx").on(t.actorId),
  ],
);

/** Imported municipality borders as TopoJSON; the newest row is the one shown. */
export const boundarySets = sqliteTable("boundary_sets", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  /** TopoJSON Topology with objects `municipalities` and `counties`. */
  topology: text("topology").notNull(),
  /** Content hash, used for the fingerprinted URL and ETag. */
  hash: text("hash").notNull(),
  source: text("source").notNull(),
  featureCount: integer("feature_count").notNull(),
  importedAt: text("imported_at").notNull(),
});

/** The indicators the report follows (app/domain/indicators.ts seeds the catalogue). */
export const indicators = sqliteTable("indicators", {
  /** Stable key used in imports and the API, e.g. "ae_rehab_collaboration". */
  key: text("key").primaryKey(),
  name: text("name").notNull(),
  description: text("description").notNull().default(""),
  unit: text("unit", { enum: INDICATOR_UNITS }).notNull(),
  benefit: text("benefit", { enum: INDICATOR_BENEFITS }).notNull(),
  /** Order on the page and in the report. */
  position: integer("position").notNull().default(0),
  createdAt: createdAt(),
});

/**
 * One indicator's value for a period ("2025" or "2025H1"), for the whole country (county null) or a
 * county. Aggregates from the agency's statistics, never computed from individuals.
 */
export const indicatorValues = sqliteTable(
  "indicator_values",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    indicatorKey: text("indicator_key")
      .notNull()
      .references(() => indicators.key),
    period: text("period").notNull(),
    countyCode: text("county_code").references(() => counties.code),
    /** The county code, or "" for the whole country: the unique key (NULLs never clash in SQLite). */
    place: text("place").notNull(),
    value: real("value").notNull(),
    source: text("source").notNull().default(""),
    note: text("note").notNull().default(""),
    /** Invented example value: every page that counts it says "Exempeldata". */
    example: integer("example", { mode: "boolean" }).notNull().default(false),
    updatedBy: integer("updated_by").references(() => users.id),
    updatedAt: text("updated_at").notNull(),
  },
  (t) => [
    uniqueIndex("indicator_values_key_period_place_uq").on(t.indicatorKey, t.period, t.place),
    check("indicator_values_place_ck", sql`${t.place} = coalesce(${t.countyCode}, '')`),
    index("indicator_values_period_idx").on(t.period),
  ],
);

export const countiesRelations = relations(counties, ({ many }) => ({
  municipalities: many(municipalities),
}));
export const municipalitiesRelations = relations(municipalities, ({ one, many }) => ({
  county: one(counties, { fields: [municipalities.countyCode], references: [counties.code] }),
  assessments: many(assessments),
}));
export const assessmentsRelations = relations(assessments, ({ one }) => ({
  round: one(mappingRounds, { fields: [assessments.roundId], references: [mappingRounds.id] }),
  municipality: one(municipalities, {
    fields: [assessments.municipalityCode],
    references: [municipalities.code],
  }),
}));

export type County = typeof counties.$inferSelect;
export type Municipality = typeof municipalities.$inferSelect;
export type MappingRound = typeof mappingRounds.$inferSelect;
export type Assessment = typeof assessments.$inferSelect;
export type AssessmentHistoryEntry = typeof assessmentHistory.$inferSelect;
export type User = typeof users.$inferSelect;
export type Session = typeof sessions.$inferSelect;
export type AuditEntry = typeof auditLog.$inferSelect;
export type Indicator = typeof indicators.$inferSelect;
export type IndicatorValue = typeof indicatorValues.$inferSelect;

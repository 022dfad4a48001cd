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
import {
  FOLLOW_UP_STATUSES,
  FORUM_KINDS,
  MEETING_FORMATS,
  MEETING_STATUSES,
  MUNICIPAL_FUNCTIONS,
} from "../app/domain/meeting-vocabulary";

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

/**
 * A forum (samordningsförbund, kommunalförbund, network …): a named group of municipalities. A meeting
 * with a forum counts as (indirect) dialogue with each member.
 */
export const forums = sqliteTable(
  "forums",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    name: text("name").notNull(),
    kind: text("kind", { enum: FORUM_KINDS }).notNull(),
    example: integer("example", { mode: "boolean" }).notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("forums_name_uq").on(t.name)],
);

export const forumMembers = sqliteTable(
  "forum_members",
  {
    forumId: integer("forum_id")
      .notNull()
      .references(() => forums.id),
    municipalityCode: text("municipality_code")
      .notNull()
      .references(() => municipalities.code),
  },
  (t) => [
    primaryKey({ columns: [t.forumId, t.municipalityCode] }),
    index("forum_members_municipality_idx").on(t.municipalityCode),
  ],
);

/** A version of the dialogue material (dialogmaterialet), with its sections. */
export const dialogueMaterials = sqliteTable(
  "dialogue_materials",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    name: text("name").notNull(),
    version: integer("version").notNull(),
    /** YYYY-MM-DD the version was published. */
    publishedOn: text("published_on").notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("dialogue_materials_name_version_uq").on(t.name, t.version)],
);

export const dialogueMaterialSections = sqliteTable(
  "dialogue_material_sections",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    materialId: integer("material_id")
      .notNull()
      .references(() => dialogueMaterials.id),
    position: integer("position").notNull(),
    title: text("title").notNull(),
  },
  (t) => [uniqueIndex("dialogue_material_sections_title_uq").on(t.materialId, t.title)],
);

/**
 * A dialogue meeting. Date and times are local Swedish time (Europe/Stockholm) as written on the
 * invitation: YYYY-MM-DD and HH:MM, so a meeting at 09:00 stays at 09:00 across daylight-saving changes.
 */
export const meetings = sqliteTable(
  "meetings",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    date: text("date").notNull(),
    startTime: text("start_time").notNull(),
    endTime: text("end_time").notNull(),
    place: text("place").notNull().default(""),
    videoLink: text("video_link").notNull().default(""),
    format: text("format", { enum: MEETING_FORMATS }).notNull(),
    status: text("status", { enum: MEETING_STATUSES }).notNull().default("planned"),
    /** For a postponed meeting: the new date (a new planned meeting holds it). */
    postponedTo: text("postponed_to"),
    /** The planned meeting that replaced this postponed one. */
    replacedBy: integer("replaced_by"),
    forumId: integer("forum_id").references(() => forums.id),
    agenda: text("agenda").notNull().default(""),
    notes: text("notes").notNull().default(""),
    outcome: text("outcome").notNull().default(""),
    nextStep: text("next_step").notNull().default(""),
    materialId: integer("material_id").references(() => dialogueMaterials.id),
    materialUsed: integer("material_used", { mode: "boolean" }).notNull().default(false),
    /** The planner who booked it (its calendar feed holds it too). */
    plannerId: integer("planner_id").references(() => users.id),
    example: integer("example", { mode: "boolean" }).notNull().default(false),
    /** The canonical row of an import ("date|start|codes|forum|format"), so a second import adds nothing. */
    importKey: text("import_key"),
    /** Bumped on every change: the calendar event's SEQUENCE. */
    sequence: integer("sequence").notNull().default(0),
    createdAt: createdAt(),
    updatedAt: text("updated_at").notNull(),
  },
  (t) => [
    index("meetings_date_idx").on(t.date, t.startTime),
    index("meetings_forum_status_date_idx").on(t.forumId, t.status, t.date),
    index("meetings_planner_idx").on(t.plannerId, t.date),
    uniqueIndex("meetings_import_key_uq").on(t.importKey),
    // The status report's grouped counts over a year read only this index (covering), not the table.
    index("meetings_report_idx").on(t.date, t.status, t.format, t.materialUsed, t.materialId, t.example, t.forumId),
  ],
);

/**
 * The municipalities met directly. `date` and `status` repeat the meeting's (kept in step by
 * models/meeting.server.ts in the same transaction), so "last held meeting per municipality" is an
 * index seek rather than a scan of every meeting.
 */
export const meetingMunicipalities = sqliteTable(
  "meeting_municipalities",
  {
    meetingId: integer("meeting_id")
      .notNull()
      .references(() => meetings.id),
    municipalityCode: text("municipality_code")
      .notNull()
      .references(() => municipalities.code),
    date: text("date").notNull(),
    status: text("status", { enum: MEETING_STATUSES }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.meetingId, t.municipalityCode] }),
    index("meeting_municipalities_code_status_date_idx").on(t.municipalityCode, t.status, t.date),
  ],
);

/** Försäkringskassan's participants (users). */
export const meetingParticipants = sqliteTable(
  "meeting_participants",
  {
    meetingId: integer("meeting_id")
      .notNull()
      .references(() => meetings.id),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
  },
  (t) => [primaryKey({ columns: [t.meetingId, t.userId] }), index("meeting_participants_user_idx").on(t.userId, t.meetingId)],
);

/** Municipal participants, by function and count only. */
export const meetingFunctions = sqliteTable(
  "meeting_functions",
  {
    meetingId: integer("meeting_id")
      .notNull()
      .references(() => meetings.id),
    function: text("function", { enum: MUNICIPAL_FUNCTIONS }).notNull(),
    count: integer("count").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.meetingId, t.function] }),
    // Covering for the report's participants per function (count included).
    index("meeting_functions_count_idx").on(t.meetingId, t.function, t.count),
  ],
);

/** The material's sections used at a held meeting. */
export const meetingSections = sqliteTable(
  "meeting_sections",
  {
    meetingId: integer("meeting_id")
      .notNull()
      .references(() => meetings.id),
    sectionId: integer("section_id")
      .notNull()
      .references(() => dialogueMaterialSections.id),
  },
  (t) => [primaryKey({ columns: [t.meetingId, t.sectionId] })],
);

/** What was agreed at a meeting, who does it (a user or a municipal function) and by when. */
export const followUpActions = sqliteTable(
  "follow_up_actions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    meetingId: integer("meeting_id")
      .notNull()
      .references(() => meetings.id),
    /** The municipality it concerns (one of the meeting's, or a member of its forum); null for all. */
    municipalityCode: text("municipality_code").references(() => municipalities.code),
    what: text("what").notNull(),
    assigneeUserId: integer("assignee_user_id").references(() => users.id),
    assigneeFunction: text("assignee_function", { enum: MUNICIPAL_FUNCTIONS }),
    dueDate: text("due_date").notNull(),
    status: text("status", { enum: FOLLOW_UP_STATUSES }).notNull().default("open"),
    doneAt: text("done_at"),
    example: integer("example", { mode: "boolean" }).notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [
    index("follow_up_actions_status_due_idx").on(t.status, t.dueDate, t.municipalityCode),
    index("follow_up_actions_assignee_idx").on(t.assigneeUserId, t.status, t.dueDate),
    // By meeting, covering status and due date for the report's done / open / overdue counts.
    index("follow_up_actions_meeting_idx").on(t.meetingId, t.status, t.dueDate),
    index("follow_up_actions_municipality_idx").on(t.municipalityCode, t.status, t.dueDate),
  ],
);

/**
 * A user's private calendar subscription. Only a keyed hash (HMAC-SHA256 with the app secret) of the
 * token is stored: the URL cannot be rebuilt from the database.
 */
export const calendarSubscriptions = sqliteTable(
  "calendar_subscriptions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    tokenHash: text("token_hash").notNull(),
    createdAt: createdAt(),
    revokedAt: text("revoked_at"),
  },
  (t) => [
    uniqueIndex("calendar_subscriptions_token_uq").on(t.tokenHash),
    index("calendar_subscriptions_user_idx").on(t.userId),
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
export type Forum = typeof forums.$inferSelect;
export type DialogueMeeting = typeof meetings.$inferSelect;
export type FollowUpAction = typeof followUpActions.$inferSelect;
export type DialogueMaterial = typeof dialogueMaterials.$inferSelect;

import { z } from "zod";
import { CHANNELS, type Channel } from "./channels";
import { freeTextField } from "./fields";
import {
  COLLABORATION_LABELS,
  COLLABORATION_LEVELS,
  INTERVENTION_ACCESS_LABELS,
  INTERVENTION_ACCESS_LEVELS,
  type Collaboration,
  type InterventionAccess,
} from "./rating";

/**
 * A municipality's assessment in a round, as a coordinator works on it: not started (no assessment
 * yet), pre-filled from the previous round but not confirmed, or confirmed.
 */
export const ASSESSMENT_STATUSES = ["not_started", "prefilled", "confirmed"] as const;
export type AssessmentStatus = (typeof ASSESSMENT_STATUSES)[number];

export const ASSESSMENT_STATUS_LABELS: Record<AssessmentStatus, string> = {
  not_started: "Ej påbörjad",
  prefilled: "Förifylld, ej bekräftad",
  confirmed: "Bekräftad",
};

export function assessmentStatus(assessment: { confirmed: boolean } | null | undefined): AssessmentStatus {
  if (!assessment) return "not_started";
  return assessment.confirmed ? "confirmed" : "prefilled";
}

export function isAssessmentStatus(value: string): value is AssessmentStatus {
  return (ASSESSMENT_STATUSES as readonly string[]).includes(value);
}

/** How a version of an assessment came about (assessment_history.source). */
export const ASSESSMENT_SOURCE_LABELS = {
  seed: "Exempeldata",
  prefill: "Förifylld från föregående kartläggning",
  form: "Sparad i formuläret",
  confirm: "Bekräftad oförändrad",
  import: "Importerad från fil",
} as const;
export type AssessmentSource = keyof typeof ASSESSMENT_SOURCE_LABELS;

export type Ratings = { collaboration: Collaboration; interventionAccess: InterventionAccess };

export type AssessmentValues = Ratings & {
  channels: Channel[];
  channelOther: string;
  comment: string;
};

export function ratingsDiffer(a: Ratings, b: Ratings): boolean {
  return a.collaboration !== b.collaboration || a.interventionAccess !== b.interventionAccess;
}

/** The short words the CSV files and the previous-round hint use: "bra", "behöver stärkas", … */
export const COLLABORATION_WORDS: Record<Collaboration, string> = { good: "bra", needs_strengthening: "behöver stärkas" };
export const INTERVENTION_ACCESS_WORDS: Record<InterventionAccess, string> = {
  satisfactory: "tillfredsställande",
  unsatisfactory: "otillfredsställande",
};

export type AssessmentProblems = Partial<Record<"collaboration" | "interventionAccess" | "channelOther" | "comment", string>>;

/**
 * The rules an assessment must meet beyond its field types: "annat" needs its text, and a rating that
 * differs from the previous round needs a comment saying why.
 */
export function assessmentProblems(
  values: AssessmentValues,
  previous: { roundName: string; ratings: Ratings } | null,
): AssessmentProblems {
  const problems: AssessmentProblems = {};
  if (values.channels.includes("other") && !values.channelOther) {
    problems.channelOther = "Beskriv kanalen du menar med Annat.";
  }
  const missing = missingChangeComment(values, previous);
  if (missing) problems.comment = missing;
  return problems;
}

/**
 * The comment rule, for the form and the import alike: a rating that differs from the previous round
 * needs a comment saying why. Returns the message naming what the ratings were, or null.
 */
export function missingChangeComment(
  values: Ratings & { comment: string },
  previous: { roundName: string; ratings: Ratings } | null,
): string | null {
  if (!previous || !ratingsDiffer(values, previous.ratings) || values.comment.trim()) return null;
  const then = [
    values.collaboration !== previous.ratings.collaboration ? `samverkan: ${COLLABORATION_WORDS[previous.ratings.collaboration]}` : null,
    values.interventionAccess !== previous.ratings.interventionAccess ? `tillgång: ${INTERVENTION_ACCESS_WORDS[previous.ratings.interventionAccess]}` : null,
  ]
    .filter(Boolean)
    .join(", ");
  return `Skriv en kommentar om varför bedömningen ändrats sedan ${previous.roundName} (då ${then}).`;
}

const collaborationMessage = "Välj om samverkan är bra eller behöver stärkas.";
const accessMessage = "Välj om tillgången till insatser är tillfredsställande eller otillfredsställande.";

/** The version the form read: 0 when there was no assessment yet. */
const versionField = z.coerce
  .number({ invalid_type_error: "Formuläret saknar version. Ladda om sidan." })
  .int("Formuläret saknar version. Ladda om sidan.")
  .min(0, "Formuläret saknar version. Ladda om sidan.")
  .max(1_000_000_000, "Formuläret saknar version. Ladda om sidan.");

/** A municipality code to go on to after saving ("Spara och nästa"). */
const nextField = z.string().regex(/^\d{4}$/).optional();

/**
 * The assessment form: save (both ratings, channels, comment) or confirm the pre-filled assessment
 * unchanged. `previous` is the municipality's assessment in the previous round, for the comment rule.
 */
export function assessmentFormSchema(previous: { roundName: string; ratings: Ratings } | null) {
  // Building a zod schema costs more than parsing a form with it, and there are only a few distinct
  // ones (a previous round's name and its four pairs of ratings): keep them.
  const key = previous ? `${previous.roundName}\u0000${previous.ratings.collaboration}\u0000${previous.ratings.interventionAccess}` : "";
  let schema = schemas.get(key);
  if (!schema) {
    if (schemas.size >= 64) schemas.clear();
    schemas.set(key, (schema = buildAssessmentFormSchema(previous)));
  }
  return schema;
}

const schemas = new Map<string, ReturnType<typeof buildAssessmentFormSchema>>();

function buildAssessmentFormSchema(previous: { roundName: string; ratings: Ratings } | null) {
  const save = z.object({
    /** "save-next" saves and goes on to the next municipality of the worklist. */
    intent: z.enum(["save", "save-next"]),
    version: versionField,
    collaboration: z.enum(COLLABORATION_LEVELS, { errorMap: () => ({ message: collaborationMessage }) }),
    interventionAccess: z.enum(INTERVENTION_ACCESS_LEVELS, { errorMap: () => ({ message: accessMessage }) }),
    channels: z
      .array(z.enum(CHANNELS, { errorMap: () => ({ message: "Okänd kanal." }) }))
      .optional()
      .transform((v) => [...new Set(v ?? [])]),
    channelOther: freeTextField({ max: 200 }),
    comment: freeTextField({ max: 2000 }),
    next: nextField,
  });
  const confirm = z.object({ intent: z.enum(["confirm", "confirm-next"]), version: versionField, next: nextField });
  return z
    .discriminatedUnion("intent", [save, confirm])
    .superRefine((v, ctx) => {
      if (!("collaboration" in v)) return;
      for (const [path, message] of Object.entries(assessmentProblems(v, previous))) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, path: [path], message });
      }
    })
    .transform((v) => ("collaboration" in v && !v.channels.includes("other") ? { ...v, channelOther: "" } : v));
}

/** "Bra samverkan, tillfredsställande tillgång till insatser" for a conflict message. */
export function describeRatings(r: Ratings): string {
  return `${COLLABORATION_LABELS[r.collaboration]}; ${INTERVENTION_ACCESS_LABELS[r.interventionAccess].toLocaleLowerCase("sv")}`;
}

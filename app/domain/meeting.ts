import { z } from "zod";
import { dateField, idField, isIsoDate, timeField } from "./fields";
import { safeFreeText, safeName } from "./meeting-fields";
import {
  MEETING_FORMATS,
  MUNICIPAL_FUNCTIONS,
  isMunicipalFunction,
  type MeetingStatus,
  type MunicipalFunction,
} from "./meeting-vocabulary";

/**
 * The rules of a dialogue meeting's forms: booking (and editing), recording it as held with follow-up
 * actions, cancelling and postponing. The schemas run on the server and, through conform, in the
 * browser; the server adds what only the database knows (which municipalities, forums, users and
 * sections exist) through `lookups`.
 */

export type MeetingLookups = {
  municipalityCodes: ReadonlySet<string>;
  forumIds: ReadonlySet<number>;
  userIds: ReadonlySet<number>;
};

const municipalityCode = z.string().trim().regex(/^\d{4}$/, "Okänd kommunkod.");

const optionalId = z.preprocess((v) => (v === "" || v === null ? undefined : v), idField.optional());

const videoLink = z
  .string()
  .trim()
  .max(500, "Länken får ha högst 500 tecken.")
  .url("Ange länken som en hel webbadress, till exempel https://…")
  .refine((v) => /^https:\/\//i.test(v), "Länken ska börja med https://.")
  .optional()
  .transform((v) => v ?? "");

const functionCount = z.preprocess(
  (v) => (v === "" || v === undefined ? 0 : v),
  z.coerce
    .number({ invalid_type_error: "Ange antalet som ett heltal." })
    .int("Ange antalet som ett heltal.")
    .min(0, "Antalet kan inte vara negativt.")
    .max(99, "Ange högst 99."),
);

const functionsShape = Object.fromEntries(MUNICIPAL_FUNCTIONS.map((f) => [f, functionCount.optional()])) as Record<
  MunicipalFunction,
  z.ZodOptional<typeof functionCount>
>;

/** Minutes since midnight of "HH:MM". */
export function minutesOf(time: string): number {
  const [h, m] = time.split(":").map(Number);
  return h! * 60 + m!;
}

const meetingShape = {
  date: dateField,
  start: timeField,
  end: timeField,
  municipalities: z.array(municipalityCode).max(290).default([]),
  forumId: optionalId,
  place: safeFreeText({ max: 200 }),
  videoLink,
  format: z.enum(MEETING_FORMATS, {
    errorMap: () => ({ message: "Välj mötesform." }),
  }),
  participants: z.array(idField).max(50, "Högst 50 deltagare.").default([]),
  functions: z.object(functionsShape).optional(),
  agenda: safeFreeText({ max: 4000 }),
};

/** The booking (and edit) form. Without lookups it checks what the browser can. */
export function meetingSchema(lookups?: MeetingLookups) {
  return z.object(meetingShape).superRefine((value, ctx) => {
    if (/^\d{2}:\d{2}$/.test(value.start) && /^\d{2}:\d{2}$/.test(value.end) && minutesOf(value.end) <= minutesOf(value.start)) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["end"], message: "Sluttiden måste vara efter starttiden." });
    }
    if (value.municipalities.length === 0 && value.forumId === undefined) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ["municipalities"],
        message: "Välj minst en kommun eller ett forum.",
      });
    }
    if (!lookups) return;
    const unknown = value.municipalities.filter((c) => !lookups.municipalityCodes.has(c));
    if (unknown.length) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ["municipalities"],
        message: `Det finns ingen kommun med kommunkoden ${unknown.map((c) => `"${c}"`).join(", ")}.`,
      });
    }
    if (value.forumId !== undefined && !lookups.forumIds.has(value.forumId)) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["forumId"], message: "Forumet finns inte." });
    }
    if (value.participants.some((id) => !lookups.userIds.has(id))) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["participants"], message: "En vald deltagare finns inte." });
    }
  });
}
export type MeetingInput = z.infer<ReturnType<typeof meetingSchema>>;

/** The functions with a count above zero, in the vocabulary's order. */
export function functionCounts(functions: MeetingInput["functions"]): { function: MunicipalFunction; count: number }[] {
  return MUNICIPAL_FUNCTIONS.filter((f) => (functions?.[f] ?? 0) > 0).map((f) => ({ function: f, count: functions![f]! }));
}

/** "user:12" or "function:daily_activities": who carries out a follow-up action. */
export function parseAssignee(value: string): { userId: number } | { function: MunicipalFunction } | null {
  const user = /^user:([1-9]\d{0,8})$/.exec(value);
  if (user) return { userId: Number(user[1]) };
  const fn = /^function:([a-z_]+)$/.exec(value);
  if (fn && isMunicipalFunction(fn[1]!)) return { function: fn[1] };
  return null;
}

const actionRow = z.object({
  what: z.string().optional(),
  assignee: z.string().optional(),
  due: z.string().optional(),
  municipality: z.string().optional(),
});

export type RecordLookups = {
  sectionIds: ReadonlySet<number>;
  userIds: ReadonlySet<number>;
  /** The municipalities a follow-up may concern: the meeting's, or its forum's members. */
  municipalityCodes: ReadonlySet<string>;
};

/** Recording a meeting as held: material use, notes, outcome, next step and follow-up actions. */
export function recordSchema(lookups?: RecordLookups) {
  return z
    .object({
      materialUsed: z.enum(["yes", "no"], { errorMap: () => ({ message: "Ange om dialogmaterialet användes." }) }),
      sectionIds: z.array(idField).default([]),
      notes: safeFreeText({ max: 4000 }),
      outcome: safeFreeText({ max: 4000 }),
      nextStep: safeFreeText({ max: 2000 }),
      actions: z.array(actionRow).max(20, "Högst 20 uppföljningar åt gången.").default([]),
    })
    .superRefine((value, ctx) => {
      if (value.materialUsed === "yes" && value.sectionIds.length === 0) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["sectionIds"], message: "Välj vilka avsnitt i materialet som användes." });
      }
      if (value.materialUsed === "no" && value.sectionIds.length > 0) {
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          path: ["sectionIds"],
          message: "Avsnitt kan bara anges när dialogmaterialet användes.",
        });
      }
      if (lookups && value.sectionIds.some((id) => !lookups.sectionIds.has(id))) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["sectionIds"], message: "Ett valt avsnitt finns inte i materialet." });
      }
      value.actions.forEach((row, i) => {
        if (isBlankAction(row)) return;
        const at = (field: string, message: string) =>
          ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["actions", i, field], message });
        const what = safeName({ label: "vad som ska göras", max: 300 }).safeParse(row.what ?? "");
        if (!what.success) at("what", what.error.issues[0]!.message);
        if (!row.due?.trim()) at("due", "Ange när uppföljningen ska vara klar.");
        else if (!isIsoDate(row.due.trim())) at("due", "Ange ett datum som finns, skrivet ÅÅÅÅ-MM-DD.");
        const assignee = parseAssignee(row.assignee ?? "");
        if (!assignee) at("assignee", "Ange vem som ansvarar: en person eller en kommunal funktion.");
        else if (lookups && "userId" in assignee && !lookups.userIds.has(assignee.userId)) at("assignee", "Personen finns inte.");
        const code = row.municipality?.trim();
        if (code && lookups && !lookups.municipalityCodes.has(code)) {
          at("municipality", "Kommunen deltog inte i mötet (direkt eller via forumet).");
        }
      });
    });
}
export type RecordInput = z.infer<ReturnType<typeof recordSchema>>;

export function isBlankAction(row: z.infer<typeof actionRow>): boolean {
  return !row.what?.trim() && !row.due?.trim() && !row.assignee?.trim() && !row.municipality?.trim();
}

export type FollowUpDraft = {
  what: string;
  assigneeUserId: number | null;
  assigneeFunction: MunicipalFunction | null;
  dueDate: string;
  municipalityCode: string | null;
};

/** The follow-up rows a valid record form holds (blank rows dropped). */
export function followUpDrafts(value: RecordInput): FollowUpDraft[] {
  return value.actions
    .filter((row) => !isBlankAction(row))
    .map((row) => {
      const assignee = parseAssignee(row.assignee ?? "")!;
      return {
        what: row.what!.trim(),
        assigneeUserId: "userId" in assignee ? assignee.userId : null,
        assigneeFunction: "function" in assignee ? assignee.function : null,
        dueDate: row.due!.trim(),
        municipalityCode: row.municipality?.trim() || null,
      };
    });
}

/** Cancelling: nothing to fill in, and no outcome may come with it. */
export const cancelSchema = z.object({
  outcome: z
    .string()
    .optional()
    .refine((v) => !v?.trim(), "Ett inställt möte kan inte ha något utfall. Registrera mötet som genomfört i stället."),
});

export function postponeSchema(current: { date: string }, today: string) {
  return z
    .object({ newDate: dateField, newStart: timeField.optional(), newEnd: timeField.optional() })
    .superRefine((value, ctx) => {
      if (value.newDate === current.date) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["newDate"], message: "Det nya datumet är samma som det gamla." });
      } else if (value.newDate < today) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["newDate"], message: "Det nya datumet har redan passerat." });
      }
      if (value.newStart && value.newEnd && minutesOf(value.newEnd) <= minutesOf(value.newStart)) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["newEnd"], message: "Sluttiden måste vara efter starttiden." });
      }
    });
}

export type MeetingIntent = "edit" | "record" | "cancel" | "postpone";

/**
 * Whether a meeting in `status` on `date` may take the step; null when it may, else why not (Swedish).
 * planned → held / cancelled / postponed; a held meeting's record can be corrected; cancelled and
 * postponed meetings are history.
 */
export function transitionProblem(meeting: { status: MeetingStatus; date: string }, intent: MeetingIntent, today: string): string | null {
  const { status } = meeting;
  if (status === "cancelled") {
    return intent === "record"
      ? "Ett inställt möte kan inte registreras som genomfört eller få ett utfall."
      : "Mötet är inställt och kan inte ändras.";
  }
  if (status === "postponed") return "Mötet är flyttat; ändra det nya mötet i stället.";
  if (status === "held") {
    return intent === "record" ? null : "Mötet är redan genomfört; bara anteckningar, utfall och uppföljningar kan ändras.";
  }
  if (intent === "record" && meeting.date > today) return "Mötet kan registreras som genomfört först på mötesdagen.";
  return null;
}

/** An open follow-up whose due date has passed. */
export function isOverdue(action: { status: string; dueDate: string }, today: string): boolean {
  return action.status === "open" && action.dueDate < today;
}

/**
 * Whether a meeting may be removed altogether (booked by mistake); null when it may, else why not.
 * Only what has not become history: a planned or cancelled meeting without follow-ups. A held meeting
 * counts as dialogue, and a postponed one points to the meeting that replaced it.
 */
export function deleteMeetingProblem(meeting: { status: MeetingStatus }, followUps: number): string | null {
  if (meeting.status === "held") {
    return "Ett genomfört möte kan inte tas bort: det räknas som dialog med kommunerna. Rätta anteckningarna i stället.";
  }
  if (meeting.status === "postponed") {
    return "Ett flyttat möte finns kvar i historiken. Ta bort det nya mötet i stället om det bokades av misstag.";
  }
  if (followUps > 0) return `Mötet har ${followUps === 1 ? "en uppföljning" : `${followUps} uppföljningar`} och kan inte tas bort.`;
  return null;
}

/** A removal's confirmation: a checkbox that must be ticked (the form works without JavaScript). */
export function confirmRemovalSchema(message: string) {
  return z.object({ confirm: z.literal("yes", { errorMap: () => ({ message }) }) });
}

export type FollowUpLookups = {
  userIds: ReadonlySet<number>;
  /** The municipalities the follow-up may concern: its meeting's, or its forum's members. */
  municipalityCodes: ReadonlySet<string>;
};

/** Editing one follow-up action: what, who (a person or a municipal function), due date, municipality. */
export function followUpSchema(lookups?: FollowUpLookups) {
  return z
    .object({
      what: safeName({ label: "vad som ska göras", max: 300 }),
      assignee: z.string({ required_error: "Ange vem som ansvarar: en person eller en kommunal funktion." }),
      due: z.string({ required_error: "Ange när uppföljningen ska vara klar." }).trim(),
      municipality: z.string().trim().optional(),
    })
    .superRefine((value, ctx) => {
      const at = (field: string, message: string) => ctx.addIssue({ code: z.ZodIssueCode.custom, path: [field], message });
      if (!isIsoDate(value.due)) at("due", "Ange ett datum som finns, skrivet ÅÅÅÅ-MM-DD.");
      const assignee = parseAssignee(value.assignee);
      if (!assignee) at("assignee", "Ange vem som ansvarar: en person eller en kommunal funktion.");
      else if (lookups && "userId" in assignee && !lookups.userIds.has(assignee.userId)) at("assignee", "Personen finns inte.");
      if (value.municipality && lookups && !lookups.municipalityCodes.has(value.municipality)) {
        at("municipality", "Kommunen deltog inte i mötet (direkt eller via forumet).");
      }
    });
}
export type FollowUpInput = z.infer<ReturnType<typeof followUpSchema>>;

/** The stored form of a valid follow-up edit. */
export function followUpDraft(value: FollowUpInput): FollowUpDraft {
  const assignee = parseAssignee(value.assignee)!;
  return {
    what: value.what.trim(),
    assigneeUserId: "userId" in assignee ? assignee.userId : null,
    assigneeFunction: "function" in assignee ? assignee.function : null,
    dueDate: value.due,
    municipalityCode: value.municipality || null,
  };
}

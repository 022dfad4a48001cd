import { z } from "zod";
import { freeTextField, nameField } from "./fields";
import { personalNumberProblem } from "./personal-number";

/**
 * The field schemas of meetings, forums and follow-ups: the shared ones from fields.ts, plus the
 * refusal of personal identity numbers that every text a planner writes needs.
 */

function refuse(value: string, ctx: z.RefinementCtx) {
  const problem = personalNumberProblem(value);
  if (problem) ctx.addIssue({ code: z.ZodIssueCode.custom, message: problem });
}

/** Free text without personal identity numbers. */
export function safeFreeText(options: { max?: number } = {}) {
  return freeTextField(options).superRefine(refuse);
}

/** A one-line name without personal identity numbers. */
export function safeName(options: { label: string; max?: number }) {
  return nameField(options).superRefine(refuse);
}

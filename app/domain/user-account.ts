import { z } from "zod";
import { nameField } from "./fields";
import { ROLES } from "./permissions";

/**
 * The fields an admin sets on an account (create and edit share them). strict(): a field the form does
 * not have is refused, so nothing can be slipped in beside them.
 */
export const userAccessShape = {
  // Shown in lists, the audit log and links: no control or bidi characters, something visible.
  name: nameField({ label: "namnet", max: 100 }),
  roles: z
    .array(z.enum(ROLES, { errorMap: () => ({ message: "Okänd roll." }) }), {
      required_error: "Välj minst en roll.",
    })
    .min(1, "Välj minst en roll.")
    .max(ROLES.length),
  countyCodes: z
    .array(z.string().regex(/^\d{2}$/, "Okänt län."))
    .max(21)
    .default([]),
};

type Access = { roles: string[]; countyCodes: string[] };

/** Counties belong to coordinators: a coordinator needs at least one, other roles none. */
export function countyRule(value: Access, ctx: z.RefinementCtx) {
  const coordinator = value.roles.includes("coordinator");
  if (coordinator && value.countyCodes.length === 0) {
    ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["countyCodes"], message: "En samordnare behöver minst ett län." });
  }
  if (!coordinator && value.countyCodes.length > 0) {
    ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["countyCodes"], message: "Län anges bara för samordnare." });
  }
}

import { z } from "zod";
import { safeName } from "./meeting-fields";
import { FORUM_KINDS } from "./meeting-vocabulary";

/** The forum form (create and edit); the server adds which municipalities exist and which names are taken. */
export function forumSchema(lookups?: { municipalityCodes: ReadonlySet<string>; nameTaken: (name: string) => boolean }) {
  return z
    .object({
      name: safeName({ label: "forumets namn", max: 120 }),
      kind: z.enum(FORUM_KINDS, { errorMap: () => ({ message: "Välj vilken sorts forum det är." }) }),
      members: z.array(z.string().regex(/^\d{4}$/, "Okänd kommunkod.")).min(1, "Välj minst en kommun som är medlem.").max(290),
    })
    .superRefine((value, ctx) => {
      if (!lookups) return;
      const unknown = value.members.filter((c) => !lookups.municipalityCodes.has(c));
      if (unknown.length) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["members"], message: `Det finns ingen kommun med kommunkoden ${unknown.map((c) => `"${c}"`).join(", ")}.` });
      }
      if (lookups.nameTaken(value.name)) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["name"], message: "Det finns redan ett forum med det namnet." });
      }
    });
}

/** Why a forum cannot be removed (its meetings keep it in the history), or null when it can. */
export function deleteForumProblem(meetings: number): string | null {
  if (meetings === 0) return null;
  return `Forumet har ${meetings === 1 ? "ett möte" : `${meetings} möten`} och kan inte tas bort: mötena räknas som dialog med medlemmarna. Ändra forumets namn eller medlemmar i stället.`;
}

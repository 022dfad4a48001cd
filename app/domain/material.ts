import { z } from "zod";
import { dateField } from "./fields";
import { safeName } from "./meeting-fields";

/** A new version of the dialogue material: name, version number, date and its sections (one per line). */
export function materialSchema(lookups?: { versionTaken: (name: string, version: number) => boolean }) {
  return z
    .object({
      name: safeName({ label: "materialets namn", max: 150 }),
      version: z.coerce
        .number({ invalid_type_error: "Ange versionen som ett heltal." })
        .int("Ange versionen som ett heltal.")
        .min(1, "Versionen ska vara 1 eller högre.")
        .max(999, "Ange högst 999."),
      publishedOn: dateField,
      sections: z
        .string({ required_error: "Ange materialets avsnitt, ett per rad." })
        .transform((v) => [...new Set(v.split(/\r?\n/).map((s) => s.trim()).filter(Boolean))])
        .pipe(
          z
            .array(safeName({ label: "avsnittets namn", max: 150 }))
            .min(1, "Ange materialets avsnitt, ett per rad.")
            .max(30, "Högst 30 avsnitt."),
        ),
    })
    .superRefine((value, ctx) => {
      if (lookups?.versionTaken(value.name, value.version)) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["version"], message: "Den versionen av materialet finns redan." });
      }
    });
}

/** Why a material version cannot be removed (meetings recorded its use), or null when it can. */
export function deleteMaterialProblem(material: { name: string; version: number }, meetings: number): string | null {
  if (meetings === 0) return null;
  return `${material.name}, version ${material.version}, används i ${meetings === 1 ? "ett möte" : `${meetings} möten`} och kan inte tas bort.`;
}

import { asc, desc, eq, sql } from "drizzle-orm";
import { getDb, type Db } from "../../db/client.server";
import { dialogueMaterialSections, dialogueMaterials } from "../../db/schema";
import { deleteMaterialProblem } from "../domain/material";
import { appendAudit, SYSTEM_ACTOR, type Actor } from "./audit.server";

export type MaterialInput = { name: string; version: number; publishedOn: string; sections: readonly string[] };

/** The 2025 dialogue material, seeded as version 1 (sections along the report's lines). */
export const MATERIAL_V1: MaterialInput = {
  name: "Dialogmaterial om daglig verksamhet",
  version: 1,
  publishedOn: "2025-03-01",
  sections: [
    "Daglig verksamhet mot arbete",
    "Insatser som stöder förflyttningen",
    "Rätt insatser för målgruppen",
    "Samverkansformer",
  ],
};

/** Every version with its sections, newest first. */
export function listMaterials() {
  const versions = getDb()
    .select({
      id: dialogueMaterials.id,
      name: dialogueMaterials.name,
      version: dialogueMaterials.version,
      publishedOn: dialogueMaterials.publishedOn,
      createdAt: dialogueMaterials.createdAt,
      meetings: usedBy("row"),
    })
    .from(dialogueMaterials)
    .orderBy(desc(dialogueMaterials.publishedOn), desc(dialogueMaterials.version))
    .all();
  const sections = getDb().select().from(dialogueMaterialSections).orderBy(asc(dialogueMaterialSections.materialId), asc(dialogueMaterialSections.position)).all();
  return versions.map((v) => ({
    ...v,
    sections: sections.filter((s) => s.materialId === v.id).map((s) => ({ id: s.id, title: s.title })),
  }));
}

/** The version a held meeting is recorded against: the newest. */
export function getCurrentMaterial() {
  return listMaterials()[0] ?? null;
}

export function materialVersionTaken(name: string, version: number): boolean {
  return listMaterials().some((m) => m.name.toLocaleLowerCase("sv") === name.toLocaleLowerCase("sv") && m.version === version);
}

export function createMaterial(input: MaterialInput, actor: Actor) {
  return getDb().transaction((tx) => {
    const material = tx
      .insert(dialogueMaterials)
      .values({ name: input.name, version: input.version, publishedOn: input.publishedOn })
      .returning()
      .get();
    input.sections.forEach((title, position) => {
      tx.insert(dialogueMaterialSections).values({ materialId: material.id, position, title }).run();
    });
    appendAudit(tx, { actor, action: "material.create", entityType: "dialogue_material", entityId: material.id, after: input });
    return material;
  });
}

/** Seeds version 1 once (keyed on name and version). */
export function ensureMaterialV1(): number {
  const existing = getDb()
    .select({ id: dialogueMaterials.id, name: dialogueMaterials.name, version: dialogueMaterials.version })
    .from(dialogueMaterials)
    .all()
    .find((m) => m.name === MATERIAL_V1.name && m.version === MATERIAL_V1.version);
  if (existing) return existing.id;
  return createMaterial(MATERIAL_V1, SYSTEM_ACTOR).id;
}

export function getMaterialSections(materialId: number) {
  return getDb()
    .select({ id: dialogueMaterialSections.id, title: dialogueMaterialSections.title })
    .from(dialogueMaterialSections)
    .where(eq(dialogueMaterialSections.materialId, materialId))
    .orderBy(asc(dialogueMaterialSections.position))
    .all();
}

/**
 * How many meetings name a material version or one of its sections (its use). Written with table
 * aliases: drizzle leaves columns unqualified in a one-table select, which would bind the subquery's
 * "id" to the meeting's own.
 */
function usedBy(materialId: number | "row") {
  const id = materialId === "row" ? sql.raw(`"dialogue_materials"."id"`) : sql`${materialId}`;
  return sql<number>`(select count(*) from meetings um where um.material_id = ${id}
    or exists (select 1 from meeting_sections us join dialogue_material_sections ud on ud.id = us.section_id
      where us.meeting_id = um.id and ud.material_id = ${id}))`;
}

/** Removes a version no meeting has used (checked again in the transaction), with its sections; audited. */
export function deleteMaterial(id: number, actor: Actor): { deleted: true } | { problem: string } | null {
  return getDb().transaction((tx) => {
    const before = tx.select({ name: dialogueMaterials.name, version: dialogueMaterials.version, publishedOn: dialogueMaterials.publishedOn, meetings: usedBy(id) }).from(dialogueMaterials).where(eq(dialogueMaterials.id, id)).get();
    if (!before) return null;
    const problem = deleteMaterialProblem(before, before.meetings);
    if (problem) return { problem };
    const sections = tx.select({ title: dialogueMaterialSections.title }).from(dialogueMaterialSections).where(eq(dialogueMaterialSections.materialId, id)).orderBy(asc(dialogueMaterialSections.position)).all();
    tx.delete(dialogueMaterialSections).where(eq(dialogueMaterialSections.materialId, id)).run();
    tx.delete(dialogueMaterials).where(eq(dialogueMaterials.id, id)).run();
    appendAudit(tx, {
      actor,
      action: "material.delete",
      entityType: "dialogue_material",
      entityId: id,
      before: { name: before.name, version: before.version, publishedOn: before.publishedOn, sections: sections.map((s) => s.title) },
    });
    return { deleted: true as const };
  });
}

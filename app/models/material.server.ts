import { asc, desc, eq } from "drizzle-orm";
import { getDb, type Db } from "../../db/client.server";
import { dialogueMaterialSections, dialogueMaterials } from "../../db/schema";
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
  const versions = getDb().select().from(dialogueMaterials).orderBy(desc(dialogueMaterials.publishedOn), desc(dialogueMaterials.version)).all();
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

import type { Collaboration, InterventionAccess } from "./rating";

/**
 * Example ratings that reproduce the published result of the February 2025 mapping: 203 municipalities
 * with good collaboration and access, 76 with good collaboration but unsatisfactory access (concentrated
 * in the west), 11 whose collaboration needs strengthening. Which municipality gets which rating is made
 * up, but deterministic: the same on every start and every machine. They are flagged as example data.
 */
export const EXAMPLE_DISTRIBUTION = { good: 203, accessGap: 76, needsStrengthening: 11 } as const;

/** Västra Götaland, Värmland and Halland: where the report says the access gaps are concentrated. */
export const WESTERN_COUNTIES = ["14", "17", "13"] as const;
/** How many of the 76 access gaps the example puts in the western counties (at least two thirds). */
export const EXAMPLE_WESTERN_ACCESS_GAPS = 54;

export type ExampleRating = {
  municipalityCode: string;
  collaboration: Collaboration;
  interventionAccess: InterventionAccess;
};

/** FNV-1a: a stable, well-spread order that does not follow the codes' geography. */
export function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

export function exampleRatings(
  municipalities: readonly { code: string; countyCode: string }[],
): ExampleRating[] {
  const total = EXAMPLE_DISTRIBUTION.good + EXAMPLE_DISTRIBUTION.accessGap + EXAMPLE_DISTRIBUTION.needsStrengthening;
  if (municipalities.length !== total) {
    throw new Error(`Example ratings need all ${total} municipalities, got ${municipalities.length}`);
  }
  const shuffled = [...municipalities].sort((a, b) => fnv1a(`ex:${a.code}`) - fnv1a(`ex:${b.code}`));
  const isWestern = (m: { countyCode: string }) => (WESTERN_COUNTIES as readonly string[]).includes(m.countyCode);
  const west = shuffled.filter(isWestern);
  const rest = shuffled.filter((m) => !isWestern(m));

  // The 11 lack both resources and interventions; the example spreads them over the rest of the country.
  const needsStrengthening = rest.slice(0, EXAMPLE_DISTRIBUTION.needsStrengthening);
  const accessGap = [
    ...west.slice(0, EXAMPLE_WESTERN_ACCESS_GAPS),
    ...rest.slice(
      EXAMPLE_DISTRIBUTION.needsStrengthening,
      EXAMPLE_DISTRIBUTION.needsStrengthening + EXAMPLE_DISTRIBUTION.accessGap - EXAMPLE_WESTERN_ACCESS_GAPS,
    ),
  ];
  const ns = new Set(needsStrengthening.map((m) => m.code));
  const gap = new Set(accessGap.map((m) => m.code));

  return [...municipalities]
    .sort((a, b) => a.code.localeCompare(b.code))
    .map((m) => ({
      municipalityCode: m.code,
      collaboration: ns.has(m.code) ? "needs_strengthening" : "good",
      interventionAccess: ns.has(m.code) || gap.has(m.code) ? "unsatisfactory" : "satisfactory",
    }));
}

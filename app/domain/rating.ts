/** Does the collaboration with Försäkringskassan work? (samverkan: bra / behöver stärkas) */
export const COLLABORATION_LEVELS = ["good", "needs_strengthening"] as const;
export type Collaboration = (typeof COLLABORATION_LEVELS)[number];
/** Is there satisfactory access to interventions for the target group? */
export const INTERVENTION_ACCESS_LEVELS = ["satisfactory", "unsatisfactory"] as const;
export type InterventionAccess = (typeof INTERVENTION_ACCESS_LEVELS)[number];

/** The map's colour categories, in the order the legend lists them. */
export const CATEGORIES = ["good", "access_gap", "needs_strengthening", "unrated"] as const;
export type Category = (typeof CATEGORIES)[number];

/**
 * The category a municipality falls in. Collaboration that needs strengthening outweighs
 * everything else, whatever the access to interventions (the 11 of February 2025).
 */
export function categorize(
  collaboration: Collaboration | null | undefined,
  interventionAccess: InterventionAccess | null | undefined,
): Category {
  if (!collaboration || !interventionAccess) return "unrated";
  if (collaboration === "needs_strengthening") return "needs_strengthening";
  return interventionAccess === "satisfactory" ? "good" : "access_gap";
}

/*
 * The one Swedish vocabulary of ratings: every page, table, legend, panel, CSV, PNG and print takes its
 * words from here (tests/unit/vocabulary.test.ts fails on a second definition elsewhere in app/).
 */

/** What an unrated municipality, or a rating not given yet, is called. */
export const NOT_RATED = "Ej bedömd";

/** The names of the two ratings and of the category they add up to (column heads, field names). */
export const RATING_FIELD_LABELS = {
  collaboration: "Samverkan",
  interventionAccess: "Tillgång till insatser",
  category: "Bedömning",
} as const;

export const COLLABORATION_LABELS: Record<Collaboration, string> = {
  good: "Bra samverkan",
  needs_strengthening: "Samverkan behöver stärkas",
};

export const INTERVENTION_ACCESS_LABELS: Record<InterventionAccess, string> = {
  satisfactory: "Tillfredsställande tillgång till insatser",
  unsatisfactory: "Otillfredsställande tillgång till insatser",
};

export const CATEGORY_LABELS: Record<Category, string> = {
  good: "Bra samverkan och tillgång till insatser",
  access_gap: "Bra samverkan men otillfredsställande tillgång till insatser",
  needs_strengthening: COLLABORATION_LABELS.needs_strengthening,
  unrated: NOT_RATED,
};

/** Two or three words, where a full label does not fit: the comparison's matrix columns on a phone. */
export const CATEGORY_SHORT_LABELS: Record<Category, string> = {
  good: "Bra",
  access_gap: "Brist i tillgång",
  needs_strengthening: "Behöver stärkas",
  unrated: NOT_RATED,
};

function lowerFirst(text: string): string {
  return text.charAt(0).toLocaleLowerCase("sv") + text.slice(1);
}

/**
 * The category inside a sentence after "… kommuner har": the label itself where it reads as one
 * ("203 bra samverkan och tillgång till insatser"), turned where it does not.
 */
export const CATEGORY_PHRASES: Record<Category, string> = {
  good: lowerFirst(CATEGORY_LABELS.good),
  access_gap: lowerFirst(CATEGORY_LABELS.access_gap),
  needs_strengthening: "samverkan som behöver stärkas",
  unrated: "ingen bedömning",
};

/** A rating as a table cell or panel value: its label, or "Ej bedömd" / a dash when not given. */
export function collaborationLabel(value: Collaboration | null | undefined, missing: string = NOT_RATED): string {
  return value ? COLLABORATION_LABELS[value] : missing;
}

export function interventionAccessLabel(value: InterventionAccess | null | undefined, missing: string = NOT_RATED): string {
  return value ? INTERVENTION_ACCESS_LABELS[value] : missing;
}

export function isCategory(value: string): value is Category {
  return (CATEGORIES as readonly string[]).includes(value);
}

export function countByCategory(items: readonly { category: Category }[]): Record<Category, number> {
  const counts: Record<Category, number> = { good: 0, access_gap: 0, needs_strengthening: 0, unrated: 0 };
  for (const item of items) counts[item.category] += 1;
  return counts;
}

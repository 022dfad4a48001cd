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
  needs_strengthening: "Samverkan behöver stärkas",
  unrated: "Ej bedömd",
};

export function isCategory(value: string): value is Category {
  return (CATEGORIES as readonly string[]).includes(value);
}

export function countByCategory(items: readonly { category: Category }[]): Record<Category, number> {
  const counts: Record<Category, number> = { good: 0, access_gap: 0, needs_strengthening: 0, unrated: 0 };
  for (const item of items) counts[item.category] += 1;
  return counts;
}

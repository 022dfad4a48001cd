import type { Category } from "./rating";

/** Better is higher (the same order as the side panel's change since the previous round). */
export const RANK_OF_CATEGORY: Record<Exclude<Category, "unrated">, number> = { good: 2, access_gap: 1, needs_strengthening: 0 };

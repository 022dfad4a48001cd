/**
 * Swedish alphabetical order: Å, Ä, Ö after Z, and "Upplands Väsby" before "Upplands-Bro" the way a
 * Swedish reader expects. Intl.Collator carries CLDR's Swedish rules; Node ships full ICU.
 */
const collator = new Intl.Collator("sv", { sensitivity: "base", numeric: true });

export const compareSwedish = (a: string, b: string): number => collator.compare(a, b);

export function sortSwedish<T>(items: readonly T[], key: (item: T) => string): T[] {
  return [...items].sort((a, b) => compareSwedish(key(a), key(b)));
}

/** Case- and accent-insensitive match for search boxes, but å/ä/ö stay distinct from a/o. */
export function normalizeForSearch(text: string): string {
  return text.toLocaleLowerCase("sv").trim().replace(/\s+/g, " ");
}

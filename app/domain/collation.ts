/**
 * Swedish alphabetical order: Å, Ä, Ö after Z, and "Upplands Väsby" before "Upplands-Bro" the way a
 * Swedish reader expects. Intl.Collator carries CLDR's Swedish rules; Node ships full ICU.
 */
let collator: Intl.Collator | undefined;

/**
 * Made at first use, not when the module loads: building a Swedish collator costs the browser a few
 * milliseconds of loading ICU data, which the map page would otherwise pay before it can draw.
 */
export const compareSwedish = (a: string, b: string): number =>
  (collator ??= new Intl.Collator("sv", { sensitivity: "base", numeric: true })).compare(a, b);

export function sortSwedish<T>(items: readonly T[], key: (item: T) => string): T[] {
  return [...items].sort((a, b) => compareSwedish(key(a), key(b)));
}

/** Case- and accent-insensitive match for search boxes, but å/ä/ö stay distinct from a/o. */
export function normalizeForSearch(text: string): string {
  return text.toLocaleLowerCase("sv").trim().replace(/\s+/g, " ");
}

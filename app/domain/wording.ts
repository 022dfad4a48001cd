/**
 * Swedish words and phrases the whole app shares, so each thing is said one way. Rating and status
 * labels live with their vocabularies (rating.ts, round.ts, dialogue-status.ts).
 */

/** "1 sekund", "5 sekunder": a count with the noun in the right number. */
export function pluralSv(count: number, singular: string, plural: string): string {
  return Math.abs(count) === 1 ? singular : plural;
}

/** "1 sekund", "30 sekunder". */
export function countSv(count: number, singular: string, plural: string): string {
  return `${count} ${pluralSv(count, singular, plural)}`;
}

/** "Vänta 1 sekund", "Vänta 30 sekunder": how long to wait, for throttle messages. */
export function waitSeconds(seconds: number): string {
  return `Vänta ${countSv(seconds, "sekund", "sekunder")}`;
}

/** The link that downloads what a page lists, with its filters, as a CSV file for Excel. */
export const DOWNLOAD_CSV = "Ladda ner CSV-fil";

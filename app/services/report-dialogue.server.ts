import type { ReportDialogue } from "../domain/report";
import type { MunicipalityRating } from "../models/assessment.server";

/**
 * The report's dialogue figures for the year: meetings held by format and month, municipalities
 * reached directly and through forums, reach of the latest round's priority municipalities, material
 * use and follow-up actions. Null while the app has no dialogue meetings (the meetings module has not
 * landed): the report then says so in one line instead of showing zeros.
 */
export function reportDialogue(_year: number, _latestRound: { id: number; ratings: readonly MunicipalityRating[] }): ReportDialogue | null {
  return null;
}

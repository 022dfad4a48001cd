/**
 * Route and query parameters: one parser each for the identifiers the app uses in URLs. Each returns
 * null for anything that is not exactly such an identifier, so callers answer 404 (or name the bad
 * value) instead of querying with it.
 */

/** A database id: a positive whole number of at most nine digits ("12", not "012a" or "1e3"). */
export function parseId(value: string | null | undefined): number | null {
  if (!value || !/^[1-9]\d{0,8}$/.test(value)) return null;
  return Number(value);
}

/** A four-digit municipality code (kommunkod), e.g. "0114". */
export function parseMunicipalityCode(value: string | null | undefined): string | null {
  return value && /^\d{4}$/.test(value) ? value : null;
}

/** A two-digit county code (länskod), e.g. "14". */
export function parseCountyCode(value: string | null | undefined): string | null {
  return value && /^\d{2}$/.test(value) ? value : null;
}

/** A value for a message: cut short, so a hostile parameter cannot fill a page. */
export function quoteParam(value: string): string {
  return value.length > 20 ? `${value.slice(0, 20)}…` : value;
}

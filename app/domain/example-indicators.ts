/**
 * Example indicator values for 2023–2026: invented, plausible in size and direction (more people in
 * rehabilitation collaboration, shorter waits, more leaving for work or studies), and flagged as
 * example data wherever they are shown. They are not Försäkringskassan's statistics.
 */

export const EXAMPLE_INDICATOR_SOURCE = "Exempeldata (påhittade värden)";

const YEARLY: Record<string, [number, number, number, number]> = {
  ae_rehab_collaboration: [4120, 4380, 4710, 5040],
  sfs_rehab_collaboration: [610, 655, 702, 748],
  ae_days_to_first_mapping: [118, 109, 97, 88],
  ae_interventions_after_mapping: [1830, 1975, 2160, 2390],
  ae_left_for_work_or_studies: [540, 585, 640, 702],
  sfs_left_for_work_or_studies: [96, 104, 117, 129],
  days_in_sickness_insurance: [2480, 2455, 2410, 2370],
  sfs_granted_after_ae_at_30: [310, 296, 281, 262],
};

const HALF_YEARS: Record<string, Record<string, number>> = {
  ae_days_to_first_mapping: { "2025H1": 101, "2025H2": 93, "2026H1": 89 },
};

/** 2025 per county for one indicator: small counties fall under the disclosure threshold. */
const COUNTY_2025: Record<string, number> = {
  "01": 27, "03": 5, "04": 4, "05": 6, "06": 5, "07": 3, "08": 3, "09": 1, "10": 2, "12": 17, "13": 4,
  "14": 17, "17": 3, "18": 4, "19": 3, "20": 3, "21": 3, "22": 2, "23": 1, "24": 2, "25": 2,
};

export type ExampleIndicatorValue = { indicatorKey: string; period: string; countyCode: string | null; value: number };

export function exampleIndicatorValues(): ExampleIndicatorValue[] {
  const values: ExampleIndicatorValue[] = [];
  for (const [indicatorKey, series] of Object.entries(YEARLY)) {
    series.forEach((value, i) => values.push({ indicatorKey, period: String(2023 + i), countyCode: null, value }));
  }
  for (const [indicatorKey, periods] of Object.entries(HALF_YEARS)) {
    for (const [period, value] of Object.entries(periods)) values.push({ indicatorKey, period, countyCode: null, value });
  }
  for (const [countyCode, value] of Object.entries(COUNTY_2025)) {
    values.push({ indicatorKey: "sfs_left_for_work_or_studies", period: "2025", countyCode, value });
  }
  return values;
}

import { z } from "zod";
import { freeTextField } from "./fields";

/**
 * The indicators the agency follows to measure the effects of the collaboration (the report names
 * them): aggregate figures from Försäkringskassan's own statistics, per year or half-year, for the
 * whole country or a county. The app records them; it never computes them from individuals.
 */

export const INDICATOR_BENEFITS = ["activity_compensation", "sickness_benefit_special", "both"] as const;
export type IndicatorBenefit = (typeof INDICATOR_BENEFITS)[number];

export const INDICATOR_BENEFIT_LABELS: Record<IndicatorBenefit, string> = {
  activity_compensation: "Aktivitetsersättning",
  sickness_benefit_special: "Sjukpenning i särskilda fall",
  both: "Aktivitetsersättning och sjukpenning i särskilda fall",
};

/**
 * Units: "people" values are counts of people and fall under the disclosure threshold; "days" are
 * averages or medians, which identify nobody, and are shown as they are.
 */
export const INDICATOR_UNITS = ["people", "days"] as const;
export type IndicatorUnit = (typeof INDICATOR_UNITS)[number];

export const INDICATOR_UNIT_LABELS: Record<IndicatorUnit, string> = {
  people: "personer",
  days: "dagar",
};

export type IndicatorDefinition = {
  key: string;
  name: string;
  description: string;
  unit: IndicatorUnit;
  benefit: IndicatorBenefit;
};

/** The catalogue the app starts with, in the report's order. */
export const INDICATOR_CATALOGUE: readonly IndicatorDefinition[] = [
  {
    key: "ae_rehab_collaboration",
    name: "Aktivitetsersättning i rehabiliteringssamverkan",
    description:
      "Antal personer med aktivitetsersättning som deltar i rehabiliteringssamverkan med Arbetsförmedlingen.",
    unit: "people",
    benefit: "activity_compensation",
  },
  {
    key: "sfs_rehab_collaboration",
    name: "Sjukpenning i särskilda fall i rehabiliteringssamverkan",
    description:
      "Antal personer med sjukpenning i särskilda fall som deltar i rehabiliteringssamverkan med Arbetsförmedlingen.",
    unit: "people",
    benefit: "sickness_benefit_special",
  },
  {
    key: "ae_days_to_first_mapping",
    name: "Tid till första gemensamma kartläggning",
    description:
      "Mediantid i dagar från beslut om aktivitetsersättning till den första gemensamma kartläggningen i rehabiliteringssamverkan.",
    unit: "days",
    benefit: "activity_compensation",
  },
  {
    key: "ae_interventions_after_mapping",
    name: "Vidare till insatser efter kartläggning",
    description:
      "Antal personer med aktivitetsersättning som går vidare till insatser efter den gemensamma kartläggningen.",
    unit: "people",
    benefit: "activity_compensation",
  },
  {
    key: "ae_left_for_work_or_studies",
    name: "Lämnat aktivitetsersättning för arbete eller studier",
    description: "Antal personer som lämnat aktivitetsersättning för arbete eller studier.",
    unit: "people",
    benefit: "activity_compensation",
  },
  {
    key: "sfs_left_for_work_or_studies",
    name: "Lämnat sjukpenning i särskilda fall för arbete eller studier",
    description: "Antal personer som lämnat sjukpenning i särskilda fall för arbete eller studier.",
    unit: "people",
    benefit: "sickness_benefit_special",
  },
  {
    key: "days_in_sickness_insurance",
    name: "Dagar i sjukförsäkringen",
    description:
      "Genomsnittligt antal dagar i sjukförsäkringen för personer med aktivitetsersättning eller sjukpenning i särskilda fall.",
    unit: "days",
    benefit: "both",
  },
  {
    key: "sfs_granted_after_ae_at_30",
    name: "Sjukpenning i särskilda fall efter aktivitetsersättning vid 30",
    description:
      "Antal personer som beviljats sjukpenning i särskilda fall när aktivitetsersättningen upphör vid 30 års ålder.",
    unit: "people",
    benefit: "sickness_benefit_special",
  },
];

// ---------------------------------------------------------------------------------------------
// Periods: a year ("2025") or a half-year ("2025H1", "2025H2").

export type Period = { year: number; half: 1 | 2 | null };

const PERIOD_RE = /^(\d{4})(?:\s*[Hh]([12]))?$/;

/** "2025" or "2025H1" (also "2025h1", "2025 H1"); null for anything else. */
export function parsePeriod(text: string): Period | null {
  const match = PERIOD_RE.exec(text.trim());
  if (!match) return null;
  const year = Number(match[1]);
  if (year < 1990 || year > 2100) return null;
  return { year, half: match[2] ? (Number(match[2]) as 1 | 2) : null };
}

/** The canonical form stored and exported: "2025" or "2025H1". */
export function formatPeriod(period: Period): string {
  return period.half ? `${period.year}H${period.half}` : String(period.year);
}

/** "2025", "första halvåret 2025". */
export function periodLabelSv(periodText: string): string {
  const p = parsePeriod(periodText);
  if (!p) return periodText;
  if (!p.half) return String(p.year);
  return `${p.half === 1 ? "första" : "andra"} halvåret ${p.year}`;
}

/** First day of the period, YYYY-MM-DD. */
export function periodStart(period: Period): string {
  return `${period.year}-${period.half === 2 ? "07" : "01"}-01`;
}

/** Last day of the period, YYYY-MM-DD. */
export function periodEnd(period: Period): string {
  return `${period.year}-${period.half === 1 ? "06-30" : "12-31"}`;
}

/** A period that has not begun on `today` (YYYY-MM-DD) cannot have a value yet. */
export function isFuturePeriod(period: Period, today: string): boolean {
  return periodStart(period) > today;
}

/** Sort key: years and half-years in time order, a year after its halves ("2025H1" < "2025H2" < "2025"). */
export function periodSortKey(periodText: string): string {
  const p = parsePeriod(periodText);
  if (!p) return periodText;
  return `${p.year}-${p.half ?? 3}`;
}

/** Whether a period lies within from..to (both optional, inclusive, compared by their first days). */
export function periodInRange(periodText: string, from: Period | null, to: Period | null): boolean {
  const p = parsePeriod(periodText);
  if (!p) return false;
  if (from && periodEnd(p) < periodStart(from)) return false;
  if (to && periodStart(p) > periodEnd(to)) return false;
  return true;
}

// ---------------------------------------------------------------------------------------------
// Values

/**
 * A number as people type it in Sweden or a spreadsheet exports it: "1 234", "1234,5", "1234.5",
 * with a non-breaking space as thousands separator too. Null when it is not a number.
 */
export function parseIndicatorNumber(text: string): number | null {
  const t = text.trim().replace(/[\s\u00a0\u202f]/g, "");
  if (!/^-?\d+(?:[.,]\d+)?$/.test(t)) return null;
  const n = Number(t.replace(",", "."));
  return Number.isFinite(n) ? n : null;
}

/** Why a value cannot be stored for this unit, or null when it can. */
export function valueProblem(value: number, unit: IndicatorUnit): string | null {
  if (value < 0) return "Värdet kan inte vara negativt.";
  if (unit === "people" && !Number.isInteger(value)) return "Antal personer ska vara ett heltal.";
  if (value > 10_000_000) return "Värdet är orimligt stort.";
  return null;
}

export const DEFAULT_DISCLOSURE_THRESHOLD = 5;

/**
 * A value as it may be shown outside the indicator editor: a count of people under the threshold
 * becomes "<5" (so a small group cannot be singled out); days and larger counts are kept.
 */
export function disclosedValue(value: number, unit: IndicatorUnit, threshold: number): number | string {
  if (unit === "people" && value > 0 && value < threshold) return `<${threshold}`;
  return value;
}

const numberFormat = new Intl.NumberFormat("sv-SE", { maximumFractionDigits: 1 });

/** "1 234", "12,5", "<5": a value as the page and the Word file print it. */
export function formatIndicatorValue(value: number | string | null): string {
  if (value === null) return "–";
  if (typeof value === "string") return value;
  return numberFormat.format(value);
}

/** Change since the previous value, "+12", "−3,5" (a real minus), "±0"; null when either is missing or hidden. */
export function formatChange(current: number | string | null, previous: number | string | null): string | null {
  if (typeof current !== "number" || typeof previous !== "number") return null;
  const diff = Math.round((current - previous) * 10) / 10;
  if (diff === 0) return "±0";
  return `${diff > 0 ? "+" : "−"}${numberFormat.format(Math.abs(diff))}`;
}

// ---------------------------------------------------------------------------------------------
// The entry form

/** Today as YYYY-MM-DD in Sweden (a value for a period that starts tomorrow is refused). */
export function todayInSweden(now: Date = new Date()): string {
  return new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Stockholm" }).format(now);
}

/** The entry form's fields; the indicator and county lists are checked against the database too. */
export function indicatorValueSchema(options: { indicatorKeys: readonly string[]; countyCodes: readonly string[]; today: string }) {
  return z
    .object({
      indicator: z
        .string({ required_error: "Välj en indikator." })
        .refine((k) => options.indicatorKeys.includes(k), "Välj en indikator i listan."),
      period: z
        .string({ required_error: "Ange en period, till exempel 2025 eller 2025H1." })
        .transform((text, ctx) => {
          const p = parsePeriod(text);
          if (!p) {
            ctx.addIssue({ code: z.ZodIssueCode.custom, message: "Ange perioden som ett år (2025) eller ett halvår (2025H1 eller 2025H2)." });
            return z.NEVER;
          }
          if (isFuturePeriod(p, options.today)) {
            ctx.addIssue({ code: z.ZodIssueCode.custom, message: `Perioden ${formatPeriod(p)} har inte börjat än; ett värde kan bara anges för en period som har börjat.` });
            return z.NEVER;
          }
          return formatPeriod(p);
        }),
      county: z
        .string()
        .optional()
        .refine((c) => !c || options.countyCodes.includes(c), "Välj ett län i listan, eller Hela riket."),
      value: z.string({ required_error: "Ange ett värde." }).transform((text, ctx) => {
        const n = parseIndicatorNumber(text);
        if (n === null) {
          ctx.addIssue({ code: z.ZodIssueCode.custom, message: `"${text.slice(0, 30)}" är inte ett tal. Skriv till exempel 1234 eller 12,5.` });
          return z.NEVER;
        }
        return n;
      }),
      source: freeTextField({ max: 200 }).optional(),
      note: freeTextField({ max: 500 }).optional(),
    })
    .transform((v) => ({ ...v, county: v.county || null, source: v.source ?? "", note: v.note ?? "" }));
}

/**
 * Generated data for measuring the app at scale (`npm run db:seed-scale`): mapping rounds with every
 * municipality assessed and a history of versions per assessment. Deterministic for a seed, so two
 * databases seeded alike hold the same data. Pure: the command writes it through a model.
 */
import { addMonths, endOfMonth, format, startOfMonth, subMonths } from "date-fns";
import type { Collaboration, InterventionAccess } from "./rating";

export type ScaleVersion = {
  collaboration: Collaboration;
  interventionAccess: InterventionAccess;
  comment: string;
  /** ISO timestamp of this version. */
  changedAt: string;
};

export type ScaleAssessment = { municipalityCode: string; versions: ScaleVersion[] };

export type ScaleRound = { name: string; periodStart: string; periodEnd: string; assessments: ScaleAssessment[] };

/** Every generated round's name starts with this, so the data says what it is. */
export const SCALE_ROUND_PREFIX = "Belastningsprov";

const COMMENTS = [
  "",
  "",
  "",
  "Uppföljning planerad under nästa kvartal.",
  "Ny kontaktperson på kommunen.",
  "Samverkansöverenskommelse under arbete.",
  "Gemensam utbildning genomförd.",
  "Väntar på besked från socialtjänsten.",
];

/** mulberry32: a small, fast, seedable generator (not for anything secret). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * `rounds` quarterly rounds, the newest ending with the month before `today` (YYYY-MM-DD), each with
 * every municipality assessed in 1–4 versions; ratings drift a little from round to round.
 */
export function scaleRounds(options: { rounds: number; municipalityCodes: readonly string[]; today: string; seed?: number }): ScaleRound[] {
  const random = seededRandom(options.seed ?? 2025);
  const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)]!;
  // Each municipality's current state, carried from round to round.
  const state = new Map(
    options.municipalityCodes.map((code) => [
      code,
      {
        collaboration: (random() < 0.9 ? "good" : "needs_strengthening") as Collaboration,
        interventionAccess: (random() < 0.75 ? "satisfactory" : "unsatisfactory") as InterventionAccess,
      },
    ]),
  );
  const lastMonth = startOfMonth(subMonths(new Date(`${options.today}T12:00:00Z`), 1));
  const rounds: ScaleRound[] = [];
  for (let i = options.rounds - 1; i >= 0; i--) {
    const start = subMonths(lastMonth, i * 3 + 2);
    const end = endOfMonth(addMonths(start, 2));
    const periodStart = format(start, "yyyy-MM-dd");
    const periodEnd = format(end, "yyyy-MM-dd");
    const assessments = options.municipalityCodes.map((code): ScaleAssessment => {
      const current = state.get(code)!;
      const versions: ScaleVersion[] = [];
      const count = 1 + Math.floor(random() * 4);
      for (let v = 0; v < count; v++) {
        if (random() < 0.1) current.collaboration = current.collaboration === "good" ? "needs_strengthening" : "good";
        if (random() < 0.15) current.interventionAccess = current.interventionAccess === "satisfactory" ? "unsatisfactory" : "satisfactory";
        // Versions in the round's last weeks, in order.
        const day = Math.min(28, 1 + v * 7 + Math.floor(random() * 6));
        versions.push({
          ...current,
          comment: pick(COMMENTS),
          changedAt: `${format(end, "yyyy-MM")}-${String(day).padStart(2, "0")}T${String(8 + v).padStart(2, "0")}:${String(Math.floor(random() * 60)).padStart(2, "0")}:00.000Z`,
        });
      }
      return { municipalityCode: code, versions };
    });
    rounds.push({ name: `${SCALE_ROUND_PREFIX} ${periodStart.slice(0, 7)}`, periodStart, periodEnd, assessments });
  }
  return rounds;
}

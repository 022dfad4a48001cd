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

// ---------------------------------------------------------------------------------------------------
// Dialogue meetings and follow-up actions

export type ScaleAction = {
  municipalityCode: string | null;
  what: string;
  /** Index (0-based) of the generated planner it is assigned to, or null for a municipal function. */
  assignee: number | null;
  dueDate: string;
  status: "open" | "done";
};

export type ScaleMeeting = {
  /** The meeting's place in the generated sequence: its import key, so a second run adds nothing. */
  key: string;
  date: string;
  startTime: string;
  endTime: string;
  format: "dialogue" | "preparatory_group";
  status: "planned" | "held" | "cancelled";
  /** Index (0-based) of the generated forum, for a meeting held through a forum. */
  forum: number | null;
  municipalityCodes: string[];
  /** Indexes of the generated planners taking part (the first one booked it). */
  participants: number[];
  municipalParticipants: number;
  actions: ScaleAction[];
};

export const SCALE_FORUMS = 60;
export const SCALE_PLANNERS = 20;

/** The generated forums: a name each and the municipalities that are members (4–11 of them). */
export function scaleForums(options: { municipalityCodes: readonly string[]; seed?: number }): { name: string; members: string[] }[] {
  const random = seededRandom((options.seed ?? 2025) + 1);
  const pick = () => options.municipalityCodes[Math.floor(random() * options.municipalityCodes.length)]!;
  return Array.from({ length: SCALE_FORUMS }, (_, f) => ({
    name: `${SCALE_ROUND_PREFIX} forum ${f + 1}`,
    members: [...new Set(Array.from({ length: 4 + Math.floor(random() * 8) }, pick))].sort(),
  }));
}

const ACTION_TEXTS = ["Boka uppföljande möte", "Skicka dialogmaterialet", "Ta fram kontaktlista", "Återkoppla om insatser", "Samordna med socialtjänsten"];

/**
 * `meetings` dialogue meetings between 2021 and two years after `today` (held, cancelled or planned
 * by date; 15 % through a forum, the rest with 1–3 municipalities), with 1–2 of the generated planners
 * and a count of municipal participants, and `actions` follow-up actions spread evenly over them (due
 * 2–18 weeks after the meeting, done or open). Yields one meeting at a time, so 50,000 meetings and
 * 100,000 actions never sit in memory at once. Deterministic for a seed.
 */
export function* scaleMeetings(options: {
  meetings: number;
  actions: number;
  municipalityCodes: readonly string[];
  forums: readonly { members: readonly string[] }[];
  today: string;
  seed?: number;
}): Generator<ScaleMeeting> {
  const random = seededRandom((options.seed ?? 2025) + 2);
  const codes = options.municipalityCodes;
  const pickCode = () => codes[Math.floor(random() * codes.length)]!;
  const first = Date.UTC(2021, 0, 1);
  const last = Date.parse(`${options.today}T00:00:00Z`) + 2 * 365 * 864e5;
  const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  for (let i = 0; i < options.meetings; i++) {
    const at = first + Math.floor(random() * ((last - first) / 864e5)) * 864e5;
    const date = day(at);
    const x = random();
    const status = date > options.today ? "planned" : x < 0.88 ? "held" : "cancelled";
    const forum = options.forums.length && random() < 0.15 ? Math.floor(random() * options.forums.length) : null;
    const municipalityCodes = forum === null ? [...new Set(Array.from({ length: 1 + Math.floor(random() * 3) }, pickCode))].sort() : [];
    const hour = 8 + Math.floor(random() * 8);
    const planner = Math.floor(random() * SCALE_PLANNERS);
    const other = Math.floor(random() * SCALE_PLANNERS);
    const concerned = forum === null ? municipalityCodes : options.forums[forum]!.members;
    // An even share of the actions: the first (actions mod meetings) meetings get one more.
    const count = Math.floor(options.actions / options.meetings) + (i < options.actions % options.meetings ? 1 : 0);
    const actions: ScaleAction[] = Array.from({ length: options.meetings ? count : 0 }, () => {
      const toPlanner = random() < 0.5;
      const dueDate = day(at + (14 + Math.floor(random() * 112)) * 864e5);
      return {
        municipalityCode: concerned.length ? concerned[Math.floor(random() * concerned.length)]! : null,
        what: ACTION_TEXTS[Math.floor(random() * ACTION_TEXTS.length)]!,
        assignee: toPlanner ? Math.floor(random() * SCALE_PLANNERS) : null,
        dueDate,
        status: status === "held" && dueDate <= options.today && random() < 0.7 ? "done" : "open",
      };
    });
    yield {
      key: `${SCALE_ROUND_PREFIX.toLowerCase()}:${options.seed ?? 2025}:${i}`,
      date,
      startTime: `${String(hour).padStart(2, "0")}:00`,
      endTime: `${String(hour + 1).padStart(2, "0")}:30`,
      format: forum === null ? "dialogue" : "preparatory_group",
      status,
      forum,
      municipalityCodes,
      participants: other === planner || random() < 0.5 ? [planner] : [planner, other],
      municipalParticipants: 1 + Math.floor(random() * 4),
      actions,
    };
  }
}

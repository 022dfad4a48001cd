import type { Channel } from "./channels";
import { categorize, type Collaboration, type InterventionAccess } from "./rating";
import { fnv1a, type ExampleRating } from "./example-ratings";

/**
 * The example follow-up round "Uppföljning våren 2026" (the report's planned follow-up), derived from
 * the February 2025 example ratings with believable movement: most of the 11 whose collaboration
 * needed strengthening improved after a dialogue meeting, some access gaps closed, a few municipalities
 * worsened, some changed how they meet the agency, and every change has a comment saying why.
 * Invented, deterministic (the same on every machine), flagged as example data.
 */
export const EXAMPLE_FOLLOW_UP_ROUND = {
  name: "Uppföljning våren 2026",
  periodStart: "2026-03-01",
  periodEnd: "2026-05-31",
} as const;

/** How many move, out of the February 2025 groups. */
export const FOLLOW_UP_MOVES = {
  /** Of the 11: collaboration now good, access satisfactory too. */
  needsStrengtheningToGood: 3,
  /** Of the 11: collaboration now good, access still unsatisfactory. */
  needsStrengtheningToAccessGap: 4,
  /** Of the 76 access gaps: access now satisfactory. */
  accessGapToGood: 18,
  /** Of the 203 good: access now unsatisfactory. */
  goodToAccessGap: 3,
  /** Of the 203 good: collaboration now needs strengthening. */
  goodToNeedsStrengthening: 1,
  /** Unchanged ratings whose channels changed. */
  channelChanges: 25,
} as const;

export type ExampleAssessment = ExampleRating & { channels: Channel[]; channelOther: string; comment: string };

const BASE_CHANNEL_SETS: Channel[][] = [
  ["coordination_preparatory_group", "caseworker_contact"],
  ["coordination_steering_group", "coordination_preparatory_group", "information_meetings"],
  ["municipal_federation", "caseworker_contact"],
  ["caseworker_contact"],
  ["coordination_management_group", "daily_activity_network"],
  ["information_meetings", "caseworker_contact"],
  ["coordination_preparatory_group", "daily_activity_network", "caseworker_contact"],
];

/** The channels an example municipality met the agency through in February 2025. */
export function exampleChannels(code: string): Channel[] {
  return BASE_CHANNEL_SETS[fnv1a(`ch:${code}`) % BASE_CHANNEL_SETS.length]!;
}

const COMMENTS = {
  needsStrengtheningToGood: [
    "Efter dialogmötet hösten 2025 finns en gemensam kontaktperson och en plan för insatser. Samverkan fungerar nu.",
    "Kommunen har återstartat beredningsgruppen i samordningsförbundet efter dialogmötet; insatserna räcker till målgruppen.",
    "Ny överenskommelse om samverkan efter dialogmöte. Kommunen har byggt ut sin arbetsmarknadsenhet.",
  ],
  needsStrengtheningToAccessGap: [
    "Samverkan fungerar efter dialogmötet, men kommunen saknar fortfarande insatser för målgruppen.",
    "Regelbundna möten på handläggarnivå sedan hösten 2025. Insatserna är ännu för få.",
  ],
  accessGapToGood: [
    "Kommunen har startat en ny insats via samordningsförbundet; tillgången bedöms nu som tillfredsställande.",
    "Nya platser i daglig verksamhet och en arbetsträningsinsats sedan årsskiftet.",
    "Insatser köps nu in via kommunalförbundet, vilket har stängt gapet.",
  ],
  goodToAccessGap: [
    "Kommunens arbetsmarknadsinsats lades ned vid årsskiftet; tillgången räcker inte längre.",
    "Projektfinansieringen för insatsen upphörde 2025.",
  ],
  goodToNeedsStrengthening: ["Kontaktpersonen har slutat och mötena har upphört; samverkan behöver byggas upp igen."],
  channels: [
    "Deltar nu även i styrgruppen i samordningsförbundet.",
    "Informationsträffarna har ersatts av kontakt på handläggarnivå.",
    "Nätverket för daglig verksamhet har startat i länet.",
  ],
};

/**
 * The follow-up's assessments, one per municipality of `base` (the February 2025 example ratings).
 * Chosen by a hash of the code, so the same municipalities move on every start.
 */
export function exampleFollowUp(base: readonly ExampleRating[]): ExampleAssessment[] {
  const order = (salt: string) => (a: ExampleRating, b: ExampleRating) =>
    fnv1a(`${salt}:${a.municipalityCode}`) - fnv1a(`${salt}:${b.municipalityCode}`);
  const group = (category: string) =>
    base.filter((r) => categorize(r.collaboration, r.interventionAccess) === category);

  const moves = new Map<string, { collaboration: Collaboration; interventionAccess: InterventionAccess; comment: string }>();
  const take = (rows: ExampleRating[], count: number, to: [Collaboration, InterventionAccess], comments: string[]) => {
    rows.slice(0, count).forEach((r, i) =>
      moves.set(r.municipalityCode, { collaboration: to[0], interventionAccess: to[1], comment: comments[i % comments.length]! }),
    );
    return rows.slice(count);
  };
  let ns = [...group("needs_strengthening")].sort(order("ns"));
  ns = take(ns, FOLLOW_UP_MOVES.needsStrengtheningToGood, ["good", "satisfactory"], COMMENTS.needsStrengtheningToGood);
  take(ns, FOLLOW_UP_MOVES.needsStrengtheningToAccessGap, ["good", "unsatisfactory"], COMMENTS.needsStrengtheningToAccessGap);
  take([...group("access_gap")].sort(order("gap")), FOLLOW_UP_MOVES.accessGapToGood, ["good", "satisfactory"], COMMENTS.accessGapToGood);
  let good = [...group("good")].sort(order("good"));
  good = take(good, FOLLOW_UP_MOVES.goodToAccessGap, ["good", "unsatisfactory"], COMMENTS.goodToAccessGap);
  take(good, FOLLOW_UP_MOVES.goodToNeedsStrengthening, ["needs_strengthening", "unsatisfactory"], COMMENTS.goodToNeedsStrengthening);

  const channelChanges = new Set(
    base
      .filter((r) => !moves.has(r.municipalityCode))
      .sort(order("chg"))
      .slice(0, FOLLOW_UP_MOVES.channelChanges)
      .map((r) => r.municipalityCode),
  );

  return base.map((r) => {
    const move = moves.get(r.municipalityCode);
    const channels = [...exampleChannels(r.municipalityCode)];
    let comment = move?.comment ?? "";
    if (channelChanges.has(r.municipalityCode)) {
      let which = fnv1a(`chc:${r.municipalityCode}`) % COMMENTS.channels.length;
      if (which === 0 && channels.includes("coordination_steering_group")) which = 2;
      if (which === 1 && !channels.includes("information_meetings")) which = 2;
      if (which === 2 && channels.includes("daily_activity_network")) which = 0;
      if (which === 0) channels.push("coordination_steering_group");
      else if (which === 1) {
        channels.splice(channels.indexOf("information_meetings"), 1);
        channels.push("caseworker_contact");
      } else channels.push("daily_activity_network");
      comment = COMMENTS.channels[which]!;
    }
    // Improved after dialogue: the dialogue meetings themselves are a channel worth recording.
    const other = move && r.collaboration === "needs_strengthening" ? "Dialogmöte med Försäkringskassan" : "";
    if (other) channels.push("other");
    return {
      municipalityCode: r.municipalityCode,
      collaboration: move?.collaboration ?? r.collaboration,
      interventionAccess: move?.interventionAccess ?? r.interventionAccess,
      channels: [...new Set(channels)],
      channelOther: other,
      comment,
    };
  });
}

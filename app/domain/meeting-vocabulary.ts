/**
 * The words of dialogue meetings (dialogmöten): formats, statuses, the municipal functions that take
 * part, forum kinds and follow-up statuses, each with its Swedish label. db/schema.ts stores these.
 */

export const MEETING_FORMATS = [
  "dialogue",
  "information",
  "preparatory_group",
  "steering_group",
  "management_group",
  "network",
  "caseworker_contact",
  "other",
] as const;
export type MeetingFormat = (typeof MEETING_FORMATS)[number];

export const MEETING_FORMAT_LABELS: Record<MeetingFormat, string> = {
  dialogue: "Dialogmöte",
  information: "Informationsträff",
  preparatory_group: "Beredningsgrupp",
  steering_group: "Styrgrupp",
  management_group: "Chefsgrupp",
  network: "Nätverk",
  caseworker_contact: "Kontakt på handläggarnivå",
  other: "Annat",
};

/** planned → held / cancelled / postponed (to a new date, where a new planned meeting takes over). */
export const MEETING_STATUSES = ["planned", "held", "cancelled", "postponed"] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];

export const MEETING_STATUS_LABELS: Record<MeetingStatus, string> = {
  planned: "Planerat",
  held: "Genomfört",
  cancelled: "Inställt",
  postponed: "Flyttat",
};

/** Municipal participants are recorded by function only, never by name. */
export const MUNICIPAL_FUNCTIONS = [
  "daily_activities",
  "financial_assistance",
  "social_services_lss",
  "labour_market_unit",
  "management",
  "coordination_association",
  "other",
] as const;
export type MunicipalFunction = (typeof MUNICIPAL_FUNCTIONS)[number];

export const MUNICIPAL_FUNCTION_LABELS: Record<MunicipalFunction, string> = {
  daily_activities: "Daglig verksamhet",
  financial_assistance: "Ekonomiskt bistånd",
  social_services_lss: "Socialtjänst/LSS",
  labour_market_unit: "Arbetsmarknadsenhet",
  management: "Ledning",
  coordination_association: "Samordningsförbund",
  other: "Annan funktion",
};

export const FORUM_KINDS = ["coordination_association", "municipal_association", "daily_activities_network", "other"] as const;
export type ForumKind = (typeof FORUM_KINDS)[number];

export const FORUM_KIND_LABELS: Record<ForumKind, string> = {
  coordination_association: "Samordningsförbund",
  municipal_association: "Kommunalförbund",
  daily_activities_network: "Nätverk för daglig verksamhet",
  other: "Annat",
};

export const FOLLOW_UP_STATUSES = ["open", "done"] as const;
export type FollowUpStatus = (typeof FOLLOW_UP_STATUSES)[number];

export const FOLLOW_UP_STATUS_LABELS: Record<FollowUpStatus, string> = {
  open: "Öppen",
  done: "Klar",
};

export function isMeetingFormat(value: string): value is MeetingFormat {
  return (MEETING_FORMATS as readonly string[]).includes(value);
}
export function isMeetingStatus(value: string): value is MeetingStatus {
  return (MEETING_STATUSES as readonly string[]).includes(value);
}
export function isMunicipalFunction(value: string): value is MunicipalFunction {
  return (MUNICIPAL_FUNCTIONS as readonly string[]).includes(value);
}
export function isForumKind(value: string): value is ForumKind {
  return (FORUM_KINDS as readonly string[]).includes(value);
}

/** Finds a format by its Swedish label or its code, ignoring case ("dialogmöte", "Styrgrupp", "network"). */
export function formatFromText(text: string): MeetingFormat | null {
  const t = text.trim().toLocaleLowerCase("sv");
  if (isMeetingFormat(t)) return t;
  for (const f of MEETING_FORMATS) if (MEETING_FORMAT_LABELS[f].toLocaleLowerCase("sv") === t) return f;
  return null;
}

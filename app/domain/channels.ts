/**
 * Where Försäkringskassan meets a municipality (kanaler för samverkan), as the mapping records it.
 * Several may apply; "other" (annat) needs a text saying what it is.
 */
export const CHANNELS = [
  "coordination_preparatory_group",
  "coordination_steering_group",
  "coordination_management_group",
  "municipal_federation",
  "information_meetings",
  "daily_activity_network",
  "caseworker_contact",
  "other",
] as const;
export type Channel = (typeof CHANNELS)[number];

export const CHANNEL_LABELS: Record<Channel, string> = {
  coordination_preparatory_group: "Samordningsförbund: beredningsgrupp",
  coordination_steering_group: "Samordningsförbund: styrgrupp",
  coordination_management_group: "Samordningsförbund: chefsgrupp",
  municipal_federation: "Kommunalförbund",
  information_meetings: "Informationsträffar",
  daily_activity_network: "Nätverk för daglig verksamhet",
  caseworker_contact: "Kontakt på handläggarnivå",
  other: "Annat",
};

export function isChannel(value: string): value is Channel {
  return (CHANNELS as readonly string[]).includes(value);
}

/** The stored JSON array, read leniently: unknown keys (from a later version) are dropped, order is the vocabulary's. */
export function parseChannels(json: string | null | undefined): Channel[] {
  if (!json) return [];
  try {
    const value: unknown = JSON.parse(json);
    if (!Array.isArray(value)) return [];
    const set = new Set(value.filter((v): v is string => typeof v === "string"));
    return CHANNELS.filter((c) => set.has(c));
  } catch {
    return [];
  }
}

/** The JSON the database stores: known channels, no duplicates, in the vocabulary's order. */
export function serializeChannels(channels: readonly Channel[]): string {
  const set = new Set(channels);
  return JSON.stringify(CHANNELS.filter((c) => set.has(c)));
}

/** "Kommunalförbund, Annat: regionala nätverket" */
export function formatChannels(channels: readonly Channel[], other: string): string {
  return channels
    .map((c) => (c === "other" && other ? `${CHANNEL_LABELS.other}: ${other}` : CHANNEL_LABELS[c]))
    .join(", ");
}

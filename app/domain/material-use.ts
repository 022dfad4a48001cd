import type { ContactVia } from "./dialogue-status";

/**
 * How the dialogue material has been used: per version and section, the held meetings where it was
 * used and the municipalities they reached (directly, or through a forum's members); per county; and
 * how many of the round's priority municipalities were reached this year.
 */

export type MaterialMeeting = {
  id: number;
  date: string;
  materialId: number | null;
  materialUsed: boolean;
  sectionIds: readonly number[];
  /** Met directly. */
  municipalityCodes: readonly string[];
  /** Members of the meeting's forum (met indirectly). */
  forumMemberCodes: readonly string[];
};

export type MaterialVersion = { id: number; name: string; version: number; sections: readonly { id: number; title: string }[] };

export type UseCount = { meetings: number; municipalities: number; direct: number; viaForum: number };

function reachedBy(meetings: readonly MaterialMeeting[]): { direct: Set<string>; forum: Set<string> } {
  const direct = new Set<string>();
  const forum = new Set<string>();
  for (const m of meetings) {
    for (const c of m.municipalityCodes) direct.add(c);
    for (const c of m.forumMemberCodes) forum.add(c);
  }
  for (const c of direct) forum.delete(c);
  return { direct, forum };
}

function count(meetings: readonly MaterialMeeting[]): UseCount {
  const { direct, forum } = reachedBy(meetings);
  return { meetings: meetings.length, municipalities: direct.size + forum.size, direct: direct.size, viaForum: forum.size };
}

export function materialUse(
  versions: readonly MaterialVersion[],
  meetings: readonly MaterialMeeting[],
  options: {
    countyOf: ReadonlyMap<string, string>;
    counties: readonly { code: string; name: string }[];
    /** The round's municipalities needing stronger collaboration, and those with poor access. */
    needsStrengthening: readonly string[];
    accessGap: readonly string[];
    /** YYYY: "this year". */
    year: string;
  },
) {
  const used = meetings.filter((m) => m.materialUsed && m.materialId !== null);
  const perVersion = versions.map((v) => {
    const ofVersion = used.filter((m) => m.materialId === v.id);
    return {
      id: v.id,
      name: v.name,
      version: v.version,
      total: count(ofVersion),
      sections: v.sections.map((s) => ({ id: s.id, title: s.title, ...count(ofVersion.filter((m) => m.sectionIds.includes(s.id))) })),
    };
  });

  const perCounty = options.counties
    .map((c) => {
      const ofCounty = used.filter((m) => [...m.municipalityCodes, ...m.forumMemberCodes].some((code) => options.countyOf.get(code) === c.code));
      const { direct, forum } = reachedBy(ofCounty);
      const inCounty = (s: Set<string>) => [...s].filter((code) => options.countyOf.get(code) === c.code).length;
      return { code: c.code, name: c.name, meetings: ofCounty.length, direct: inCounty(direct), viaForum: inCounty(forum) };
    })
    .filter((c) => c.meetings > 0);

  // Reach this year counts every held meeting, with or without the material.
  const thisYear = reachedBy(meetings.filter((m) => m.date.startsWith(options.year)));
  const reach = (codes: readonly string[]) => {
    const via: Record<ContactVia, number> = { direct: 0, forum: 0 };
    for (const c of codes) {
      if (thisYear.direct.has(c)) via.direct += 1;
      else if (thisYear.forum.has(c)) via.forum += 1;
    }
    return { total: codes.length, reached: via.direct + via.forum, direct: via.direct, viaForum: via.forum };
  };
  return {
    perVersion,
    perCounty,
    reachedThisYear: { needsStrengthening: reach(options.needsStrengthening), accessGap: reach(options.accessGap) },
  };
}

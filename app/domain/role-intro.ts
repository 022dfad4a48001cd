import { ROLE_GRANTS, ROLE_LABELS, ROLES, type Role } from "./permissions";

/**
 * The line at the top of the start page saying what the signed-in person can do in the app today.
 * Keep it true: when a feature lands, add its phrase to `now`; `later` names what a role will do but
 * cannot yet ("går inte i appen ännu"). `{counties}` stands for the person's counties.
 */
export const ROLE_ABILITIES: Record<Role, { now: readonly string[]; later?: readonly string[] }> = {
  admin: {
    now: [
      "hantera konton, roller och län under Administration",
      "lägga upp, öppna, stänga och återöppna kartläggningar",
      "bedöma och importera bedömningar för alla kommuner",
      "planera och dokumentera dialogmöten",
      "föra in indikatorer",
      "läsa loggen",
    ],
  },
  manager: {
    now: ["lägga upp, öppna och stänga kartläggningar", "föra in indikatorer", "läsa loggen"],
  },
  coordinator: {
    now: ["bedöma kommunerna i {counties} i den öppna kartläggningen, i formuläret eller genom att importera en CSV-fil"],
  },
  planner: {
    now: ["planera och dokumentera dialogmöten", "hantera forum och dialogmaterial"],
  },
};

/** What every signed-in person can do. */
const EVERYONE = "se kartan, kartläggningarna och jämförelserna mellan dem, prioriteringarna, dialogmötena och årsrapporten och ladda ner dem";

function joinSwedish(parts: readonly string[]): string {
  if (parts.length <= 1) return parts.join("");
  return `${parts.slice(0, -1).join(", ")} och ${parts[parts.length - 1]}`;
}

/**
 * "Som samordnare kan du se kartan, … och bedöma kommunerna i Hallands län i den öppna kartläggningen, …."
 * Roles in the app's order; a person with several gets every ability once (an admin who is also a
 * manager reads the admin's fuller phrase about rounds only).
 */
export function roleIntro(user: { roles: readonly Role[]; countyNames: readonly string[] }): string {
  const roles = ROLES.filter((r) => user.roles.includes(r));
  if (roles.length === 0) return `Du kan ${EVERYONE}.`;
  const who = joinSwedish(roles.map((r) => ROLE_LABELS[r].toLocaleLowerCase("sv")));
  const counties = user.countyNames.length ? joinSwedish(user.countyNames) : "dina län";
  const abilities = [...new Set(roles.flatMap((r) => ROLE_ABILITIES[r].now))]
    .filter((a) => !(a === ROLE_ABILITIES.manager.now[0] && roles.includes("admin")))
    // An admin already rates every municipality: a coordinator's own counties say nothing more.
    .filter((a) => !(a === ROLE_ABILITIES.coordinator.now[0] && roles.includes("admin")))
    .map((a) => a.replace("{counties}", counties));
  const now = [EVERYONE, ...abilities];
  const later = [...new Set(roles.flatMap((r) => ROLE_ABILITIES[r].later ?? []))].map((l) => l.replace("{counties}", counties));
  const laterText = later.length
    ? ` Att ${joinSwedish(later)} går inte i appen ännu.`
    : "";
  return `Som ${who} kan du ${joinSwedish(now)}.${laterText}`;
}

/** The roles that hold a permission, in words ("en chef eller administratör"), e.g. who can open a round. */
export function rolesThatCan(permission: (typeof ROLE_GRANTS)[Role][number]["permission"]): string {
  const roles = ROLES.filter((r) => ROLE_GRANTS[r].some((g) => g.permission === permission));
  const names = roles.map((r) => ROLE_LABELS[r].toLocaleLowerCase("sv"));
  if (names.length === 0) return "ingen";
  return `en ${names.length === 1 ? names[0] : `${names.slice(0, -1).join(", ")} eller ${names[names.length - 1]}`}`;
}

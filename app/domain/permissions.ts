export const ROLES = ["admin", "manager", "coordinator", "planner"] as const;
export type Role = (typeof ROLES)[number];

/**
 * What each role may do. Reading ratings, rounds, municipalities and exports is open to every signed-in
 * user; everything else is a permission below. `update:rating` is the one scoped permission: a
 * coordinator holds it only for municipalities in their own counties.
 */
export const PERMISSIONS = [
  "update:rating",
  "manage:rounds",
  /** Reopening a closed round (admins only; the reason is audited). */
  "reopen:rounds",
  "manage:users",
  "read:audit",
  "manage:meetings",
  "manage:forums",
  "manage:catalogue",
  "import:data",
  "manage:indicators",
] as const;
export type Permission = (typeof PERMISSIONS)[number];

type Grant = { permission: Permission; scope: "all" | "own-counties" };

export const ROLE_GRANTS: Record<Role, readonly Grant[]> = {
  admin: PERMISSIONS.map((permission) => ({ permission, scope: "all" as const })),
  manager: [
    { permission: "manage:rounds", scope: "all" },
    { permission: "read:audit", scope: "all" },
    { permission: "manage:indicators", scope: "all" },
  ],
  coordinator: [{ permission: "update:rating", scope: "own-counties" }],
  planner: [
    { permission: "manage:meetings", scope: "all" },
    { permission: "manage:forums", scope: "all" },
    { permission: "manage:catalogue", scope: "all" },
  ],
};

export const ROLE_LABELS: Record<Role, string> = {
  admin: "Administratör",
  manager: "Chef",
  coordinator: "Samordnare",
  planner: "Planerare",
};

export type PermissionSubject = { roles: readonly Role[]; countyCodes: readonly string[] };

/**
 * Whether the user may do `permission`. For a scoped grant the county of the thing being changed must
 * be given and be one of the user's counties; without a county only an unscoped grant counts.
 */
export function can(user: PermissionSubject, permission: Permission, target: { countyCode?: string } = {}): boolean {
  for (const role of user.roles) {
    for (const grant of ROLE_GRANTS[role] ?? []) {
      if (grant.permission !== permission) continue;
      if (grant.scope === "all") return true;
      if (target.countyCode !== undefined && user.countyCodes.includes(target.countyCode)) return true;
    }
  }
  return false;
}

/** Whether the user holds the permission anywhere at all (to show or hide an edit button). */
export function canAnywhere(user: PermissionSubject, permission: Permission): boolean {
  return user.roles.some((role) =>
    (ROLE_GRANTS[role] ?? []).some(
      (g) => g.permission === permission && (g.scope === "all" || user.countyCodes.length > 0),
    ),
  );
}

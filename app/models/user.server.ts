import { eq, inArray } from "drizzle-orm";
import { getDb, type Db } from "../../db/client.server";
import { passwords, userCounties, userRoles, users, type Role } from "../../db/schema";
import { appendAudit, type Actor } from "./audit.server";

export type NewUser = {
  email: string;
  name: string;
  roles: readonly Role[];
  countyCodes?: readonly string[];
  passwordHash: string;
  mustChangePassword?: boolean;
};

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** Creates a user with roles, counties and password in one audited transaction. */
export function createUser(db: Db, input: NewUser, actor: Actor) {
  return db.transaction((tx) => {
    const now = new Date().toISOString();
    const user = tx
      .insert(users)
      .values({
        email: normalizeEmail(input.email),
        name: input.name.trim(),
        mustChangePassword: input.mustChangePassword ?? false,
      })
      .returning()
      .get();
    tx.insert(passwords).values({ userId: user.id, hash: input.passwordHash, updatedAt: now }).run();
    for (const role of new Set(input.roles)) tx.insert(userRoles).values({ userId: user.id, role }).run();
    for (const countyCode of new Set(input.countyCodes ?? [])) {
      tx.insert(userCounties).values({ userId: user.id, countyCode }).run();
    }
    appendAudit(tx, {
      actor,
      action: "user.create",
      entityType: "user",
      entityId: user.id,
      after: { email: user.email, name: user.name, roles: input.roles, counties: input.countyCodes ?? [] },
    });
    return user;
  });
}

export function getUserByEmail(email: string) {
  return getDb().select().from(users).where(eq(users.email, normalizeEmail(email))).get();
}

export function hasAdmin(db: Db): boolean {
  return !!db
    .select({ userId: userRoles.userId })
    .from(userRoles)
    .innerJoin(users, eq(users.id, userRoles.userId))
    .where(inArray(userRoles.role, ["admin"]))
    .get();
}

import { and, asc, desc, eq, inArray, ne, sql } from "drizzle-orm";
import { getDb, type Tx } from "../../db/client.server";
import { passwords, sessions, userCounties, userRoles, users } from "../../db/schema";
import type { Role } from "../domain/permissions";
import { appendAudit, type Actor } from "./audit.server";
import { preparedQuery } from "./prepared.server";

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
export function createUser(input: NewUser, actor: Actor) {
  return getDb().transaction((tx) => {
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

export function hasAdmin(): boolean {
  return !!getDb()
    .select({ userId: userRoles.userId })
    .from(userRoles)
    .innerJoin(users, eq(users.id, userRoles.userId))
    .where(inArray(userRoles.role, ["admin"]))
    .get();
}

export type UserAccess = { roles: Role[]; countyCodes: string[] };

/** The account and its password hash, for signing in only. */
export function getCredentials(email: string) {
  return getDb()
    .select({ id: users.id, email: users.email, active: users.active, mustChangePassword: users.mustChangePassword, hash: passwords.hash })
    .from(users)
    .innerJoin(passwords, eq(passwords.userId, users.id))
    .where(eq(users.email, normalizeEmail(email)))
    .get();
}

export function getPasswordHash(userId: number): string | undefined {
  return getDb().select({ hash: passwords.hash }).from(passwords).where(eq(passwords.userId, userId)).get()?.hash;
}

export function getUser(id: number) {
  const user = getDb().select().from(users).where(eq(users.id, id)).get();
  return user && { ...user, ...getUserAccess(id) };
}

// Every signed-in request reads these (the session check): prepared once per connection.
const rolesOf = preparedQuery(() =>
  getDb().select({ role: userRoles.role }).from(userRoles).where(eq(userRoles.userId, sql.placeholder("userId"))).prepare(),
);
const countiesOf = preparedQuery(() =>
  getDb().select({ code: userCounties.countyCode }).from(userCounties).where(eq(userCounties.userId, sql.placeholder("userId"))).prepare(),
);

export function getUserAccess(userId: number): UserAccess {
  return {
    roles: rolesOf().all({ userId }).map((r) => r.role).sort(),
    countyCodes: countiesOf().all({ userId }).map((r) => r.code).sort(),
  };
}

/** A user's roles and counties, sorted: on the connection, or inside a write's transaction. */
function readAccess(db: Pick<Tx, "select">, userId: number): UserAccess {
  return {
    roles: db.select({ role: userRoles.role }).from(userRoles).where(eq(userRoles.userId, userId)).all().map((r) => r.role).sort(),
    countyCodes: db
      .select({ code: userCounties.countyCode })
      .from(userCounties)
      .where(eq(userCounties.userId, userId))
      .all()
      .map((r) => r.code)
      .sort(),
  };
}

/** Every account, active ones first, with roles and counties. */
export function listUsers() {
  const db = getDb();
  const roleRows = db.select().from(userRoles).all();
  const countyRows = db.select().from(userCounties).all();
  return db
    .select({ id: users.id, email: users.email, name: users.name, active: users.active, createdAt: users.createdAt })
    .from(users)
    .orderBy(desc(users.active), asc(users.name))
    .all()
    .map((u) => ({
      ...u,
      roles: roleRows.filter((r) => r.userId === u.id).map((r) => r.role).sort(),
      countyCodes: countyRows.filter((c) => c.userId === u.id).map((c) => c.countyCode).sort(),
    }));
}

/** Replaces a user's name, roles and counties; audited with before and after. */
export function updateUser(userId: number, input: { name: string } & UserAccess, actor: Actor) {
  getDb().transaction((tx) => {
    const current = tx.select().from(users).where(eq(users.id, userId)).get();
    if (!current) throw new Error(`user ${userId} not found`);
    const before = { name: current.name, ...readAccess(tx, userId) };
    tx.update(users).set({ name: input.name.trim() }).where(eq(users.id, userId)).run();
    tx.delete(userRoles).where(eq(userRoles.userId, userId)).run();
    for (const role of new Set(input.roles)) tx.insert(userRoles).values({ userId, role }).run();
    tx.delete(userCounties).where(eq(userCounties.userId, userId)).run();
    for (const countyCode of new Set(input.countyCodes)) tx.insert(userCounties).values({ userId, countyCode }).run();
    appendAudit(tx, {
      actor,
      action: "user.update",
      entityType: "user",
      entityId: userId,
      before,
      after: { name: input.name.trim(), ...readAccess(tx, userId) },
    });
  });
}

/** Deactivates or reactivates an account (never deletes it); deactivation ends its sessions at once. */
export function setUserActive(userId: number, active: boolean, actor: Actor) {
  getDb().transaction((tx) => {
    const current = tx.select({ active: users.active }).from(users).where(eq(users.id, userId)).get();
    if (!current || current.active === active) return;
    tx.update(users).set({ active }).where(eq(users.id, userId)).run();
    if (!active) tx.delete(sessions).where(eq(sessions.userId, userId)).run();
    appendAudit(tx, {
      actor,
      action: active ? "user.activate" : "user.deactivate",
      entityType: "user",
      entityId: userId,
      before: { active: current.active },
      after: { active },
    });
  });
}

/**
 * Stores a new password hash and ends the user's sessions (all, or all but `keepSessionKey`).
 * `mustChangePassword` marks a temporary password set by an admin. The audit row never holds the hash.
 */
export function setPassword(
  userId: number,
  input: { passwordHash: string; mustChangePassword: boolean; keepSessionKey?: string },
  actor: Actor,
  action: "user.password_change" | "user.password_reset",
) {
  getDb().transaction((tx) => {
    tx.update(passwords)
      .set({ hash: input.passwordHash, updatedAt: new Date().toISOString() })
      .where(eq(passwords.userId, userId))
      .run();
    tx.update(users).set({ mustChangePassword: input.mustChangePassword }).where(eq(users.id, userId)).run();
    tx.delete(sessions)
      .where(
        input.keepSessionKey
          ? and(eq(sessions.userId, userId), ne(sessions.id, input.keepSessionKey))
          : eq(sessions.userId, userId),
      )
      .run();
    appendAudit(tx, {
      actor,
      action,
      entityType: "user",
      entityId: userId,
      after: { mustChangePassword: input.mustChangePassword },
    });
  });
}

export function emailTaken(email: string): boolean {
  return !!getUserByEmail(email);
}

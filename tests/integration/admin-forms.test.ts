import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { systemActor } from "../../app/models/audit.server";
import { createUser, getPasswordHash, getUser, updateUser } from "../../app/models/user.server";
import { action as userAction } from "../../app/routes/admin.anvandare.$id";
import { loader as auditLoader } from "../../app/routes/admin.logg._index";
import { loader as auditCsvLoader } from "../../app/routes/admin.logg.csv";
import { callRoute } from "../support/call-route";
import { closeTestDatabase, createTestDatabase } from "../support/database";

let handle: ReturnType<typeof createTestDatabase>;
let targetId: number;

beforeAll(() => {
  handle = createTestDatabase();
  targetId = createUser(
    { email: "mal@example.se", name: "Mål Person", roles: ["planner"], passwordHash: "original-hash" },
    systemActor("test"),
  ).id;
  // A change with before and after, for the log page below.
  updateUser(targetId, { name: "Mål Person", roles: ["coordinator"], countyCodes: ["13"] }, { id: null, label: "test" });
});
afterAll(() => closeTestDatabase(handle));

const post = (form: Record<string, string>) =>
  callRoute(userAction, { as: ["admin"], url: `/admin/anvandare/${targetId}`, params: { id: String(targetId) }, form });

describe("an admin's risky actions ask for confirmation", () => {
  it("a password reset without the ticked confirmation changes nothing and says why next to the box", async () => {
    const result = await post({ intent: "reset-password" });
    expect(result.status).toBe(400);
    const data = result.data as { intent: string; temporaryPassword: string | null; result: { error: Record<string, string[]> } };
    expect(data.intent).toBe("reset-password");
    expect(data.temporaryPassword).toBeNull();
    expect(data.result.error.confirm).toEqual(["Kryssa i rutan för att bekräfta att lösenordet ska återställas."]);
    expect(getPasswordHash(targetId)).toBe("original-hash");
  });

  it("deactivating without the ticked confirmation leaves the account active; with it, the account is deactivated", async () => {
    const refused = await post({ intent: "set-active", active: "false" });
    expect(refused.status).toBe(400);
    expect((refused.data as { result: { error: Record<string, string[]> } }).result.error.confirm).toEqual([
      "Kryssa i rutan för att bekräfta att kontot ska avaktiveras.",
    ]);
    expect(getUser(targetId)!.active).toBe(true);
    const done = await post({ intent: "set-active", active: "false", confirm: "yes" });
    expect(done.status).toBe(200);
    expect(getUser(targetId)!.active).toBe(false);
    // Activating again needs no confirmation.
    expect((await post({ intent: "set-active", active: "true" })).status).toBe(200);
    expect(getUser(targetId)!.active).toBe(true);
  });

  it("a confirmed reset gives a temporary password", async () => {
    const result = await post({ intent: "reset-password", confirm: "yes" });
    expect(result.status).toBe(200);
    expect((result.data as { temporaryPassword: string }).temporaryPassword).toMatch(/\S{12,}/);
    expect(getPasswordHash(targetId)).not.toBe("original-hash");
  });

  it("an unknown action is refused and nothing is changed", async () => {
    const result = await post({ intent: "delete-everything" });
    expect(result.status).toBe(400);
    expect((result.data as { intent: string | null }).intent).toBeNull();
  });
});

type AuditPage = {
  problems: string[];
  ignoredText: string;
  filtered: boolean;
  total: number;
  entries: { action: string; before: { label: string; value: string }[]; after: { label: string; value: string }[] }[];
};

describe("the audit log as a reader sees it", () => {
  const open = async (query: string) => (await callRoute(auditLoader, { as: ["manager"], url: `/admin/logg${query}` })).data as AuditPage;

  it("before and after are Swedish field names with role and county names", async () => {
    const page = await open("?objekt=user");
    const update = page.entries.find((e) => e.action === "user.update")!;
    expect(update.before.map((l) => `${l.label}: ${l.value}`)).toEqual(["Namn: Mål Person", "Roller: Planerare", "Län: inga"]);
    expect(update.after.map((l) => `${l.label}: ${l.value}`)).toEqual(["Namn: Mål Person", "Roller: Samordnare", "Län: Hallands län"]);
  });

  it("an unknown person or type is named and left out instead of silently showing nothing", async () => {
    const person = await open("?person=999999");
    expect(person.problems).toEqual(["Personen med id 999999 finns inte i loggen."]);
    expect(person.ignoredText).toBe("Filtret på person används inte.");
    expect(person.total).toBeGreaterThan(0);
    const type = await open("?objekt=hemligt");
    expect(type.problems).toEqual(['Det finns ingen typ av ändring som heter "hemligt".']);
  });

  it("a filter that matches nothing is told apart from an empty log", async () => {
    const page = await open("?fran=2099-01-01");
    expect(page.entries).toEqual([]);
    expect(page.filtered).toBe(true);
  });

  it("the CSV export refuses an unknown person with the same words, and writes before/after in Swedish", async () => {
    const refused = await callRoute(auditCsvLoader, { as: ["admin"], url: "/admin/logg/csv?person=999999" });
    expect(refused.status).toBe(400);
    expect(refused.data).toBe("Personen med id 999999 finns inte i loggen. Filtret på person används inte.");
    const csv = await callRoute(auditCsvLoader, { as: ["admin"], url: "/admin/logg/csv?objekt=user" });
    expect(csv.data).toContain("Roller: Samordnare; Län: Hallands län");
    expect(csv.data).not.toContain("countyCodes");
  });
});

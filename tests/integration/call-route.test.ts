import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loader as municipalityLoader } from "../../app/routes/kommuner.$code";
import { loader as auditCsvLoader } from "../../app/routes/admin.logg.csv";
import { callRoute } from "../support/call-route";
import { closeTestDatabase, createTestDatabase } from "../support/database";

describe("calling a route in-process as a role", () => {
  let handle: ReturnType<typeof createTestDatabase>;
  beforeAll(() => {
    handle = createTestDatabase();
  });
  afterAll(() => closeTestDatabase(handle));

  it("a signed-in user gets the loader's data; an unknown code is a Swedish 404", async () => {
    const found = await callRoute(municipalityLoader, { as: ["planner"], url: "/kommuner/1480", params: { code: "1480" } });
    expect(found.status).toBe(200);
    expect((found.data as { municipality: { name: string } }).municipality.name).toBe("Göteborg");
    const missing = await callRoute(municipalityLoader, { as: ["planner"], url: "/kommuner/9999", params: { code: "9999" } });
    expect(missing.status).toBe(404);
    expect(missing.data).toContain("9999");
  });

  it("anonymous users are sent to sign in, and a role without the permission gets 403", async () => {
    const anonymous = await callRoute(municipalityLoader, { as: null, url: "/kommuner/1480", params: { code: "1480" } });
    expect(anonymous.status).toBe(302);
    expect(anonymous.location).toBe("/login?redirectTo=%2Fkommuner%2F1480");
    const planner = await callRoute(auditCsvLoader, { as: ["planner"], url: "/admin/logg.csv" });
    expect(planner.status).toBe(403);
    const manager = await callRoute(auditCsvLoader, { as: ["manager"], url: "/admin/logg.csv" });
    expect(manager.status).toBe(200);
    expect(manager.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
  });
});

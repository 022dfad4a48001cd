import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser } from "../../app/models/user.server";
import { requirePermission, requireUser } from "../../app/services/auth.server";
import { resetEnvCache } from "../../app/services/env.server";
import { createSession } from "../../app/services/session.server";
import { closeTestDatabase, createTestDatabase } from "../support/database";

let handle: ReturnType<typeof createTestDatabase>;

function requestAs(userId: number, path = "/kommuner/0114/bedomning") {
  const { setCookie } = createSession(userId);
  return new Request(`http://127.0.0.1${path}`, { method: "POST", headers: { Cookie: setCookie.split(";")[0]! } });
}

async function statusOf(fn: () => unknown): Promise<number> {
  try {
    fn();
    return 200;
  } catch (thrown) {
    if (thrown instanceof Response) return thrown.status;
    throw thrown;
  }
}

let coordinatorId: number;
let plannerId: number;
let adminId: number;

beforeAll(() => {
  process.env.SESSION_SECRET = "a-test-secret-that-is-long-enough-1234567890";
  resetEnvCache();
  handle = createTestDatabase();
  const base = { passwordHash: "not-used" };
  coordinatorId = createUser({ ...base, email: "samordnare@example.se", name: "S", roles: ["coordinator"], countyCodes: ["01"] }, { id: null, label: "test" }).id;
  plannerId = createUser({ ...base, email: "planerare@example.se", name: "P", roles: ["planner"] }, { id: null, label: "test" }).id;
  adminId = createUser({ ...base, email: "admin@example.se", name: "A", roles: ["admin"] }, { id: null, label: "test" }).id;
});
afterAll(() => {
  closeTestDatabase(handle);
  delete process.env.SESSION_SECRET;
  resetEnvCache();
});

describe("the permission check with the municipality being changed", () => {
  it("lets a coordinator change a municipality in their county (Stockholm, 0180, in län 01)", async () => {
    expect(await statusOf(() => requirePermission(requestAs(coordinatorId), "update:rating", { municipalityCode: "0180" }))).toBe(200);
  });

  it("stops a coordinator from changing a municipality outside their counties (Göteborg, 1480)", async () => {
    let thrown: unknown;
    try {
      requirePermission(requestAs(coordinatorId), "update:rating", { municipalityCode: "1480" });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(Response);
    expect((thrown as Response).status).toBe(403);
    expect(await (thrown as Response).text()).toContain("utanför dina län");
  });

  it("answers 404 for a municipality that does not exist", async () => {
    expect(await statusOf(() => requirePermission(requestAs(adminId), "update:rating", { municipalityCode: "9999" }))).toBe(404);
  });

  it("lets an admin change any municipality and stops a planner everywhere", async () => {
    expect(await statusOf(() => requirePermission(requestAs(adminId), "update:rating", { municipalityCode: "1480" }))).toBe(200);
    expect(await statusOf(() => requirePermission(requestAs(plannerId), "update:rating", { municipalityCode: "0180" }))).toBe(403);
  });

  it("answers API requests with JSON and pages with a redirect to the login", async () => {
    let thrown: unknown;
    try {
      requireUser(new Request("http://127.0.0.1/api/v1/municipalities"));
    } catch (error) {
      thrown = error;
    }
    expect((thrown as Response).status).toBe(401);
    expect(await (thrown as Response).json()).toMatchObject({ error: "unauthorized" });
    try {
      requireUser(new Request("http://127.0.0.1/kommuner/0180"));
    } catch (error) {
      thrown = error;
    }
    expect((thrown as Response).status).toBe(302);
    expect((thrown as Response).headers.get("location")).toBe("/login?redirectTo=%2Fkommuner%2F0180");
  });
});

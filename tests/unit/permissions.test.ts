import { describe, expect, it } from "vitest";
import { ROLES } from "../../app/domain/permissions";
import { can, canAnywhere, PERMISSIONS, ROLE_GRANTS } from "../../app/domain/permissions";

const coordinator = { roles: ["coordinator"] as const, countyCodes: ["01", "14"] };

describe("roles and permissions", () => {
  it("a coordinator may change ratings in their own counties", () => {
    expect(can(coordinator, "update:rating", { countyCode: "14" })).toBe(true);
    expect(can(coordinator, "update:rating", { countyCode: "01" })).toBe(true);
  });

  it("a coordinator cannot change a municipality outside their counties", () => {
    expect(can(coordinator, "update:rating", { countyCode: "25" })).toBe(false);
  });

  it("a coordinator's edit right needs the county being changed: without it nothing passes", () => {
    expect(can(coordinator, "update:rating")).toBe(false);
  });

  it("a coordinator without counties can change nothing", () => {
    const none = { roles: ["coordinator"] as const, countyCodes: [] };
    expect(can(none, "update:rating", { countyCode: "01" })).toBe(false);
    expect(canAnywhere(none, "update:rating")).toBe(false);
    expect(canAnywhere(coordinator, "update:rating")).toBe(true);
  });

  it("a manager changes nothing but may open and close mapping rounds, enter indicator values and read the audit log", () => {
    const manager = { roles: ["manager"] as const, countyCodes: [] };
    const allowed = PERMISSIONS.filter((p) => can(manager, p, { countyCode: "01" }));
    expect(allowed.sort()).toEqual(["manage:indicators", "manage:rounds", "read:audit"]);
  });

  it("a planner manages meetings, forums and the material catalogue, and nothing else", () => {
    const planner = { roles: ["planner"] as const, countyCodes: [] };
    const allowed = PERMISSIONS.filter((p) => can(planner, p, { countyCode: "01" }));
    expect(allowed.sort()).toEqual(["manage:catalogue", "manage:forums", "manage:meetings"]);
  });

  it("only admins manage users; admins and managers read the audit log", () => {
    for (const role of ROLES) {
      const user = { roles: [role], countyCodes: [] };
      expect(can(user, "manage:users")).toBe(role === "admin");
      expect(can(user, "read:audit")).toBe(role === "admin" || role === "manager");
    }
  });

  it("an admin holds every permission everywhere", () => {
    const admin = { roles: ["admin"] as const, countyCodes: [] };
    for (const p of PERMISSIONS) expect(can(admin, p, { countyCode: "25" })).toBe(true);
  });

  it("roles add up: a planner who is also coordinator gets both", () => {
    const both = { roles: ["planner", "coordinator"] as const, countyCodes: ["03"] };
    expect(can(both, "manage:meetings")).toBe(true);
    expect(can(both, "update:rating", { countyCode: "03" })).toBe(true);
    expect(can(both, "update:rating", { countyCode: "04" })).toBe(false);
  });

  it("every role has a grant table", () => {
    for (const role of ROLES) expect(Array.isArray(ROLE_GRANTS[role])).toBe(true);
  });
});

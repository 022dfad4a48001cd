import { describe, expect, it } from "vitest";
import { parseAuditQuery } from "../../app/domain/audit-filter";

describe("audit log filters", () => {
  it("reads person, entity type, dates and page from the address", () => {
    const { query, problems } = parseAuditQuery(new URLSearchParams("person=3&objekt=user&fran=2025-01-01&till=2025-01-31&sida=2"));
    expect(problems).toEqual([]);
    expect(query).toEqual({ person: 3, objekt: "user", fran: "2025-01-01", till: "2025-01-31", sida: 2 });
  });

  it("drops a bad date with a Swedish message and keeps the other filters", () => {
    const { query, problems } = parseAuditQuery(new URLSearchParams("person=3&fran=igår"));
    expect(problems).toEqual(["Ange ett datum som finns, skrivet ÅÅÅÅ-MM-DD."]);
    expect(parseAuditQuery(new URLSearchParams("fran=2025-02-30")).problems).toHaveLength(1);
    expect(query).toEqual({ person: 3, sida: 1 });
  });

  it("refuses an end date before the start date", () => {
    const { problems } = parseAuditQuery(new URLSearchParams("fran=2025-02-01&till=2025-01-01"));
    expect(problems).toEqual(["Slutdatum före startdatum."]);
  });
});

describe("audit log filters answer in Swedish", () => {
  it.each([
    "person=1.5",
    "person=abc",
    "person=-3",
    "person=0",
    "person=1e20",
    "person=Infinity",
    "sida=2.5",
    "sida=x",
    "sida=0",
    "sida=-1",
    "sida=1e9",
    "objekt=" + "a".repeat(60),
    "objekt=USER",
    "objekt=user%3Bdrop",
    "fran=2025-13-01",
    "till=x",
  ])("%s gets a Swedish message, never zod's English", (query) => {
    const { problems } = parseAuditQuery(new URLSearchParams(query));
    expect(problems.length).toBeGreaterThan(0);
    for (const problem of problems) {
      expect(problem).not.toMatch(/expected|received|invalid|must|number|string|integer|float|nan/i);
      expect(problem).toMatch(/^[A-ZÅÄÖ]/);
    }
  });
});

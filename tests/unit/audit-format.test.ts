import { describe, expect, it } from "vitest";
import { auditLinesText, describeAuditChange } from "../../app/domain/audit-format";
import { ignoredFiltersText, parseAuditQuery } from "../../app/domain/audit-filter";

const names = { counties: new Map([["13", "Hallands län"], ["14", "Västra Götalands län"]]) };

describe("the audit log in readable Swedish", () => {
  it("a change of roles and counties shows Swedish field names, role names and county names, the changes marked", () => {
    const change = describeAuditChange(
      {
        before: JSON.stringify({ name: "Nora", roles: ["planner"], countyCodes: [] }),
        after: JSON.stringify({ name: "Nora", roles: ["coordinator", "planner"], countyCodes: ["13", "14"] }),
      },
      names,
    );
    expect(change.before).toEqual([
      { label: "Namn", value: "Nora", changed: false },
      { label: "Roller", value: "Planerare", changed: true },
      { label: "Län", value: "inga", changed: true },
    ]);
    expect(change.after.map((l) => `${l.label}: ${l.value}`)).toEqual([
      "Namn: Nora",
      "Roller: Samordnare, Planerare",
      "Län: Hallands län, Västra Götalands län",
    ]);
    expect(auditLinesText(change.after)).toBe("Namn: Nora; Roller: Samordnare, Planerare; Län: Hallands län, Västra Götalands län");
  });

  it("no English key or raw JSON reaches the reader for the entries the app writes today", () => {
    const entries = [
      { before: null, after: JSON.stringify({ email: "a@example.se", name: "A", roles: ["admin"], counties: [] }) },
      { before: JSON.stringify({ active: true }), after: JSON.stringify({ active: false }) },
      { before: null, after: JSON.stringify({ mustChangePassword: true }) },
      { before: null, after: JSON.stringify({ reason: "wrong_password", failuresInRow: 3 }) },
      { before: null, after: JSON.stringify({ hash: "abc", source: "fil.geojson", featureCount: 290, bytes: 40960 }) },
      {
        before: null,
        after: JSON.stringify({ id: 1, name: "Kartläggning februari 2025", periodStart: "2025-02-01", periodEnd: "2025-02-28", status: "closed", example: true, createdAt: "2025-02-28T12:00:00.000Z", assessments: 290 }),
      },
    ];
    const text = entries.map((e) => auditLinesText(describeAuditChange(e, names).after)).join("\n");
    expect(text).not.toMatch(/[{}"]|email|roles|counties|active|mustChange|reason|failures|featureCount|period|status|createdAt|assessments|\bexample\b(?!\.se)/);
    expect(text).toContain("Aktivt konto: Nej");
    expect(text).toContain("Orsak: Fel lösenord; Misslyckade försök i rad: 3");
    expect(text).toContain("Periodens början: 1 februari 2025");
    expect(text).toContain("Status: Avslutad");
    expect(text).toContain("Storlek: 40 KB");
  });

  it("an entry without before or after shows nothing, and an unknown field keeps its recorded name", () => {
    expect(describeAuditChange({ before: null, after: null }, names)).toEqual({ before: [], after: [] });
    expect(describeAuditChange({ before: null, after: JSON.stringify({ newField: 1 }) }, names).after).toEqual([
      { label: "newField", value: "1", changed: false },
    ]);
    expect(describeAuditChange({ before: null, after: "not json" }, names).after[0]!.value).toBe("not json");
  });
});

describe("the audit log's filters explain what they did not use", () => {
  it("an unknown type of change is named and not used", () => {
    const { query, problems, ignored } = parseAuditQuery(new URLSearchParams("objekt=hemligt"));
    expect(problems).toEqual(['Det finns ingen typ av ändring som heter "hemligt".']);
    expect(ignored).toEqual(["objekt"]);
    expect(query.objekt).toBeUndefined();
  });

  it("a person who does not appear in the log is named and not used, instead of an empty result", () => {
    const { query, problems, ignored } = parseAuditQuery(new URLSearchParams("person=999&objekt=user"), { actorIds: new Set([1, 2]) });
    expect(problems).toEqual(["Personen med id 999 finns inte i loggen."]);
    expect(ignored).toEqual(["person"]);
    expect(query).toEqual({ objekt: "user", sida: 1 });
    expect(parseAuditQuery(new URLSearchParams("person=2"), { actorIds: new Set([1, 2]) }).problems).toEqual([]);
  });

  it("a reversed date range says which filter is left out", () => {
    const { ignored } = parseAuditQuery(new URLSearchParams("fran=2025-02-01&till=2025-01-01"));
    expect(ignoredFiltersText(ignored)).toBe("Filtret på till och med används inte.");
    expect(ignoredFiltersText(["person", "objekt"])).toBe("Filtren på person och typ av ändring används inte.");
    expect(ignoredFiltersText([])).toBe("");
  });
});

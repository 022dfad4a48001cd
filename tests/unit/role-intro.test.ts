import { describe, expect, it } from "vitest";
import { noRoundSentence } from "../../app/domain/map-view";
import { roleIntro, rolesThatCan } from "../../app/domain/role-intro";

describe("the start page's line about what a role can do", () => {
  it("an admin reads that they manage accounts, rounds, every rating, meetings and indicators and read the log", () => {
    expect(roleIntro({ roles: ["admin"], countyNames: [] })).toBe(
      "Som administratör kan du se kartan, kartläggningarna och jämförelserna mellan dem, prioriteringarna, dialogmötena och årsrapporten och ladda ner dem, " +
        "hantera konton, roller och län under Administration, lägga upp, öppna, stänga och återöppna kartläggningar, " +
        "bedöma och importera bedömningar för alla kommuner, planera och dokumentera dialogmöten, föra in indikatorer och läsa loggen.",
    );
  });

  it("a coordinator reads that they rate the municipalities of their own counties, now", () => {
    const line = roleIntro({ roles: ["coordinator"], countyNames: ["Hallands län", "Västra Götalands län"] });
    expect(line).toBe(
      "Som samordnare kan du se kartan, kartläggningarna och jämförelserna mellan dem, prioriteringarna, dialogmötena och årsrapporten och ladda ner dem " +
        "och bedöma kommunerna i Hallands län och Västra Götalands län i den öppna kartläggningen, i formuläret eller genom att importera en CSV-fil.",
    );
    expect(line).not.toContain("ännu");
  });

  it("a manager reads that they run the rounds", () => {
    expect(roleIntro({ roles: ["manager"], countyNames: [] })).toBe(
      "Som chef kan du se kartan, kartläggningarna och jämförelserna mellan dem, prioriteringarna, dialogmötena och årsrapporten och ladda ner dem, " +
        "lägga upp, öppna och stänga kartläggningar, föra in indikatorer och läsa loggen.",
    );
  });

  it("several roles are named together and each ability appears once", () => {
    const line = roleIntro({ roles: ["manager", "admin"], countyNames: [] });
    expect(line).toMatch(/^Som administratör och chef kan du /);
    expect(line.match(/läsa loggen/g)).toHaveLength(1);
    expect(line.match(/föra in indikatorer/g)).toHaveLength(1);
    expect(line.match(/kartläggningar,/g)).toHaveLength(1);
    expect(roleIntro({ roles: ["planner"], countyNames: [] })).toBe(
      "Som planerare kan du se kartan, kartläggningarna och jämförelserna mellan dem, prioriteringarna, dialogmötena och årsrapporten och ladda ner dem, " +
        "planera och dokumentera dialogmöten och hantera forum och dialogmaterial.",
    );
  });
});

describe("a map without any mapping round", () => {
  it("says what the map shows and who can create the first round, from the permissions", () => {
    expect(rolesThatCan("manage:rounds")).toBe("en administratör eller chef");
    expect(rolesThatCan("update:rating")).toBe("en administratör eller samordnare");
    expect(noRoundSentence(290, rolesThatCan("manage:rounds"))).toBe(
      "Ingen av de 290 kommunerna är bedömd ännu. " +
        "Den första kartläggningen läggs upp av en administratör eller chef under Kartläggningar.",
    );
  });
});

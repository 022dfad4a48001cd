import { describe, expect, it } from "vitest";
import { compareSwedish, sortSwedish } from "../../app/domain/collation";
import { registerMunicipalities } from "../../data/register";

describe("Swedish sort order", () => {
  it("puts Å, Ä and Ö after Z, in that order", () => {
    const sorted = sortSwedish(["Östersund", "Ale", "Älmhult", "Åmål", "Zinkgruvan", "Övertorneå"], (s) => s);
    expect(sorted).toEqual(["Ale", "Zinkgruvan", "Åmål", "Älmhult", "Östersund", "Övertorneå"]);
  });
  it("does not treat Å or Ä as A, nor Ö as O", () => {
    expect(compareSwedish("Åre", "Arboga")).toBeGreaterThan(0);
    expect(compareSwedish("Örebro", "Oxelösund")).toBeGreaterThan(0);
  });
  it("ends the list of all 290 municipalities with the Ö names", () => {
    const sorted = sortSwedish(registerMunicipalities, (m) => m.name).map((m) => m.name);
    expect(sorted[0]).toBe("Ale");
    expect(sorted.at(-1)).toBe("Övertorneå");
    const firstÅ = sorted.findIndex((n) => n.startsWith("Å"));
    const lastZ = sorted.findLastIndex((n) => /^[A-Z]/.test(n));
    expect(firstÅ).toBeGreaterThan(lastZ);
  });
});

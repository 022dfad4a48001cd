import { describe, expect, it } from "vitest";
import { countSv, pluralSv, waitSeconds } from "../../app/domain/wording";

describe("Swedish counts", () => {
  it("one takes the singular, every other count the plural", () => {
    expect(countSv(1, "sekund", "sekunder")).toBe("1 sekund");
    expect(countSv(0, "sekund", "sekunder")).toBe("0 sekunder");
    expect(countSv(2, "kommun", "kommuner")).toBe("2 kommuner");
    expect(countSv(-1, "dag", "dagar")).toBe("-1 dag");
    expect(pluralSv(290, "kommun", "kommuner")).toBe("kommuner");
  });

  it("a throttled sign-in says 'Vänta 1 sekund', not 'Vänta 1 sekunder'", () => {
    expect(waitSeconds(1)).toBe("Vänta 1 sekund");
    expect(waitSeconds(30)).toBe("Vänta 30 sekunder");
  });
});

import { describe, expect, it } from "vitest";
import { dateField, emailField, freeTextField, monthField, nameField, timeField } from "../../app/domain/fields";
import { parseCountyCode, parseId, parseMunicipalityCode } from "../../app/domain/params";
import { fileResponse, httpError, invariantResponse, safeFileName } from "../../app/services/http.server";

describe("parameters in URLs", () => {
  it("an id is a positive whole number of at most nine digits, nothing else", () => {
    expect(parseId("12")).toBe(12);
    for (const bad of [null, undefined, "", "0", "012", "1e3", "12a", "-1", "1.5", "1234567890", " 1"]) {
      expect(parseId(bad)).toBeNull();
    }
  });
  it("municipality and county codes have exactly four and two digits", () => {
    expect(parseMunicipalityCode("0114")).toBe("0114");
    expect(parseMunicipalityCode("114")).toBeNull();
    expect(parseMunicipalityCode("01145")).toBeNull();
    expect(parseCountyCode("14")).toBe("14");
    expect(parseCountyCode("1")).toBeNull();
    expect(parseCountyCode("ab")).toBeNull();
  });
});

describe("shared form fields", () => {
  const name = nameField({ label: "namnet" });
  it("a name is trimmed and must show something", () => {
    expect(name.parse("  Anna  ")).toBe("Anna");
    expect(name.safeParse("   ").error?.issues[0]?.message).toBe("Ange namnet.");
    expect(name.safeParse("\u200b").error?.issues[0]?.message).toBe("Namnet måste innehålla synliga tecken.");
  });
  it("a name refuses bidi overrides, control characters and line breaks", () => {
    for (const bad of ["\u202egnp.exe", "a\u0000b", "rad1\nrad2", "a\u2066b"]) {
      expect(name.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
    expect(name.safeParse("Åsa Öberg-Ärlig").success).toBe(true);
  });
  it("free text keeps line breaks, refuses control characters, and may be empty", () => {
    const text = freeTextField({ max: 10 });
    expect(text.parse(undefined)).toBe("");
    expect(text.parse(" a\r\nb ")).toBe("a\nb");
    expect(text.safeParse("a\u202eb").success).toBe(false);
    expect(text.safeParse("x".repeat(11)).success).toBe(false);
  });
  it("e-mail, date, month and time have one way of being right", () => {
    expect(emailField.parse(" Anna@Example.SE ")).toBe("anna@example.se");
    expect(emailField.safeParse("anna").success).toBe(false);
    expect(dateField.safeParse("2025-02-28").success).toBe(true);
    expect(dateField.safeParse("2025-02-30").success).toBe(false);
    expect(monthField.safeParse("2027-02").success).toBe(true);
    expect(monthField.safeParse("2027-13").success).toBe(false);
    expect(timeField.safeParse("09:30").success).toBe(true);
    expect(timeField.safeParse("24:00").success).toBe(false);
  });
});

describe("answers other than pages", () => {
  it("an error is JSON for the API and text for pages", async () => {
    const api = httpError(new Request("http://x/api/v1/rounds"), 404, "Finns inte.");
    expect(api.headers.get("Content-Type")).toContain("json");
    expect(await api.json()).toEqual({ error: "not_found", message: "Finns inte." });
    const page = httpError(new Request("http://x/kartlaggningar/9"), 409, "Konflikt.");
    expect(page.status).toBe(409);
    expect(await page.text()).toBe("Konflikt.");
  });
  it("invariantResponse throws a 404 (or the status given) when the condition fails", () => {
    expect(() => invariantResponse(true, "x")).not.toThrow();
    try {
      invariantResponse(undefined, "Kartläggningen finns inte.");
      expect.unreachable();
    } catch (thrown) {
      expect(thrown).toBeInstanceOf(Response);
      expect((thrown as Response).status).toBe(404);
    }
  });
  it("file names are safe in every browser, whatever the round is called", () => {
    expect(safeFileName(["Bedömningar", "Kartläggning våren 2026", "Västra Götalands län"], "csv")).toBe(
      "bedomningar-kartlaggning-varen-2026-vastra-gotalands-lan.csv",
    );
    expect(safeFileName(['"; rm -rf /', null], "ics")).toBe("rm-rf.ics");
    expect(safeFileName([], "csv")).toBe("samverkanskartan.csv");
  });
  it("a CSV file gets a BOM, a safe attachment name and no caching", async () => {
    const response = fileResponse("a;b\r\n", { kind: "csv", name: ["logg", "2026-11-28"] });
    expect(response.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("Content-Disposition")).toBe('attachment; filename="logg-2026-11-28.csv"');
    expect(response.headers.get("Cache-Control")).toBe("private, no-store");
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });
});

import { describe, expect, it } from "vitest";
import { checkPassword, PASSWORD_MESSAGES } from "../../app/domain/password-policy";
import { passwordProblem } from "../../app/services/common-passwords.server";

const notCommon = () => false;

describe("password policy", () => {
  it("refuses a password shorter than 12 characters", () => {
    expect(checkPassword("elva tecken", notCommon)).toBe("too_short");
    expect(checkPassword("tolv tecken!", notCommon)).toBeNull();
  });

  it("counts Swedish letters as one character each, however they were typed", () => {
    const decomposed = "a\u030Aa\u030Aa\u030Aa\u030Aa\u030Aa\u030A"; // six "å" as a + ring
    expect(decomposed.length).toBe(12);
    expect(checkPassword(decomposed, notCommon)).toBe("too_short");
    expect(checkPassword("åäöåäöåäöåäö", notCommon)).toBeNull();
  });

  it("accepts any Unicode up to 128 characters and refuses longer", () => {
    expect(checkPassword("🙂".repeat(128), notCommon)).toBeNull();
    expect(checkPassword("x".repeat(129), notCommon)).toBe("too_long");
  });

  it("has no composition rules: a long lower-case phrase is fine", () => {
    expect(passwordProblem("korven ligger i kylskåpet")).toBeNull();
  });

  it("refuses passwords on the shipped common-password list, whatever their case", () => {
    expect(passwordProblem("qwertyuiop123")).toBe(PASSWORD_MESSAGES.common);
    expect(passwordProblem("QwertyUiop123")).toBe(PASSWORD_MESSAGES.common);
    expect(passwordProblem("Lösenord123456")).toBe(PASSWORD_MESSAGES.common);
  });

  it("says in Swedish what is wrong", () => {
    expect(passwordProblem("kort")).toMatch(/minst 12 tecken/);
  });
});

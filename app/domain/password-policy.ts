/**
 * The password rule (OWASP ASVS 4.0.3 V2.1): 12 to 128 characters, any Unicode, no composition rules,
 * and not on the list of common passwords. Length counts characters (code points) after NFC
 * normalisation, so "å" typed either way counts once.
 */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;

export type PasswordProblem = "too_short" | "too_long" | "common";

export const PASSWORD_MESSAGES: Record<PasswordProblem, string> = {
  too_short: `Lösenordet måste ha minst ${PASSWORD_MIN_LENGTH} tecken.`,
  too_long: `Lösenordet får ha högst ${PASSWORD_MAX_LENGTH} tecken.`,
  common: "Lösenordet är för vanligt och lätt att gissa. Välj ett annat, gärna en mening av flera ord.",
};

export function normalizeForCommonCheck(password: string): string {
  return password.normalize("NFC").toLowerCase();
}

export function checkPassword(password: string, isCommon: (normalized: string) => boolean): PasswordProblem | null {
  const length = [...password.normalize("NFC")].length;
  if (length < PASSWORD_MIN_LENGTH) return "too_short";
  if (length > PASSWORD_MAX_LENGTH) return "too_long";
  if (isCommon(normalizeForCommonCheck(password))) return "common";
  return null;
}

import Personnummer from "personnummer";

/**
 * The app holds no data about individual benefit recipients. Free text is scanned for anything that
 * validates as a Swedish personal identity number (personnummer) or coordination number
 * (samordningsnummer): 10 or 12 digits, with or without "-", "+" or a space before the last four, and a
 * valid check digit. The validation itself is the maintained `personnummer` package's.
 */

/** Shown beside every free-text field. */
export const NO_PERSONAL_DATA_REMINDER = "Skriv inga uppgifter om enskilda personer.";

const CANDIDATE = /(?<![\d-])(\d{6}|\d{8})([-+ ]?)(\d{4})(?![\d])/g;

/** Every digit group in the text that validates as a personnummer or samordningsnummer, as written. */
export function findPersonalNumbers(text: string): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(CANDIDATE)) {
    const [whole, head, separator, tail] = match;
    const candidate = `${head}${separator === " " ? "-" : separator}${tail}`;
    let valid = false;
    try {
      valid = Personnummer.valid(candidate);
    } catch {
      valid = false;
    }
    if (valid) found.push(whole!);
  }
  return found;
}

/** The refusal, naming the digits so the user can rewrite them (a phone number may pass by chance). */
export function personalNumberMessage(found: readonly string[]): string {
  const list = found.map((f) => `"${f}"`).join(", ");
  return (
    `Texten innehåller ${found.length === 1 ? "något som ser ut som ett personnummer" : "flera sifferföljder som ser ut som personnummer"} ` +
    `(${list}). Appen får inte innehålla uppgifter om enskilda personer. Ta bort eller skriv om siffrorna; ` +
    `inget har sparats.`
  );
}

/** null when the text is free of personal identity numbers, else the Swedish refusal. */
export function personalNumberProblem(text: string): string | null {
  const found = findPersonalNumbers(text);
  return found.length ? personalNumberMessage(found) : null;
}

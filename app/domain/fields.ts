import { z } from "zod";

/**
 * Field schemas shared by every form and import, so the same input is judged the same way
 * everywhere, with the same Swedish message.
 */

/** Control characters (except tab and newline), and the bidi controls that can reorder text on screen. */
const FORBIDDEN_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/;
/** Anything a reader can see: a letter, digit, punctuation or symbol. */
const VISIBLE_CHARACTER = /[\p{L}\p{N}\p{P}\p{S}]/u;

/** True when the text holds characters that hide or reorder what it shows (control, bidi override). */
export function hasForbiddenCharacters(text: string): boolean {
  return FORBIDDEN_CHARACTERS.test(text);
}

/** True when the text shows at least one character (not only spaces or zero-width characters). */
export function hasVisibleCharacter(text: string): boolean {
  return VISIBLE_CHARACTER.test(text);
}

/**
 * A one-line name (a person, a round, a forum): trimmed, 1 to `max` characters, visible, no line
 * breaks, control or bidi characters.
 */
export function nameField(options: { label: string; max?: number }) {
  const max = options.max ?? 100;
  const missing = `Ange ${options.label}.`;
  return z
    .string({ required_error: missing, invalid_type_error: missing })
    .trim()
    .min(1, missing)
    .max(max, `${capitalise(options.label)} får ha högst ${max} tecken.`)
    .refine((v) => !/[\r\n\t]/.test(v) && !hasForbiddenCharacters(v), "Texten innehåller otillåtna tecken (styrtecken eller tecken som vänder textens riktning).")
    .refine((v) => hasVisibleCharacter(v), `${capitalise(options.label)} måste innehålla synliga tecken.`);
}

/**
 * Free text (a comment, notes, an agenda): optional, at most `max` characters, line breaks allowed,
 * control and bidi characters refused. Empty input gives "".
 */
export function freeTextField(options: { max?: number } = {}) {
  const max = options.max ?? 2000;
  return z
    .string()
    .max(max, `Texten får ha högst ${max} tecken.`)
    .refine((v) => !hasForbiddenCharacters(v), "Texten innehåller otillåtna tecken (styrtecken eller tecken som vänder textens riktning).")
    .optional()
    .transform((v) => (v ?? "").replace(/\r\n/g, "\n").trim());
}

/** An e-mail address as typed in a form: trimmed, lower-cased, at most 254 characters. */
export const emailField = z
  .string({ required_error: "Ange e-postadressen.", invalid_type_error: "Ange e-postadressen." })
  .trim()
  .min(1, "Ange e-postadressen.")
  .max(254, "E-postadressen är för lång.")
  .email("Ange en giltig e-postadress.")
  .transform((v) => v.toLowerCase());

/** True for a real calendar date written YYYY-MM-DD (2025-02-30 is not one). */
export function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const parsed = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === value;
}

/** A calendar date, YYYY-MM-DD. */
export const dateField = z
  .string({ required_error: "Ange ett datum.", invalid_type_error: "Ange ett datum." })
  .trim()
  .refine(isIsoDate, "Ange ett datum som finns, skrivet ÅÅÅÅ-MM-DD.");

/** A month, YYYY-MM (a mapping round's period). */
export const monthField = z
  .string({ required_error: "Ange en månad.", invalid_type_error: "Ange en månad." })
  .trim()
  .regex(/^(19|20)\d{2}-(0[1-9]|1[0-2])$/, "Ange månaden som ÅÅÅÅ-MM, till exempel 2027-02.");

/** A time of day, HH:MM (24-hour clock). */
export const timeField = z
  .string({ required_error: "Ange en tid.", invalid_type_error: "Ange en tid." })
  .trim()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, "Ange tiden som TT:MM, till exempel 09:30.");

/** A database id from a form (hidden field or select). */
export const idField = z.coerce
  .number({ invalid_type_error: "Ogiltigt id." })
  .int("Ogiltigt id.")
  .positive("Ogiltigt id.")
  .max(999_999_999, "Ogiltigt id.");

function capitalise(text: string): string {
  return text.charAt(0).toLocaleUpperCase("sv") + text.slice(1);
}

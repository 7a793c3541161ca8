/**
 * LeiKa keys (Leistungsschlüssel of the Leistungskatalog der öffentlichen Verwaltung):
 * reading what people and spreadsheets write, and keeping one canonical spelling.
 *
 * The validation is structural only: a key is exactly 14 digits. The LeiKa key has no
 * check digit, so a mistyped digit in an otherwise well-formed key cannot be detected
 * here; only a lookup in the LeiKa catalogue could say whether a key exists. The segments
 * (Leistungsobjekt, Verrichtung, Verrichtungsdetail) are not checked either, because
 * states and municipalities add keys of their own.
 */

/** A LeiKa key in canonical form: exactly 14 ASCII digits, e.g. "99123456760000". */
export type LeikaKey = string & { readonly __brand: "LeikaKey" };

/** The number of digits of a LeiKa key. */
export const LEIKA_KEY_LENGTH = 14;

/** Stable codes for what is wrong with a LeiKa key. */
export type LeikaKeyProblemCode =
  | "LEIKA_KEY_EMPTY"
  | "LEIKA_KEY_INVALID_CHARACTERS"
  | "LEIKA_KEY_SCIENTIFIC_NOTATION"
  | "LEIKA_KEY_WRONG_LENGTH";

/** What is wrong with a LeiKa key, with a German message for the user. */
export interface LeikaKeyProblem {
  readonly code: LeikaKeyProblemCode;
  readonly message: string;
}

/** The result of reading a LeiKa key. */
export type LeikaKeyResult =
  | { readonly ok: true; readonly key: LeikaKey }
  | { readonly ok: false; readonly problem: LeikaKeyProblem };

const CANONICAL = /^\d{14}$/;
// Separators people use to group the digits: spaces (also no-break and thin spaces from
// office documents), dots and hyphens.
const SEPARATORS = /[\s\u00a0\u202f.\-]+/gu;
// A spreadsheet that took the key for a number shows it as "9,91235E+13": digits are lost.
const SCIENTIFIC = /^\d+(?:[.,]\d+)?e\+?\d+$/i;

function failure(code: LeikaKeyProblemCode, message: string): LeikaKeyResult {
  return { ok: false, problem: { code, message } };
}

/** Whether a text is a LeiKa key in canonical form (14 digits, nothing else). */
export function isLeikaKey(text: string): text is LeikaKey {
  return CANONICAL.test(text);
}

/**
 * Reads a LeiKa key written as "99123456760000", "99 123 456 760 000" or
 * "99.123.456.760.000" and returns its canonical 14 digits; otherwise a problem. Any
 * grouping is accepted, since the key has no check digit that grouping could help verify.
 */
export function parseLeikaKey(text: string): LeikaKeyResult {
  const trimmed = text.trim();
  if (trimmed === "") {
    return failure(
      "LEIKA_KEY_EMPTY",
      "Bitte den 14-stelligen LeiKa-Schlüssel angeben.",
    );
  }
  if (SCIENTIFIC.test(trimmed.replace(/\s/g, ""))) {
    return failure(
      "LEIKA_KEY_SCIENTIFIC_NOTATION",
      `„${trimmed}“ ist eine gekürzte Zahl aus einer Tabellenkalkulation, kein LeiKa-Schlüssel. ` +
        "Bitte die Spalte als Text formatieren und den Schlüssel mit allen 14 Ziffern eintragen.",
    );
  }
  const digits = trimmed.replace(SEPARATORS, "");
  if (!/^\d+$/.test(digits)) {
    return failure(
      "LEIKA_KEY_INVALID_CHARACTERS",
      `„${trimmed}“ enthält Zeichen, die in einem LeiKa-Schlüssel nicht vorkommen; erlaubt sind Ziffern, ` +
        "zur Gliederung auch Leerzeichen, Punkte und Bindestriche.",
    );
  }
  if (!isLeikaKey(digits)) {
    return failure(
      "LEIKA_KEY_WRONG_LENGTH",
      `Ein LeiKa-Schlüssel hat genau ${LEIKA_KEY_LENGTH} Ziffern, „${trimmed}“ hat ${digits.length}.`,
    );
  }
  return { ok: true, key: digits };
}

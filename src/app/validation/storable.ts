/**
 * One rule for every input, whatever its way in (HTML forms, API JSON, catalogue and
 * register imports): text must be storable and numbers finite. A NUL character cannot be
 * stored by PostgreSQL at all (and SQLite would keep it, so that an export of one database
 * could not be imported into the other); a lone surrogate is no Unicode text; `1e999` in
 * JSON is Infinity, which no column holds faithfully. Such input is refused as a whole
 * with the place of each problem, before any rule of the form or schema looks at it.
 */
import type { InputProblem } from "../../errors.js";

/** At most this many problems are listed. */
const MAX_PROBLEMS = 20;

/** Nesting deeper than this is not walked further (parsers bound it already). */
const MAX_DEPTH = 64;

/** German descriptions, also shown on forms. */
export const UNSTORABLE_MESSAGES = {
  nul: "enthält ein unzulässiges Steuerzeichen (Nullbyte, U+0000)",
  surrogate: "enthält ungültige Unicode-Zeichen",
  notFinite: "ist keine endliche Zahl",
} as const;

/** Whether a text has a surrogate half without its partner (invalid UTF-16, not encodable as UTF-8). */
function hasLoneSurrogate(text: string): boolean {
  return LONE_SURROGATE.test(text);
}

const LONE_SURROGATE =
  /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** A written number that no double holds (e.g. "1e999"): what a form field would turn into Infinity. */
const NUMBER_WITH_EXPONENT =
  /^\s*[+-]?(?:\d+(?:[.,]\d*)?|[.,]\d+)e[+-]?\d+\s*$/i;

/** What is wrong with one text, or null. `asFormText` also checks numbers written with an exponent. */
export function unstorableText(
  text: string,
  asFormText = false,
): string | null {
  if (text.includes("\u0000")) return UNSTORABLE_MESSAGES.nul;
  if (hasLoneSurrogate(text)) return UNSTORABLE_MESSAGES.surrogate;
  if (
    asFormText &&
    NUMBER_WITH_EXPONENT.test(text) &&
    !Number.isFinite(Number(text.trim().replace(",", ".")))
  ) {
    return UNSTORABLE_MESSAGES.notFinite;
  }
  return null;
}

function escapePointer(key: string): string {
  return key.replace(/~/g, "~0").replace(/\//g, "~1");
}

/**
 * The problems of a parsed input (object, array, text, number) with JSON pointers, empty
 * when all of it can be stored. Keys are checked like values. `formText`: the texts come
 * from a form, where numbers arrive as text.
 */
export function findUnstorableValues(
  value: unknown,
  options: { basePath?: string; formText?: boolean } = {},
): InputProblem[] {
  const problems: InputProblem[] = [];
  const formText = options.formText === true;
  const visit = (current: unknown, path: string, depth: number): void => {
    if (problems.length >= MAX_PROBLEMS || depth > MAX_DEPTH) return;
    if (typeof current === "string") {
      const message = unstorableText(current, formText);
      if (message !== null)
        problems.push({ path: path === "" ? "/" : path, message });
    } else if (typeof current === "number") {
      if (!Number.isFinite(current))
        problems.push({
          path: path === "" ? "/" : path,
          message: UNSTORABLE_MESSAGES.notFinite,
        });
    } else if (Array.isArray(current)) {
      current.forEach((item, index) =>
        visit(item, `${path}/${index}`, depth + 1),
      );
    } else if (
      current !== null &&
      typeof current === "object" &&
      !Buffer.isBuffer(current) &&
      !(current instanceof Uint8Array)
    ) {
      for (const [key, item] of Object.entries(current)) {
        const keyProblem = unstorableText(key);
        if (keyProblem !== null)
          problems.push({
            path: `${path}/${escapePointer(key.replace(/\u0000/g, "\\u0000"))}`,
            message: keyProblem,
          });
        visit(item, `${path}/${escapePointer(key)}`, depth + 1);
      }
    }
  };
  visit(value, options.basePath ?? "", 0);
  return problems;
}

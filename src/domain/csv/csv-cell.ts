/**
 * CSV files are opened in spreadsheets, which run a cell starting with "=", "+", "-" or
 * "@" (and, in some, a tab or carriage return before one) as a formula: a register entry
 * named `=HYPERLINK(…)` would become a link or a command (CSV injection). Every text cell
 * of every CSV export goes through `escapeCsvFormula`, which puts an apostrophe in front,
 * as OWASP recommends; the spreadsheet then shows the text as typed. Reading our own CSV
 * back removes that apostrophe again.
 */

const FORMULA_START = /^[=+\-@\t\r]/;

/** A text cell as written to a CSV file: with a leading apostrophe when it would start a formula. */
export function escapeCsvFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** A text cell read from a CSV file: the apostrophe `escapeCsvFormula` added is removed. */
export function unescapeCsvFormula(value: string): string {
  return value.startsWith("'") && FORMULA_START.test(value.slice(1))
    ? value.slice(1)
    : value;
}

/** Escapes a cell value of any type for a CSV writer: only text can start a formula. */
export function escapeCsvValue(value: unknown): unknown {
  return typeof value === "string" ? escapeCsvFormula(value) : value;
}

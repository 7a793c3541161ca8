/**
 * Writing CSV files that are safe to open in a spreadsheet. RFC 4180 quoting (a cell with
 * the separator, a quote, CR or LF is quoted, quotes doubled), CRLF line ends, and
 * protection against formula injection: a text cell that begins with = + - @, a tab or a
 * carriage return would be run as a formula by Excel or LibreOffice, so it is written with
 * a leading apostrophe (OWASP "CSV Injection"). Numbers are never changed: -3 stays -3.
 */

/** A cell: text is protected, numbers are written as given, null is empty. */
export type CsvCell = string | number | boolean | null;

/** How a file is written. */
export interface CsvOptions {
  /** The separator; German Excel expects the semicolon. */
  readonly separator: ";" | "," | "\t";
  /** Start with a UTF-8 byte order mark, so that Excel detects UTF-8. */
  readonly byteOrderMark: boolean;
  /** How a number is written; default: as JavaScript writes it (decimal point). */
  readonly formatNumber?: (value: number) => string;
  /** How a boolean is written; default: "true"/"false". */
  readonly formatBoolean?: (value: boolean) => string;
}

const FORMULA_START = /^[=+\-@\t\r]/;

/** Text that a spreadsheet would run as a formula, made inert with a leading apostrophe. */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

function quote(text: string, separator: string): string {
  return text.includes(separator) || /["\r\n]/.test(text)
    ? `"${text.replaceAll('"', '""')}"`
    : text;
}

/** One cell as it appears in the file. */
export function csvCell(cell: CsvCell, options: CsvOptions): string {
  if (cell === null) return "";
  if (typeof cell === "number")
    return quote(
      options.formatNumber?.(cell) ?? String(cell),
      options.separator,
    );
  if (typeof cell === "boolean")
    return quote(
      options.formatBoolean?.(cell) ?? String(cell),
      options.separator,
    );
  return quote(neutraliseFormula(cell), options.separator);
}

/** A whole file: the heading row, then the rows. */
export function writeCsv(
  headings: readonly string[],
  rows: readonly (readonly CsvCell[])[],
  options: CsvOptions,
): Buffer {
  const lines = [headings, ...rows].map((row) =>
    row.map((cell) => csvCell(cell, options)).join(options.separator),
  );
  return Buffer.from(
    `${options.byteOrderMark ? "\uFEFF" : ""}${lines.join("\r\n")}\r\n`,
    "utf8",
  );
}

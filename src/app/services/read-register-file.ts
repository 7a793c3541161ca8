/**
 * Reads an OZG service register file (CSV or XLSX, as written by
 * exports/register/register-file.ts or by hand in a spreadsheet) into rows of text. Every
 * cell becomes text first — the LeiKa key as all 14 digits, spreadsheet dates as ISO
 * dates — so the domain's table rules (service-table.ts) judge CSV and XLSX alike, and
 * line numbers are the spreadsheet's row numbers.
 */
import { separatorOf } from "../../domain/csv/csv-separator.js";
import { Readable } from "node:stream";
import type ExcelJS from "exceljs";
import { formatIsoDate, utcDayOf } from "../../domain/calendar/calendar.js";
import {
  REGISTER_SHEET_NAME,
  serviceTableHeadings,
  type RegisterFormat,
  type TableRow,
} from "../../domain/service/service-table.js";
import { unescapeCsvFormula } from "../../domain/csv/csv-cell.js";
import { unstorableText } from "../validation/storable.js";
import {
  assertZipWithinLimits,
  decodeCsvWithinLimits,
  REGISTER_UPLOAD_LIMITS,
  unreadableXlsx,
} from "./upload-limits.js";

/** exceljs is loaded on first use: it is large, and most processes never read a register file. */
async function newWorkbook(): Promise<ExcelJS.Workbook> {
  const { default: excel } = await import("exceljs");
  return new excel.Workbook();
}

/** A cell's value as the text a person sees (also read by the catalogue spreadsheet). */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return formatIsoDate(utcDayOf(value));
  if (typeof value === "number")
    return Number.isInteger(value) ? value.toFixed(0) : String(value);
  if (typeof value === "boolean") return value ? "ja" : "nein";
  if (typeof value === "string") return value;
  if (typeof value === "object") {
    if ("richText" in value)
      return value.richText.map((part) => part.text).join("");
    if ("text" in value && typeof value.text === "string") return value.text;
    if ("result" in value) return cellText(value.result);
    if ("error" in value) return value.error;
  }
  return "";
}

function rowsOf(sheet: ExcelJS.Worksheet): {
  headings: TableRow | undefined;
  rows: TableRow[];
} {
  const all: TableRow[] = [];
  const width = Math.max(sheet.columnCount, serviceTableHeadings().length);
  sheet.eachRow({ includeEmpty: false }, (row, number) => {
    const cells: string[] = [];
    for (let column = 1; column <= width; column += 1)
      cells.push(cellText(row.getCell(column).value));
    all.push({ line: number, cells });
  });
  const [headings, ...rows] = all;
  return { headings, rows };
}

/** Which format a file has: by its first bytes (XLSX is a ZIP), else by its name. */
export function registerFormatOf(
  fileName: string,
  bytes: Buffer,
): RegisterFormat {
  if (bytes.length >= 2 && bytes[0] === 0x50 && bytes[1] === 0x4b)
    return "xlsx";
  return fileName.toLowerCase().endsWith(".xlsx") ? "xlsx" : "csv";
}

/** Refuses text that no database can store (NUL …), naming the row and column. */
function assertStorable(
  fileName: string,
  table: { headings: TableRow | undefined; rows: TableRow[] },
): void {
  for (const row of table.headings === undefined
    ? table.rows
    : [table.headings, ...table.rows]) {
    for (const [index, cell] of row.cells.entries()) {
      const problem = unstorableText(cell);
      if (problem !== null)
        throw new RangeError(
          `Die Datei „${fileName}“, Zeile ${row.line}, Spalte ${index + 1}: ${problem}.`,
        );
    }
  }
  if (table.rows.length > REGISTER_UPLOAD_LIMITS.maxRows) {
    throw new RangeError(
      `Die Datei „${fileName}“ hat mehr als ${REGISTER_UPLOAD_LIMITS.maxRows.toLocaleString("de-DE")} Zeilen und wird nicht gelesen.`,
    );
  }
}

/**
 * Reads a register file into rows of text; throws a RangeError with a German message when
 * it is no table at all, breaks a size limit (upload-limits.ts: zip bombs are stopped
 * while unpacking), is not UTF-8 or holds text that cannot be stored.
 */
export async function readRegisterFile(
  fileName: string,
  bytes: Buffer,
): Promise<{ headings: TableRow | undefined; rows: TableRow[] }> {
  const table = await readTable(fileName, bytes);
  assertStorable(fileName, table);
  return table;
}

async function readTable(
  fileName: string,
  bytes: Buffer,
): Promise<{ headings: TableRow | undefined; rows: TableRow[] }> {
  if (registerFormatOf(fileName, bytes) === "xlsx") {
    await assertZipWithinLimits(fileName, bytes);
    const workbook = await newWorkbook();
    try {
      await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
    } catch (error) {
      throw unreadableXlsx(fileName, error);
    }
    const sheet =
      workbook.getWorksheet(REGISTER_SHEET_NAME) ?? workbook.worksheets[0];
    return sheet === undefined
      ? { headings: undefined, rows: [] }
      : rowsOf(sheet);
  }
  const text = decodeCsvWithinLimits(fileName, bytes);
  const workbook = await newWorkbook();
  const sheet = await workbook.csv.read(Readable.from([text]), {
    // Every value stays text: exceljs would otherwise turn the LeiKa key into a number.
    // Cells that our export protected against formula injection are read as they were.
    map: (value: unknown) =>
      typeof value === "string" ? unescapeCsvFormula(value) : value,
    parserOptions: {
      delimiter: separatorOf(text),
      ignoreEmpty: false,
      trim: false,
    },
  });
  return rowsOf(sheet);
}

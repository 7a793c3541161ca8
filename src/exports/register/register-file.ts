/**
 * The OZG service register as a file: CSV (semicolons, UTF-8 with BOM, as German Excel
 * opens it) and XLSX, both written and read with exceljs. Reading turns every cell into
 * text first — the LeiKa key as all 14 digits, spreadsheet dates as ISO dates — so the
 * domain's table rules (service-table.ts) judge CSV and XLSX alike, and line numbers are
 * the spreadsheet's row numbers.
 */
import { Readable } from "node:stream";
import type ExcelJS from "exceljs";
import type { Service } from "../../domain/service/service.js";
import { serviceTableHeadings, serviceTableRow, type TableRow } from "../../domain/service/service-table.js";
import { escapeCsvValue, unescapeCsvFormula } from "../csv-cell.js";
import { unstorableText } from "../../app/validation/storable.js";
import { assertZipWithinLimits, decodeCsvWithinLimits, REGISTER_UPLOAD_LIMITS } from "./upload-limits.js";

/** The formats of a register file. */
export type RegisterFormat = "csv" | "xlsx";

/** The MIME type of each format. */
export const REGISTER_CONTENT_TYPES: Readonly<Record<RegisterFormat, string>> = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

const SHEET_NAME = "OZG-Leistungen";

/**
 * exceljs is loaded on first use: it is large, and most processes never read or write a
 * register file, so start-up time and memory stay low.
 */
async function newWorkbook(): Promise<ExcelJS.Workbook> {
  const { default: excel } = await import("exceljs");
  return new excel.Workbook();
}

async function workbookOf(services: readonly Service[]): Promise<ExcelJS.Workbook> {
  const workbook = await newWorkbook();
  workbook.creator = "Fortschritt";
  const sheet = workbook.addWorksheet(SHEET_NAME, { views: [{ state: "frozen", ySplit: 1 }] });
  const headings = serviceTableHeadings();
  sheet.columns = headings.map((heading, index) => ({
    header: heading,
    key: `c${index}`,
    width: index === 1 ? 48 : index === 0 ? 18 : Math.max(12, heading.length + 2),
    // The key as text: as a number a spreadsheet would show 9,91235E+13 and lose digits.
    ...(index === 0 ? { style: { numFmt: "@" } } : {}),
  }));
  sheet.getRow(1).font = { bold: true };
  for (const service of services) {
    const cells = serviceTableRow(service);
    const row = sheet.addRow(cells.map((cell, index) => (index === 9 || index === 11 ? (cell === "" ? null : Number(cell)) : cell)));
    row.getCell(1).numFmt = "@";
  }
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: headings.length } };
  return workbook;
}

/** Writes the register as a file of the format. */
export async function writeRegisterFile(services: readonly Service[], format: RegisterFormat): Promise<Buffer> {
  const workbook = await workbookOf(services);
  if (format === "xlsx") return Buffer.from(await workbook.xlsx.writeBuffer());
  return Buffer.from(
    await workbook.csv.writeBuffer({
      sheetName: SHEET_NAME,
      formatterOptions: { delimiter: ";", writeBOM: true },
      // No cell may start a formula in the spreadsheet that opens the file.
      map: escapeCsvValue,
    }),
  );
}

/** A cell's value as the text a person sees. */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === "number") return Number.isInteger(value) ? value.toFixed(0) : String(value);
  if (typeof value === "boolean") return value ? "ja" : "nein";
  if (typeof value === "string") return value;
  if (typeof value === "object") {
    if ("richText" in value) return value.richText.map((part) => part.text).join("");
    if ("text" in value && typeof value.text === "string") return value.text;
    if ("result" in value) return cellText(value.result);
    if ("error" in value) return value.error;
  }
  return "";
}

function rowsOf(sheet: ExcelJS.Worksheet): { headings: TableRow | undefined; rows: TableRow[] } {
  const all: TableRow[] = [];
  const width = Math.max(sheet.columnCount, serviceTableHeadings().length);
  sheet.eachRow({ includeEmpty: false }, (row, number) => {
    const cells: string[] = [];
    for (let column = 1; column <= width; column += 1) cells.push(cellText(row.getCell(column).value));
    all.push({ line: number, cells });
  });
  const [headings, ...rows] = all;
  return { headings, rows };
}

/** Which format a file has: by its first bytes (XLSX is a ZIP), else by its name. */
export function registerFormatOf(fileName: string, bytes: Buffer): RegisterFormat {
  if (bytes.length >= 2 && bytes[0] === 0x50 && bytes[1] === 0x4b) return "xlsx";
  return fileName.toLowerCase().endsWith(".xlsx") ? "xlsx" : "csv";
}

/** The separator of a CSV file: semicolon (German Excel), comma or tab, whichever the first line uses most. */
function separatorOf(text: string): string {
  const firstLine = text.split(/\r?\n/, 1)[0] ?? "";
  const counts = [";", ",", "\t"].map((separator) => [separator, firstLine.split(separator).length - 1] as const);
  return counts.reduce((best, each) => (each[1] > best[1] ? each : best))[0];
}

/** Refuses text that no database can store (NUL …), naming the row and column. */
function assertStorable(fileName: string, table: { headings: TableRow | undefined; rows: TableRow[] }): void {
  for (const row of table.headings === undefined ? table.rows : [table.headings, ...table.rows]) {
    for (const [index, cell] of row.cells.entries()) {
      const problem = unstorableText(cell);
      if (problem !== null) throw new RangeError(`Die Datei „${fileName}“, Zeile ${row.line}, Spalte ${index + 1}: ${problem}.`);
    }
  }
  if (table.rows.length > REGISTER_UPLOAD_LIMITS.maxRows) {
    throw new RangeError(`Die Datei „${fileName}“ hat mehr als ${REGISTER_UPLOAD_LIMITS.maxRows.toLocaleString("de-DE")} Zeilen und wird nicht gelesen.`);
  }
}

/**
 * Reads a register file into rows of text; throws a RangeError with a German message when
 * it is no table at all, breaks a size limit (upload-limits.ts: zip bombs are stopped
 * while unpacking), is not UTF-8 or holds text that cannot be stored.
 */
export async function readRegisterFile(fileName: string, bytes: Buffer): Promise<{ headings: TableRow | undefined; rows: TableRow[] }> {
  const table = await readTable(fileName, bytes);
  assertStorable(fileName, table);
  return table;
}

async function readTable(fileName: string, bytes: Buffer): Promise<{ headings: TableRow | undefined; rows: TableRow[] }> {
  if (registerFormatOf(fileName, bytes) === "xlsx") {
    await assertZipWithinLimits(fileName, bytes);
    const workbook = await newWorkbook();
    try {
      await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
    } catch (error) {
      throw new RangeError(`Die Datei „${fileName}“ lässt sich nicht als Excel-Arbeitsmappe (XLSX) lesen.`, { cause: error });
    }
    const sheet = workbook.getWorksheet(SHEET_NAME) ?? workbook.worksheets[0];
    return sheet === undefined ? { headings: undefined, rows: [] } : rowsOf(sheet);
  }
  const text = decodeCsvWithinLimits(fileName, bytes);
  const workbook = await newWorkbook();
  const sheet = await workbook.csv.read(Readable.from([text]), {
    // Every value stays text: exceljs would otherwise turn the LeiKa key into a number.
    // Cells that our export protected against formula injection are read as they were.
    map: (value: unknown) => (typeof value === "string" ? unescapeCsvFormula(value) : value),
    parserOptions: { delimiter: separatorOf(text), ignoreEmpty: false, trim: false },
  });
  return rowsOf(sheet);
}

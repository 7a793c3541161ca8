/**
 * Reads an uploaded catalogue spreadsheet — an XLSX workbook, or a ZIP of CSV files (one
 * per sheet, as `fortschritt export-xlsx --csv` writes it) — into sheets of text. Every
 * cell becomes the text a person sees; the archive is checked against size limits while
 * it is inflated (upload-limits.ts), before exceljs sees it.
 */
import { separatorOf } from "../../../domain/csv/csv-separator.js";
import type ExcelJS from "exceljs";
import type yauzl from "yauzl";
import { unescapeCsvFormula } from "../../../domain/csv/csv-cell.js";
import {
  assertZipWithinLimits,
  openZip,
  UploadLimitError,
} from "../../services/upload-limits.js";
import { unstorableText } from "../../validation/storable.js";
import type { RawSheet } from "./catalogue-sheets.js";
import { cellText } from "../../services/read-register-file.js";

/** Limits of a catalogue file: a large programme has a few thousand rows. */
export const CATALOGUE_SHEET_LIMITS = {
  maxFileBytes: 10 * 1024 * 1024,
  maxUnpackedBytes: 80 * 1024 * 1024,
  maxEntries: 200,
  maxRows: 50_000,
} as const;

/** A file that cannot be read as a catalogue spreadsheet; the message is German. */
export class UnreadableWorkbookError extends RangeError {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = "UnreadableWorkbookError";
  }
}

/** The entries of an archive already checked against the limits. */
async function zipEntries(bytes: Buffer): Promise<Map<string, Buffer>> {
  const zip = await openZip(bytes);
  const entries = new Map<string, Buffer>();
  await new Promise<void>((resolve, reject) => {
    zip.on("error", reject);
    zip.on("end", () => resolve());
    zip.on("entry", (entry: yauzl.Entry) => {
      if (entry.fileName.endsWith("/")) {
        zip.readEntry();
        return;
      }
      zip.openReadStream(entry, (error, stream) => {
        if (error !== null || stream === undefined) {
          reject(error ?? new Error("no stream"));
          return;
        }
        const chunks: Buffer[] = [];
        stream.on("data", (chunk: Buffer) => chunks.push(chunk));
        stream.on("error", reject);
        stream.on("end", () => {
          entries.set(entry.fileName, Buffer.concat(chunks));
          zip.readEntry();
        });
      });
    });
    zip.readEntry();
  });
  return entries;
}

/** Parses RFC 4180 CSV: quoted cells may hold separators, quotes ("") and line breaks. */
export function parseCsv(text: string): { line: number; cells: string[] }[] {
  const separator = separatorOf(text);
  const rows: { line: number; cells: string[] }[] = [];
  let cells: string[] = [];
  let cell = "";
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index];
    if (quoted) {
      if (char === '"') {
        if (text[index + 1] === '"') {
          cell += '"';
          index += 1;
        } else quoted = false;
      } else {
        if (char === "\n") line += 1;
        cell += char;
      }
      continue;
    }
    if (char === '"' && cell === "") quoted = true;
    else if (char === separator) {
      cells.push(cell);
      cell = "";
    } else if (char === "\n" || char === "\r") {
      if (char === "\r" && text[index + 1] === "\n") index += 1;
      cells.push(cell);
      rows.push({ line: rowLine, cells });
      cells = [];
      cell = "";
      line += 1;
      rowLine = line;
    } else cell += char;
  }
  if (cell !== "" || cells.length > 0) {
    cells.push(cell);
    rows.push({ line: rowLine, cells });
  }
  return rows.map((row) => ({
    line: row.line,
    cells: row.cells.map(unescapeCsvFormula),
  }));
}

function decodeUtf8(name: string, bytes: Buffer): string {
  try {
    return new TextDecoder("utf-8", { fatal: true })
      .decode(bytes)
      .replace(/^\uFEFF/, "");
  } catch (error) {
    throw new UnreadableWorkbookError(
      `Die Datei „${name}“ ist nicht in UTF-8 gespeichert. Bitte als „CSV UTF-8“ speichern.`,
      { cause: error },
    );
  }
}

function sheetOf(
  name: string,
  rows: readonly { line: number; cells: string[] }[],
): RawSheet {
  const [headings, ...rest] = rows;
  return { name, headings: headings?.cells ?? [], rows: rest };
}

async function readXlsx(bytes: Buffer, fileName: string): Promise<RawSheet[]> {
  const { default: excel } = await import("exceljs");
  const workbook = new excel.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch (error) {
    throw new UnreadableWorkbookError(
      `Die Datei „${fileName}“ lässt sich nicht als Excel-Arbeitsmappe (XLSX) lesen.`,
      { cause: error },
    );
  }
  return workbook.worksheets.map((worksheet) => {
    const rows: { line: number; cells: string[] }[] = [];
    const width = worksheet.columnCount;
    worksheet.eachRow({ includeEmpty: false }, (row, number) => {
      const cells: string[] = [];
      for (let column = 1; column <= width; column += 1)
        cells.push(cellText(row.getCell(column).value));
      rows.push({ line: number, cells });
    });
    return sheetOf(worksheet.name, rows);
  });
}

/** Refuses text that no database can store (NUL …), naming sheet, row and column. */
function assertStorable(sheets: readonly RawSheet[]): void {
  for (const sheet of sheets) {
    for (const row of [{ line: 1, cells: sheet.headings }, ...sheet.rows]) {
      for (const [index, cell] of row.cells.entries()) {
        const problem = unstorableText(cell);
        if (problem !== null)
          throw new UnreadableWorkbookError(
            `Blatt „${sheet.name}“, Zeile ${row.line}, Spalte ${index + 1}: ${problem}.`,
          );
      }
    }
  }
}

/**
 * Reads a catalogue spreadsheet into sheets of text. Throws an UnreadableWorkbookError
 * (German message) for a file that is no XLSX workbook and no ZIP of CSV files, breaks a
 * limit or holds text that cannot be stored.
 */
export async function readCatalogueWorkbook(
  fileName: string,
  bytes: Buffer,
): Promise<readonly RawSheet[]> {
  if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b)
    throw new UnreadableWorkbookError(
      `Die Datei „${fileName}“ ist weder eine Excel-Arbeitsmappe (XLSX) noch ein ZIP-Archiv mit CSV-Dateien.`,
    );
  try {
    await assertZipWithinLimits(fileName, bytes, CATALOGUE_SHEET_LIMITS);
  } catch (error) {
    if (error instanceof UploadLimitError)
      throw new UnreadableWorkbookError(error.message, { cause: error });
    throw new UnreadableWorkbookError(
      `Die Datei „${fileName}“ lässt sich nicht als Excel-Arbeitsmappe (XLSX) oder ZIP-Archiv lesen.`,
      { cause: error },
    );
  }
  let entries: Map<string, Buffer>;
  try {
    entries = await zipEntries(bytes);
  } catch (error) {
    throw new UnreadableWorkbookError(
      `Die Datei „${fileName}“ lässt sich nicht als ZIP-Archiv lesen.`,
      { cause: error },
    );
  }
  let sheets: RawSheet[];
  if (entries.has("[Content_Types].xml")) {
    sheets = await readXlsx(bytes, fileName);
  } else {
    sheets = [];
    let rows = 0;
    for (const [name, content] of entries) {
      if (!name.toLowerCase().endsWith(".csv")) continue;
      const parsed = parseCsv(decodeUtf8(name, content));
      rows += parsed.length;
      if (rows > CATALOGUE_SHEET_LIMITS.maxRows)
        throw new UnreadableWorkbookError(
          `Die Datei „${fileName}“ hat mehr als ${CATALOGUE_SHEET_LIMITS.maxRows.toLocaleString("de-DE")} Zeilen und wird nicht gelesen.`,
        );
      sheets.push(sheetOf(name.split("/").pop() ?? name, parsed));
    }
    if (sheets.length === 0)
      throw new UnreadableWorkbookError(
        `Das ZIP-Archiv „${fileName}“ enthält keine CSV-Dateien.`,
      );
  }
  assertStorable(sheets);
  return sheets;
}

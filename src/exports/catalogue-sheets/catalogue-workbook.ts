/**
 * The catalogue as a spreadsheet file: an XLSX workbook with one sheet per part and a
 * sheet of hints, or a ZIP of CSV files (semicolons, UTF-8 with BOM, one file per sheet).
 * The layout is app/catalogue/sheets/catalogue-sheets.ts; reading the files back is an
 * import and lives in app/catalogue/sheets/read-catalogue-workbook.ts.
 */
import { crc32, deflateRawSync } from "node:zlib";
import type ExcelJS from "exceljs";
import {
  HELP_SHEET_TITLE,
  SHEET_IDS,
  SHEETS,
  type CatalogueTables,
  type SheetId,
} from "../../app/catalogue/sheets/catalogue-sheets.js";
import {
  MEASURE_STATUSES,
  ORG_UNIT_KINDS,
  PROJECT_STATUSES,
  RESPONSIBILITY_ROLES,
} from "../../domain/catalogue/catalogue.js";
import { writeCsv } from "../csv/csv.js";

/** The MIME types of the two files. */
export const CATALOGUE_SHEET_CONTENT_TYPES = {
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  zip: "application/zip",
} as const;

/** What each sheet holds and which values a column allows: the "Hinweise" sheet. */
const HINTS: readonly (readonly [string, string])[] = [
  [
    "Allgemein",
    "Jede Zeile wird über ihren Schlüssel (Kurzname, Schlüssel, Kürzel, Nr.) wiedererkannt: ein zweiter Import ändert, statt zu verdoppeln. Eine Zeile zu löschen entfernt den Eintrag. Eigene Spalten und Blätter werden gemeldet und nicht gelesen. Dieses Blatt wird beim Import nicht gelesen.",
  ],
  ["Programm", "Genau eine Zeile; Beginn und Ende sind Jahre (Zeithorizont)."],
  ["Wirkungsbereiche", "Schlüssel: Kleinbuchstaben, Ziffern, Bindestriche."],
  [
    "Aktionsfelder",
    "Wirkungsbereich: Schlüssel aus dem Blatt Wirkungsbereiche; Farbe als #rrggbb mit Kontrast zu weißer Schrift.",
  ],
  [
    "Projekte",
    `Status: ${PROJECT_STATUSES.join(", ")}. Nummer z. B. 2.5; Schlagwörter durch Semikolon getrennt.`,
  ],
  [
    "Phasen",
    "Beginn und Ende: 2024, 2024-Q2, 2024-05 oder 2024-05-17. Ohne Ende: Fortsetzung ongoing oder permanent. Nr. bestimmt die Reihenfolge im Projekt.",
  ],
  ["Maßnahmen", `Status: ${MEASURE_STATUSES.join(", ")}.`],
  [
    "Zuständigkeiten",
    `Organisationseinheit: Kürzel aus dem Blatt Organisationseinheiten; Rolle: ${RESPONSIBILITY_ROLES.join(", ")}.`,
  ],
  ["Abhängigkeiten", "Beide Spalten: Kurznamen von Projekten."],
  [
    "Organisationseinheiten",
    `Art: ${ORG_UNIT_KINDS.join(", ")}; Übergeordnet: Kürzel einer anderen Einheit.`,
  ],
  ["Ziele", "Nr. bestimmt die Reihenfolge."],
  ["Prioritäten", "Projekte: Kurznamen, durch Semikolon getrennt."],
];

async function newWorkbook(): Promise<ExcelJS.Workbook> {
  const { default: excel } = await import("exceljs");
  return new excel.Workbook();
}

const WIDE_COLUMNS = new Set([
  "Titel",
  "Name",
  "Zusammenfassung",
  "Beschreibung",
  "Anmerkung",
  "Projekte",
  "Schlagwörter",
]);

/** Writes the catalogue as an XLSX workbook; every cell is text, so that "2.10" stays 2.10. */
export async function writeCatalogueXlsx(
  tables: CatalogueTables,
): Promise<Buffer> {
  const workbook = await newWorkbook();
  workbook.creator = "Fortschritt";
  for (const id of SHEET_IDS) {
    const definition = SHEETS[id];
    const sheet = workbook.addWorksheet(definition.title, {
      views: [{ state: "frozen", ySplit: 1 }],
    });
    sheet.columns = definition.columns.map((column, index) => ({
      header: column,
      key: `c${index}`,
      width: WIDE_COLUMNS.has(column) ? 48 : Math.max(14, column.length + 4),
      style: { numFmt: "@" },
    }));
    sheet.getRow(1).font = { bold: true };
    for (const row of tables[id])
      sheet.addRow(definition.columns.map((column) => row.cells[column] ?? ""));
  }
  const help = workbook.addWorksheet(HELP_SHEET_TITLE);
  help.columns = [
    { header: "Blatt", key: "sheet", width: 24 },
    { header: "Hinweis", key: "hint", width: 120 },
  ];
  help.getRow(1).font = { bold: true };
  for (const [sheet, hint] of HINTS) help.addRow([sheet, hint]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The CSV file name of a sheet inside the ZIP. */
export function csvFileName(id: SheetId): string {
  return `${id}.csv`;
}

/** Writes the catalogue as a ZIP of CSV files, one per sheet. */
export function writeCatalogueCsvZip(tables: CatalogueTables): Buffer {
  return writeZip(
    SHEET_IDS.map((id) => {
      const { columns } = SHEETS[id];
      return {
        name: csvFileName(id),
        data: writeCsv(
          columns,
          tables[id].map((row) =>
            columns.map((column) => row.cells[column] ?? ""),
          ),
          { separator: ";", byteOrderMark: true },
        ),
      };
    }),
  );
}

/** A minimal ZIP writer (deflate, UTF-8 names): enough for a handful of CSV files. */
function writeZip(files: readonly { name: string; data: Buffer }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  // 1980-01-01 00:00, so that the same catalogue always gives the same bytes.
  const dosTime = 0;
  const dosDate = (0 << 9) | (1 << 5) | 1;
  for (const file of files) {
    const name = Buffer.from(file.name, "utf8");
    const compressed = deflateRawSync(file.data);
    const crc = crc32(file.data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt16LE(dosTime, 10);
    local.writeUInt16LE(dosDate, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(compressed.length, 18);
    local.writeUInt32LE(file.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt16LE(dosTime, 12);
    central.writeUInt16LE(dosDate, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(compressed.length, 20);
    central.writeUInt32LE(file.data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, compressed);
    centrals.push(central, name);
    offset += local.length + name.length + compressed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

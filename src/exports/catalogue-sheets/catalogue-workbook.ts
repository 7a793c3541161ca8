/**
 * The catalogue as a spreadsheet file: an XLSX workbook with one sheet per part and a
 * sheet of hints, or a ZIP of CSV files (semicolons, UTF-8 with BOM, one file per sheet).
 * The layout is app/catalogue/sheets/catalogue-sheets.ts; reading the files back is an
 * import and lives in app/catalogue/sheets/read-catalogue-workbook.ts.
 */
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
import { BODY_KINDS } from "../../domain/body/body.js";
import { bodiesDe } from "../../i18n/bodies.de.js";
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
  [
    "Maßnahmen",
    `Status: ${MEASURE_STATUSES.join(", ")}. Beginn und Ende (freiwillig) wie bei Phasen; Organisationseinheit: ein Kürzel; Phase: die Bezeichnung einer Phase des Projekts. Die Zeilen werden über Projekt und Nr. wiedererkannt: wer eine Maßnahme in der Mitte einfügt oder löscht, ändert die Nummern der folgenden.`,
  ],
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
  [
    "Gremien",
    `Kürzel: eindeutig in der Kommune; Art: ${BODY_KINDS.map((kind) => bodiesDe.kinds[kind]).join(", ")}. Ein Gremium, das hier fehlt, bleibt bestehen.`,
  ],
  [
    "Mitglieder",
    "Gremium: Kürzel aus dem Blatt Gremien; Nr. bestimmt die Reihenfolge; Öffentlich: „ja“ oder „nein“ für jedes Mitglied (ob der Name im Portal, in der Schnittstelle und in offenen Daten erscheinen darf). Die Mitglieder eines Gremiums sind genau die Zeilen dieses Blatts.",
  ],
  [
    "Sitzungen",
    "Gremium: Kürzel aus dem Blatt Gremien; Datum: TT.MM.JJJJ oder JJJJ-MM-TT; eine Sitzung wird über Gremium, Datum und TOP wiedererkannt. Vortragende: „Name (Funktion)“, durch Semikolon getrennt. Fragen und Antworten: „F: …“, in der nächsten Zeile „A: …“, zwischen zwei Fragen eine Leerzeile. Eine Sitzung, die hier fehlt, bleibt bestehen: Berichte verweisen auf sie.",
  ],
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
  "Vortragende",
  "Fragen und Antworten",
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

/** The date written into every ZIP entry, so that the same catalogue always gives the same bytes. */
const ZIP_ENTRY_DATE = new Date(Date.UTC(2000, 0, 1));

/** Writes the catalogue as a ZIP of CSV files, one per sheet. */
export async function writeCatalogueCsvZip(
  tables: CatalogueTables,
): Promise<Buffer> {
  const { default: JSZip } = await import("jszip");
  const zip = new JSZip();
  for (const id of SHEET_IDS) {
    const { columns } = SHEETS[id];
    zip.file(
      csvFileName(id),
      writeCsv(
        columns,
        tables[id].map((row) =>
          columns.map((column) => row.cells[column] ?? ""),
        ),
        { separator: ";", byteOrderMark: true },
      ),
      { date: ZIP_ENTRY_DATE },
    );
  }
  return zip.generateAsync({
    type: "nodebuffer",
    compression: "DEFLATE",
    platform: "UNIX",
  });
}

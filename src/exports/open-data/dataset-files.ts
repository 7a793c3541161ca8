/**
 * An open dataset as a file: CSV, XLSX or JSON. The choices (docs/adr/0016):
 *  - CSV in the German spreadsheet dialect: UTF-8 with byte order mark (so that Excel reads
 *    umlauts correctly), semicolon as separator and decimal comma (what German Excel expects
 *    on a double click), ISO dates (JJJJ-MM-TT, which every program reads), ja/nein for
 *    yes/no, CRLF line ends, RFC 4180 quoting and formula cells made inert (exports/csv).
 *  - XLSX with real numbers, the data dictionary and the licence on sheets of their own;
 *    exceljs is loaded on first use.
 *  - JSON with the dictionary, the licence and the records as objects (numbers as numbers,
 *    yes/no as true/false, empty as null).
 */
import type ExcelJS from "exceljs";
import type {
  DatasetCell,
  DatasetTable,
  FieldType,
} from "../../app/open-data/datasets.js";
import { writeCsv } from "../csv/csv.js";

/** The file formats of every dataset. */
export const OPEN_DATA_FORMATS = ["csv", "xlsx", "json"] as const;
export type OpenDataFormat = (typeof OPEN_DATA_FORMATS)[number];

/** The MIME type of each format. */
export const OPEN_DATA_CONTENT_TYPES: Readonly<Record<OpenDataFormat, string>> =
  {
    csv: "text/csv; charset=utf-8",
    xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    json: "application/json; charset=utf-8",
  };

/** The licence and attribution that go with every file. */
export interface DatasetLicence {
  readonly name: string;
  readonly url: string;
  /** "Datenquelle: Stadt Kleve, …". */
  readonly attribution: string;
}

/** German names of the field types, for the dictionary. */
export const FIELD_TYPE_LABELS: Readonly<
  Record<FieldType, { readonly de: string; readonly en: string }>
> = {
  text: { de: "Text", en: "text" },
  integer: { de: "Ganzzahl", en: "integer" },
  decimal: { de: "Dezimalzahl", en: "decimal number" },
  date: { de: "Datum (JJJJ-MM-TT)", en: "date (YYYY-MM-DD)" },
  boolean: { de: "ja/nein", en: "yes/no" },
  url: { de: "Adresse (URL)", en: "address (URL)" },
};

const yesNo = (value: boolean): string => (value ? "ja" : "nein");

/** A number in German notation without grouping: 0.252 → "0,252". */
function germanDecimal(value: number): string {
  return String(value).replace(".", ",");
}

function csvOf(table: DatasetTable): Buffer {
  return writeCsv(
    table.definition.fields.map((field) => field.name),
    table.rows,
    {
      separator: ";",
      byteOrderMark: true,
      formatNumber: germanDecimal,
      formatBoolean: yesNo,
    },
  );
}

function jsonOf(table: DatasetTable, licence: DatasetLicence): Buffer {
  const { definition } = table;
  const document = {
    datensatz: definition.key,
    titel: definition.title.de,
    beschreibung: definition.description.de,
    kommune: table.municipality,
    stand: table.modified,
    lizenz: { name: licence.name, url: licence.url },
    namensnennung: licence.attribution,
    felder: definition.fields.map((field) => ({
      name: field.name,
      typ: field.type,
      bedeutung: field.meaning,
      beispiel: field.example,
    })),
    datensaetze: table.rows.map((row) =>
      Object.fromEntries(
        definition.fields.map((field, index) => [
          field.name,
          row[index] ?? null,
        ]),
      ),
    ),
  };
  return Buffer.from(`${JSON.stringify(document, null, 2)}\n`, "utf8");
}

function xlsxCell(cell: DatasetCell): ExcelJS.CellValue {
  if (cell === null) return null;
  if (typeof cell === "boolean") return yesNo(cell);
  return cell;
}

async function xlsxOf(
  table: DatasetTable,
  licence: DatasetLicence,
): Promise<Buffer> {
  const { default: excel } = await import("exceljs");
  const workbook = new excel.Workbook();
  workbook.creator = "Fortschritt";
  const { definition } = table;
  const data = workbook.addWorksheet("Daten", {
    views: [{ state: "frozen", ySplit: 1 }],
  });
  data.columns = definition.fields.map((field) => ({
    header: field.name,
    key: field.name,
    width: Math.min(
      60,
      Math.max(12, field.name.length + 2, field.example.length + 2),
    ),
    // Keys such as the LeiKa key stay text: as numbers a spreadsheet would lose digits.
    ...(field.type === "text" ? { style: { numFmt: "@" } } : {}),
  }));
  data.getRow(1).font = { bold: true };
  for (const row of table.rows) data.addRow(row.map(xlsxCell));
  data.autoFilter = {
    from: { row: 1, column: 1 },
    to: { row: 1, column: Math.max(1, definition.fields.length) },
  };

  const dictionary = workbook.addWorksheet("Datenlexikon");
  dictionary.columns = [
    { header: "Feld", key: "name", width: 24 },
    { header: "Bedeutung", key: "meaning", width: 70 },
    { header: "Typ", key: "type", width: 20 },
    { header: "Beispiel", key: "example", width: 40 },
  ];
  dictionary.getRow(1).font = { bold: true };
  for (const field of definition.fields)
    dictionary.addRow({
      name: field.name,
      meaning: field.meaning,
      type: FIELD_TYPE_LABELS[field.type].de,
      example: field.example,
    });

  const notes = workbook.addWorksheet("Lizenz");
  notes.columns = [
    { header: "Angabe", key: "label", width: 24 },
    { header: "Wert", key: "value", width: 90 },
  ];
  notes.getRow(1).font = { bold: true };
  notes.addRows([
    { label: "Datensatz", value: definition.title.de },
    { label: "Beschreibung", value: definition.description.de },
    { label: "Kommune", value: table.municipality.name },
    { label: "Stand", value: table.modified ?? "" },
    { label: "Lizenz", value: licence.name },
    { label: "Lizenztext", value: licence.url },
    { label: "Namensnennung", value: licence.attribution },
  ]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Writes a dataset as a file of the format. */
export async function writeDatasetFile(
  table: DatasetTable,
  format: OpenDataFormat,
  licence: DatasetLicence,
): Promise<Buffer> {
  switch (format) {
    case "csv":
      return csvOf(table);
    case "json":
      return jsonOf(table, licence);
    case "xlsx":
      return xlsxOf(table, licence);
  }
}

/**
 * The OZG service register written as a file: CSV (semicolons, UTF-8 with BOM, as German
 * Excel opens it) and XLSX, with exceljs. Reading such a file is an import and lives in
 * app/services/read-register-file.ts; both share the table layout of
 * domain/service/service-table.ts.
 */
import type ExcelJS from "exceljs";
import type { Service } from "../../domain/service/service.js";
import {
  REGISTER_SHEET_NAME,
  serviceTableHeadings,
  serviceTableRow,
  type RegisterFormat,
} from "../../domain/service/service-table.js";
import { escapeCsvValue } from "../../domain/csv/csv-cell.js";

/** The MIME type of each format. */
export const REGISTER_CONTENT_TYPES: Readonly<Record<RegisterFormat, string>> =
  {
    csv: "text/csv; charset=utf-8",
    xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  };

/**
 * exceljs is loaded on first use: it is large, and most processes never write a
 * register file, so start-up time and memory stay low.
 */
async function newWorkbook(): Promise<ExcelJS.Workbook> {
  const { default: excel } = await import("exceljs");
  return new excel.Workbook();
}

async function workbookOf(
  services: readonly Service[],
): Promise<ExcelJS.Workbook> {
  const workbook = await newWorkbook();
  workbook.creator = "Fortschritt";
  const sheet = workbook.addWorksheet(REGISTER_SHEET_NAME, {
    views: [{ state: "frozen", ySplit: 1 }],
  });
  const headings = serviceTableHeadings();
  sheet.columns = headings.map((heading, index) => ({
    header: heading,
    key: `c${index}`,
    width:
      index === 1 ? 48 : index === 0 ? 18 : Math.max(12, heading.length + 2),
    // The key as text: as a number a spreadsheet would show 9,91235E+13 and lose digits.
    ...(index === 0 ? { style: { numFmt: "@" } } : {}),
  }));
  sheet.getRow(1).font = { bold: true };
  for (const service of services) {
    const cells = serviceTableRow(service);
    const row = sheet.addRow(
      cells.map((cell, index) =>
        index === 9 || index === 11
          ? cell === ""
            ? null
            : Number(cell)
          : cell,
      ),
    );
    row.getCell(1).numFmt = "@";
  }
  sheet.autoFilter = {
    from: { row: 1, column: 1 },
    to: { row: 1, column: headings.length },
  };
  return workbook;
}

/** Writes the register as a file of the format. */
export async function writeRegisterFile(
  services: readonly Service[],
  format: RegisterFormat,
): Promise<Buffer> {
  const workbook = await workbookOf(services);
  if (format === "xlsx") return Buffer.from(await workbook.xlsx.writeBuffer());
  return Buffer.from(
    await workbook.csv.writeBuffer({
      sheetName: REGISTER_SHEET_NAME,
      formatterOptions: { delimiter: ";", writeBOM: true },
      // No cell may start a formula in the spreadsheet that opens the file.
      map: escapeCsvValue,
    }),
  );
}

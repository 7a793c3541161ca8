/** English texts of the catalogue as a spreadsheet; the same keys as sheets.de.ts. */
import type { sheetsDe } from "./sheets.de.js";

export const sheetsEn: typeof sheetsDe = {
  navSheets: "Catalogue as a spreadsheet",
  title: "Catalogue as a spreadsheet",
  lead: "The whole catalogue as an Excel workbook: download it, edit it in a spreadsheet program and upload it again. Every row is recognised by its key, so a second import updates instead of duplicating.",
  exportHeading: "Download",
  exportText:
    "One sheet per part: programme, impact areas, action fields, projects, phases, measures, responsibilities, dependencies, org units, goals and priorities. The sheet “Hinweise” explains the allowed values.",
  downloadXlsx: "Excel workbook (XLSX)",
  downloadZip: "CSV files (ZIP)",
  importHeading: "Upload and check",
  importText:
    "A preview first shows what would be created, changed and removed. Nothing is taken over until you confirm. Published editions stay as they are.",
  fieldFile: "File",
  fieldFileHint:
    "Excel workbook (.xlsx) or ZIP archive of CSV files, as downloaded above; at most 10 MB.",
  fileRequired: "Please choose a file.",
  uploadButton: "Upload and show preview",
  mayTakeAMoment:
    "Checking a large file may take a moment. Please do not leave the page.",
  uploading: "The file is being uploaded and checked …",
  previewTitle: "Import preview",
  previewLead: (file: string) =>
    `File “${file}”, compared with the catalogue as it is now.`,
  noChanges: "0 changes: the file matches the catalogue.",
  changeTotal: (count: number) =>
    `${count} ${count === 1 ? "change" : "changes"}`,
  summaryCaption: "Changes per sheet",
  sheetHeading: "Sheet",
  createdHeading: "new",
  changedHeading: "changed",
  removedHeading: "removed",
  reordered: "order changed",
  changedCaption: (sheet: string) => `Changed cells in sheet ${sheet}`,
  lineHeading: "Row",
  keyHeading: "Key",
  columnHeading: "Column",
  beforeHeading: "before",
  afterHeading: "after",
  createdList: (count: number) =>
    `${count} new ${count === 1 ? "row" : "rows"}`,
  removedList: (count: number) =>
    `${count} ${count === 1 ? "row is" : "rows are"} removed`,
  lineOf: (line: number) => `Row ${line}`,
  ignoredHeading: "Not read",
  confirmHeading: "Take over",
  confirmText:
    "All changes are taken over in one step and recorded in the audit log. If something is wrong, upload the corrected file again.",
  confirmButton: "Take over the changes",
  backToSheets: "Upload another file",
  staleNotice:
    "The catalogue changed since the preview. The preview now shows the new state; please check it and confirm again.",
  notices: {
    import: "The spreadsheet was taken over.",
  },
};

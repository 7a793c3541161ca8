/**
 * German texts of the catalogue as a spreadsheet (web/catalogue-sheets/). Part of the
 * dictionary as `t.sheets`; sheets.en.ts has the same keys.
 */
export const sheetsDe = {
  navSheets: "Katalog als Tabelle",
  title: "Katalog als Tabelle",
  lead: "Der ganze Maßnahmenkatalog als Excel-Arbeitsmappe: herunterladen, in der Tabellenkalkulation bearbeiten und wieder hochladen. Jede Zeile wird über ihren Schlüssel wiedererkannt, ein zweiter Import ändert also, statt zu verdoppeln.",
  exportHeading: "Herunterladen",
  exportText:
    "Ein Blatt je Teil: Programm, Wirkungsbereiche, Aktionsfelder, Projekte, Phasen, Maßnahmen, Zuständigkeiten, Abhängigkeiten, Organisationseinheiten, Ziele und Prioritäten. Das Blatt „Hinweise“ erklärt die erlaubten Werte.",
  downloadXlsx: "Excel-Arbeitsmappe (XLSX)",
  downloadZip: "CSV-Dateien (ZIP)",
  importHeading: "Hochladen und prüfen",
  importText:
    "Zuerst zeigt eine Vorschau, was neu angelegt, geändert und entfernt würde. Übernommen wird erst, wenn Sie bestätigen. Veröffentlichte Fortschreibungen bleiben, wie sie sind.",
  fieldFile: "Datei",
  fieldFileHint:
    "Excel-Arbeitsmappe (.xlsx) oder ZIP-Archiv mit CSV-Dateien, wie oben heruntergeladen; höchstens 10 MB.",
  fileRequired: "Bitte eine Datei wählen.",
  uploadButton: "Hochladen und Vorschau zeigen",
  mayTakeAMoment:
    "Das Prüfen einer großen Datei kann einen Moment dauern. Bitte die Seite nicht verlassen.",
  uploading: "Die Datei wird hochgeladen und geprüft …",
  previewTitle: "Vorschau des Imports",
  previewLead: (file: string) =>
    `Datei „${file}“, verglichen mit dem Katalog, wie er jetzt ist.`,
  noChanges: "0 Änderungen: Die Datei entspricht dem Katalog.",
  changeTotal: (count: number) =>
    `${count} ${count === 1 ? "Änderung" : "Änderungen"}`,
  summaryCaption: "Änderungen je Blatt",
  sheetHeading: "Blatt",
  createdHeading: "neu",
  changedHeading: "geändert",
  removedHeading: "entfernt",
  reordered: "Reihenfolge geändert",
  changedCaption: (sheet: string) => `Geänderte Zellen im Blatt ${sheet}`,
  lineHeading: "Zeile",
  keyHeading: "Schlüssel",
  columnHeading: "Spalte",
  beforeHeading: "bisher",
  afterHeading: "neu",
  createdList: (count: number) =>
    `${count} neue ${count === 1 ? "Zeile" : "Zeilen"}`,
  removedList: (count: number) =>
    `${count} ${count === 1 ? "Zeile wird" : "Zeilen werden"} entfernt`,
  lineOf: (line: number) => `Zeile ${line}`,
  ignoredHeading: "Nicht gelesen",
  confirmHeading: "Übernehmen",
  confirmText:
    "Alle Änderungen werden in einem Schritt übernommen und im Protokoll festgehalten. Ist etwas nicht richtig, laden Sie die korrigierte Datei neu hoch.",
  confirmButton: "Änderungen übernehmen",
  backToSheets: "Andere Datei hochladen",
  staleNotice:
    "Der Katalog wurde seit der Vorschau geändert. Die Vorschau zeigt jetzt den neuen Stand; bitte prüfen und erneut bestätigen.",
  notices: {
    import: "Die Tabelle wurde übernommen.",
  } as Record<string, string>,
};

/**
 * German texts of the open data pages (web/open-data/). Part of the dictionary as
 * `t.openData`; open-data.en.ts has the same keys.
 */
export const openDataDe = {
  navOpenData: "Offene Daten",
  title: "Offene Daten",
  lead: (municipality: string) =>
    `${municipality} stellt die Daten ihres Digitalisierungsprogramms frei zur Verfügung: kostenlos, in offenen Formaten und zur Weiterverwendung. Jeder Datensatz steht als CSV, Excel (XLSX) und JSON bereit; das Datenlexikon erklärt jede Spalte.`,
  licenceTitle: "Lizenz und Namensnennung",
  licenceText: "Die Daten stehen unter der Lizenz",
  attributionText: "Bitte nennen Sie bei der Weiterverwendung:",
  onlyPublished: "Enthalten ist nur, was veröffentlicht ist: die zuletzt veröffentlichte Fortschreibung, veröffentlichte Berichte und Kennzahlen – nie ein Entwurf und keine Angaben über Mitarbeitende.",
  datasetsTitle: "Datensätze",
  asOf: (date: string) => `Stand: ${date}`,
  noData: "noch keine Daten",
  rowCount: (count: number) => `${count} ${count === 1 ? "Zeile" : "Zeilen"}`,
  downloadCsv: "CSV",
  downloadXlsx: "Excel (XLSX)",
  downloadJson: "JSON",
  downloadLabel: (format: string, title: string) => `${title} als ${format} herunterladen`,
  dictionaryLink: "Datenlexikon",
  dictionaryLinkLabel: (title: string) => `Datenlexikon: ${title}`,
  formatsTitle: "Zu den Formaten",
  formatsCsv:
    "CSV: UTF-8 mit Byte-Order-Mark, Semikolon als Trennzeichen und Dezimalkomma, wie es ein deutsches Excel beim Doppelklick erwartet; Datumsangaben als JJJJ-MM-TT, ja/nein für Ja-Nein-Felder. Zellen, die mit =, +, -, @ beginnen, stehen mit einem vorangestellten Apostroph, damit keine Tabellenkalkulation sie als Formel ausführt.",
  formatsXlsx: "Excel (XLSX): Zahlen als Zahlen, dazu das Datenlexikon und die Lizenz auf eigenen Blättern.",
  formatsJson: "JSON: Datenlexikon, Lizenz und die Datensätze als Objekte (Zahlen als Zahlen, Ja-Nein-Felder als true/false, leere Felder als null).",
  machineTitle: "Für Programme",
  apiLink: "JSON-Schnittstelle (OpenAPI-Beschreibung)",
  dictionaryTitle: (title: string) => `Datenlexikon: ${title}`,
  dictionaryCaption: "Die Spalten des Datensatzes",
  columnField: "Feld",
  columnMeaning: "Bedeutung",
  columnType: "Typ",
  columnExample: "Beispiel",
  backToOpenData: "Alle offenen Daten",
};

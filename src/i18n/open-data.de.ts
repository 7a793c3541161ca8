/**
 * German texts of the open data pages (web/open-data/). Part of the dictionary as
 * `t.openData`; open-data.en.ts has the same keys.
 */
import { plural } from "../domain/plural.js";
export const openDataDe = {
  navOpenData: "Offene Daten",
  title: "Offene Daten",
  lead: (municipality: string) =>
    `${municipality} stellt die Daten ihres Digitalisierungsprogramms frei zur Verfügung: kostenlos, in offenen Formaten und zur Weiterverwendung. Jeder Datensatz steht als CSV, Excel (XLSX) und JSON bereit; das Datenlexikon erklärt jede Spalte.`,
  licenceTitle: "Lizenz und Namensnennung",
  licenceText: "Die Daten stehen unter der Lizenz",
  attributionText: "Bitte nennen Sie bei der Weiterverwendung:",
  onlyPublished:
    "Enthalten ist nur, was veröffentlicht ist: die zuletzt veröffentlichte Fortschreibung, veröffentlichte Berichte und Kennzahlen – nie ein Entwurf und keine Angaben über Mitarbeitende.",
  datasetsTitle: "Datensätze",
  asOf: (date: string) => `Stand: ${date}`,
  noData: "noch keine Daten",
  rowCount: (count: number) => plural(count, "Zeile", "Zeilen"),
  downloadCsv: "CSV",
  downloadXlsx: "Excel (XLSX)",
  downloadJson: "JSON",
  downloadLabel: (format: string, title: string) =>
    `${title} als ${format} herunterladen`,
  dictionaryLink: "Datenlexikon",
  dictionaryLinkLabel: (title: string) => `Datenlexikon: ${title}`,
  formatsTitle: "Zu den Formaten",
  formatsCsv:
    "CSV: UTF-8 mit Byte-Order-Mark, Semikolon als Trennzeichen und Dezimalkomma, wie es ein deutsches Excel beim Doppelklick erwartet; Datumsangaben als JJJJ-MM-TT, ja/nein für Ja-Nein-Felder. Zellen, die mit =, +, -, @ beginnen, stehen mit einem vorangestellten Apostroph, damit keine Tabellenkalkulation sie als Formel ausführt.",
  formatsXlsx:
    "Excel (XLSX): Zahlen als Zahlen, dazu das Datenlexikon und die Lizenz auf eigenen Blättern.",
  formatsJson:
    "JSON: Datenlexikon, Lizenz und die Datensätze als Objekte (Zahlen als Zahlen, Ja-Nein-Felder als true/false, leere Felder als null).",
  machineTitle: "Für Programme",
  apiLink: "JSON-Schnittstelle (OpenAPI-Beschreibung)",
  dcatLink: (format: string) => `Metadatenkatalog nach DCAT-AP.de (${format})`,
  followProject: "Veränderungen dieses Projekts abonnieren (Atom-Feed)",
  followMunicipality:
    "Alle veröffentlichten Veränderungen abonnieren (Atom-Feed)",
  embedMore: "Mehr im Portal",
  embedStatus: "Status",
  embedPeriod: "Zeitraum",
  embedStand: "Stand",
  embedValue: "Wert",
  embedProject: "Projekt",
  embedFieldCaption: (name: string) => `Projekte im Aktionsfeld ${name}`,
  embedPageTitle: "Einbetten",
  embedPageIntro:
    "Diese Bausteine zeigen den veröffentlichten Stand auf der Website der Kommune, ohne JavaScript. Sie erscheinen nur auf den Websites, die unter „Offene Daten“ eingetragen sind.",
  embedAllowed: (origins: string) => `Einbetten dürfen: ${origins}`,
  embedNoneAllowed:
    "Noch ist keine Website eingetragen; die Vorschau funktioniert nur hier.",
  embedCode: "Code zum Kopieren",
  embedPreview: (title: string) => `Vorschau: ${title}`,
  embedKindProject: (title: string) => `Projektkarte: ${title}`,
  embedKindField: (name: string) => `Zeitleiste des Aktionsfelds ${name}`,
  embedKindFigure: (name: string) => `Kennzahl: ${name}`,
  dictionaryTitle: (title: string) => `Datenlexikon: ${title}`,
  dictionaryCaption: "Die Spalten des Datensatzes",
  columnField: "Feld",
  columnMeaning: "Bedeutung",
  columnType: "Typ",
  columnExample: "Beispiel",
  backToOpenData: "Alle offenen Daten",
  navSettings: "Offene Daten",
  settingsTitle: "Offene Daten: Einstellungen",
  settingsIntro:
    "Unter welcher Lizenz die offenen Daten stehen, welcher Regionalschlüssel sie im DCAT-AP.de-Katalog verortet und welche Websites Seiten von Fortschritt einbetten dürfen.",
  fieldLicence: "Lizenz der offenen Daten",
  fieldRegionalKey: "Amtlicher Regionalschlüssel",
  fieldRegionalKeyHint:
    "12 Ziffern, z. B. 051540036036 für die Stadt Kleve; leer lassen, wenn er nicht angegeben werden soll.",
  fieldEmbedOrigins: "Websites, die einbetten dürfen",
  /** The field as the subject of an error message ("… darf höchstens 4000 Zeichen lang sein"). */
  fieldEmbedOriginsSubject: "Die Liste der Websites",
  fieldEmbedOriginsHint:
    "Eine Herkunft je Zeile, z. B. https://www.kleve.de – nur diese Websites dürfen Projektkarten, Zeitleisten und Kennzahlen in einem iframe zeigen.",
  saveSettings: "Einstellungen speichern",
  settingsSaved: "Die Einstellungen sind gespeichert.",
  errorSummaryTitle: "Es gibt ein Problem",
  oparlTitle: "Ratsinformationssystem (OParl)",
  oparlIntro:
    "Sitzungen, Ausschüsse, Sachstandsberichte und Fortschreibungen können auf Objekte des Ratsinformationssystems verweisen. Der Abgleich holt Name, Aktenzeichen, Datum und Webseite der Vorlagen, damit das Portal „Vorlage A 10/185/2022: …“ mit Link zeigt. Ist das System nicht erreichbar, bleibt alles, wie es war.",
  fieldOparlEndpoint: "OParl-Adresse (System oder Körperschaft)",
  fieldOparlEndpointHint:
    "z. B. https://ratsinfo.kleve.de/oparl/v1/system; leer lassen, um die zuletzt erfolgreich abgeglichene Adresse zu verwenden.",
  oparlLastEndpoint: (url: string) => `Zuletzt abgeglichen mit ${url}.`,
  oparlNeverSynced: "Noch nicht abgeglichen.",
  oparlSyncButton: "Jetzt abgleichen",
  oparlSynced: (
    cached: number,
    referenced: number,
    gone: number,
    missing: number,
  ) =>
    `Abgleich fertig: ${cached} von ${referenced} Verweisen gespeichert, ${gone} im Ratsinformationssystem gelöscht, ${missing} ohne OParl-Objekt.`,
};

/** English texts of the open data pages; the same keys as open-data.de.ts. */
import { plural } from "../domain/plural.js";
import type { openDataDe } from "./open-data.de.js";

export const openDataEn: typeof openDataDe = {
  navOpenData: "Open data",
  title: "Open data",
  lead: (municipality: string) =>
    `${municipality} publishes the data of its digitalisation programme freely: at no cost, in open formats and for re-use. Every dataset is available as CSV, Excel (XLSX) and JSON; the data dictionary explains each column.`,
  licenceTitle: "Licence and attribution",
  licenceText: "The data are published under the licence",
  attributionText: "When re-using them, please credit:",
  onlyPublished:
    "Only what is published is included: the latest published edition, published reports and key figures – never a draft and no details about staff.",
  datasetsTitle: "Datasets",
  asOf: (date: string) => `As of ${date}`,
  noData: "no data yet",
  rowCount: (count: number) => plural(count, "row", "rows"),
  downloadCsv: "CSV",
  downloadXlsx: "Excel (XLSX)",
  downloadJson: "JSON",
  downloadLabel: (format: string, title: string) =>
    `Download ${title} as ${format}`,
  dictionaryLink: "Data dictionary",
  dictionaryLinkLabel: (title: string) => `Data dictionary: ${title}`,
  formatsTitle: "About the formats",
  formatsCsv:
    "CSV: UTF-8 with byte order mark, semicolon as separator and decimal comma, as German Excel expects on a double click; dates as YYYY-MM-DD, ja/nein for yes/no fields. Cells starting with =, +, -, @ are written with a leading apostrophe so that no spreadsheet runs them as formulas.",
  formatsXlsx:
    "Excel (XLSX): numbers as numbers, with the data dictionary and the licence on sheets of their own.",
  formatsJson:
    "JSON: data dictionary, licence and the records as objects (numbers as numbers, yes/no fields as true/false, empty fields as null).",
  machineTitle: "For programs",
  apiLink: "JSON API (OpenAPI description)",
  dcatLink: (format: string) => `Metadata catalogue in DCAT-AP.de (${format})`,
  followProject: "Follow the changes of this project (Atom feed)",
  followMunicipality: "Follow all published changes (Atom feed)",
  embedMore: "More on the portal",
  embedStatus: "Status",
  embedPeriod: "Period",
  embedStand: "As of",
  embedValue: "Value",
  embedProject: "Project",
  embedFieldCaption: (name: string) => `Projects of the action field ${name}`,
  embedPageTitle: "Embedding",
  embedPageIntro:
    "These snippets show the published state on the municipality's website, without JavaScript. They appear only on the websites listed under “Open data”.",
  embedAllowed: (origins: string) => `May embed: ${origins}`,
  embedNoneAllowed: "No website is listed yet; the preview works only here.",
  embedCode: "Code to copy",
  embedPreview: (title: string) => `Preview: ${title}`,
  embedKindProject: (title: string) => `Project card: ${title}`,
  embedKindField: (name: string) => `Timeline of the action field ${name}`,
  embedKindFigure: (name: string) => `Key figure: ${name}`,
  dictionaryTitle: (title: string) => `Data dictionary: ${title}`,
  dictionaryCaption: "The columns of the dataset",
  columnField: "Field",
  columnMeaning: "Meaning",
  columnType: "Type",
  columnExample: "Example",
  backToOpenData: "All open data",
  navSettings: "Open data",
  settingsTitle: "Open data: settings",
  settingsIntro:
    "Which licence the open data are published under, which regional key places them in the DCAT-AP.de catalogue, and which websites may embed pages of Fortschritt.",
  fieldLicence: "Licence of the open data",
  fieldRegionalKey: "Official regional key (Regionalschlüssel)",
  fieldRegionalKeyHint:
    "12 digits, e.g. 051540036036 for the town of Kleve; leave empty to give none.",
  fieldEmbedOrigins: "Websites that may embed",
  fieldEmbedOriginsSubject: "The list of websites",
  fieldEmbedOriginsHint:
    "One origin per line, e.g. https://www.kleve.de – only these websites may show project cards, timelines and key figures in an iframe.",
  saveSettings: "Save settings",
  settingsSaved: "The settings have been saved.",
  errorSummaryTitle: "There is a problem",
  oparlTitle: "Council information system (OParl)",
  oparlIntro:
    "Meetings, committees, status reports and editions can refer to objects of the council information system. Synchronising fetches name, reference, date and web page of the papers, so that the portal shows “Vorlage A 10/185/2022: …” with a link. If the system cannot be reached, everything stays as it was.",
  fieldOparlEndpoint: "OParl address (System or Body)",
  fieldOparlEndpointHint:
    "e.g. https://ratsinfo.kleve.de/oparl/v1/system; leave empty to use the address of the last successful synchronisation.",
  oparlLastEndpoint: (url: string) => `Last synchronised with ${url}.`,
  oparlNeverSynced: "Not synchronised yet.",
  oparlSyncButton: "Synchronise now",
  oparlSynced: (
    cached: number,
    referenced: number,
    gone: number,
    missing: number,
  ) =>
    `Synchronised: ${cached} of ${referenced} references stored, ${gone} deleted in the council information system, ${missing} without an OParl object.`,
};

/**
 * The open datasets of a municipality — the catalogue of the latest edition, every edition
 * with its changes and reasons, the published status reports, the key figures with their
 * series, and the OZG register — as flat tables with a data dictionary (field, meaning,
 * type, example). Only what the portal shows publicly goes in: the latest edition (never
 * the draft), published reports (never a draft, never who published them), and no
 * account data of staff. Field names are German snake_case, the same in CSV, XLSX and JSON.
 */
import { publicReportPath } from "../../domain/report/report-url.js";
import {
  listProjects,
  type Catalogue,
} from "../../domain/catalogue/catalogue.js";
import {
  isProjectChange,
  isShift,
} from "../../domain/edition/catalogue-change.js";
import { describeChangeGerman } from "../../i18n/change-description.js";
import { formatIsoDate } from "../../domain/calendar/calendar.js";
import {
  decimalsOf,
  formatObservationGerman,
  QUALIFIER_GERMAN,
  shareOf,
} from "../../domain/indicator/indicator.js";
import { formatPeriodGerman } from "../../domain/period/period.js";
import {
  formatPointInTime,
  type PointInTime,
} from "../../domain/period/point-in-time.js";
import { REPORT_STATUS_PRESENTATION } from "../../domain/report/report-status.js";
import {
  SERVICE_CHANNEL_LABELS,
  SERVICE_STATUS_LABELS,
} from "../../domain/service/service.js";
import { AppError } from "../../errors.js";
import { de } from "../../i18n/de.js";
import { formatPhasesSpan } from "../../i18n/format-period.js";
import { compareEditions } from "../edition/change-report.js";
import { getPublishedCatalogue } from "../edition/read-editions.js";
import type { AppContext } from "../context.js";
import { getPublicIndicators } from "../indicators/read-indicators.js";
import {
  getPublishedReport,
  listPublishedReports,
} from "../reports/read-reports.js";
import { getRegisterHistory } from "./public-records.js";
import { listPublicItems } from "../participation/participation.js";

/** The type of a field, as the data dictionary names it. */
export type FieldType =
  "text" | "integer" | "decimal" | "date" | "boolean" | "url";

/** One column of a dataset. */
export interface DatasetField {
  readonly name: string;
  readonly type: FieldType;
  readonly meaning: string;
  readonly example: string;
}

/** The keys of the datasets, as they appear in URLs. */
export const DATASET_KEYS = [
  "katalog",
  "fortschreibungen",
  "berichte",
  "kennzahlen",
  "ozg-leistungen",
  "ideen",
] as const;
export type DatasetKey = (typeof DATASET_KEYS)[number];

/** A dataset: what it is and its columns. */
export interface DatasetDefinition {
  readonly key: DatasetKey;
  readonly title: { readonly de: string; readonly en: string };
  readonly description: { readonly de: string; readonly en: string };
  /** Keywords for catalogues (DCAT). */
  readonly keywords: readonly string[];
  readonly fields: readonly DatasetField[];
}

/** A cell of a dataset: text, number, yes/no, or empty. */
export type DatasetCell = string | number | boolean | null;

/** A dataset with its rows (cells in the order of the fields). */
export interface DatasetTable {
  readonly definition: DatasetDefinition;
  readonly municipality: { readonly slug: string; readonly name: string };
  readonly rows: readonly (readonly DatasetCell[])[];
  /** The latest change of the data in it (ISO date), or null when it is empty. */
  readonly modified: string | null;
  /** The time the data covers (ISO dates), or null. */
  readonly temporal: { readonly start: string; readonly end: string } | null;
}

const f = (
  name: string,
  type: FieldType,
  meaning: string,
  example: string,
): DatasetField => ({ name, type, meaning, example });

/** Every dataset, in the order the open data page lists them. */
export const DATASETS: readonly DatasetDefinition[] = [
  {
    key: "katalog",
    title: {
      de: "Maßnahmenkatalog Digitalisierung (aktuelle Fortschreibung)",
      en: "Digitalisation catalogue (current edition)",
    },
    description: {
      de: "Alle Projekte der zuletzt veröffentlichten Fortschreibung mit Wirkungsbereich, Aktionsfeld, Status, Zeiträumen, Einzelmaßnahmen, Zuständigkeiten und Abhängigkeiten.",
      en: "Every project of the latest published edition with impact area, action field, status, periods, measures, responsibilities and dependencies.",
    },
    keywords: ["Digitalisierung", "Maßnahmenkatalog", "Projekte", "Verwaltung"],
    fields: [
      f(
        "fortschreibung",
        "integer",
        "Nummer der Fortschreibung, aus der die Zeile stammt (leer vor der ersten)",
        "2",
      ),
      f(
        "wirkungsbereich",
        "text",
        "Wirkungsbereich des Projekts",
        "Digitale Verwaltung",
      ),
      f(
        "aktionsfeld_nummer",
        "integer",
        "Nummer des Aktionsfelds im Wirkungsbereich",
        "2",
      ),
      f("aktionsfeld", "text", "Name des Aktionsfelds", "Smart Working"),
      f("projekt_nummer", "text", "Nummer des Projekts im Katalog", "2.5"),
      f(
        "projekt_kennung",
        "text",
        "Stabiler Kurzname des Projekts (auch in Adressen und der API)",
        "e-rechnungsworkflow",
      ),
      f("projekt", "text", "Titel des Projekts", "E-Rechnungsworkflow"),
      f(
        "beschreibung",
        "text",
        "Kurzbeschreibung",
        "Eingangsrechnungen werden elektronisch geprüft und freigegeben.",
      ),
      f(
        "status",
        "text",
        "Status: planned, in_progress, ongoing, completed oder paused",
        "in_progress",
      ),
      f("status_bezeichnung", "text", "Status auf Deutsch", "in Umsetzung"),
      f(
        "beginn",
        "text",
        "Beginn der ersten Phase: Jahr, Quartal (2021-Q4), Monat oder Tag",
        "2021-Q4",
      ),
      f(
        "ende",
        "text",
        "Ende der letzten Phase in derselben Form; leer bei offenem Ende",
        "2023",
      ),
      f(
        "zeitraum",
        "text",
        "Gesamtzeitraum auf Deutsch",
        "ab QIV/2021, laufend",
      ),
      f(
        "phasen",
        "text",
        "Phasen mit Zeitraum, durch Semikolon getrennt",
        "Einführung: QIV/2021–2023; Laufender Support: ab 2024, laufend",
      ),
      f(
        "einzelmassnahmen",
        "text",
        "Einzelmaßnahmen mit Status, durch Semikolon getrennt",
        "Einführung XSuite Invoice (erledigt)",
      ),
      f(
        "federfuehrung",
        "text",
        "Federführende Organisationseinheiten",
        "Abteilung 10.1 – IT",
      ),
      f(
        "beteiligt",
        "text",
        "Beteiligte Organisationseinheiten",
        "Fachbereich 20 – Finanzen",
      ),
      f(
        "abhaengig_von",
        "text",
        "Kurznamen der Projekte, die vorher kommen müssen, durch Komma getrennt",
        "dokumentenmanagementsystem",
      ),
      f(
        "schlagworte",
        "text",
        "Schlagworte, durch Komma getrennt",
        "OZG, Finanzen",
      ),
      f(
        "adresse",
        "url",
        "Seite des Projekts im Portal",
        "https://fortschritt.example/kleve/projekte/e-rechnungsworkflow",
      ),
    ],
  },
  {
    key: "fortschreibungen",
    title: {
      de: "Fortschreibungen und ihre Veränderungen",
      en: "Editions and their changes",
    },
    description: {
      de: "Jede veröffentlichte Fortschreibung mit allen Veränderungen gegenüber der vorigen: verschobene Zeiträume mit Richtung und Umfang, neue, gestrichene und umbenannte Projekte und Maßnahmen, mit dem Grund jeder Verschiebung.",
      en: "Every published edition with all changes since the previous one: shifted periods with direction and amount, new, removed and renamed projects and measures, with the reason for each shift.",
    },
    keywords: [
      "Digitalisierung",
      "Fortschreibung",
      "Veränderungen",
      "Zeitplan",
    ],
    fields: [
      f("fortschreibung", "integer", "Nummer der Fortschreibung", "2"),
      f(
        "fortschreibung_titel",
        "text",
        "Titel der Fortschreibung",
        "2. Fortschreibung",
      ),
      f(
        "veroeffentlicht_am",
        "date",
        "Datum der Fortschreibung (JJJJ-MM-TT)",
        "2022-03-31",
      ),
      f(
        "beschluss",
        "text",
        "Ratsbeschluss, auf dem sie beruht",
        "Ratsbeschluss vom 30.03.2022",
      ),
      f(
        "veraenderung_kennung",
        "text",
        "Stabiler Schlüssel der Veränderung",
        "phase:e-rechnungsworkflow:einfuehrung:end",
      ),
      f(
        "art",
        "text",
        "Art der Veränderung (z. B. phase-end-shifted, project-added)",
        "phase-end-shifted",
      ),
      f(
        "ist_verschiebung",
        "boolean",
        "Ob ein Zeitraum verschoben wurde",
        "ja",
      ),
      f("projekt_nummer", "text", "Nummer des Projekts", "2.5"),
      f(
        "projekt_kennung",
        "text",
        "Kurzname des Projekts",
        "e-rechnungsworkflow",
      ),
      f("projekt", "text", "Titel des Projekts", "E-Rechnungsworkflow"),
      f("aktionsfeld", "text", "Aktionsfeld des Projekts", "Smart Working"),
      f("phase", "text", "Betroffene Phase", "Einführung"),
      f(
        "vorher",
        "text",
        "Wert vorher (Zeitpunkte kanonisch, z. B. 2022 oder 2023-Q1)",
        "2022",
      ),
      f("nachher", "text", "Wert nachher", "2023"),
      f("richtung", "text", "Bei Verschiebungen: earlier oder later", "later"),
      f("umfang", "integer", "Bei Verschiebungen: um wie viele Einheiten", "1"),
      f(
        "einheit",
        "text",
        "Einheit des Umfangs: year, quarter, month oder day",
        "year",
      ),
      f(
        "beschreibung",
        "text",
        "Die Veränderung in einem deutschen Satz",
        "Phase Einführung: Ende von 2022 auf 2023 verschoben (1 Jahr später)",
      ),
      f("grund_kategorie", "text", "Kategorie des Grundes", "OZG-Aufwand"),
      f(
        "grund",
        "text",
        "Erläuterung des Grundes",
        "Die OZG-Umsetzung band mehr Kräfte als geplant.",
      ),
    ],
  },
  {
    key: "berichte",
    title: {
      de: "Sachstandsberichte an den Ausschuss",
      en: "Status reports to the committee",
    },
    description: {
      de: "Die veröffentlichten Sachstandsberichte: je Projekt Status, Text, Hervorhebungen, neuer Termin und die seit dem vorigen Bericht berechneten Veränderungen.",
      en: "The published status reports: per project status, text, highlights, new date and the changes computed since the previous report.",
    },
    keywords: [
      "Digitalisierung",
      "Sachstandsbericht",
      "Ausschuss",
      "Projektstatus",
    ],
    fields: [
      f("bericht_id", "integer", "Nummer des Berichts", "2"),
      f(
        "bericht",
        "text",
        "Titel des Berichts",
        "Sachstandsbericht Digitalisierung",
      ),
      f("stand", "date", "Stichtag des Berichts", "2022-11-28"),
      f("sitzung", "date", "Tag der Sitzung", "2022-11-29"),
      f("gremium", "text", "Ausschuss", "Ausschuss APD der Stadt Kleve"),
      f("gremium_kuerzel", "text", "Kürzel des Ausschusses", "APD"),
      f(
        "aktionsfeld",
        "text",
        "Aktionsfeld (Abschnitt des Berichts)",
        "Smart Working",
      ),
      f("projekt_nummer", "text", "Nummer des Projekts", "2.3"),
      f("projekt_kennung", "text", "Kurzname des Projekts", "mobile-office"),
      f("projekt", "text", "Titel des Projekts", "Mobile Office"),
      f(
        "status",
        "text",
        "Status: on-track, at-risk, delayed, completed, not-started, dormant",
        "on-track",
      ),
      f("status_bezeichnung", "text", "Status auf Deutsch", "im Plan"),
      f(
        "text",
        "text",
        "Was der Bericht zum Projekt sagt",
        "Die Anträge auf Mobile Office werden bearbeitet.",
      ),
      f(
        "hervorhebungen",
        "text",
        "Hervorhebungen, durch Semikolon getrennt",
        "515 Bewerbungen",
      ),
      f("neuer_termin", "text", "Neuer Termin (kanonisch)", "2023-Q1"),
      f(
        "unveraendert",
        "boolean",
        "Unverändert seit dem letzten Bericht",
        "nein",
      ),
      f(
        "veraenderungen",
        "text",
        "Berechnete Veränderungen seit dem vorigen Bericht, durch Semikolon getrennt",
        "Einzelmaßnahme neu: Austausch der Tower-PCs",
      ),
      f(
        "adresse",
        "url",
        "Der Bericht im Portal",
        "https://fortschritt.example/kleve/berichte/2",
      ),
    ],
  },
  {
    key: "kennzahlen",
    title: {
      de: "Kennzahlen mit Zeitreihen",
      en: "Key figures with time series",
    },
    description: {
      de: "Jeder datierte Wert jeder Kennzahl, mit Definition, Einheit, Quelle und zugehörigem Projekt; bei Anteilen Teil, Ganzes und Quote.",
      en: "Every dated value of every key figure, with definition, unit, source and project; for ratios part, whole and share.",
    },
    keywords: ["Digitalisierung", "Kennzahlen", "Zeitreihe", "Indikatoren"],
    fields: [
      f(
        "kennzahl_kennung",
        "text",
        "Stabiler Schlüssel der Kennzahl",
        "mobile-office",
      ),
      f(
        "kennzahl",
        "text",
        "Name der Kennzahl",
        "Mitarbeitende im Mobile Office",
      ),
      f("einheit", "text", "Was gezählt wird", "Mitarbeitende"),
      f(
        "definition",
        "text",
        "Was wie gezählt wird",
        "Mitarbeitende mit Vereinbarung über Mobile Office",
      ),
      f("quelle", "text", "Woher der Wert kommt", "Personalverwaltung"),
      f(
        "verantwortlich",
        "text",
        "Organisationseinheit, die den Wert pflegt",
        "Abteilung 10.1 – IT",
      ),
      f(
        "projekt_kennung",
        "text",
        "Kurzname des zugehörigen Projekts",
        "mobile-office",
      ),
      f(
        "art",
        "text",
        "count (Anzahl), ratio (Anteil), decimal (Dezimalwert) oder percent (Prozentwert)",
        "ratio",
      ),
      f(
        "ganzes_bezeichnung",
        "text",
        "Bei Anteilen: was das Ganze zählt",
        "Mitarbeitende einschließlich GSK",
      ),
      f("stand", "date", "Stand des Werts", "2022-11-28"),
      f("wert", "decimal", "Der Wert; bei Anteilen der Teil", "144"),
      f("ganzes", "decimal", "Bei Anteilen das Ganze", "572"),
      f("anteil", "decimal", "Bei Anteilen wert/ganzes (0 bis 1)", "0,252"),
      f("anmerkung", "text", "Anmerkung zum Wert", "Stand Monatsende"),
      f(
        "angabe",
        "text",
        "Bei ungefähren Werten: rund, mehr als oder weniger als; leer bei genauen Werten",
        "mehr als",
      ),
      f(
        "wert_text",
        "text",
        "Der Wert, wie er gezeigt wird (deutsche Schreibweise)",
        "mehr als 60",
      ),
      f(
        "aufteilung",
        "text",
        "Aufteilung des Werts nach Kategorien, durch „; “ getrennt",
        "Führungskräfte: 23; Mitarbeitende: 88",
      ),
      f(
        "nachkommastellen",
        "decimal",
        "Nachkommastellen der Dezimal- und Prozentwerte",
        "1",
      ),
      f(
        "zielwert",
        "decimal",
        "Zielwert der Kennzahl (bei Anteilen in Prozent)",
        "80",
      ),
      f(
        "zieldatum",
        "date",
        "Bis wann der Zielwert erreicht sein soll",
        "2027-12-31",
      ),
    ],
  },
  {
    key: "ozg-leistungen",
    title: { de: "OZG-Leistungsverzeichnis", en: "OZG service register" },
    description: {
      de: "Die Verwaltungsleistungen nach dem Onlinezugangsgesetz mit LeiKa-Schlüssel, Zuständigkeit, Zugang, Front-End, Back-End, E-Payment, eID, Online-Anträgen und Reifegrad, mit Verlauf (ein Eintrag je Gültigkeitszeitraum).",
      en: "The administrative services under the Online Access Act with LeiKa key, responsibility, channel, front end, back end, e-payment, eID, online applications and maturity, with history (one record per validity span).",
    },
    keywords: ["OZG", "Onlinezugangsgesetz", "Verwaltungsleistungen", "LeiKa"],
    fields: [
      f(
        "leika_schluessel",
        "text",
        "LeiKa-Schlüssel, 14 Ziffern (als Text, damit keine Ziffer verloren geht)",
        "99123456000000",
      ),
      f(
        "leistung",
        "text",
        "Name der Leistung",
        "Anwohnerparkausweis beantragen",
      ),
      f(
        "themenfeld",
        "text",
        "Themenfeld oder Lebenslage",
        "Mobilität & Reisen",
      ),
      f(
        "zustaendig_vor_ort",
        "boolean",
        "Ob die Kommune selbst zuständig ist",
        "ja",
      ),
      f(
        "zugang",
        "text",
        "Zugang: Eigenentwicklung, Landesportal, Bundesportal/EfA, regionaler IT-Dienstleister, Fachportal",
        "Landesportal",
      ),
      f("front_end_online", "boolean", "Online-Antrag nutzbar", "ja"),
      f(
        "back_end_angebunden",
        "boolean",
        "Anträge erreichen das Fachverfahren ohne Abtippen",
        "nein",
      ),
      f("e_payment", "boolean", "Online bezahlbar", "ja"),
      f("eid", "boolean", "Mit Online-Ausweis", "nein"),
      f("online_antraege", "integer", "Zahl der Online-Antragsformulare", "1"),
      f(
        "reifegradmodell",
        "text",
        "Version des Reifegradmodells (1.1 oder 2.0)",
        "1.1",
      ),
      f("reifegrad", "integer", "Reifegrad in diesem Modell", "3"),
      f(
        "status",
        "text",
        "Status auf Deutsch: geplant, in Umsetzung, online, eingestellt",
        "online",
      ),
      f(
        "adresse",
        "url",
        "Adresse des Online-Angebots",
        "https://service.example/antrag",
      ),
      f(
        "gueltig_ab",
        "date",
        "Erster Tag, an dem dieser Eintrag gilt (leer: seit Beginn)",
        "2022-01-01",
      ),
      f(
        "gueltig_bis",
        "date",
        "Letzter Tag, an dem dieser Eintrag gilt (leer: gilt noch)",
        "2022-06-30",
      ),
    ],
  },
  {
    key: "ideen",
    title: {
      de: "Ideen, Rückmeldungen und Barriere-Meldungen mit Entscheidungen",
      en: "Ideas, feedback and barrier reports with decisions",
    },
    description: {
      de: "Die veröffentlichten Beiträge zum Digitalisierungsprogramm mit Status, Begründung der Entscheidung und wo sie übernommen wurden (Projekt, Maßnahme, Fortschreibung). Ohne personenbezogene Daten: keine Adressen, keine Namen, keine IP-Adressen.",
      en: "The published contributions to the digitalisation programme with status, the reason of the decision and where they were taken up (project, measure, edition). Without personal data: no addresses, no names, no IP addresses.",
    },
    keywords: ["Beteiligung", "Ideen", "Bürgerbeteiligung", "Barrierefreiheit"],
    fields: [
      f("nummer", "integer", "Nummer des Beitrags", "12"),
      f("art", "text", "Art: Idee, Rückmeldung oder Barriere", "Idee"),
      f(
        "titel",
        "text",
        "Titel des Beitrags (leer, wenn zurückgezogen)",
        "Online-Terminvergabe im Bürgerbüro",
      ),
      f(
        "text",
        "text",
        "Text des Beitrags (leer, wenn zurückgezogen)",
        "Termine sollten auch online buchbar sein.",
      ),
      f(
        "projekt",
        "text",
        "Kurzname des Projekts, das der Beitrag betrifft",
        "e-rechnungsworkflow",
      ),
      f(
        "status",
        "text",
        "Status: eingegangen, in Prüfung, übernommen, umgesetzt, abgelehnt, zusammengeführt, zurückgezogen",
        "übernommen",
      ),
      f(
        "begruendung",
        "text",
        "Begründung der Entscheidung",
        "Wird mit der nächsten Ausbaustufe umgesetzt.",
      ),
      f(
        "zusammengefuehrt_mit",
        "integer",
        "Nummer des Beitrags, mit dem dieser zusammengeführt wurde",
        "7",
      ),
      f(
        "uebernommen_in_projekt",
        "text",
        "Kurzname des Projekts, in das der Beitrag übernommen wurde",
        "e-rechnungsworkflow",
      ),
      f(
        "uebernommen_in_massnahme",
        "text",
        "Maßnahme, in die der Beitrag übernommen wurde",
        "Rechnungseingang digitalisieren",
      ),
      f(
        "uebernommen_in_fortschreibung",
        "integer",
        "Nummer der Fortschreibung, in die der Beitrag übernommen wurde",
        "3",
      ),
      f("eingegangen_am", "date", "Tag des Eingangs", "2026-03-01"),
      f(
        "status_seit",
        "date",
        "Tag der letzten Änderung des Status",
        "2026-04-15",
      ),
      f(
        "adresse",
        "url",
        "Seite des Beitrags im Portal",
        "https://fortschritt.example/kleve/ideen/12",
      ),
    ],
  },
];

/** A dataset's definition; ERR_DATASET_NOT_FOUND for an unknown key. */
export function datasetDefinition(key: string): DatasetDefinition {
  const found = DATASETS.find((dataset) => dataset.key === key);
  if (found === undefined) throw new AppError("ERR_DATASET_NOT_FOUND");
  return found;
}

const point = (value: PointInTime | null): string | null =>
  value === null ? null : formatPointInTime(value);
const joined = (items: readonly string[], separator = "; "): string | null =>
  items.length === 0 ? null : items.join(separator);

function valueText(value: unknown): string | null {
  if (typeof value === "string") return value;
  if (typeof value === "number") return String(value);
  if (value !== null && typeof value === "object" && "precision" in value)
    return formatPointInTime(value as PointInTime);
  return null;
}

function span(
  days: readonly string[],
): { readonly start: string; readonly end: string } | null {
  const sorted = [...days].sort();
  const first = sorted[0];
  const last = sorted[sorted.length - 1];
  return first === undefined || last === undefined
    ? null
    : { start: first, end: last };
}

function latest(days: readonly (string | null)[]): string | null {
  return days.reduce<string | null>(
    (best, day) => (day !== null && (best === null || day > best) ? day : best),
    null,
  );
}

function catalogueRows(
  catalogue: Catalogue,
  editionNumber: number | null,
  baseUrl: string,
): DatasetCell[][] {
  const units = new Map(
    catalogue.orgUnits.map((unit) => [unit.code, unit.name]),
  );
  const unitNames = (codes: readonly string[]) =>
    codes.map((code) => units.get(code) ?? code);
  return listProjects(catalogue).map(({ project, actionField, impactArea }) => {
    const first = project.phases[0];
    const last = project.phases[project.phases.length - 1];
    return [
      editionNumber,
      impactArea.name,
      actionField.number,
      actionField.name,
      project.code,
      project.slug,
      project.title,
      project.summary,
      project.status,
      de.projectStatus[project.status],
      point(first?.start ?? null),
      point(last?.end ?? null),
      formatPhasesSpan(project.phases, "de"),
      joined(
        project.phases.map(
          (phase) => `${phase.label}: ${formatPeriodGerman(phase)}`,
        ),
      ),
      joined(
        project.measures.map(
          (measure) => `${measure.title} (${de.measureStatus[measure.status]})`,
        ),
      ),
      joined(
        unitNames(
          project.responsibilities
            .filter((r) => r.role === "lead")
            .map((r) => r.orgUnitCode),
        ),
      ),
      joined(
        unitNames(
          project.responsibilities
            .filter((r) => r.role === "contributing")
            .map((r) => r.orgUnitCode),
        ),
      ),
      joined([...project.dependsOn], ", "),
      joined([...project.tags], ", "),
      `${baseUrl}/${catalogue.municipality.slug}/projekte/${project.slug}`,
    ];
  });
}

/** Reads one dataset of a municipality; ERR_MUNICIPALITY_NOT_FOUND, ERR_DATASET_NOT_FOUND. */
export async function readDataset(
  ctx: AppContext,
  municipalitySlug: string,
  key: string,
  options: { readonly today: number; readonly baseUrl: string },
): Promise<DatasetTable> {
  const definition = datasetDefinition(key);
  const { baseUrl } = options;
  const published = await getPublishedCatalogue(ctx, municipalitySlug);
  const municipality = {
    slug: published.catalogue.municipality.slug,
    name: published.catalogue.municipality.name,
  };
  const table = (
    rows: DatasetCell[][],
    modified: string | null,
    temporal: DatasetTable["temporal"],
  ): DatasetTable => ({ definition, municipality, rows, modified, temporal });

  switch (definition.key) {
    case "katalog": {
      const { catalogue, edition } = published;
      const { horizonStart, horizonEnd } = catalogue.programme;
      return table(
        catalogueRows(catalogue, edition?.number ?? null, baseUrl),
        edition?.publishedOn ?? null,
        { start: `${horizonStart}-01-01`, end: `${horizonEnd}-12-31` },
      );
    }
    case "fortschreibungen": {
      const rows: DatasetCell[][] = [];
      for (const edition of published.editions) {
        if (edition.number === 1) continue;
        const report = await compareEditions(
          ctx,
          municipalitySlug,
          edition.number,
        );
        for (const change of report.diff.changes) {
          const fields = change as unknown as Record<string, unknown>;
          const shift = isShift(change) ? change.shift : null;
          const reason = report.effectiveReasons.get(change.key) ?? null;
          const reasons = report.reasons.get(change.key) ?? [];
          const reasonText = reasons[reasons.length - 1]?.text ?? null;
          rows.push([
            edition.number,
            edition.title,
            edition.publishedOn,
            edition.councilReference,
            change.key,
            change.kind,
            isShift(change),
            isProjectChange(change) ? change.project.code : null,
            isProjectChange(change) ? change.project.slug : null,
            isProjectChange(change) ? change.project.title : null,
            isProjectChange(change) ? change.project.actionField.name : null,
            "phase" in change && change.phase !== null
              ? change.phase.label
              : null,
            valueText(fields.from),
            valueText(fields.to),
            shift?.direction ?? null,
            shift?.amount ?? null,
            shift?.unit ?? null,
            describeChangeGerman(change, { withProject: true }),
            reason === null
              ? null
              : (report.categories.find(
                  (category) => category.key === reason.category,
                )?.label ?? reason.category),
            reasonText === "" ? null : reasonText,
          ]);
        }
      }
      const days = published.editions.map((edition) => edition.publishedOn);
      return table(rows, latest(days), span(days));
    }
    case "berichte": {
      const { reports } = await listPublishedReports(ctx, municipalitySlug);
      const rows: DatasetCell[][] = [];
      for (const summary of [...reports].sort(
        (a, b) => a.asOf - b.asOf || a.id - b.id,
      )) {
        const { document } = await getPublishedReport(
          ctx,
          municipalitySlug,
          String(summary.id),
        );
        for (const section of document.sections) {
          for (const entry of section.projects) {
            rows.push([
              summary.id,
              document.title,
              formatIsoDate(document.asOf),
              formatIsoDate(document.meeting.day),
              document.meeting.committeeName,
              document.meeting.committeeAbbreviation,
              section.name,
              entry.code,
              entry.slug,
              entry.title,
              entry.status,
              entry.status === null
                ? null
                : REPORT_STATUS_PRESENTATION[entry.status].label,
              entry.text === "" ? null : entry.text,
              joined([...entry.highlights]),
              entry.newDate,
              entry.isUnchanged,
              joined(entry.changes.map((change) => change.text)),
              `${baseUrl}${publicReportPath(municipalitySlug, summary)}`,
            ]);
          }
        }
      }
      const days = reports.map((report) => formatIsoDate(report.asOf));
      return table(
        rows,
        latest(
          reports.map((report) => report.publishedAt?.slice(0, 10) ?? null),
        ),
        span(days),
      );
    }
    case "kennzahlen": {
      const { indicators } = await getPublicIndicators(
        ctx,
        municipalitySlug,
        options.today,
      );
      const rows: DatasetCell[][] = [];
      for (const { indicator, observations } of indicators) {
        for (const observation of observations) {
          rows.push([
            indicator.key,
            indicator.name,
            indicator.unit,
            indicator.definition,
            indicator.source,
            indicator.owner,
            indicator.projectSlug,
            indicator.kind,
            indicator.denominatorLabel,
            formatIsoDate(observation.day),
            observation.value,
            observation.denominator,
            shareOf(observation),
            observation.note,
            observation.qualifier == null
              ? null
              : QUALIFIER_GERMAN[observation.qualifier],
            formatObservationGerman(observation, indicator),
            (observation.breakdown ?? []).length === 0
              ? null
              : (observation.breakdown ?? [])
                  .map((part) => `${part.label}: ${part.value}`)
                  .join("; "),
            decimalsOf(indicator),
            indicator.target?.value ?? null,
            indicator.target == null
              ? null
              : formatIsoDate(indicator.target.day),
          ]);
        }
      }
      const days = indicators.flatMap((each) =>
        each.observations.map((observation) => formatIsoDate(observation.day)),
      );
      return table(rows, latest(days), span(days));
    }
    case "ozg-leistungen": {
      const services = await getRegisterHistory(ctx, municipalitySlug);
      const rows = services.map((service): DatasetCell[] => [
        service.leikaKey,
        service.name,
        service.topic,
        service.isResponsibleLocally,
        service.channel === null
          ? null
          : SERVICE_CHANNEL_LABELS[service.channel],
        service.isFrontEndOnline,
        service.isBackEndConnected,
        service.hasEPayment,
        service.hasEId,
        service.onlineApplications,
        service.maturity?.modelVersion ?? null,
        service.maturity?.level ?? null,
        SERVICE_STATUS_LABELS[service.status],
        service.url,
        service.validFrom === null ? null : formatIsoDate(service.validFrom),
        service.validUntil === null ? null : formatIsoDate(service.validUntil),
      ]);
      const days = services.flatMap((service) =>
        [service.validFrom, service.validUntil]
          .filter((day): day is number => day !== null)
          .map(formatIsoDate),
      );
      return table(
        rows,
        latest(
          services.map((service) =>
            service.validFrom === null
              ? null
              : formatIsoDate(service.validFrom),
          ),
        ),
        span(days),
      );
    }
    case "ideen": {
      const { items } = await listPublicItems(ctx, municipalitySlug);
      const t = de.participation;
      const rows: DatasetCell[][] = items.map((item) => [
        item.id,
        t.kind[item.kind],
        item.title,
        item.body,
        item.projectSlug,
        t.status[item.status],
        item.decisionNote,
        item.mergedIntoId,
        item.link.projectSlug,
        item.link.measureTitle,
        item.link.editionNumber,
        item.createdAt.slice(0, 10),
        item.statusChangedAt.slice(0, 10),
        `${baseUrl}/${municipalitySlug}/ideen/${item.id}`,
      ]);
      const days = items.map((item) => item.createdAt.slice(0, 10));
      return table(
        rows,
        latest(items.map((item) => item.statusChangedAt.slice(0, 10))),
        span(days),
      );
    }
  }
}

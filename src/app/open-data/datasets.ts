/**
 * The open datasets of a municipality — the catalogue of the latest edition, every edition
 * with its changes and reasons, the published status reports, the key figures with their
 * series, and the OZG register — as flat tables with a data dictionary (field, meaning,
 * type, example). Only what the portal shows publicly goes in: the latest edition (never
 * the draft), published reports (never a draft, never who published them), and no
 * account data of staff. Field names are German snake_case, the same in CSV, XLSX and JSON.
 * Each column is declared once, with its dictionary entry and the value it takes from a
 * record, so that the dictionary and the rows cannot drift apart.
 */
import { publicReportPath } from "../../domain/report/report-url.js";
import {
  listProjects,
  type ProjectInContext,
  type ResponsibilityRole,
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
import {
  getPublishedCatalogue,
  type PublishedCatalogue,
} from "../edition/read-editions.js";
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

/** What a dataset is read from: the municipality's published catalogue and the request. */
interface DatasetInput {
  readonly ctx: AppContext;
  readonly municipalitySlug: string;
  readonly published: PublishedCatalogue;
  readonly today: number;
  readonly baseUrl: string;
}

/** A column with the value it takes from each record of the dataset. */
interface Column<R> extends DatasetField {
  readonly value: (record: R, input: DatasetInput) => DatasetCell;
}

/** A dataset's description, columns and how its records are read. */
interface DatasetSpec<R> extends Omit<DatasetDefinition, "fields"> {
  readonly columns: readonly Column<R>[];
  readonly read: (input: DatasetInput) => Promise<{
    readonly records: readonly R[];
    readonly modified: string | null;
    readonly temporal: DatasetTable["temporal"];
  }>;
}

/** A dataset's definition (the dictionary) and its rows, both from the same columns. */
interface DatasetSource {
  readonly definition: DatasetDefinition;
  readonly read: (
    input: DatasetInput,
  ) => Promise<Omit<DatasetTable, "definition" | "municipality">>;
}

/** Derives the dictionary and the rows of a dataset from its columns. */
function dataset<R>(spec: DatasetSpec<R>): DatasetSource {
  const { columns, read, ...about } = spec;
  return {
    definition: {
      ...about,
      fields: columns.map(({ name, type, meaning, example }) => ({
        name,
        type,
        meaning,
        example,
      })),
    },
    async read(input) {
      const { records, modified, temporal } = await read(input);
      const rows = records.map((record) =>
        columns.map((column) => column.value(record, input)),
      );
      return { rows, modified, temporal };
    },
  };
}

/** A column: name, type, meaning and example for the dictionary, and its value. */
const f = <R>(
  name: string,
  type: FieldType,
  meaning: string,
  example: string,
  value: Column<R>["value"],
): Column<R> => ({ name, type, meaning, example, value });

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

type CatalogueRow = ProjectInContext & {
  readonly units: ReadonlyMap<string, string>;
};

/** The names of the units with the role in a project (the code where a unit is unknown). */
function unitsWithRole(
  { project, units }: CatalogueRow,
  role: ResponsibilityRole,
): string[] {
  return project.responsibilities
    .filter((responsibility) => responsibility.role === role)
    .map(({ orgUnitCode }) => units.get(orgUnitCode) ?? orgUnitCode);
}

type EditionReport = Awaited<ReturnType<typeof compareEditions>>;
type EditionChange = EditionReport["diff"]["changes"][number];
interface EditionChangeRow {
  readonly edition: PublishedCatalogue["editions"][number];
  readonly report: EditionReport;
  readonly change: EditionChange;
}

const shiftOf = (change: EditionChange) =>
  isShift(change) ? change.shift : null;
const valuesOf = (change: EditionChange) =>
  change as unknown as Record<string, unknown>;

/** The label of the category of a change's effective reason. */
function reasonCategory(report: EditionReport, key: string): string | null {
  const reason = report.effectiveReasons.get(key) ?? null;
  return reason === null
    ? null
    : (report.categories.find((category) => category.key === reason.category)
        ?.label ?? reason.category);
}

/** The text of the latest reason given for a change. */
function reasonText(report: EditionReport, key: string): string | null {
  const reasons = report.reasons.get(key) ?? [];
  const text = reasons[reasons.length - 1]?.text ?? null;
  return text === "" ? null : text;
}

type PublishedReport = Awaited<ReturnType<typeof getPublishedReport>>;
type ReportSection = PublishedReport["document"]["sections"][number];
interface ReportEntryRow {
  readonly summary: Awaited<
    ReturnType<typeof listPublishedReports>
  >["reports"][number];
  readonly document: PublishedReport["document"];
  readonly section: ReportSection;
  readonly entry: ReportSection["projects"][number];
}

type PublicIndicator = Awaited<
  ReturnType<typeof getPublicIndicators>
>["indicators"][number];
interface ObservationRow {
  readonly indicator: PublicIndicator["indicator"];
  readonly observation: PublicIndicator["observations"][number];
}

type RegisterRow = Awaited<ReturnType<typeof getRegisterHistory>>[number];
type IdeaRow = Awaited<ReturnType<typeof listPublicItems>>["items"][number];

/** Every dataset with its columns and its records, in the order the open data page lists them. */
const SOURCES: readonly DatasetSource[] = [
  dataset<CatalogueRow>({
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
    columns: [
      f(
        "fortschreibung",
        "integer",
        "Nummer der Fortschreibung, aus der die Zeile stammt (leer vor der ersten)",
        "2",
        (_row, { published }) => published.edition?.number ?? null,
      ),
      f(
        "wirkungsbereich",
        "text",
        "Wirkungsbereich des Projekts",
        "Digitale Verwaltung",
        ({ impactArea }) => impactArea.name,
      ),
      f(
        "aktionsfeld_nummer",
        "integer",
        "Nummer des Aktionsfelds im Wirkungsbereich",
        "2",
        ({ actionField }) => actionField.number,
      ),
      f(
        "aktionsfeld",
        "text",
        "Name des Aktionsfelds",
        "Smart Working",
        ({ actionField }) => actionField.name,
      ),
      f(
        "projekt_nummer",
        "text",
        "Nummer des Projekts im Katalog",
        "2.5",
        ({ project }) => project.code,
      ),
      f(
        "projekt_kennung",
        "text",
        "Stabiler Kurzname des Projekts (auch in Adressen und der API)",
        "e-rechnungsworkflow",
        ({ project }) => project.slug,
      ),
      f(
        "projekt",
        "text",
        "Titel des Projekts",
        "E-Rechnungsworkflow",
        ({ project }) => project.title,
      ),
      f(
        "beschreibung",
        "text",
        "Kurzbeschreibung",
        "Eingangsrechnungen werden elektronisch geprüft und freigegeben.",
        ({ project }) => project.summary,
      ),
      f(
        "status",
        "text",
        "Status: planned, in_progress, ongoing, completed oder paused",
        "in_progress",
        ({ project }) => project.status,
      ),
      f(
        "status_bezeichnung",
        "text",
        "Status auf Deutsch",
        "in Umsetzung",
        ({ project }) => de.projectStatus[project.status],
      ),
      f(
        "beginn",
        "text",
        "Beginn der ersten Phase: Jahr, Quartal (2021-Q4), Monat oder Tag",
        "2021-Q4",
        ({ project }) => point(project.phases[0]?.start ?? null),
      ),
      f(
        "ende",
        "text",
        "Ende der letzten Phase in derselben Form; leer bei offenem Ende",
        "2023",
        ({ project }) =>
          point(project.phases[project.phases.length - 1]?.end ?? null),
      ),
      f(
        "zeitraum",
        "text",
        "Gesamtzeitraum auf Deutsch",
        "ab QIV/2021, laufend",
        ({ project }) => formatPhasesSpan(project.phases, "de"),
      ),
      f(
        "phasen",
        "text",
        "Phasen mit Zeitraum, durch Semikolon getrennt",
        "Einführung: QIV/2021–2023; Laufender Support: ab 2024, laufend",
        ({ project }) =>
          joined(
            project.phases.map(
              (phase) => `${phase.label}: ${formatPeriodGerman(phase)}`,
            ),
          ),
      ),
      f(
        "einzelmassnahmen",
        "text",
        "Einzelmaßnahmen mit Status, durch Semikolon getrennt",
        "Einführung XSuite Invoice (erledigt)",
        ({ project }) =>
          joined(
            project.measures.map(
              (measure) =>
                `${measure.title} (${de.measureStatus[measure.status]})`,
            ),
          ),
      ),
      f(
        "federfuehrung",
        "text",
        "Federführende Organisationseinheiten",
        "Abteilung 10.1 – IT",
        (row) => joined(unitsWithRole(row, "lead")),
      ),
      f(
        "beteiligt",
        "text",
        "Beteiligte Organisationseinheiten",
        "Fachbereich 20 – Finanzen",
        (row) => joined(unitsWithRole(row, "contributing")),
      ),
      f(
        "abhaengig_von",
        "text",
        "Kurznamen der Projekte, die vorher kommen müssen, durch Komma getrennt",
        "dokumentenmanagementsystem",
        ({ project }) => joined([...project.dependsOn], ", "),
      ),
      f(
        "schlagworte",
        "text",
        "Schlagworte, durch Komma getrennt",
        "OZG, Finanzen",
        ({ project }) => joined([...project.tags], ", "),
      ),
      f(
        "adresse",
        "url",
        "Seite des Projekts im Portal",
        "https://fortschritt.example/kleve/projekte/e-rechnungsworkflow",
        ({ project }, { baseUrl, published }) =>
          `${baseUrl}/${published.catalogue.municipality.slug}/projekte/${project.slug}`,
      ),
    ],
    read: ({ published }) => {
      const { catalogue, edition } = published;
      const { horizonStart, horizonEnd } = catalogue.programme;
      const units = new Map(
        catalogue.orgUnits.map((unit) => [unit.code, unit.name]),
      );
      return Promise.resolve({
        records: listProjects(catalogue).map((listed) => ({
          ...listed,
          units,
        })),
        modified: edition?.publishedOn ?? null,
        temporal: {
          start: `${horizonStart}-01-01`,
          end: `${horizonEnd}-12-31`,
        },
      });
    },
  }),
  dataset<EditionChangeRow>({
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
    columns: [
      f(
        "fortschreibung",
        "integer",
        "Nummer der Fortschreibung",
        "2",
        ({ edition }) => edition.number,
      ),
      f(
        "fortschreibung_titel",
        "text",
        "Titel der Fortschreibung",
        "2. Fortschreibung",
        ({ edition }) => edition.title,
      ),
      f(
        "veroeffentlicht_am",
        "date",
        "Datum der Fortschreibung (JJJJ-MM-TT)",
        "2022-03-31",
        ({ edition }) => edition.publishedOn,
      ),
      f(
        "beschluss",
        "text",
        "Ratsbeschluss, auf dem sie beruht",
        "Ratsbeschluss vom 30.03.2022",
        ({ edition }) => edition.councilReference,
      ),
      f(
        "veraenderung_kennung",
        "text",
        "Stabiler Schlüssel der Veränderung",
        "phase:e-rechnungsworkflow:einfuehrung:end",
        ({ change }) => change.key,
      ),
      f(
        "art",
        "text",
        "Art der Veränderung (z. B. phase-end-shifted, project-added)",
        "phase-end-shifted",
        ({ change }) => change.kind,
      ),
      f(
        "ist_verschiebung",
        "boolean",
        "Ob ein Zeitraum verschoben wurde",
        "ja",
        ({ change }) => isShift(change),
      ),
      f("projekt_nummer", "text", "Nummer des Projekts", "2.5", ({ change }) =>
        isProjectChange(change) ? change.project.code : null,
      ),
      f(
        "projekt_kennung",
        "text",
        "Kurzname des Projekts",
        "e-rechnungsworkflow",
        ({ change }) => (isProjectChange(change) ? change.project.slug : null),
      ),
      f(
        "projekt",
        "text",
        "Titel des Projekts",
        "E-Rechnungsworkflow",
        ({ change }) => (isProjectChange(change) ? change.project.title : null),
      ),
      f(
        "aktionsfeld",
        "text",
        "Aktionsfeld des Projekts",
        "Smart Working",
        ({ change }) =>
          isProjectChange(change) ? change.project.actionField.name : null,
      ),
      f("phase", "text", "Betroffene Phase", "Einführung", ({ change }) =>
        "phase" in change && change.phase !== null ? change.phase.label : null,
      ),
      f(
        "vorher",
        "text",
        "Wert vorher (Zeitpunkte kanonisch, z. B. 2022 oder 2023-Q1)",
        "2022",
        ({ change }) => valueText(valuesOf(change).from),
      ),
      f("nachher", "text", "Wert nachher", "2023", ({ change }) =>
        valueText(valuesOf(change).to),
      ),
      f(
        "richtung",
        "text",
        "Bei Verschiebungen: earlier oder later",
        "later",
        ({ change }) => shiftOf(change)?.direction ?? null,
      ),
      f(
        "umfang",
        "integer",
        "Bei Verschiebungen: um wie viele Einheiten",
        "1",
        ({ change }) => shiftOf(change)?.amount ?? null,
      ),
      f(
        "einheit",
        "text",
        "Einheit des Umfangs: year, quarter, month oder day",
        "year",
        ({ change }) => shiftOf(change)?.unit ?? null,
      ),
      f(
        "beschreibung",
        "text",
        "Die Veränderung in einem deutschen Satz",
        "Phase Einführung: Ende von 2022 auf 2023 verschoben (1 Jahr später)",
        ({ change }) => describeChangeGerman(change, { withProject: true }),
      ),
      f(
        "grund_kategorie",
        "text",
        "Kategorie des Grundes",
        "OZG-Aufwand",
        ({ change, report }) => reasonCategory(report, change.key),
      ),
      f(
        "grund",
        "text",
        "Erläuterung des Grundes",
        "Die OZG-Umsetzung band mehr Kräfte als geplant.",
        ({ change, report }) => reasonText(report, change.key),
      ),
    ],
    read: async ({ ctx, municipalitySlug, published }) => {
      const records: EditionChangeRow[] = [];
      for (const edition of published.editions) {
        if (edition.number === 1) continue;
        const report = await compareEditions(
          ctx,
          municipalitySlug,
          edition.number,
        );
        for (const change of report.diff.changes)
          records.push({ edition, report, change });
      }
      const days = published.editions.map((edition) => edition.publishedOn);
      return { records, modified: latest(days), temporal: span(days) };
    },
  }),
  dataset<ReportEntryRow>({
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
    columns: [
      f(
        "bericht_id",
        "integer",
        "Nummer des Berichts",
        "2",
        ({ summary }) => summary.id,
      ),
      f(
        "bericht",
        "text",
        "Titel des Berichts",
        "Sachstandsbericht Digitalisierung",
        ({ document }) => document.title,
      ),
      f(
        "stand",
        "date",
        "Stichtag des Berichts",
        "2022-11-28",
        ({ document }) => formatIsoDate(document.asOf),
      ),
      f("sitzung", "date", "Tag der Sitzung", "2022-11-29", ({ document }) =>
        formatIsoDate(document.meeting.day),
      ),
      f(
        "gremium",
        "text",
        "Ausschuss",
        "Ausschuss für Personal und Digitalisierung",
        ({ document }) => document.meeting.committeeName,
      ),
      f(
        "gremium_kuerzel",
        "text",
        "Kürzel des Ausschusses",
        "APD",
        ({ document }) => document.meeting.committeeAbbreviation,
      ),
      f(
        "aktionsfeld",
        "text",
        "Aktionsfeld (Abschnitt des Berichts)",
        "Smart Working",
        ({ section }) => section.name,
      ),
      f(
        "projekt_nummer",
        "text",
        "Nummer des Projekts",
        "2.3",
        ({ entry }) => entry.code,
      ),
      f(
        "projekt_kennung",
        "text",
        "Kurzname des Projekts",
        "mobile-office",
        ({ entry }) => entry.slug,
      ),
      f(
        "projekt",
        "text",
        "Titel des Projekts",
        "Mobile Office",
        ({ entry }) => entry.title,
      ),
      f(
        "status",
        "text",
        "Status: on-track, at-risk, delayed, completed, not-started, dormant",
        "on-track",
        ({ entry }) => entry.status,
      ),
      f(
        "status_bezeichnung",
        "text",
        "Status auf Deutsch",
        "im Plan",
        ({ entry }) =>
          entry.status === null
            ? null
            : REPORT_STATUS_PRESENTATION[entry.status].label,
      ),
      f(
        "text",
        "text",
        "Was der Bericht zum Projekt sagt",
        "Die Anträge auf Mobile Office werden bearbeitet.",
        ({ entry }) => (entry.text === "" ? null : entry.text),
      ),
      f(
        "hervorhebungen",
        "text",
        "Hervorhebungen, durch Semikolon getrennt",
        "515 Bewerbungen",
        ({ entry }) => joined([...entry.highlights]),
      ),
      f(
        "neuer_termin",
        "text",
        "Neuer Termin (kanonisch)",
        "2023-Q1",
        ({ entry }) => entry.newDate,
      ),
      f(
        "unveraendert",
        "boolean",
        "Unverändert seit dem letzten Bericht",
        "nein",
        ({ entry }) => entry.isUnchanged,
      ),
      f(
        "veraenderungen",
        "text",
        "Berechnete Veränderungen seit dem vorigen Bericht, durch Semikolon getrennt",
        "Einzelmaßnahme neu: Austausch der Tower-PCs",
        ({ entry }) => joined(entry.changes.map((change) => change.text)),
      ),
      f(
        "adresse",
        "url",
        "Der Bericht im Portal",
        "https://fortschritt.example/kleve/berichte/2",
        ({ summary }, { baseUrl, municipalitySlug }) =>
          `${baseUrl}${publicReportPath(municipalitySlug, summary)}`,
      ),
    ],
    read: async ({ ctx, municipalitySlug }) => {
      const { reports } = await listPublishedReports(ctx, municipalitySlug);
      const records: ReportEntryRow[] = [];
      for (const summary of [...reports].sort(
        (a, b) => a.asOf - b.asOf || a.id - b.id,
      )) {
        const { document } = await getPublishedReport(
          ctx,
          municipalitySlug,
          String(summary.id),
        );
        for (const section of document.sections)
          for (const entry of section.projects)
            records.push({ summary, document, section, entry });
      }
      return {
        records,
        modified: latest(
          reports.map((report) => report.publishedAt?.slice(0, 10) ?? null),
        ),
        temporal: span(reports.map((report) => formatIsoDate(report.asOf))),
      };
    },
  }),
  dataset<ObservationRow>({
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
    columns: [
      f(
        "kennzahl_kennung",
        "text",
        "Stabiler Schlüssel der Kennzahl",
        "mobile-office",
        ({ indicator }) => indicator.key,
      ),
      f(
        "kennzahl",
        "text",
        "Name der Kennzahl",
        "Mitarbeitende im Mobile Office",
        ({ indicator }) => indicator.name,
      ),
      f(
        "einheit",
        "text",
        "Was gezählt wird",
        "Mitarbeitende",
        ({ indicator }) => indicator.unit,
      ),
      f(
        "definition",
        "text",
        "Was wie gezählt wird",
        "Mitarbeitende mit Vereinbarung über Mobile Office",
        ({ indicator }) => indicator.definition,
      ),
      f(
        "quelle",
        "text",
        "Woher der Wert kommt",
        "Personalverwaltung",
        ({ indicator }) => indicator.source,
      ),
      f(
        "verantwortlich",
        "text",
        "Organisationseinheit, die den Wert pflegt",
        "Abteilung 10.1 – IT",
        ({ indicator }) => indicator.owner,
      ),
      f(
        "projekt_kennung",
        "text",
        "Kurzname des zugehörigen Projekts",
        "mobile-office",
        ({ indicator }) => indicator.projectSlug,
      ),
      f(
        "art",
        "text",
        "count (Anzahl), ratio (Anteil), decimal (Dezimalwert) oder percent (Prozentwert)",
        "ratio",
        ({ indicator }) => indicator.kind,
      ),
      f(
        "ganzes_bezeichnung",
        "text",
        "Bei Anteilen: was das Ganze zählt",
        "Mitarbeitende einschließlich GSK",
        ({ indicator }) => indicator.denominatorLabel,
      ),
      f("stand", "date", "Stand des Werts", "2022-11-28", ({ observation }) =>
        formatIsoDate(observation.day),
      ),
      f(
        "wert",
        "decimal",
        "Der Wert; bei Anteilen der Teil",
        "144",
        ({ observation }) => observation.value,
      ),
      f(
        "ganzes",
        "decimal",
        "Bei Anteilen das Ganze",
        "572",
        ({ observation }) => observation.denominator,
      ),
      f(
        "anteil",
        "decimal",
        "Bei Anteilen wert/ganzes (0 bis 1)",
        "0,252",
        ({ observation }) => shareOf(observation),
      ),
      f(
        "anmerkung",
        "text",
        "Anmerkung zum Wert",
        "Stand Monatsende",
        ({ observation }) => observation.note,
      ),
      f(
        "angabe",
        "text",
        "Bei ungefähren Werten: rund, mehr als oder weniger als; leer bei genauen Werten",
        "mehr als",
        ({ observation }) =>
          observation.qualifier == null
            ? null
            : QUALIFIER_GERMAN[observation.qualifier],
      ),
      f(
        "wert_text",
        "text",
        "Der Wert, wie er gezeigt wird (deutsche Schreibweise)",
        "mehr als 60",
        ({ indicator, observation }) =>
          formatObservationGerman(observation, indicator),
      ),
      f(
        "aufteilung",
        "text",
        "Aufteilung des Werts nach Kategorien, durch „; “ getrennt",
        "Führungskräfte: 23; Mitarbeitende: 88",
        ({ observation }) =>
          (observation.breakdown ?? []).length === 0
            ? null
            : (observation.breakdown ?? [])
                .map((part) => `${part.label}: ${part.value}`)
                .join("; "),
      ),
      f(
        "nachkommastellen",
        "decimal",
        "Nachkommastellen der Dezimal- und Prozentwerte",
        "1",
        ({ indicator }) => decimalsOf(indicator),
      ),
      f(
        "zielwert",
        "decimal",
        "Zielwert der Kennzahl (bei Anteilen in Prozent)",
        "80",
        ({ indicator }) => indicator.target?.value ?? null,
      ),
      f(
        "zieldatum",
        "date",
        "Bis wann der Zielwert erreicht sein soll",
        "2027-12-31",
        ({ indicator }) =>
          indicator.target == null ? null : formatIsoDate(indicator.target.day),
      ),
    ],
    read: async ({ ctx, municipalitySlug, today }) => {
      const { indicators } = await getPublicIndicators(
        ctx,
        municipalitySlug,
        today,
      );
      const records = indicators.flatMap(({ indicator, observations }) =>
        observations.map((observation) => ({ indicator, observation })),
      );
      const days = records.map(({ observation }) =>
        formatIsoDate(observation.day),
      );
      return { records, modified: latest(days), temporal: span(days) };
    },
  }),
  dataset<RegisterRow>({
    key: "ozg-leistungen",
    title: { de: "OZG-Leistungsverzeichnis", en: "OZG service register" },
    description: {
      de: "Die Verwaltungsleistungen nach dem Onlinezugangsgesetz mit LeiKa-Schlüssel, Zuständigkeit, Zugang, Front-End, Back-End, E-Payment, eID, Online-Anträgen und Reifegrad, mit Verlauf (ein Eintrag je Gültigkeitszeitraum).",
      en: "The administrative services under the Online Access Act with LeiKa key, responsibility, channel, front end, back end, e-payment, eID, online applications and maturity, with history (one record per validity span).",
    },
    keywords: ["OZG", "Onlinezugangsgesetz", "Verwaltungsleistungen", "LeiKa"],
    columns: [
      f(
        "leika_schluessel",
        "text",
        "LeiKa-Schlüssel, 14 Ziffern (als Text, damit keine Ziffer verloren geht)",
        "99123456000000",
        (service) => service.leikaKey,
      ),
      f(
        "leistung",
        "text",
        "Name der Leistung",
        "Anwohnerparkausweis beantragen",
        (service) => service.name,
      ),
      f(
        "themenfeld",
        "text",
        "Themenfeld oder Lebenslage",
        "Mobilität & Reisen",
        (service) => service.topic,
      ),
      f(
        "zustaendig_vor_ort",
        "boolean",
        "Ob die Kommune selbst zuständig ist",
        "ja",
        (service) => service.isResponsibleLocally,
      ),
      f(
        "zugang",
        "text",
        "Zugang: Eigenentwicklung, Landesportal, Bundesportal/EfA, regionaler IT-Dienstleister, Fachportal",
        "Landesportal",
        (service) =>
          service.channel === null
            ? null
            : SERVICE_CHANNEL_LABELS[service.channel],
      ),
      f(
        "front_end_online",
        "boolean",
        "Online-Antrag nutzbar",
        "ja",
        (service) => service.isFrontEndOnline,
      ),
      f(
        "back_end_angebunden",
        "boolean",
        "Anträge erreichen das Fachverfahren ohne Abtippen",
        "nein",
        (service) => service.isBackEndConnected,
      ),
      f(
        "e_payment",
        "boolean",
        "Online bezahlbar",
        "ja",
        (service) => service.hasEPayment,
      ),
      f(
        "eid",
        "boolean",
        "Mit Online-Ausweis",
        "nein",
        (service) => service.hasEId,
      ),
      f(
        "online_antraege",
        "integer",
        "Zahl der Online-Antragsformulare",
        "1",
        (service) => service.onlineApplications,
      ),
      f(
        "reifegradmodell",
        "text",
        "Version des Reifegradmodells (1.1 oder 2.0)",
        "1.1",
        (service) => service.maturity?.modelVersion ?? null,
      ),
      f(
        "reifegrad",
        "integer",
        "Reifegrad in diesem Modell",
        "3",
        (service) => service.maturity?.level ?? null,
      ),
      f(
        "status",
        "text",
        "Status auf Deutsch: geplant, in Umsetzung, online, eingestellt",
        "online",
        (service) => SERVICE_STATUS_LABELS[service.status],
      ),
      f(
        "adresse",
        "url",
        "Adresse des Online-Angebots",
        "https://service.example/antrag",
        (service) => service.url,
      ),
      f(
        "gueltig_ab",
        "date",
        "Erster Tag, an dem dieser Eintrag gilt (leer: seit Beginn)",
        "2022-01-01",
        (service) =>
          service.validFrom === null ? null : formatIsoDate(service.validFrom),
      ),
      f(
        "gueltig_bis",
        "date",
        "Letzter Tag, an dem dieser Eintrag gilt (leer: gilt noch)",
        "2022-06-30",
        (service) =>
          service.validUntil === null
            ? null
            : formatIsoDate(service.validUntil),
      ),
    ],
    read: async ({ ctx, municipalitySlug }) => {
      const records = await getRegisterHistory(ctx, municipalitySlug);
      const days = records.flatMap((service) =>
        [service.validFrom, service.validUntil]
          .filter((day): day is number => day !== null)
          .map(formatIsoDate),
      );
      return {
        records,
        modified: latest(
          records.map((service) =>
            service.validFrom === null
              ? null
              : formatIsoDate(service.validFrom),
          ),
        ),
        temporal: span(days),
      };
    },
  }),
  dataset<IdeaRow>({
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
    columns: [
      f("nummer", "integer", "Nummer des Beitrags", "12", (item) => item.id),
      f(
        "art",
        "text",
        "Art: Idee, Rückmeldung oder Barriere",
        "Idee",
        (item) => de.participation.kind[item.kind],
      ),
      f(
        "titel",
        "text",
        "Titel des Beitrags (leer, wenn zurückgezogen)",
        "Online-Terminvergabe im Bürgerbüro",
        (item) => item.title,
      ),
      f(
        "text",
        "text",
        "Text des Beitrags (leer, wenn zurückgezogen)",
        "Termine sollten auch online buchbar sein.",
        (item) => item.body,
      ),
      f(
        "projekt",
        "text",
        "Kurzname des Projekts, das der Beitrag betrifft",
        "e-rechnungsworkflow",
        (item) => item.projectSlug,
      ),
      f(
        "status",
        "text",
        "Status: eingegangen, in Prüfung, übernommen, umgesetzt, abgelehnt, zusammengeführt, zurückgezogen",
        "übernommen",
        (item) => de.participation.status[item.status],
      ),
      f(
        "begruendung",
        "text",
        "Begründung der Entscheidung",
        "Wird mit der nächsten Ausbaustufe umgesetzt.",
        (item) => item.decisionNote,
      ),
      f(
        "zusammengefuehrt_mit",
        "integer",
        "Nummer des Beitrags, mit dem dieser zusammengeführt wurde",
        "7",
        (item) => item.mergedIntoId,
      ),
      f(
        "uebernommen_in_projekt",
        "text",
        "Kurzname des Projekts, in das der Beitrag übernommen wurde",
        "e-rechnungsworkflow",
        (item) => item.link.projectSlug,
      ),
      f(
        "uebernommen_in_massnahme",
        "text",
        "Maßnahme, in die der Beitrag übernommen wurde",
        "Rechnungseingang digitalisieren",
        (item) => item.link.measureTitle,
      ),
      f(
        "uebernommen_in_fortschreibung",
        "integer",
        "Nummer der Fortschreibung, in die der Beitrag übernommen wurde",
        "3",
        (item) => item.link.editionNumber,
      ),
      f("eingegangen_am", "date", "Tag des Eingangs", "2026-03-01", (item) =>
        item.createdAt.slice(0, 10),
      ),
      f(
        "status_seit",
        "date",
        "Tag der letzten Änderung des Status",
        "2026-04-15",
        (item) => item.statusChangedAt.slice(0, 10),
      ),
      f(
        "adresse",
        "url",
        "Seite des Beitrags im Portal",
        "https://fortschritt.example/kleve/ideen/12",
        (item, { baseUrl, municipalitySlug }) =>
          `${baseUrl}/${municipalitySlug}/ideen/${item.id}`,
      ),
    ],
    read: async ({ ctx, municipalitySlug }) => {
      const { items: records } = await listPublicItems(ctx, municipalitySlug);
      return {
        records,
        modified: latest(
          records.map((item) => item.statusChangedAt.slice(0, 10)),
        ),
        temporal: span(records.map((item) => item.createdAt.slice(0, 10))),
      };
    },
  }),
];

/** Every dataset, in the order the open data page lists them. */
export const DATASETS: readonly DatasetDefinition[] = SOURCES.map(
  (source) => source.definition,
);

function datasetSource(key: string): DatasetSource {
  const found = SOURCES.find((source) => source.definition.key === key);
  if (found === undefined) throw new AppError("ERR_DATASET_NOT_FOUND");
  return found;
}

/** A dataset's definition; ERR_DATASET_NOT_FOUND for an unknown key. */
export function datasetDefinition(key: string): DatasetDefinition {
  return datasetSource(key).definition;
}

/** Reads one dataset of a municipality; ERR_MUNICIPALITY_NOT_FOUND, ERR_DATASET_NOT_FOUND. */
export async function readDataset(
  ctx: AppContext,
  municipalitySlug: string,
  key: string,
  options: { readonly today: number; readonly baseUrl: string },
): Promise<DatasetTable> {
  const source = datasetSource(key);
  const published = await getPublishedCatalogue(ctx, municipalitySlug);
  const { rows, modified, temporal } = await source.read({
    ctx,
    municipalitySlug,
    published,
    today: options.today,
    baseUrl: options.baseUrl,
  });
  return {
    definition: source.definition,
    municipality: {
      slug: published.catalogue.municipality.slug,
      name: published.catalogue.municipality.name,
    },
    rows,
    modified,
    temporal,
  };
}

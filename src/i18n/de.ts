/**
 * The German texts of the user interface (primary language). `en.ts` must provide the
 * same keys: its type is derived from this object, so a missing or extra key fails tsc.
 */
import type { MeasureStatus, ProjectStatus, ResponsibilityRole } from "../domain/catalogue/catalogue.js";

/** The statuses an error page has its own heading for; others fall back to 400 or 500. */
export type ErrorPageStatus = 400 | 404 | 500 | 503;

/** Chooses the singular or plural form of a German or English noun by count. */
function plural(count: number, singular: string, pluralForm: string): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}

/** German interface texts. */
export const de = {
  serviceName: "Fortschritt",
  skipLink: "Zum Inhalt springen",
  languageSwitch: "English",
  languageSwitchLang: "en",
  mainNavigation: "Hauptnavigation",
  breadcrumbs: "Brotkrumennavigation",
  navOverview: "Übersicht",
  navTimeline: "Zeitstrahl",
  navSearch: "Suche",
  footerAbout: "Veröffentlicht mit Fortschritt, freier Software für kommunale Digitalisierungsprogramme.",
  footerApi: "Offene Daten (JSON-API)",
  footerApiDocs: "API-Beschreibung (OpenAPI)",

  municipalitiesTitle: "Digitalisierungsprogramme",
  municipalitiesIntro: "Diese Kommunen veröffentlichen hier ihr Digitalisierungsprogramm.",
  municipalitiesEmpty: "Es ist noch keine Kommune eingetragen.",

  programmeGoals: "Leitbild und Ziele",
  programmePriorities: (year: number) => `Prioritäten ${year}`,
  programmeTimelineLink: "Alle Projekte im Zeitstrahl ansehen",
  programmeSearchLink: "Projekte und Maßnahmen durchsuchen",
  horizon: (start: number, end: number) => `Zeitraum ${start}–${end}`,
  projectCount: (count: number) => plural(count, "Projekt", "Projekte"),
  projectsInFields: (projects: number, fields: number) =>
    `${plural(projects, "Projekt", "Projekte")} in ${plural(fields, "Aktionsfeld", "Aktionsfeldern")}`,
  projectsInAreas: (projects: number, fields: number, areas: number) =>
    `${plural(projects, "Projekt", "Projekte")} in ${plural(fields, "Aktionsfeld", "Aktionsfeldern")} und ${plural(areas, "Wirkungsbereich", "Wirkungsbereichen")}`,
  actionFieldLabel: (number: number, name: string) => `Aktionsfeld ${number}: ${name}`,
  noProjects: "Noch keine Projekte.",

  impactArea: "Wirkungsbereich",
  actionField: "Aktionsfeld",
  project: "Projekt",
  status: "Status",
  period: "Zeitraum",
  phase: "Phase",
  code: "Nummer",
  noPeriod: "kein Zeitraum angegeben",

  projectSummary: "Worum es geht",
  projectSchedule: "Zeitplan",
  projectScheduleChart: (title: string) => `Zeitplan von ${title}`,
  projectMeasures: "Einzelmaßnahmen",
  projectMeasuresEmpty: "Für dieses Projekt sind keine Einzelmaßnahmen eingetragen.",
  projectResponsibilities: "Zuständigkeiten",
  projectResponsibilitiesEmpty: "Es ist keine Zuständigkeit eingetragen.",
  projectDependencies: "Abhängigkeiten",
  projectDependsOn: "Hängt ab von",
  projectPrerequisiteFor: "Voraussetzung für",
  projectNoDependencies: "keine",
  projectTags: "Schlagwörter",
  projectPhasesEmpty: "Für dieses Projekt ist noch kein Zeitplan eingetragen.",

  timelineTitle: "Zeitstrahl",
  timelineIntro: (start: number, end: number) =>
    `Alle Projekte von ${start} bis ${end}, gruppiert nach Aktionsfeld. Jede Phase eines Projekts ist ein Balken; die Tabelle unter der Grafik enthält dieselben Angaben.`,
  timelineFilterLegend: "Projekte auswählen",
  timelineFilterActionField: "Aktionsfeld",
  timelineFilterOrgUnit: "Zuständige Stelle",
  timelineFilterOrgUnitHint: "einschließlich untergeordneter Abteilungen",
  timelineFilterStatus: "Status",
  timelineFilterAll: "alle",
  timelineFilterSubmit: "Auswahl anzeigen",
  timelineFilterReset: "Auswahl zurücksetzen",
  timelineFilterAutoHint: "Die Ansicht wird bei jeder Auswahl sofort aktualisiert.",
  timelineResult: (projects: number, total: number) =>
    projects === total ? `${plural(projects, "Projekt", "Projekte")}` : `${projects} von ${plural(total, "Projekt", "Projekten")}`,
  timelineEmpty: "Kein Projekt entspricht dieser Auswahl.",
  timelineScrollRegion: "Zeitstrahl als Grafik, seitlich verschiebbar",
  timelineChartTitle: (start: number, end: number) => `Zeitstrahl der Projekte ${start}–${end}`,
  timelineChartDescription: (projects: number, fields: number) =>
    `Balkendiagramm mit ${plural(projects, "Projekt", "Projekten")} in ${plural(fields, "Aktionsfeld", "Aktionsfeldern")}. Die Tabelle „Zeitstrahl als Tabelle“ unter der Grafik enthält dieselben Angaben.`,
  timelineTableCaption: "Zeitstrahl als Tabelle",
  timelineToday: "heute",
  timelineLegend: "Legende",
  legendPhaseOdd: "Phase (erste, dritte …)",
  legendPhaseEven: "Folgephase (schraffiert)",
  legendPermanent: "Daueraufgabe (gepunktet)",
  legendOpenEnd: "läuft weiter (offenes Ende)",
  legendQuarter: "Quartalsgrenze",
  legendToday: "heutiges Datum",
  timelineFilterInvalid: "Diese Auswahl ist nicht möglich.",
  timelineUnknownActionField: (value: string) => `Das Aktionsfeld „${value}“ gibt es in diesem Katalog nicht.`,
  timelineUnknownOrgUnit: (value: string) => `Die Stelle „${value}“ gibt es in diesem Katalog nicht.`,
  timelineUnknownStatus: (value: string) =>
    `Den Status „${value}“ gibt es nicht. Möglich sind: geplant (planned), in Umsetzung (in_progress), laufend/Daueraufgabe (ongoing), abgeschlossen (completed), ruhend (paused).`,

  searchTitle: "Suche",
  searchLabel: "Suchbegriff",
  searchHint: "Durchsucht Projekte und Einzelmaßnahmen, z. B. „Rechnung“ oder „Bürgerbüro“.",
  searchSubmit: "Suchen",
  searchResults: (count: number, query: string) =>
    count === 0 ? `Keine Treffer für „${query}“.` : `${plural(count, "Treffer", "Treffer")} für „${query}“`,
  searchHitProject: "Projekt",
  searchHitMeasure: (code: string, title: string) => `Einzelmaßnahme im Projekt ${code} ${title}`,

  projectStatus: {
    planned: "geplant",
    in_progress: "in Umsetzung",
    ongoing: "laufend/Daueraufgabe",
    completed: "abgeschlossen",
    paused: "ruhend",
  } satisfies Record<ProjectStatus, string>,
  measureStatus: {
    planned: "geplant",
    in_progress: "in Umsetzung",
    done: "erledigt",
    dropped: "entfallen",
  } satisfies Record<MeasureStatus, string>,
  responsibilityRole: {
    lead: "federführend",
    contributing: "beteiligt",
  } satisfies Record<ResponsibilityRole, string>,

  errorTitle: {
    400: "Ungültige Eingabe",
    404: "Seite nicht gefunden",
    500: "Es ist ein Fehler aufgetreten",
    503: "Dienst vorübergehend nicht verfügbar",
  } satisfies Record<ErrorPageStatus, string>,
  errorBackHome: "Zur Startseite",
  errorCode: (code: string) => `Fehlercode: ${code}`,
};

/** The shape every language's dictionary has: the keys of `de`, each text a plain string. */
export type Dictionary = Widen<typeof de>;

type Widen<T> = {
  readonly [K in keyof T]: T[K] extends (...args: infer A) => string
    ? (...args: A) => string
    : T[K] extends string
      ? string
      : Widen<T[K]>;
};

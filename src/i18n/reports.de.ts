/**
 * German texts of status reports, key figures and the OZG register (web/reports/ and the
 * chart components). Part of the dictionary as `t.reports`; reports.en.ts has the same keys.
 */
import { plural } from "../domain/plural.js";
import type { IndicatorKind } from "../domain/indicator/indicator.js";
import type {
  ServiceChannel,
  ServiceKind,
  ServiceProblemCode,
  ServiceStatus,
} from "../domain/service/service.js";
import type {
  MissingUpdateReason,
  ReportStatus,
} from "../domain/report/report-status.js";

/** German texts of reporting. */
export const reportsDe = {
  /** The words of key-figure charts (domain/indicator/indicator-chart.ts). */
  chartWords: {
    asOf: (date: string) => `Stand: ${date}`,
    asOfColumn: "Stand",
    total: "Gesamt",
    share: "Anteil",
    value: "Wert",
    inPercent: (what: string) => `${what} in %`,
    target: (value: string, date: string) => `Ziel: ${value} bis ${date}`,
    breakdown: (date: string, total: string) =>
      `Aufteilung am ${date}: ${total}`,
    noValues: (name: string) =>
      `${name}: Für diesen Zeitraum liegen keine Werte vor.`,
    single: (name: string, date: string, value: string) =>
      `${name} am ${date}: ${value}.`,
    series: (
      name: string,
      count: number,
      from: string,
      to: string,
      first: string,
      last: string,
    ) =>
      `${name}, ${count} Werte vom ${from} bis ${to}: von ${first} auf ${last}.`,
    highest: (value: string, date: string) =>
      `Höchster Wert: ${value} am ${date}.`,
  },
  /** The words of the OZG maturity chart (domain/service/maturity-chart.ts). */
  maturityChartWords: {
    level: (level: number, name: string | null) =>
      name === null ? `Stufe ${level}` : `Stufe ${level} – ${name}`,
    levelNames: [
      "Offline",
      "Information",
      "Formular-Assistent",
      "Online-Leistung",
      "Online-Transaktion",
    ] as readonly string[],
    title: (modelVersion: string) =>
      `Reifegrad der OZG-Leistungen (Reifegradmodell ${modelVersion})`,
    services: "Leistungen",
    levelColumn: "Stufe",
    noneAssessed: (title: string) => `${title}: keine Leistung bewertet.`,
    summary: (title: string, assessed: string, parts: string) =>
      `${title}, ${assessed} bewertete Leistungen. ${parts}.`,
  },
  navReports: "Berichte",
  navFigures: "Kennzahlen",
  navRegister: "OZG-Leistungen",

  reportStatus: {
    "on-track": "im Plan",
    "at-risk": "gefährdet",
    delayed: "verzögert",
    completed: "abgeschlossen",
    "not-started": "nicht begonnen",
    dormant: "ruhend",
  } satisfies Record<ReportStatus, string>,
  statusMissing: "Status fehlt",
  missingReason: {
    "no-entry": "noch kein Eintrag",
    "no-status": "Status fehlt",
    "no-text":
      "Text fehlt (oder „Unverändert seit dem letzten Bericht“ bestätigen)",
  } satisfies Record<MissingUpdateReason, string>,
  indicatorKind: {
    count: "Anzahl",
    ratio: "Anteil (x von y)",
    decimal: "Dezimalwert (mit Nachkommastellen)",
    percent: "Prozentwert (%)",
  } satisfies Record<IndicatorKind, string>,

  notices: {
    mitglied: "Das Mitglied wurde gespeichert.",
    "mitglied-entfernt": "Das Mitglied wurde entfernt.",
    "sitzung-entfernt": "Die Sitzung wurde entfernt.",
    "bericht-angelegt":
      "Der Bericht wurde angelegt. Die Projektverantwortlichen sehen ihn jetzt in der Verwaltung.",
    gremium: "Der Ausschuss wurde gespeichert.",
    sitzung: "Die Sitzung wurde gespeichert.",
    einstellungen: "Die Einstellungen des Berichts wurden gespeichert.",
    eintrag: "Der Eintrag wurde gespeichert.",
    unveraendert:
      "Das Projekt ist als „unverändert seit dem letzten Bericht“ bestätigt.",
    veroeffentlicht:
      "Der Bericht ist veröffentlicht. Er lässt sich nicht mehr ändern und steht im Portal.",
    erinnerungen: "Die Erinnerungen wurden verschickt.",
    "erinnerungen-keine":
      "Alle Projekte sind vollständig; es wurde keine Erinnerung verschickt.",
    "erinnerungen-teilweise":
      "Einige Erinnerungen konnten nicht verschickt werden; die übrigen sind unterwegs.",
    erinnerungsregeln:
      "Die Regeln für automatische Erinnerungen wurden gespeichert.",
    kennzahl: "Die Kennzahl wurde gespeichert.",
    wert: "Der Wert wurde gespeichert.",
    "wert-entfernt": "Der Wert wurde entfernt.",
    leistung: "Die OZG-Leistung wurde gespeichert.",
    import: "Das OZG-Leistungsverzeichnis wurde aus der Datei übernommen.",
  } as Record<string, string>,

  asOfPrefix: "Stand:",
  asOfLabel: "Stand",
  asOfColumn: (date: string) => `Stand ${date}`,
  sinceReport: (date: string) => `seit dem Bericht mit Stand ${date}`,
  figureNoValue: "Für diesen Stand liegt noch kein Wert vor.",
  figureChange: "Veränderung",
  figureChangeFromNothing: "neu, damals noch keine",
  figureDefinition: "Was gezählt wird",
  figureShareOf: "Anteil an",
  figureSource: "Quelle",
  figureOwner: "Verantwortlich",
  figureTable: (count: string) => `Werte als Tabelle (${count})`,

  reportFor: (committee: string, date: string) => `${committee} am ${date}`,
  meetingLabel: "Sitzung",
  previousLabel: "Letzter Bericht",
  previousNone: "keiner",
  previousAuto: "automatisch: der letzte veröffentlichte Bericht",
  previousText: (committee: string, meetingDate: string, asOf: string) =>
    `${committee} am ${meetingDate} (Stand ${asOf})`,
  stateLabel: "Zustand",
  stateDraft: "Entwurf – nicht veröffentlicht",
  stateDraftShort: "Entwurf",
  statePublished: (date: string) => `veröffentlicht am ${date}`,
  /** A backdated report: the publication date set and the day it was really entered. */
  stateBackdated: (date: string, recorded: string) =>
    `veröffentlicht am ${date} (nachgetragen am ${recorded})`,
  /** "Sachstandsbericht Digitalisierung Nr. 2": a report with its number in the municipality. */
  numberedTitle: (title: string, number: number) => `${title} Nr. ${number}`,
  /** The page of a meeting date with more than one published report. */
  dateChoiceTitle: (date: string) =>
    `Sachstandsberichte zur Sitzung am ${date}`,
  dateChoiceLead: (date: string) =>
    `Für die Sitzung am ${date} sind mehrere Sachstandsberichte veröffentlicht. Bitte wählen Sie einen aus.`,
  statePublishedShort: "veröffentlicht",
  councilLinks: "Im Ratsinformationssystem",
  oparlMeeting: "Sitzung",
  oparlAgendaItem: "Tagesordnungspunkt",
  oparlPaper: "Vorlage",
  changesIntro: (date: string) =>
    `Dargestellt werden die Veränderungen seit dem letzten Sachstandsbericht (Stand ${date}); sie sind aus dem Protokoll der Änderungen berechnet.`,
  editionsSince:
    "Seit dem letzten Bericht veröffentlichte Fortschreibungen des Maßnahmenkatalogs:",
  overviewHeading: "Überblick",
  projectCount: (count: number) => plural(count, "Projekt", "Projekte"),
  contents: "Inhalt",
  unchangedNote: "unverändert seit dem letzten Bericht",
  newDate: "Neuer Termin:",
  changesHeading: (date: string) => `Veränderungen seit dem ${date}`,
  changesNone: "Keine Veränderungen im Katalog seit dem letzten Bericht.",
  changesWithoutPrevious:
    "Ohne vorherigen Bericht gibt es nichts zu vergleichen.",
  otherFiguresHeading: "Weitere Kennzahlen",
  outlookHeading: "Ausblick",

  ozgHeading: "Umsetzung Onlinezugangsgesetz (OZG)",
  ozgIntro: (asOf: string) =>
    `Die Zahlen sind aus dem OZG-Leistungsverzeichnis berechnet, wie es am ${asOf} stand.`,
  ozgTableCaption: (asOf: string) => `OZG-Leistungen, Stand ${asOf}`,
  ozgColumnFigure: "Kennzahl",
  ozgDefined: "Für die Kommune definierte OZG-Leistungen",
  ozgDefinedNotResponsible: "davon nicht zuständig (andere Behörde)",
  ozgChannelGroup: (group: string) => `online über: ${group}`,
  /** A published report's page title: its own title and its meeting ("APD 29.11.2022"). */
  reportPageTitle: (title: string, meeting: string) => `${title}: ${meeting}`,
  /** The channel groups of a status report, in the order of REPORT_CHANNEL_GROUPS. */
  ozgReportChannelGroups: [
    "Landes- oder Bundesportal",
    "Eigenentwicklung",
    "regionaler IT-Dienstleister",
  ],
  ozgApplicationsOtherAuthority: "in anderer Zuständigkeit",
  ozgApplicationsBeyondOzg: "eigene Online-Anträge über das OZG hinaus",
  ozgImplemented: "davon umgesetzt (Front-End online)",
  ozgFrontAndBack: "umgesetzt mit Front-End und Back-End",
  ozgFrontOnly: "umgesetzt nur mit Front-End",
  ozgEPayment: "online mit E-Payment-Funktion",
  ozgEId: "online mit eID-Anbindung",
  ozgChannel: (channel: string) => `online über: ${channel}`,
  ozgApplications: "Online-Anträge insgesamt",
  ozgApplicationsOfImplemented: "zu umgesetzten OZG-Leistungen",
  ozgApplicationsOther: "über das OZG hinaus oder in anderer Zuständigkeit",
  ozgNotResponsible: "OZG-Leistungen in anderer Zuständigkeit",
  ozgRulesSummary: "Wie gezählt wird",
  ozgRules: [
    "Gezählt wird das Leistungsverzeichnis, wie es am Stichtag galt.",
    "„Definiert“ sind alle OZG-Leistungen des Verzeichnisses ohne eingestellte; die Leistungen, für die eine andere Behörde zuständig ist, stehen als „davon nicht zuständig“ daneben.",
    "„Umgesetzt“ sind definierte Leistungen in eigener Zuständigkeit mit Online-Antrag (Front-End online); sie teilen sich in „mit Back-End“ und „nur Front-End“.",
    "E-Payment, eID und Zugangswege werden unter den umgesetzten Leistungen gezählt; Landesportal, Bundesportal/EfA und Fachportale zusammen als „Landes- oder Bundesportal“.",
    "Online-Anträge zählen jedes online angebotene Formular: zu umgesetzten Leistungen, zu Leistungen anderer Behörden und weitere Online-Anträge über das OZG hinaus.",
    "Der Reifegrad wird je Version des Reifegradmodells getrennt verteilt; Stufen verschiedener Versionen sind nicht vergleichbar.",
  ],
  maturityTable: "Reifegrad als Tabelle",
  maturityModel: (version: string) => `Reifegradmodell ${version}`,
  /** A level with its model: "Stufe 3 – Online-Leistung (Reifegradmodell 1.1)". */
  maturityWithModel: (level: string, version: string) =>
    `${level} (Reifegradmodell ${version})`,
  /** How a service's online access is provided (the register's "Zugangsweg"). */
  serviceChannels: {
    "own-development": "Eigenentwicklung",
    "state-portal": "Landesportal",
    "federal-efa": "Bundesportal/EfA",
    "regional-it-provider": "regionaler IT-Dienstleister",
    "specialist-portal": "Fachportal",
  } as Readonly<Record<ServiceChannel, string>>,
  /** The warnings of the register's rules, by code (errors never reach a stored record). */
  serviceWarnings: {
    SERVICE_FRONT_END_WITHOUT_APPLICATIONS:
      "Das Front-End ist online, aber es ist kein Online-Antrag gezählt; die Summe der Online-Anträge im Bericht wäre zu niedrig.",
    SERVICE_URL_MISSING:
      "Die Leistung ist online, aber es fehlt die Adresse des Online-Antrags.",
  } as Readonly<Partial<Record<ServiceProblemCode, string>>>,
  /** What a register entry is. */
  serviceKinds: {
    "ozg-service": "OZG-Leistung",
    "online-application": "weiterer Online-Antrag",
  } as Readonly<Record<ServiceKind, string>>,
  /** Where a service stands. */
  serviceStatuses: {
    planned: "geplant",
    "in-progress": "in Umsetzung",
    online: "online",
    discontinued: "eingestellt",
  } as Readonly<Record<ServiceStatus, string>>,

  reportsTitle: "Sachstandsberichte",
  reportsLead:
    "Berichte an den Ausschuss: Stand der Projekte, Veränderungen seit dem letzten Bericht, Kennzahlen und OZG-Zahlen – berechnet, nicht abgetippt.",
  reportsPublicLead:
    "Die veröffentlichten Sachstandsberichte an den Ausschuss, mit allen Kennzahlen samt Definition und Stand.",
  reportsList: "Alle Berichte",
  reportsCaption: (count: number) => plural(count, "Bericht", "Berichte"),
  noReports: "Es gibt noch keinen Bericht.",
  noPublishedReports: "Es ist noch kein Sachstandsbericht veröffentlicht.",
  columnMeeting: "Bericht und Sitzung",
  columnPublic: "Im Portal",
  publicPage: "Öffentliche Seite",
  notPublic: "noch nicht",
  newReport: "Neuer Bericht",
  noMeetingsYet: "Legen Sie zuerst einen Ausschuss und eine Sitzung an:",
  chooseMeeting: "– Sitzung wählen –",
  fieldMeeting: "Sitzung",
  fieldAsOf: "Stand (Stichtag)",
  fieldAsOfHint: "Datum wie 28.11.2022",
  fieldPrevious: "Vorheriger Bericht",
  fieldPreviousHint: "Die Veränderungen werden seit dessen Stand berechnet.",
  fieldTitle: "Titel",
  reportChoice: (meeting: string, asOf: string) => `${meeting} (Stand ${asOf})`,
  createReport: "Bericht anlegen",
  manageCommittees: "Ausschüsse und Sitzungen verwalten",
  openReport: "Zum Bericht",
  yourProjectsFor: (committee: string, date: string) =>
    `Ihre Projekte für den Bericht am ${date} (${committee})`,
  allComplete: (count: number) =>
    `Alle ${plural(count, "Projekt", "Projekte")} sind vollständig.`,
  openCount: (open: number, total: number) =>
    `Bei ${open} von ${plural(total, "Projekt", "Projekten")} fehlt noch etwas.`,
  noOwnProjects: "Ihnen ist in diesem Bericht kein Projekt zugeordnet.",

  committeesTitle: "Ausschüsse und Sitzungen",
  committeesLead:
    "Für welchen Ausschuss und welche Sitzung ein Bericht ist, mit den Adressen im Ratsinformationssystem (OParl).",
  committeesHeading: "Ausschüsse",
  meetingsHeading: "Sitzungen",
  noCommitteesYet: "Legen Sie zuerst einen Ausschuss an.",
  fieldCommitteeName: "Name",
  fieldAbbreviation: "Kürzel",
  fieldAbbreviationHint: "z. B. APD",
  saveCommittee: "Ausschuss speichern",
  newCommittee: "Neuer Ausschuss",
  addCommittee: "Ausschuss anlegen",
  fieldCommittee: "Ausschuss",
  fieldMeetingDay: "Datum der Sitzung",
  fieldMeetingTitle: "Bezeichnung",
  fieldMeetingTitleHint: "z. B. der Tagesordnungspunkt; freiwillig",
  fieldOparlMeeting: "OParl-Adresse der Sitzung",
  fieldOparlHint: "Adressen beginnen mit https://; alle freiwillig",
  fieldOparlAgendaItem: "OParl-Adresse des Tagesordnungspunkts",
  fieldOparlPaper: "OParl-Adresse der Vorlage",
  fieldCommitteeOparl: "OParl-Adresse des Gremiums",
  fieldCommitteeOparlHint:
    "Die Organization im Ratsinformationssystem, beginnt mit https://; freiwillig",
  fieldReportOparlPaper: "OParl-Adresse der Vorlage des Berichts",
  fieldReportOparlPaperHint:
    "Die Vorlage (Paper), unter der der Bericht dem Ausschuss vorgelegt wird; leer: die Vorlage der Sitzung",
  saveMeeting: "Sitzung speichern",
  newMeeting: "Neue Sitzung",
  addMeeting: "Sitzung anlegen",
  backToReports: "Zurück zu den Berichten",

  preview: "Vorschau",
  downloadDeck: "Foliensatz (PowerPoint, PPTX)",
  downloadPdf: "Bericht als PDF",
  downloadsHeading: "Herunterladen",
  draftWarning: "Entwurf: Dieser Bericht ist noch nicht veröffentlicht.",
  publishedImmutable:
    "Dieser Bericht ist veröffentlicht und lässt sich nicht mehr ändern.",
  lastSavedBy: (name: string, date: string) =>
    `zuletzt gespeichert von ${name} am ${date}`,
  noPreviousReport: "Kein vorheriger Bericht",
  lastReportSaid: (date: string) => `Letzter Bericht (Stand ${date})`,
  previousNoEntry: "Das Projekt stand nicht im letzten Bericht.",
  computedChanges: "Seitdem geändert (berechnet)",
  markUnchanged: "Unverändert seit dem letzten Bericht",
  entryLegend: "Stand für den Bericht",
  fieldStatus: "Status",
  fieldText: "Kurztext für den Ausschuss",
  fieldTextHint: "Zwei, drei Sätze: Was ist erreicht, was steht an?",
  fieldHighlights: "Hervorhebungen",
  fieldHighlightsHint:
    "Eine je Zeile, z. B. „133 Mitarbeitende arbeiten im Produktivsystem“",
  fieldNewDate: "Neuer Termin",
  fieldNewDateHint: "Freiwillig, z. B. QI/2023 oder 05/2023",
  notInReport: "nicht im Bericht",
  fieldIncluded: "Im Bericht zeigen",
  saveEntry: "Eintrag speichern",
  settingsHeading: "Einstellungen des Berichts",
  fieldSections: "Abschnitte (Aktionsfelder)",
  fieldSectionsHint: "Welche Aktionsfelder der Bericht zeigt.",
  fieldIncludeOzg: "OZG-Zahlen zeigen",
  fieldIncludeOzgHint:
    "Aus dem OZG-Leistungsverzeichnis am Stichtag berechnet.",
  outlookHint:
    "Die nächsten Berichte und Fortschreibungen; leere Zeilen werden nicht gespeichert.",
  outlookLegend: (position: number) => `Ausblick ${position}`,
  fieldOutlookWhen: "Wann",
  fieldOutlookWhat: "Was",
  saveSettings: "Einstellungen speichern",
  remindersHeading: "Erinnerungen",
  remindersText:
    "Schickt allen Redakteurinnen und Redakteuren, bei deren Projekten noch etwas fehlt, eine E-Mail mit der Liste und dem Link zu diesem Bericht.",
  sendReminders: "Erinnerungen verschicken",
  autoRemindersHeading: "Automatische Erinnerungen",
  autoRemindersText:
    "Fortschritt schreibt vor jeder Sitzung mit einem Berichtsentwurf von selbst allen Redakteurinnen und Redakteuren, bei deren Projekten noch etwas fehlt: am ersten Tag mit der Bitte um Aktualisierung, an den weiteren mit einer Erinnerung. Jede E-Mail geht je Bericht nur einmal hinaus; für veröffentlichte Berichte gibt es keine.",
  autoRemindersOff:
    "Ohne Mailserver (SMTP_URL, MAIL_FROM, PUBLIC_BASE_URL) werden keine E-Mails verschickt; die Regeln gelten, sobald er eingerichtet ist.",
  fieldReminderDays: "Tage vor der Sitzung",
  fieldReminderDaysHint:
    "Ganze Zahlen von 1 bis 365, durch Komma getrennt, z. B. „21, 7“; leer: keine automatischen Erinnerungen.",
  saveReminderRules: "Regeln speichern",
  publishHeading: "Veröffentlichen",
  publishText:
    "Veröffentlicht den Bericht im Portal, mit Foliensatz und PDF. Danach lässt er sich nicht mehr ändern. Jedes gezeigte Projekt braucht einen Status.",
  publishConfirm:
    "Ich habe den Bericht geprüft und möchte ihn veröffentlichen.",
  publishConfirmRequired:
    "Bitte bestätigen Sie, dass Sie den Bericht veröffentlichen möchten.",
  publish: "Bericht veröffentlichen",
  fieldPublishedOn: "Veröffentlicht am (nur für nachgetragene Berichte)",
  fieldPublishedOnHint:
    "Leer lassen: heute. Für einen Bericht aus der Zeit vor Fortschritt das Datum, an dem er veröffentlicht wurde, z. B. 28.11.2022: nicht nach heute und nicht vor dem Stand des Berichts. Die Seite nennt dann auch den Tag des Nachtragens.",
  confirmSecondReport: (
    existing: readonly { readonly title: string; readonly number: number }[],
  ) =>
    `Für diese Sitzung ist schon ${existing.map((report) => `${report.title} Nr. ${report.number}`).join(", ")} veröffentlicht. Ich möchte trotzdem einen zweiten Bericht für dieselbe Sitzung veröffentlichen.`,

  figuresTitle: "Kennzahlen",
  figuresLead:
    "Kennzahlen mit Definition und datierten Werten; die Projektverantwortlichen tragen die Werte ihrer Projekte ein.",
  figuresPublicLead:
    "Jede Zahl mit ihrer Definition, ihrer Quelle und dem Datum, für das sie gilt.",
  allFiguresLink: "Alle Kennzahlen ansehen",
  noFigures: "Es ist noch keine Kennzahl eingetragen.",
  figuresCaption: (count: number) => plural(count, "Kennzahl", "Kennzahlen"),
  columnFigure: "Kennzahl",
  columnLatest: "Letzter Wert",
  fieldProject: "Projekt",
  noProject: "– kein Projekt –",
  newFigure: "Neue Kennzahl",
  fieldFigureKey: "Schlüssel",
  fieldFigureName: "Name",
  fieldUnit: "Einheit",
  fieldUnitHint: "Was gezählt wird, z. B. Mitarbeitende, Abonnenten",
  fieldKind: "Art",
  fieldDenominatorLabel: "Gesamtzahl (nur bei Anteilen)",
  fieldDenominatorLabelHint:
    "Wovon der Anteil ein Teil ist, z. B. „Mitarbeitende insgesamt“",
  fieldChartKind: "Diagramm",
  chartLine: "Linie (Entwicklung über die Zeit)",
  chartBar: "Balken (Vergleich einzelner Stände)",
  addFigure: "Kennzahl anlegen",
  valuesHeading: "Werte",
  noValues: "Es ist noch kein Wert eingetragen.",
  removeValue: "Entfernen",
  removeValueLabel: (date: string) => `Wert vom ${date} entfernen`,
  newValue: "Neuer Wert",
  fieldValueDay: "Stand des Werts",
  fieldValue: (unit: string) => (unit === "" ? "Wert" : `Wert (${unit})`),
  fieldDenominator: "Gesamtzahl",
  fieldNote: "Anmerkung",
  addValue: "Wert eintragen",
  valuesNotYours:
    "Werte tragen die Verantwortlichen des zugehörigen Projekts und die Administration ein.",
  definitionHeading: "Definition",
  saveFigure: "Kennzahl speichern",
  backToFigures: "Zurück zu den Kennzahlen",
  fieldDecimals: "Nachkommastellen",
  fieldDecimalsHint: "Nur bei Dezimal- und Prozentwerten: 0 bis 4",
  fieldTargetValue: "Zielwert (optional)",
  fieldTargetValueHint: "Bei Anteilen in Prozent, z. B. „80“",
  fieldTargetDay: "Zieldatum",
  fieldValueHint:
    "So, wie Sie ihn schreiben: „1.832“, „66,7 %“, „2 von 3“, „mehr als 60“, „rund 110“, „weniger als 5“",
  fieldBreakdown: "Aufteilung (optional)",
  fieldBreakdownHint:
    "Je Zeile Zahl und Bezeichnung, z. B. „23 Führungskräfte“; die Teile müssen zusammen den Wert ergeben.",
  figureBreakdown: "Aufteilung",
  columnCategory: "Kategorie",
  columnShare: "Anteil",
  columnTotal: "Zusammen",

  registerTitle: "OZG-Leistungsverzeichnis",
  registerLead:
    "Die OZG-Leistungen der Kommune mit ihrem Verlauf. Die OZG-Zahlen der Berichte werden daraus zum Stichtag berechnet.",
  showAsOf: "Stand anzeigen",
  registerFigures: (date: string) => `Zahlen zum ${date}`,
  servicesHeading: (count: number) => `Leistungen (${count})`,
  servicesCaption: (date: string) => `OZG-Leistungen, gültig am ${date}`,
  noServices: "Für diesen Stand ist keine Leistung eingetragen.",
  exportCsv: "Als CSV herunterladen",
  exportXlsx: "Als Excel-Datei (XLSX) herunterladen",
  columnService: "Leistung (LeiKa-Schlüssel)",
  columnOnline: "Online",
  notResponsibleShort: "andere Zuständigkeit",
  importHeading: "Aus Datei übernehmen",
  importText:
    "Ersetzt das ganze Verzeichnis durch die Zeilen einer CSV- oder XLSX-Datei mit den Spalten des Exports. Ist eine Zeile fehlerhaft, wird nichts übernommen; die Meldung nennt Zeile und Spalte.",
  fieldFile: "Datei",
  fieldFileHint: "CSV (Semikolon oder Komma) oder XLSX, höchstens 10 MB",
  fileRequired: "Bitte eine Datei wählen.",
  importButton: "Datei übernehmen",
  newService: "Neue OZG-Leistung",
  fieldLeikaKey: "LeiKa-Schlüssel",
  fieldLeikaKeyHint: "14 Ziffern, z. B. 99123456760000",
  fieldValidFrom: "Gültig ab",
  fieldValidFromHint: "Freiwillig; leer: seit Beginn",
  fieldValidUntil: "Gültig bis",
  fieldServiceName: "Name der Leistung",
  fieldTopic: "Themenfeld",
  fieldResponsibleLocally: "Die Kommune ist zuständig",
  fieldResponsibleLocallyHint:
    "Nicht angekreuzt: eine andere Behörde ist zuständig (Kreis, Land …).",
  fieldServiceKind: "Art des Eintrags",
  fieldChannel: "Zugangsweg",
  noChannel: "– noch keiner –",
  fieldApplications: "Online-Anträge",
  fieldOnline: "Online-Angebot",
  fieldFrontEnd: "Front-End online",
  fieldBackEnd: "Back-End angebunden",
  fieldEPayment: "E-Payment",
  fieldEId: "eID",
  fieldMaturityModel: "Reifegradmodell",
  notAssessed: "– nicht bewertet –",
  fieldMaturityLevel: "Reifegrad",
  fieldMaturityLevelHint: "Stufe 0–4 (Modell 1.1) oder 0–7 (Modell 2.0)",
  fieldUrl: "Adresse des Online-Antrags",
  addService: "Leistung eintragen",
  serviceHistory: "Verlauf",
  serviceHistoryCaption: "Einträge dieser Leistung, der älteste zuerst",
  sinceStart: "seit Beginn",
  openEnd: "offen",
  changeService: "Ändern",
  fieldMode: "Art der Änderung",
  modeNewState:
    "Neuer Stand ab einem Datum (der bisherige Eintrag endet am Vortag)",
  modeCorrect: "Fehler im aktuellen Eintrag berichtigen",
  fieldNewStateFrom: "Neuer Stand gilt ab",
  fieldNewStateFromHint: "Datum wie 01.12.2022; nur bei „Neuer Stand“",
  saveService: "Leistung speichern",
  backToRegister: "Zurück zum Leistungsverzeichnis",
  importPreviewTitle: "Import prüfen",
  importPreviewLead: (file: string, asOf: string) =>
    `Was die Datei „${file}“ ab dem Stichtag ${asOf} im OZG-Leistungsverzeichnis ändern würde. Noch ist nichts übernommen.`,
  importFirst:
    "Das Verzeichnis ist leer: Die Datei wird mit ihren eigenen Gültigkeiten (Gültig ab/bis) übernommen.",
  importCountsCaption: "Einträge nach Art der Änderung",
  importKindHeading: "Änderung",
  importCountHeading: "Anzahl",
  importCreated: "neu",
  importChanged: "geändert (bisheriger Eintrag endet am Vortag)",
  importUnchanged: "unverändert",
  importRemoved: "nicht mehr aufgeführt (endet am Vortag)",
  importChangedCaption: "Geänderte Einträge und ihre geänderten Felder",
  importEntryHeading: "Eintrag",
  importFieldsHeading: "Geänderte Felder",
  importCreatedList: (count: number) =>
    plural(count, "neuer Eintrag", "neue Einträge"),
  importRemovedList: (count: number) =>
    count === 1
      ? "1 Eintrag nicht mehr aufgeführt"
      : `${count} Einträge nicht mehr aufgeführt`,
  importWarnings: "Hinweise zur Datei",
  importNoChanges:
    "Die Datei stimmt zum Stichtag mit dem Verzeichnis überein; es gibt nichts zu übernehmen.",
  importConfirmHeading: "Übernehmen",
  importConfirmText:
    "Beim Übernehmen bleibt alles, was vor dem Stichtag galt, unverändert; die Zahlen früherer Berichte ändern sich nicht.",
  importConfirmButton: "Import bestätigen",
  importStale:
    "Das Verzeichnis wurde seit der Vorschau geändert. Bitte prüfen Sie die neue Vorschau und bestätigen Sie erneut; es wurde nichts übernommen.",
  importDone: (
    created: number,
    changed: number,
    unchanged: number,
    removed: number,
  ) =>
    `Import übernommen: ${created} neu, ${changed} geändert, ${unchanged} unverändert, ${removed} nicht mehr aufgeführt.`,
  fieldImportAsOf: "Stichtag (gilt ab)",
  fieldImportAsOfHint:
    "Datum wie 01.03.2023; leer: heute. Was vorher galt, bleibt unverändert.",
  importPreviewButton: "Datei prüfen",
  importTextAsOf:
    "Übernimmt die Zeilen einer CSV- oder XLSX-Datei mit den Spalten des Exports ab einem Stichtag: Geänderte Einträge enden am Vortag und gelten neu ab dem Stichtag, nicht mehr aufgeführte enden am Vortag. Vor dem Übernehmen zeigt eine Vorschau, was sich ändert. Ist eine Zeile fehlerhaft, wird nichts übernommen; die Meldung nennt Zeile, Spalte und Regel.",
};

/**
 * The German texts of the user interface (primary language). `en.ts` must provide the
 * same keys: its type is derived from this object, so a missing or extra key fails tsc.
 */
import { plural } from "../domain/plural.js";
import { reportSectionsDe } from "./report-sections.de.js";
import type {
  MeasureStatus,
  ProjectStatus,
  ResponsibilityRole,
} from "../domain/catalogue/catalogue.js";
import { reportsDe } from "./reports.de.js";
import { onboardingDe } from "./onboarding.de.js";
import { openDataDe } from "./open-data.de.js";
import { subscriptionsDe } from "./subscriptions.de.js";
import { accessibilityDe } from "./accessibility.de.js";
import { participationDe } from "./participation.de.js";
import { sheetsDe } from "./sheets.de.js";
import { operationsDe } from "./operations.de.js";
import { bodiesDe } from "./bodies.de.js";
import { documentsDe } from "./documents.de.js";

/** The statuses an error page has its own heading for; others fall back to 400 or 500. */
export type ErrorPageStatus = 400 | 401 | 403 | 404 | 429 | 500 | 503;

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
  footerAbout:
    "Veröffentlicht mit Fortschritt, freier Software für kommunale Digitalisierungsprogramme.",
  footerApi: "Offene Daten (JSON-API)",
  footerApiDocs: "API-Beschreibung (OpenAPI)",
  /** Starts the document title of error pages and of forms with errors. */
  errorTitlePrefix: "Fehler: ",
  /** Follows the page title in the document title of staff pages. */
  staffTitle: "Verwaltung",

  municipalitiesTitle: "Digitalisierungsprogramme",
  municipalitiesIntro:
    "Diese Kommunen veröffentlichen hier ihr Digitalisierungsprogramm.",
  municipalitiesEmpty: "Es ist noch keine Kommune eingetragen.",
  municipalitiesSearchLabel: "Kommune suchen",
  municipalitiesSearchHint: "Name oder Teil des Namens, z. B. „Kleve“",
  municipalitiesSearchSubmit: "Suchen",
  municipalitiesFound: (count: number, query: string) =>
    `${plural(count, "Kommune", "Kommunen")} zu „${query}“`,
  municipalitiesNoneFound: (query: string) =>
    `Keine Kommune zu „${query}“ gefunden.`,
  municipalitiesPage: (page: number, pages: number) =>
    `Seite ${page} von ${pages}`,
  municipalitiesPagination: "Seiten der Kommunenliste",
  municipalitiesPrevious: "Vorherige Seite",
  municipalitiesNext: "Nächste Seite",

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
  actionFieldLabel: (number: number, name: string) =>
    `Aktionsfeld ${number}: ${name}`,
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
  projectScheduleChart: "Zeitplan als Grafik",
  projectScheduleRegion: "Zeitplan als Grafik, seitlich verschiebbar",
  projectScheduleChartDescription: (phases: number) =>
    `${plural(phases, "Phase", "Phasen")}; die Liste darüber nennt jede mit ihrem Zeitraum.`,
  projectMeasures: "Einzelmaßnahmen",
  measurePeriod: "Zeitraum",
  measureOrgUnit: "Zuständig",
  measurePhase: "Phase",
  projectMeasuresEmpty:
    "Für dieses Projekt sind keine Einzelmaßnahmen eingetragen.",
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
  timelineFilterAutoHint:
    "Eine Auswahl ändert die Ansicht erst, wenn Sie „Auswahl anzeigen“ wählen.",
  timelineResult: (projects: number, total: number) =>
    projects === total
      ? `${plural(projects, "Projekt", "Projekte")}`
      : `${projects} von ${plural(total, "Projekt", "Projekten")}`,
  timelineEmpty: "Kein Projekt entspricht dieser Auswahl.",
  timelineScrollRegion: "Zeitstrahl als Grafik, seitlich verschiebbar",
  timelineChartTitle: (start: number, end: number) =>
    `Zeitstrahl der Projekte ${start}–${end}`,
  timelineChartDescription: (projects: number, fields: number) =>
    `Balkendiagramm mit ${plural(projects, "Projekt", "Projekten")} in ${plural(fields, "Aktionsfeld", "Aktionsfeldern")}. Die Tabelle „Zeitstrahl als Tabelle“ unter der Grafik enthält dieselben Angaben.`,
  timelineTableCaption: "Zeitstrahl als Tabelle",
  timelineToday: "heute",
  timelineLegend: "Legende",
  legendPhaseOdd: "Phase (erste, dritte …)",
  legendPhaseEven: "Folgephase (schraffiert)",
  legendPermanent: "Daueraufgabe (gepunktet)",
  legendOpenEnd: "läuft weiter (offenes Ende)",
  legendUndecided: "Ende noch offen (gestrichelt, Fragezeichen)",
  legendLanes: "Phasen, die sich überschneiden (untereinander)",
  legendQuarter: "Quartalsgrenze",
  legendToday: "heutiges Datum",
  timelineFilterInvalid: "Diese Auswahl ist nicht möglich.",
  timelineUnknownActionField: (value: string) =>
    `Das Aktionsfeld „${value}“ gibt es in diesem Katalog nicht.`,
  timelineUnknownOrgUnit: (value: string) =>
    `Die Stelle „${value}“ gibt es in diesem Katalog nicht.`,
  timelineUnknownStatus: (value: string) =>
    `Den Status „${value}“ gibt es nicht. Möglich sind: geplant (planned), in Umsetzung (in_progress), laufend/Daueraufgabe (ongoing), abgeschlossen (completed), ruhend (paused).`,

  searchTitle: "Suche",
  searchLabel: "Suchbegriff",
  searchHint:
    "Durchsucht Projekte und Einzelmaßnahmen, z. B. „Rechnung“ oder „Bürgerbüro“.",
  searchSubmit: "Suchen",
  searchResults: (count: number, query: string) =>
    count === 0
      ? `Keine Treffer für „${query}“.`
      : `${plural(count, "Treffer", "Treffer")} für „${query}“`,
  searchHitProject: "Projekt",
  searchHitMeasure: (code: string, title: string) =>
    `Einzelmaßnahme im Projekt ${code} ${title}`,

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
    401: "Anmeldung erforderlich",
    403: "Kein Zugriff",
    404: "Seite nicht gefunden",
    429: "Zu viele Versuche",
    500: "Es ist ein Fehler aufgetreten",
    503: "Dienst vorübergehend nicht verfügbar",
  } satisfies Record<ErrorPageStatus, string>,
  errorBackHome: "Zur Startseite",
  errorCode: (code: string) => `Fehlercode: ${code}`,
  errorSignIn: "Zur Anmeldung",
  /** Sign-in, account and user management (web/identity/). */
  identity: {
    accountBar: "Ihr Konto",
    sessionEndsAt: (time: string) =>
      `Ohne Aktivität endet Ihre Sitzung um ${time} Uhr.`,
    sessionEndsSoon:
      "Ihre Sitzung endet in weniger als zwei Minuten. Verlängern Sie sie, damit nichts verloren geht.",
    sessionExtend: "Sitzung verlängern",
    keptFormTitle: "Ihre Eingaben sind aufbewahrt",
    keptFormLead:
      "Ihre Sitzung war abgelaufen, als Sie das Formular gesendet haben. Nichts davon ist verloren; prüfen Sie die Eingaben und senden Sie sie jetzt.",
    keptFormNone: "Es sind keine Eingaben aufbewahrt.",
    keptFormSend: "Eingaben jetzt senden",
    signedInAs: "Angemeldet als",
    accountLink: "Mein Konto",
    usersLink: "Benutzerverwaltung",
    municipalitiesLabel: "Kommune wechseln:",
    operationsLink: "Betrieb",
    signOut: "Abmelden",
    problemTitle: "Es gibt ein Problem",
    requiredHint: "Alle Felder sind Pflichtfelder.",

    signInTitle: "Anmelden",
    signInIntro:
      "Melden Sie sich mit der E-Mail-Adresse und dem Passwort Ihres Kontos an. Konten richtet die Administration Ihrer Kommune ein.",
    email: "E-Mail-Adresse",
    emailMissing: "Bitte geben Sie Ihre E-Mail-Adresse ein.",
    password: "Passwort",
    signInSubmit: "Anmelden",
    signInRefused:
      "E-Mail-Adresse oder Passwort ist falsch, oder das Konto ist nach mehreren Fehlversuchen vorübergehend gesperrt. Bitte prüfen Sie Ihre Eingabe oder versuchen Sie es in 15 Minuten erneut.",
    signInTooMany:
      "Von Ihrem Anschluss kamen zu viele fehlgeschlagene Anmeldeversuche. Bitte warten Sie 15 Minuten und versuchen Sie es dann erneut.",
    signInWithSso: "Mit Single Sign-on anmelden",
    forgotPasswordLink: "Passwort vergessen?",
    signedOut: "Sie haben sich abgemeldet.",
    sessionEnded:
      "Ihre Anmeldung ist abgelaufen. Bitte melden Sie sich erneut an.",
    passwordWasReset:
      "Ihr neues Passwort ist gespeichert. Bitte melden Sie sich damit an.",
    signInRequired: "Bitte melden Sie sich an, um diese Seite zu sehen.",
    signInLink: "Zur Anmeldung",

    secondFactorTitle: "Bestätigungscode eingeben",
    secondFactorIntro:
      "Ihr Konto ist mit einem zweiten Faktor geschützt. Öffnen Sie Ihre Authenticator-App und geben Sie den sechsstelligen Code ein, den sie für Fortschritt anzeigt.",
    code: "Code",
    codeHint:
      "Sechs Ziffern aus der App – oder einer Ihrer Wiederherstellungscodes, falls Sie keinen Zugriff auf die App haben.",
    codeSubmit: "Bestätigen",
    codeRefused:
      "Der Code stimmt nicht oder wurde schon benutzt. Bitte geben Sie den Code ein, den Ihre App gerade anzeigt.",
    codeLocked:
      "Zu viele falsche Codes. Das Konto ist vorübergehend gesperrt, nach weiteren Fehlversuchen jeweils länger. Bitte melden Sie sich später erneut an.",
    cancelSignIn: "Anmeldung abbrechen",
    recoveryCodeUsed: (left: number) =>
      left === 0
        ? "Sie haben Ihren letzten Wiederherstellungscode benutzt. Bitte erzeugen Sie unter „Mein Konto“ neue Codes."
        : `Sie haben einen Wiederherstellungscode benutzt. Es bleiben ${left}.`,

    enrolTitle: "Zweiten Faktor einrichten",
    enrolIntro:
      "Administration und Redaktion schützen ihr Konto zusätzlich zum Passwort mit einem Code aus einer Authenticator-App (zum Beispiel FreeOTP, Aegis, Google oder Microsoft Authenticator).",
    enrolReplaceIntro:
      "Richten Sie hier ein neues Gerät ein. Der bisherige zweite Faktor gilt, bis Sie den neuen mit einem Code bestätigt haben.",
    enrolStepApp:
      "1. Installieren Sie eine Authenticator-App auf Ihrem Telefon oder Computer.",
    enrolStepScan: "2. Scannen Sie diesen QR-Code mit der App.",
    enrolQrAlt: (account: string) =>
      `QR-Code zum Einrichten des zweiten Faktors für ${account}. Wer ihn nicht scannen kann, gibt den Schlüssel darunter von Hand ein.`,
    enrolManual: "Oder geben Sie den Schlüssel von Hand ein:",
    enrolIssuer: "Dienst",
    enrolAccount: "Konto",
    enrolSecret: "Schlüssel",
    enrolType: "Art",
    enrolTypeValue: "zeitbasiert (TOTP), 6 Ziffern, alle 30 Sekunden",
    enrolStepCode: "3. Geben Sie den Code ein, den die App jetzt anzeigt.",
    enrolSubmit: "Zweiten Faktor aktivieren",

    recoveryTitle: "Ihre Wiederherstellungscodes",
    recoveryIntro:
      "Mit diesen Codes melden Sie sich an, falls Sie keinen Zugriff auf Ihre App haben. Jeder Code gilt nur einmal.",
    recoveryWarning:
      "Die Codes werden nur jetzt angezeigt. Drucken Sie sie aus oder speichern Sie sie in Ihrem Passwortmanager, bevor Sie weitergehen.",
    recoveryListLabel: "Wiederherstellungscodes",
    recoveryContinue: "Weiter",
    secondFactorActivated: "Der zweite Faktor ist eingerichtet.",

    forgotTitle: "Passwort vergessen",
    forgotIntro:
      "Geben Sie die E-Mail-Adresse Ihres Kontos ein. Wir schicken Ihnen einen Link, mit dem Sie ein neues Passwort setzen können.",
    forgotSubmit: "Link anfordern",
    forgotSent:
      "Wenn zu dieser Adresse ein Konto besteht, haben wir eine E-Mail mit einem Link geschickt. Er gilt 60 Minuten und nur einmal. Bitte sehen Sie auch im Spam-Ordner nach.",
    forgotUnavailable:
      "Der Versand von E-Mails ist hier nicht eingerichtet. Bitte wenden Sie sich an die Administration Ihrer Kommune; sie kann Ihnen einen neuen Link geben.",
    resetTitle: "Neues Passwort setzen",
    resetIntro:
      "Wählen Sie ein neues Passwort. Danach werden alle bestehenden Anmeldungen Ihres Kontos beendet.",
    newPassword: "Neues Passwort",
    passwordHint:
      "Mindestens 8 und höchstens 128 Zeichen. Am sichersten ist ein Satz aus mehreren Wörtern. Häufige Passwörter werden abgelehnt.",
    resetSubmit: "Passwort speichern",
    resetInvalid:
      "Dieser Link ist ungültig, abgelaufen oder wurde schon benutzt.",
    resetRequestAgain: "Neuen Link anfordern",

    accountTitle: "Mein Konto",
    accountDetails: "Angaben",
    name: "Name",
    role: "Rolle",
    orgUnits: "Organisationseinheiten",
    none: "keine",
    roleName: {
      admin: "Administration",
      editor: "Redaktion",
      committee: "Ausschuss",
    },
    roleHint: {
      admin:
        "Darf alles in der Kommune: Katalog, Organisationseinheiten, Benutzerkonten.",
      editor:
        "Darf die Projekte bearbeiten, an denen eine ihrer Organisationseinheiten federführend oder beteiligt ist.",
      committee: "Darf alles lesen, auch Entwürfe, aber nichts ändern.",
    },
    secondFactor: "Zweiter Faktor",
    secondFactorOn: (left: number) =>
      `eingerichtet; ${left} Wiederherstellungscodes übrig`,
    secondFactorOff: "nicht eingerichtet",
    secondFactorSetUp: "Zweiten Faktor einrichten",
    secondFactorReplace: "Neues Gerät einrichten",
    recoveryRegenerate: "Neue Wiederherstellungscodes erzeugen",
    recoveryRegenerateHint: "Die bisherigen Codes werden dabei ungültig.",
    changePasswordTitle: "Passwort ändern",
    currentPassword: "Bisheriges Passwort",
    changePasswordSubmit: "Passwort ändern",
    passwordChanged:
      "Ihr Passwort wurde geändert. Anmeldungen auf anderen Geräten wurden beendet.",
    tokensTitle: "API-Tokens",
    tokensIntro:
      "Mit einem persönlichen Token greifen Programme über die Schnittstelle mit Ihren Rechten auf Fortschritt zu (Kopfzeile „Authorization: Bearer …“).",
    tokenName: "Bezeichnung",
    tokenNameHint: "Wofür das Token ist, z. B. „Abgleich Fachverfahren“.",
    tokenCreate: "Token erzeugen",
    tokenCreated: "Das Token wurde erzeugt",
    tokenCreatedHint:
      "Kopieren Sie es jetzt: Es wird nur dieses eine Mal angezeigt.",
    tokenNone: "Sie haben noch kein Token.",
    tokenCreatedAt: "Erzeugt",
    tokenLastUsed: "Zuletzt benutzt",
    tokenStatus: "Status",
    tokenActive: "gültig",
    tokenRevoked: "widerrufen",
    tokenNever: "nie",
    tokenRevoke: "Widerrufen",
    tokenRevokeLabel: (name: string) => `Token „${name}“ widerrufen`,
    tokenRevokedNotice: "Das Token wurde widerrufen.",
    tokensCaption: "Ihre API-Tokens",
    actions: "Aktionen",

    usersTitle: "Benutzerkonten",
    usersIntro:
      "Wer Fortschritt in dieser Kommune bearbeiten oder intern lesen darf.",
    usersCaption: "Alle Benutzerkonten",
    usersNew: "Neues Konto anlegen",
    usersStatus: "Status",
    userActive: "aktiv",
    userInactive: "deaktiviert",
    userNoPassword: "Einladung offen",
    userEdit: "Bearbeiten",
    userEditLabel: (name: string) => `${name} bearbeiten`,
    userNewTitle: "Neues Konto",
    userNewIntro:
      "Die Person bekommt eine Einladung per E-Mail und setzt darüber ihr Passwort. Administration und Redaktion richten bei der ersten Anmeldung einen zweiten Faktor ein.",
    userEditTitle: (name: string) => `Konto von ${name}`,
    orgUnitsHint:
      "Redaktion bearbeitet die Projekte dieser Einheiten. Für Administration und Ausschuss ohne Wirkung.",
    userCreate: "Konto anlegen",
    userSave: "Änderungen speichern",
    userCreated: "Das Konto wurde angelegt.",
    userSaved: "Die Änderungen wurden gespeichert.",
    userInvitationMailed: (email: string) =>
      `Eine Einladung wurde an ${email} geschickt.`,
    userInvitationLink:
      "Der E-Mail-Versand ist nicht eingerichtet oder gescheitert. Geben Sie der Person diesen Link sicher weiter (gültig drei Tage, nur einmal):",
    userInvite: "Einladung erneut schicken",
    userDeactivate: "Konto deaktivieren",
    userDeactivateHint:
      "Die Person wird sofort abgemeldet; ihre API-Tokens gelten nicht mehr. Das Konto bleibt im Verlauf erhalten.",
    userReactivate: "Konto wieder aktivieren",
    userDeactivated:
      "Das Konto wurde deaktiviert und alle Anmeldungen beendet.",
    userReactivated: "Das Konto ist wieder aktiv.",
    userConflict:
      "Jemand anderes hat dieses Konto inzwischen geändert. Unten sehen Sie den aktuellen Stand; Ihre Änderung wurde nicht gespeichert.",
    backToUsers: "Zurück zur Übersicht",
    administration: "Verwaltung",
  },
  editor: {
    administration: "Verwaltung",
    navHome: "Übersicht",
    navProgramme: "Programm",
    navStructure: "Aktionsfelder",
    navOrgUnits: "Einheiten",
    navUsers: "Benutzer",
    navAuditLog: "Protokoll",
    navPortal: "Zum Portal",
    errorSummaryTitle: "Es gibt ein Problem",
    /** Follows the page title in the document title of staff pages. */
    staffTitle: "Verwaltung",
    reasonSummary: "Grund der Änderung (optional)",
    reasonLabel: "Grund der Änderung",
    reasonHint: "Erscheint im Verlauf, z. B. „Verzögerung durch OZG-Aufwand“.",
    save: "Speichern",
    notices: {
      grunddaten: "Die Grunddaten wurden gespeichert.",
      phase: "Die Phase wurde gespeichert.",
      "phase-neu": "Die Phase wurde hinzugefügt.",
      "phase-geloescht": "Die Phase wurde gelöscht.",
      massnahme: "Die Einzelmaßnahme wurde gespeichert.",
      "massnahme-neu": "Die Einzelmaßnahme wurde hinzugefügt.",
      "massnahme-verschoben":
        "Die Reihenfolge der Einzelmaßnahmen wurde gespeichert.",
      "massnahme-geloescht": "Die Einzelmaßnahme wurde gelöscht.",
      zustaendigkeiten: "Die Zuständigkeiten wurden gespeichert.",
      abhaengigkeit: "Die Abhängigkeit wurde hinzugefügt.",
      "abhaengigkeit-entfernt": "Die Abhängigkeit wurde entfernt.",
      programm: "Das Programm wurde gespeichert.",
      prioritaeten: "Die Prioritäten wurden gespeichert.",
      ebenen: "Die Ebenen wurden gespeichert.",
      wirkungsbereich: "Der Wirkungsbereich wurde gespeichert.",
      aktionsfeld: "Das Aktionsfeld wurde gespeichert.",
      einheit: "Die Organisationseinheit wurde gespeichert.",
      projekt: "Das Projekt wurde angelegt.",
      "projekt-geloescht": "Das Projekt wurde gelöscht.",
    } as Record<string, string>,

    dashboardTitle: "Verwaltung",
    dashboardIntroEditor: (units: string) =>
      `Sie bearbeiten die Projekte, für die ${units} zuständig ist.`,
    dashboardIntroAdmin:
      "Als Administration bearbeiten Sie alle Projekte, das Programm, die Wirkungsbereiche, Aktionsfelder und Organisationseinheiten.",
    yourProjects: "Ihre Projekte",
    allProjects: "Alle Projekte",
    noProjects:
      "Ihren Organisationseinheiten ist kein Projekt zugeordnet. Wenden Sie sich an die Administration.",
    projectsCaption: (count: number) =>
      `${plural(count, "Projekt", "Projekte")}, die Sie bearbeiten dürfen`,
    columnCode: "Nr.",
    columnProject: "Projekt",
    columnActionField: "Aktionsfeld",
    columnStatus: "Status",
    columnHistory: "Verlauf",
    historyLinkLabel: (title: string) => `Verlauf von ${title}`,
    historyLink: "Verlauf",
    newProject: "Neues Projekt anlegen",
    furtherAreas: "Weitere Bereiche",

    projectEditTitle: (label: string) => `${label} bearbeiten`,
    viewPublic: "Öffentliche Seite ansehen",
    viewHistory: "Verlauf ansehen",
    versionNote: (version: number) => `Bearbeitungsstand: Version ${version}`,
    sectionFields: "Grunddaten",
    fieldTitle: "Titel",
    fieldSummary: "Worum es geht",
    fieldStatus: "Status",
    fieldTags: "Schlagwörter",
    fieldTagsHint:
      "Durch Komma getrennt, z. B. Smart Working, Smart Governance",
    saveFields: "Grunddaten speichern",

    sectionPhases: "Zeitplan",
    phaseLegend: (position: number, label: string) =>
      `Phase ${position}: ${label}`,
    newPhaseLegend: "Neue Phase",
    fieldPhaseLabel: "Bezeichnung",
    fieldPhaseLabelHint: "z. B. Konzipierung, Umsetzung, Betreuung",
    fieldStart: "Beginn",
    fieldEnd: "Ende",
    pointHint:
      "So genau, wie es feststeht: 2023, QII/2024, 05/2024 oder 17.05.2024",
    fieldOpenEnd: "offenes Ende (kein Enddatum)",
    fieldContinuation: "Wie geht es nach der Phase weiter?",
    continuationNone: "endet mit der Phase",
    continuationOngoing: "danach laufend",
    continuationPermanent: "Daueraufgabe",
    continuationUndecided: "Ende noch offen (nicht entschieden)",
    fieldNote: "Anmerkung",
    precisionName: {
      year: "Jahr",
      quarter: "Quartal",
      month: "Monat",
      day: "Tag",
    } as Record<string, string>,
    precisionHint: (start: string, end: string | null) =>
      end === null
        ? `Gespeichert mit der Genauigkeit: Beginn ${start}.`
        : `Gespeichert mit der Genauigkeit: Beginn ${start}, Ende ${end}.`,
    savePhase: "Phase speichern",
    deletePhase: "Phase löschen",
    confirmDeletePhase: (label: string) => `Phase „${label}“ löschen?`,
    confirmDeleteMeasure: (label: string) => `Maßnahme „${label}“ löschen?`,
    confirmDeleteDependency: (label: string) =>
      `Abhängigkeit von „${label}“ entfernen?`,
    confirmDeleteProject: "Projekt:",
    confirmDeleteText:
      "Das lässt sich nicht rückgängig machen; die Änderung steht danach im Verlauf des Projekts.",
    confirmDeleteButton: "Ja, endgültig löschen",
    confirmDeleteCancel: "Abbrechen und zurück zum Projekt",
    addPhase: "Phase hinzufügen",
    noPhases: "Es ist noch keine Phase eingetragen.",
    pointRequired: (field: string) =>
      `Bitte geben Sie ${field} ein, z. B. 2023, QII/2024, 05/2024 oder 17.05.2024.`,
    pointInvalid: (field: string, text: string) =>
      `${field}: „${text}“ ist kein Zeitpunkt, den Fortschritt versteht. Möglich sind z. B. 2023, QII/2024, 05/2024 oder 17.05.2024.`,
    theStart: "den Beginn",
    theEnd: "das Ende",
    openEndWithEnd: "Bei offenem Ende bleibt das Feld „Ende“ leer.",
    endMissing: "Bitte geben Sie das Ende ein oder wählen Sie „offenes Ende“.",
    openEndWithoutContinuation:
      "Bei offenem Ende wählen Sie bitte, wie es weitergeht: danach laufend oder Daueraufgabe.",

    sectionMeasures: "Einzelmaßnahmen",
    measureLegend: (position: number) => `Einzelmaßnahme ${position}`,
    newMeasureLegend: "Neue Einzelmaßnahme",
    fieldMeasurePhase: "Phase (optional)",
    fieldMeasureDescription: "Kurzbeschreibung (optional)",
    fieldMeasureStart: "Beginn (optional)",
    fieldMeasureEnd: "Ende (optional)",
    fieldMeasurePeriodHint:
      "Jahr, Quartal, Monat oder Tag, z. B. „2025“ für ein Haushaltsjahr oder „QII/2025“",
    fieldMeasureOrgUnit: "Zuständige Organisationseinheit (optional)",
    noChoice: "– keine Angabe –",
    fieldMeasureTitle: "Bezeichnung",
    saveMeasure: "Speichern",
    moveUp: "Nach oben",
    moveDown: "Nach unten",
    deleteMeasure: "Löschen",
    addMeasure: "Einzelmaßnahme hinzufügen",
    noMeasures: "Es ist noch keine Einzelmaßnahme eingetragen.",
    statusAutoHint:
      "Ein anderer Status wird erst gespeichert, wenn Sie „Speichern“ wählen.",

    sectionResponsibilities: "Zuständigkeiten",
    responsibilitiesHint:
      "Die Redaktion der eingetragenen Einheiten darf das Projekt bearbeiten. Leere Zeilen werden nicht gespeichert.",
    responsibilityLegend: (position: number) => `Zuständigkeit ${position}`,
    newResponsibilityLegend: "Weitere Zuständigkeit",
    fieldOrgUnit: "Organisationseinheit",
    noOrgUnit: "– keine –",
    fieldRole: "Rolle",
    fieldResponsibilityNote: "Anmerkung",
    removeResponsibility: "diese Zuständigkeit entfernen",
    saveResponsibilities: "Zuständigkeiten speichern",

    sectionDependencies: "Abhängigkeiten",
    dependsOnHeading: "Hängt ab von",
    prerequisiteForHeading: "Voraussetzung für",
    noDependencies: "keine",
    removeDependency: "Entfernen",
    removeDependencyLegend: (label: string) => `Abhängigkeit von ${label}`,
    addDependencyLegend: "Abhängigkeit hinzufügen",
    fieldDependsOn: "Dieses Projekt hängt ab von",
    chooseProject: "– Projekt wählen –",
    addDependency: "Abhängigkeit hinzufügen",
    dependencyRequired: "Bitte wählen Sie ein Projekt.",

    sectionDelete: "Projekt löschen",
    deleteHint:
      "Das Projekt verschwindet mit allen Phasen, Einzelmaßnahmen und Zuständigkeiten aus Katalog und Portal. Im Protokoll bleibt festgehalten, was gelöscht wurde.",
    deleteConfirm: (label: string) =>
      `Ich möchte „${label}“ endgültig löschen.`,
    deleteConfirmRequired:
      "Bitte bestätigen Sie, dass Sie das Projekt löschen möchten.",
    deleteProject: "Projekt löschen",

    conflictTitle: "Jemand anderes hat inzwischen gespeichert",
    conflictText:
      "Ihre Änderung wurde nicht gespeichert, es wurde nichts überschrieben. Ihre Eingaben stehen weiter im Formular. Prüfen Sie die Unterschiede; wenn Sie danach erneut speichern, ersetzen Ihre Eingaben den neuen Stand.",
    conflictDeleted:
      "Der Eintrag, den Sie bearbeiten wollten, wurde inzwischen gelöscht.",
    conflictChanges: "Was sich geändert hat, seit Sie die Seite geöffnet haben",
    conflictTableCaption:
      "Unterschiede zwischen dem gespeicherten Stand und Ihrer Eingabe",
    conflictField: "Feld",
    conflictTheirs: "Jetzt gespeichert",
    conflictYours: "Ihre Eingabe",
    conflictSame:
      "Die Felder dieses Formulars sind gleich geblieben; geändert wurde etwas anderes.",
    conflictGoToForm: "Zum Formular",

    historyTitle: (label: string) => `Verlauf: ${label}`,
    historyIntro:
      "Alle Änderungen an diesem Projekt, die neueste zuerst. Einträge lassen sich weder ändern noch löschen.",
    backToProject: "Zurück zum Projekt",
    auditLogTitle: "Protokoll",
    auditLogIntro:
      "Alle Änderungen und Sicherheitsereignisse dieser Kommune, die neuesten zuerst. Einträge lassen sich weder ändern noch löschen.",
    auditEmpty: "Es gibt keine Einträge, die der Auswahl entsprechen.",
    auditActorCommandLine: "Kommandozeile (Betrieb)",
    auditActorPublic: "Öffentlichkeit",
    auditWhoWhen: (actor: string, when: string) => `${when} · ${actor}`,
    auditReason: "Grund",
    auditChangeCaption: "Änderung im Einzelnen",
    auditFieldHeading: "Feld",
    auditBefore: "vorher",
    auditAfter: "nachher",
    auditFilterLegend: "Einträge auswählen",
    auditFrom: "von",
    auditUntil: "bis",
    auditDateHint: "Datum als TT.MM.JJJJ oder JJJJ-MM-TT",
    auditPerson: "Person",
    auditEntityType: "Bereich",
    auditAction: "Aktion",
    auditAll: "alle",
    auditFilterSubmit: "Auswahl anzeigen",
    auditFilterReset: "Auswahl zurücksetzen",
    auditOlder: "Ältere Einträge",
    auditNewer: "Neuere Einträge",
    auditProjectLink: "Projekt bearbeiten",
    auditDateInvalid: "Bitte geben Sie ein Datum wie 28.11.2022 ein.",
    auditActions: {
      "project.create": "Projekt angelegt",
      "project.update": "Grunddaten geändert",
      "project.tags": "Schlagwörter geändert",
      "project.delete": "Projekt gelöscht",
      "phase.create": "Phase hinzugefügt",
      "phase.update": "Phase geändert",
      "phase.delete": "Phase gelöscht",
      "measure.create": "Einzelmaßnahme hinzugefügt",
      "measure.update": "Einzelmaßnahme geändert",
      "measure.status": "Status einer Einzelmaßnahme geändert",
      "measure.reorder": "Reihenfolge der Einzelmaßnahmen geändert",
      "measure.delete": "Einzelmaßnahme gelöscht",
      "responsibility.set": "Zuständigkeiten geändert",
      "dependency.create": "Abhängigkeit hinzugefügt",
      "dependency.delete": "Abhängigkeit entfernt",
      "programme.update": "Programm geändert",
      "programme.levels":
        "Ebenen und Arten von Organisationseinheiten geändert",
      "programme.priorities": "Prioritäten geändert",
      "impact_area.create": "Wirkungsbereich angelegt",
      "impact_area.update": "Wirkungsbereich geändert",
      "action_field.create": "Aktionsfeld angelegt",
      "action_field.update": "Aktionsfeld geändert",
      "org_unit.create": "Organisationseinheit angelegt",
      "org_unit.update": "Organisationseinheit geändert",
      "committee.create": "Ausschuss angelegt",
      "committee.update": "Ausschuss geändert",
      "meeting.create": "Sitzung angelegt",
      "meeting.update": "Sitzung geändert",
      "report.create": "Sachstandsbericht angelegt",
      "report.update": "Einstellungen eines Sachstandsberichts geändert",
      "report.publish": "Sachstandsbericht veröffentlicht",
      "report.section.create": "Abschnitt eines Sachstandsberichts angelegt",
      "report.section.update": "Abschnitt eines Sachstandsberichts geändert",
      "report.section.move": "Abschnitt eines Sachstandsberichts verschoben",
      "report.section.delete": "Abschnitt eines Sachstandsberichts entfernt",
      "report.remind": "Erinnerungen zum Sachstandsbericht verschickt",
      "report_entry.create": "Eintrag im Sachstandsbericht angelegt",
      "report_entry.update": "Eintrag im Sachstandsbericht geändert",
      "indicator.create": "Kennzahl angelegt",
      "indicator.update": "Kennzahl geändert",
      "observation.create": "Wert einer Kennzahl eingetragen",
      "observation.delete": "Wert einer Kennzahl entfernt",
      "service.create": "OZG-Leistung eingetragen",
      "service.update": "OZG-Leistung berichtigt",
      "service.new-state": "Neuer Stand einer OZG-Leistung",
      "service.import": "OZG-Leistungsverzeichnis aus Datei übernommen",
      "catalogue.sheet-import": "Katalog aus Tabelle übernommen",
      "catalogue.sheet-row-created": "Zeile aus Tabelle angelegt",
      "catalogue.sheet-row-changed": "Zeile aus Tabelle geändert",
      "catalogue.sheet-row-removed": "Zeile aus Tabelle entfernt",
      "oparl.sync": "OParl-Objekte abgeglichen",
      "access.denied": "Zugriff verweigert",
      "edition.publish": "Fortschreibung veröffentlicht",
      "edition.reason": "Grund einer Verschiebung angegeben",
      "edition.foreword": "Vorwort der nächsten Fortschreibung geändert",
      "reason_category.create": "Kategorie für Gründe angelegt",
      "reason_category.update": "Kategorie für Gründe geändert",
      "reason_category.delete": "Kategorie für Gründe entfernt",
      "body_member.create": "Mitglied eines Gremiums eingetragen",
      "body_member.update": "Mitglied eines Gremiums geändert",
      "body_member.delete": "Mitglied eines Gremiums entfernt",
      "meeting.delete": "Sitzung entfernt",
    } as Record<string, string>,
    auditEntityTypes: {
      project: "Projekt",
      phase: "Phase",
      measure: "Einzelmaßnahme",
      dependency: "Abhängigkeit",
      programme: "Programm",
      impact_area: "Wirkungsbereich",
      action_field: "Aktionsfeld",
      org_unit: "Organisationseinheit",
      user: "Benutzerkonto",
      session: "Anmeldung",
      route: "Seite",
      municipality: "Kommune",
      audit: "Protokoll",
      committee: "Ausschuss",
      meeting: "Sitzung",
      status_report: "Sachstandsbericht",
      report_entry: "Eintrag im Sachstandsbericht",
      indicator: "Kennzahl",
      service: "OZG-Leistung",
      edition: "Fortschreibung",
      edition_reason: "Grund einer Verschiebung",
      edition_draft: "Entwurf",
      reason_category: "Kategorie für Gründe",
      body_member: "Mitglied eines Gremiums",
    } as Record<string, string>,
    auditFields: {
      title: "Titel",
      summary: "Worum es geht",
      status: "Status",
      tags: "Schlagwörter",
      label: "Bezeichnung",
      start: "Beginn",
      end: "Ende",
      continuation: "Fortsetzung",
      note: "Anmerkung",
      responsibilities: "Zuständigkeiten",
      dependsOn: "Hängt ab von",
      measures: "Einzelmaßnahmen",
      phases: "Phasen",
      name: "Name",
      colour: "Farbe",
      number: "Nummer",
      description: "Beschreibung",
      kind: "Art",
      parent: "Übergeordnete Einheit",
      subtitle: "Untertitel",
      horizonStart: "Zeithorizont von",
      horizonEnd: "Zeithorizont bis",
      goals: "Leitbild und Ziele",
      priorities: "Prioritäten",
      year: "Jahr",
      code: "Nummer",
      slug: "Kurzname",
      key: "Schlüssel",
      actionField: "Aktionsfeld",
      impactArea: "Wirkungsbereich",
      attempted: "Versuchte Aktion",
      route: "Seite",
    } as Record<string, string>,
    emptyValue: "–",

    programmeTitle: "Programm",
    programmeFieldsLegend: "Titel und Zeithorizont",
    fieldProgrammeTitle: "Titel",
    fieldSubtitle: "Untertitel",
    fieldHorizonStart: "Zeithorizont von (Jahr)",
    fieldHorizonEnd: "Zeithorizont bis (Jahr)",
    fieldProgrammeSummary: "Einleitung",
    goalsLegend: "Leitbild und Ziele",
    goalsHint: "Leere Zeilen werden nicht gespeichert.",
    goalLegend: (position: number) => `Ziel ${position}`,
    fieldGoalTitle: "Ziel",
    fieldGoalDescription: "Erläuterung",
    saveProgramme: "Programm speichern",
    prioritiesTitle: (year: number) => `Prioritäten ${year}`,
    prioritiesYearLegend: "Jahr wählen",
    fieldYear: "Jahr",
    showYear: "Prioritäten dieses Jahres bearbeiten",
    priorityLegend: (position: number) => `Priorität ${position}`,
    fieldPriorityTitle: "Priorität",
    fieldPriorityProjects: "Betroffene Projekte",
    fieldPriorityProjectsHint: "Mehrfachauswahl mit Strg- bzw. Cmd-Taste",
    savePriorities: "Prioritäten speichern",

    structureTitle: "Wirkungsbereiche und Aktionsfelder",
    levelsTitle: "Ebenen des Programms",
    levelsHint:
      "So heißen die Ebenen überall: im Portal, in Zeitstrahlen, Filtern, Dokumenten und Folien. Ohne oberste Ebene ist das Programm flach: Themen → Vorhaben → Schritte.",
    levelTop: "oberste Ebene",
    levelSecond: "zweite Ebene",
    levelThird: "dritte Ebene",
    levelFourth: "vierte Ebene",
    fieldLevelSingular: (level: string) => `${level}: Einzahl`,
    fieldLevelPlural: (level: string) => `${level}: Mehrzahl`,
    fieldFlat: "Ohne oberste Ebene (flaches Programm)",
    fieldFlatHint:
      "Geht nur, wenn dabei nichts verloren geht: höchstens ein Eintrag der obersten Ebene, ohne Beschreibung.",
    fieldOrgUnitKinds: "Arten von Organisationseinheiten",
    fieldOrgUnitKindsHint:
      "Eine Art je Zeile, z. B. Dezernat, Fachbereich, Amt, Stabsstelle, Eigenbetrieb, externer Partner.",
    saveLevels: "Ebenen speichern",
    impactAreaLegend: (name: string) => `Wirkungsbereich: ${name}`,
    newImpactAreaLegend: "Neuer Wirkungsbereich",
    fieldKey: "Schlüssel",
    fieldKeyHint:
      "Kleinbuchstaben, Ziffern und Bindestriche; erscheint in Adressen und lässt sich später nicht ändern.",
    fieldName: "Name",
    fieldDescription: "Beschreibung",
    saveImpactArea: "Wirkungsbereich speichern",
    addImpactArea: "Wirkungsbereich anlegen",
    actionFieldLegend: (number: number, name: string) =>
      `Aktionsfeld ${number}: ${name}`,
    newActionFieldLegend: "Neues Aktionsfeld",
    fieldNumber: "Nummer",
    fieldNumberHint: "Erste Stelle der Projektnummern, z. B. 2",
    fieldColour: "Farbe",
    fieldColourHint:
      "Weiße Schrift muss darauf mindestens 4,5 : 1 Kontrast erreichen (WCAG 2.1 AA).",
    contrastOf: (ratio: string) => `Kontrast zu weißer Schrift: ${ratio}`,
    fieldImpactArea: "Wirkungsbereich",
    saveActionField: "Aktionsfeld speichern",
    addActionField: "Aktionsfeld anlegen",

    orgUnitsTitle: "Organisationseinheiten",
    orgUnitLegend: (code: string, name: string) => `${code}: ${name}`,
    newOrgUnitLegend: "Neue Organisationseinheit",
    fieldCode: "Kürzel",
    fieldCodeHint: "z. B. 10.1; lässt sich später nicht ändern.",
    fieldKind: "Art",
    fieldParent: "Übergeordnete Einheit",
    noParent: "– keine –",
    orgUnitKind: {
      department: "Fachbereich",
      division: "Abteilung",
      external: "externer Partner",
      other: "sonstige",
    } as Record<string, string>,
    saveOrgUnit: "Einheit speichern",
    addOrgUnit: "Einheit anlegen",

    newProjectTitle: "Neues Projekt",
    fieldActionField: "Aktionsfeld",
    fieldSlug: "Kurzname",
    fieldSlugHint:
      "Kleinbuchstaben, Ziffern und Bindestriche, z. B. e-rechnungsworkflow; erscheint in der Adresse.",
    fieldCodeProject: "Nummer",
    fieldCodeProjectHint: "z. B. 2.6; eindeutig im Wirkungsbereich",
    fieldLeadUnit: "Federführende Organisationseinheit",
    createProject: "Projekt anlegen",
  },
  /** Editions (Fortschreibungen), the draft, the change report and the old-versus-new timeline (web/edition/). */
  /** Status reports, key figures and the OZG register (web/reports/). */
  reports: reportsDe,
  /** The first steps of a new municipality and its release (web/editor/onboarding-panel.tsx). */
  onboarding: onboardingDe,
  /** Open data downloads and their data dictionaries (web/open-data/). */
  openData: openDataDe,
  /** Following by e-mail: the page, the confirmation and unsubscribe pages, the mails. */
  subscriptions: subscriptionsDe,
  /** The accessibility statement and its form (web/accessibility/). */
  accessibility: accessibilityDe,
  participation: participationDe,
  /** The catalogue as a spreadsheet (web/catalogue-sheets/). */
  sheets: sheetsDe,
  /** The operators' pages (web/operations/, /betrieb/). */
  operations: operationsDe,
  /** Bodies (Gremien): kinds, members, agenda items and minutes. */
  bodies: bodiesDe,
  /** Stored documents of published editions and reports and their build state. */
  documents: documentsDe,
  /** Free sections of status reports: page, print view and editor. */
  reportSections: reportSectionsDe,
  edition: {
    navEditions: "Fortschreibungen",
    draftBannerTitle: "Entwurf – nicht veröffentlicht",
    draftBannerText:
      "Sie sehen den Arbeitsstand. Nur Verwaltung und Ausschuss können ihn lesen; öffentlich ist die zuletzt veröffentlichte Fortschreibung.",
    draftBannerNoEdition:
      "Sie sehen den Arbeitsstand. Solange keine Fortschreibung veröffentlicht ist, zeigt das Portal diesen Stand.",
    draftChangesLink: "Veränderungen im Entwurf",
    draftOverviewLink: "Entwurf ansehen",
    draftTimelineLink: "Zeitstrahl des Entwurfs",
    publishedPortalLink: "Veröffentlichte Fassung ansehen",
    olderEditionTitle: (title: string) => `Ältere Fassung: ${title}`,
    olderEditionText: (title: string, date: string, latest: string) =>
      `Sie sehen die ${title} vom ${date}. Aktuell ist die ${latest}.`,
    currentEditionTitle: (title: string) => `${title}`,
    currentEditionText: (date: string) =>
      `Veröffentlicht am ${date}. Dies ist die aktuelle Fassung.`,
    toCurrentEdition: "Zur aktuellen Fassung",
    publishedAs: (title: string, date: string) => `Stand: ${title} vom ${date}`,
    allEditions: "Alle Fortschreibungen",
    changesSince: (title: string) => `Veränderungen gegenüber der ${title}`,
    documentsTitle: "Dokumente",
    downloadDocx: "Katalog als Word-Dokument (DOCX)",
    downloadPdf: "Katalog als PDF (barrierefrei, mit Lesezeichen)",
    downloadPptx: "Folien für den Ausschuss (PowerPoint, PPTX)",
    printView: "Druckansicht",
    reconstruction: "Rekonstruktion",
    councilReference: "Beschluss",
    publishedOn: "Datum",
    note: "Hinweis",
    foreword: "Vorwort",

    listTitle: "Fortschreibungen",
    listIntro:
      "Einmal im Jahr wird der Maßnahmenkatalog fortgeschrieben. Jede Fortschreibung bleibt unverändert abrufbar, mit den Veränderungen gegenüber der vorigen und ihren Gründen.",
    listCaption: "Alle Fortschreibungen, die älteste zuerst",
    columnTitle: "Fortschreibung",
    columnDate: "Datum",
    columnCouncil: "Beschluss",
    columnChanges: "Veränderungen",
    columnDocuments: "Dokumente",
    noEditions: "Es ist noch keine Fortschreibung veröffentlicht.",
    noPrevious: "erste Fassung",

    changesTitle: (newer: string, older: string) =>
      `Veränderungen: ${newer} gegenüber der ${older}`,
    draftChangesTitle: (older: string) =>
      `Entwurf: Veränderungen gegenüber der ${older}`,
    draftFirstTitle: "Entwurf der 1. Fortschreibung",
    draftFirstIntro:
      "Es ist noch keine Fortschreibung veröffentlicht. Mit der Veröffentlichung entsteht die 1. Fortschreibung; Gründe für Verschiebungen braucht sie nicht, weil es nichts gibt, wogegen verschoben wurde.",
    sinceLegend: "Vergleich wählen",
    sinceLabel: "Gegenüber der",
    sinceSubmit: "Vergleich anzeigen",
    summaryTitle: "Übersicht",
    summaryCounts: (changes: number, shifts: number) =>
      `${plural(changes, "Veränderung", "Veränderungen")}, davon ${plural(shifts, "Verschiebung", "Verschiebungen")}`,
    shiftsByReasonTitle: "Verschiebungen nach Grund",
    shiftsWithoutReason: (count: number) =>
      `${plural(count, "Verschiebung", "Verschiebungen")} ohne Grund`,
    perFieldCaption: "Veränderungen je Aktionsfeld",
    columnActionField: "Aktionsfeld",
    columnChangeCount: "Veränderungen",
    columnShiftCount: "davon Verschiebungen",
    columnProjectCount: "betroffene Projekte",
    removedField: "(entfallen)",
    programmeChanges: "Programm und Prioritäten",
    noChanges: "Keine Veränderungen.",
    noFieldChanges: "In diesem Aktionsfeld hat sich nichts verändert.",
    reason: "Grund",
    reasonMissing: "Grund fehlt",
    reasonOfEdition: (title: string) => `(${title})`,
    reasonDraft: "(Entwurf)",
    reasonCategoryRemoved: (key: string) =>
      `Kategorie „${key}“ gibt es nicht mehr`,

    comparisonLabel: "Vergleichen mit",
    comparisonHint:
      "Zeigt den alten Zeitraum umrandet und den neuen ausgefüllt.",
    comparisonNone: "keiner früheren Fassung",
    comparisonOption: (title: string, date: string) => `der ${title} (${date})`,
    comparisonHeading: (title: string) => `Verglichen mit der ${title}`,
    comparisonIntro: (older: string, newer: string) =>
      `Umrandet: der Zeitraum in der ${older}; ausgefüllt: der Zeitraum in der ${newer}. Ein Pfeil markiert, wohin sich Beginn oder Ende verschoben haben. Die Tabellen unter der Grafik enthalten dieselben Angaben mit den Gründen.`,
    comparisonCounts: (shifted: number, added: number, removed: number) =>
      `${plural(shifted, "Projekt", "Projekte")} verschoben, ${added} neu, ${removed} gestrichen`,
    comparisonChartTitle: (older: string, newer: string) =>
      `Zeitstrahl: ${newer} verglichen mit der ${older}`,
    comparisonChartDescription: (projects: number, shifted: number) =>
      `Balkendiagramm mit ${plural(projects, "Projekt", "Projekten")}, davon ${shifted} verschoben; alte Zeiträume umrandet, neue ausgefüllt. Die Tabellen darunter enthalten dieselben Angaben.`,
    comparisonTableCaption: (field: string) =>
      `${field}: alter und neuer Zeitraum`,
    comparisonScrollRegion:
      "Vergleich der Zeitstrahlen als Grafik, seitlich verschiebbar",
    legendOld: (title: string) => `Zeitraum in der ${title} (umrandet)`,
    legendNew: (title: string) => `Zeitraum in der ${title} (ausgefüllt)`,
    legendShift: "Verschiebung von Beginn oder Ende (Pfeil)",
    legendCurrentDraft: "im Entwurf",
    columnOld: (title: string) => `Zeitraum ${title}`,
    columnNew: (title: string) => `Zeitraum ${title}`,
    columnChange: "Veränderung",
    columnReason: "Grund",
    rowAdded: "neu aufgenommen",
    rowRemoved: "gestrichen",
    rowKept: "unverändert",
    rowNone: "–",
    draftLabel: "Entwurf",
    draftTitle: "Entwurf",
    comparisonUnknown: (value: string) =>
      `Mit „${value}“ lässt sich nicht vergleichen: Es gibt keine ältere Fortschreibung mit dieser Nummer.`,

    reasonsIntro:
      "Jede Verschiebung braucht vor der Veröffentlichung einen Grund: eine Kategorie und bei Bedarf eine Erläuterung.",
    reasonLegend: (change: string) => `Grund für: ${change}`,
    reasonCategory: "Kategorie",
    reasonChoose: "– Kategorie wählen –",
    reasonText: "Erläuterung",
    reasonTextHint:
      "z. B. „Verzögerung aufgrund OZG-Aufwand“; bei „Sonstiges“ erforderlich",
    reasonSave: "Grund speichern",
    missingCount: (count: number) =>
      `Für ${plural(count, "Verschiebung", "Verschiebungen")} fehlt noch ein Grund.`,
    allReasonsGiven: "Für jede Verschiebung ist ein Grund angegeben.",
    conflictsTitle: "Abhängigkeiten",
    conflictsIntro:
      "Diese Projekte beginnen, bevor ein Projekt fertig ist, das sie voraussetzen. Betroffen sind auch die Projekte, die auf ihnen aufbauen.",
    conflictsNone:
      "Kein Projekt beginnt, bevor ein Projekt fertig ist, das es voraussetzt.",
    conflictNew: "neu in diesem Entwurf",
    conflictKnown: "schon in der letzten Fortschreibung",
    conflictAffected: "Betroffen",
    forewordTitle: "Vorwort der nächsten Fortschreibung",
    forewordHint:
      "Erscheint im Katalog (DOCX, PDF) vor der Übersicht. Absätze durch eine Leerzeile trennen.",
    forewordSave: "Vorwort speichern",
    publishTitle: (title: string) => `${title} veröffentlichen`,
    publishIntro:
      "Die Veröffentlichung friert den ganzen Entwurf als Fortschreibung ein. Sie lässt sich danach nicht mehr ändern; das Portal zeigt ab dann diese Fassung.",
    fieldTitle: "Titel",
    fieldDate: "Datum",
    fieldDateHint: "z. B. der Tag des Ratsbeschlusses, als TT.MM.JJJJ",
    fieldCouncilReference: "Beschluss (optional)",
    fieldCouncilReferenceHint:
      "z. B. „Rat der Stadt Kleve, Sitzung vom 15.03.2023, Vorlage 12/2023“",
    fieldCouncilUrl: "Adresse des Beschlusses (optional)",
    fieldOparlPaper: "OParl-Adresse der Vorlage (optional)",
    fieldOparlPaperHint:
      "Die Vorlage (Paper) des Beschlusses im Ratsinformationssystem, beginnt mit https://; das Portal zeigt nach dem Abgleich Aktenzeichen und Titel.",
    oparlPaper: "Vorlage",
    fieldCouncilUrlHint:
      "Ein Link ins Ratsinformationssystem, beginnend mit https://",
    publishSubmit: "Fortschreibung veröffentlichen",
    publishBlockedTitle:
      "Die Fortschreibung kann noch nicht veröffentlicht werden",
    publishMissingLink: (change: string) => `Grund fehlt: ${change}`,
    publishTextRequiredLink: (change: string) => `Erläuterung fehlt: ${change}`,
    publishUnknownCategoryLink: (change: string) =>
      `Kategorie gibt es nicht mehr: ${change}`,
    publishDateInvalid: "Bitte geben Sie ein Datum wie 15.03.2023 ein.",
    confirmTitle: "Trotz Abhängigkeitskonflikten veröffentlichen?",
    confirmText:
      "Im Entwurf beginnen Projekte, bevor Projekte fertig sind, die sie voraussetzen. Die Fortschreibung lässt sich trotzdem veröffentlichen; die Konflikte bleiben dann sichtbar.",
    confirmSubmit: "Trotzdem veröffentlichen",
    confirmCancel: "Zurück zum Entwurf",
    staleTitle: "Der Entwurf hat sich geändert",
    notices: {
      grund: "Der Grund wurde gespeichert.",
      vorwort: "Das Vorwort wurde gespeichert.",
      kategorie: "Die Kategorie wurde gespeichert.",
      "kategorie-neu": "Die Kategorie wurde angelegt.",
      "kategorie-entfernt": "Die Kategorie wurde entfernt.",
    } as Record<string, string>,
    publishedNotice: (title: string) => `Die ${title} ist veröffentlicht.`,

    categoriesTitle: "Gründe für Verschiebungen",
    categoriesIntro:
      "Die Kategorien, aus denen bei jeder Verschiebung ein Grund gewählt wird. Veröffentlichte Fortschreibungen behalten die Bezeichnung, die sie bei der Veröffentlichung hatte.",
    categoryLegend: (label: string) => `Kategorie: ${label}`,
    newCategoryLegend: "Neue Kategorie",
    fieldKey: "Schlüssel",
    fieldKeyHint:
      "Kleinbuchstaben, Ziffern und Bindestriche; lässt sich später nicht ändern.",
    fieldLabel: "Bezeichnung",
    fieldRequiresText: "Erläuterung ist erforderlich",
    categorySave: "Kategorie speichern",
    categoryRemove: "Kategorie entfernen",
    categoryAdd: "Kategorie anlegen",
    navCategories: "Gründe",
    navRevision: "Fortschreibung",

    printTitle: (title: string, programme: string) => `${programme} – ${title}`,
    structureTitle: "Wirkungsbereiche und Aktionsfelder",
    timelinePicture: "Zeitstrahl zur Umsetzung",
    detailTitle: "Detailbetrachtung: Digitalisierungsprojekte",
    fieldHeading: (area: string, number: number, name: string) =>
      `${area}; Aktionsfeld ${number}: ${name}`,
    periodLabel: (label: string) => `Zeitraum ${label}`,
    measuresLabel: "Einzelmaßnahmen",
    responsibilityLabel: "Zuständigkeit",
    changesSectionTitle: "Veränderungen gegenüber der letzten Fortschreibung",
    changesSectionNone:
      "Dies ist die erste Fortschreibung; es gibt keine frühere Fassung zum Vergleich.",
    prioritiesTitle: (year: number) => `Prioritäten in ${year}`,
    timelineAlt: (title: string, projects: number) =>
      `Zeitstrahl der ${plural(projects, "Projekt", "Projekte")} der ${title}, gruppiert nach Aktionsfeld; die Zeiträume stehen bei jedem Projekt im Text.`,
    comparisonAlt: (
      field: string,
      older: string,
      newer: string,
      shifted: number,
    ) =>
      `Zeitstrahl ${field}: ${newer} verglichen mit der ${older}; ${plural(shifted, "Projekt", "Projekte")} verschoben. Die Verschiebungen mit Gründen stehen auf der Folie davor.`,
  },
  form: {
    required: "darf nicht leer sein",
    tooLong: (max: number) => `darf höchstens ${max} Zeichen lang sein`,
    tooShort: (min: number) => `muss mindestens ${min} Zeichen lang sein`,
    notWholeNumber: "muss eine ganze Zahl sein",
    notANumber: "muss eine Zahl sein, z. B. „80“ oder „66,7“",
    targetWithoutValue: "Zum Zieldatum fehlt der Zielwert.",
    atLeast: (min: number) => `muss mindestens ${min} sein`,
    atMost: (max: number) => `darf höchstens ${max} sein`,
    notAChoice: "ist keiner der angebotenen Werte",
    malformed: "hat nicht die erwartete Form",
    incomplete:
      "Das Formular ist unvollständig. Bitte laden Sie die Seite neu und versuchen Sie es noch einmal.",
    moveDirectionRequired: "Bitte wählen Sie „Nach oben“ oder „Nach unten“.",
    reasonCategoryRequired: "Bitte wählen Sie eine Kategorie.",
    dayInvalid: "Bitte ein Datum wie 28.11.2022 eingeben.",
    meetingRequired: "Bitte eine Sitzung wählen.",
    sectionRequired: "Bitte mindestens ein Aktionsfeld wählen.",
    outlookWhenRequired: "Bitte angeben, wann (z. B. APD – QI/2023).",
    outlookWhatRequired: "Bitte angeben, was ansteht.",
    pointUnknown: (typed: string) =>
      `„${typed}“ ist kein Zeitpunkt, den Fortschritt versteht. Möglich sind z. B. 2023, QI/2023, 05/2023 oder 17.05.2023.`,
    fileUnreadable: "Die Datei lässt sich nicht lesen.",
    characterLimit: (max: number) => `Höchstens ${max} Zeichen.`,
    /** Templates for the counter script: {n} remaining or over, {max} the limit. */
    charactersRemaining: "Noch {n} von {max} Zeichen.",
    charactersOver: "{n} Zeichen zu viel (höchstens {max}).",
  },
};

/** The shape every language's dictionary has: the keys of `de`, each text a plain string. */
export type Dictionary = Widen<typeof de>;

/** A dictionary's shape with its texts widened to strings: what another language must give. */
export type Widen<T> = {
  readonly [K in keyof T]: T[K] extends (...args: infer A) => string
    ? (...args: A) => string
    : T[K] extends string
      ? string
      : Widen<T[K]>;
};

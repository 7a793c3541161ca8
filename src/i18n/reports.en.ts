/**
 * English texts of status reports, key figures and the OZG register, with exactly the
 * keys of reports.de.ts (the dictionary's type checks it). The reports themselves, their
 * figures and the OZG register stay German content.
 */
import type { Dictionary } from "./de.js";

function plural(count: number, singular: string, pluralForm: string): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}

/** English texts of reporting. */
export const reportsEn: Dictionary["reports"] = {
  chartWords: {
    asOf: (date) => `As of: ${date}`,
    asOfColumn: "As of",
    total: "Total",
    share: "Share",
    value: "Value",
    inPercent: (what) => `${what} in %`,
    target: (value, date) => `Target: ${value} by ${date}`,
    breakdown: (date, total) => `Breakdown on ${date}: ${total}`,
    noValues: (name) => `${name}: there are no values for this period.`,
    single: (name, date, value) => `${name} on ${date}: ${value}.`,
    series: (name, count, from, to, first, last) =>
      `${name}, ${count} values from ${from} to ${to}: from ${first} to ${last}.`,
    highest: (value, date) => `Highest value: ${value} on ${date}.`,
  },
  maturityChartWords: {
    level: (level, name) =>
      name === null ? `Level ${level}` : `Level ${level} – ${name}`,
    levelNames: [
      "Offline",
      "Information",
      "Form assistant",
      "Online service",
      "Online transaction",
    ],
    title: (modelVersion) =>
      `Maturity of the OZG services (maturity model ${modelVersion})`,
    services: "Services",
    levelColumn: "Level",
    noneAssessed: (title) => `${title}: no service assessed.`,
    summary: (title, assessed, parts) =>
      `${title}, ${assessed} services assessed. ${parts}.`,
  },
  navReports: "Reports",
  navFigures: "Key figures",
  navRegister: "OZG services",

  reportStatus: {
    "on-track": "on track",
    "at-risk": "at risk",
    delayed: "delayed",
    completed: "completed",
    "not-started": "not started",
    dormant: "dormant",
  },
  statusMissing: "status missing",
  missingReason: {
    "no-entry": "no entry yet",
    "no-status": "status missing",
    "no-text": "text missing (or confirm “Unchanged since the last report”)",
  },
  indicatorKind: {
    count: "count",
    ratio: "share (x of y)",
    decimal: "decimal value",
    percent: "percentage (%)",
  },

  notices: {
    mitglied: "The member has been saved.",
    "mitglied-entfernt": "The member has been removed.",
    "sitzung-entfernt": "The meeting has been removed.",
    "bericht-angelegt":
      "The report has been created. Project owners now see it in the editor.",
    gremium: "The committee has been saved.",
    sitzung: "The meeting has been saved.",
    einstellungen: "The report's settings have been saved.",
    eintrag: "The entry has been saved.",
    unveraendert:
      "The project is confirmed as “unchanged since the last report”.",
    veroeffentlicht:
      "The report is published. It can no longer be changed and is on the portal.",
    erinnerungen: "The reminders have been sent.",
    "erinnerungen-keine": "All projects are complete; no reminder was sent.",
    erinnerungsregeln: "The rules for automatic reminders have been saved.",
    "erinnerungen-teilweise":
      "Some reminders could not be sent; the others are on their way.",
    kennzahl: "The key figure has been saved.",
    wert: "The value has been saved.",
    "wert-entfernt": "The value has been removed.",
    leistung: "The OZG service has been saved.",
    import: "The OZG service register has been taken over from the file.",
  },

  asOfPrefix: "As of:",
  asOfLabel: "As of",
  asOfColumn: (date: string) => `As of ${date}`,
  sinceReport: (date: string) => `since the report as of ${date}`,
  figureNoValue: "There is no value for this date yet.",
  figureChange: "Change",
  figureChangeFromNothing: "new, none then",
  figureDefinition: "What is counted",
  figureShareOf: "share of",
  figureSource: "Source",
  figureOwner: "Owner",
  figureTable: (count: string) => `Values as a table (${count})`,

  reportFor: (committee: string, date: string) => `${committee} on ${date}`,
  meetingLabel: "Meeting",
  previousLabel: "Previous report",
  previousNone: "none",
  previousAuto: "automatic: the latest published report",
  previousText: (committee: string, meetingDate: string, asOf: string) =>
    `${committee} on ${meetingDate} (as of ${asOf})`,
  stateLabel: "State",
  stateDraft: "Draft – not published",
  stateDraftShort: "draft",
  statePublished: (date: string) => `published on ${date}`,
  stateBackdated: (date: string, recorded: string) =>
    `published on ${date} (entered later, on ${recorded})`,
  numberedTitle: (title: string, number: number) => `${title} no. ${number}`,
  dateChoiceTitle: (date: string) =>
    `Status reports for the meeting on ${date}`,
  dateChoiceLead: (date: string) =>
    `More than one status report has been published for the meeting on ${date}. Please choose one.`,
  statePublishedShort: "published",
  councilLinks: "In the council information system",
  oparlMeeting: "Meeting",
  oparlAgendaItem: "Agenda item",
  oparlPaper: "Paper",
  changesIntro: (date: string) =>
    `Shown are the changes since the previous status report (as of ${date}); they are computed from the log of changes.`,
  editionsSince:
    "Editions of the catalogue published since the previous report:",
  overviewHeading: "Overview",
  projectCount: (count: number) => plural(count, "project", "projects"),
  contents: "Contents",
  unchangedNote: "unchanged since the last report",
  newDate: "New date:",
  changesHeading: (date: string) => `Changes since ${date}`,
  changesNone: "No changes in the catalogue since the last report.",
  changesWithoutPrevious:
    "Without a previous report there is nothing to compare with.",
  otherFiguresHeading: "Further key figures",
  outlookHeading: "Outlook",

  ozgHeading: "Online Access Act (OZG) implementation",
  ozgIntro: (asOf: string) =>
    `The figures are computed from the OZG service register as it stood on ${asOf}.`,
  ozgTableCaption: (asOf: string) => `OZG services, as of ${asOf}`,
  ozgColumnFigure: "Figure",
  ozgDefined: "OZG services defined for the municipality",
  ozgDefinedNotResponsible: "of which another authority is responsible",
  ozgChannelGroup: (group: string) => `online via: ${group}`,
  // The report's own title is German, and a page title cannot mark a part as German.
  reportPageTitle: (_title: string, meeting: string) =>
    `Status report: ${meeting}`,
  /** The channel groups of a status report, in the order of REPORT_CHANNEL_GROUPS. */
  ozgReportChannelGroups: [
    "state or federal portal",
    "own development",
    "regional IT provider",
  ],
  ozgApplicationsOtherAuthority: "of other authorities",
  ozgApplicationsBeyondOzg: "own online applications beyond the OZG",
  ozgImplemented: "of which implemented (front end online)",
  ozgFrontAndBack: "implemented with front end and back end",
  ozgFrontOnly: "implemented with front end only",
  ozgEPayment: "online with e-payment",
  ozgEId: "online with eID",
  ozgChannel: (channel: string) => `online via: ${channel}`,
  ozgApplications: "Online applications in total",
  ozgApplicationsOfImplemented: "for implemented OZG services",
  ozgApplicationsOther: "beyond the OZG or of other authorities",
  ozgNotResponsible: "OZG services of other authorities",
  ozgRulesSummary: "How it is counted",
  ozgRules: [
    "The register is counted as it stood on the as-of date.",
    "“Defined” are all OZG services of the register without discontinued ones; those another authority is responsible for are named separately.",
    "“Implemented” are defined services of the municipality with an online application (front end online); they split into “with back end” and “front end only”.",
    "E-payment, eID and channels are counted among implemented services; state portal, federal portal/EfA and specialist portals together as “state or federal portal”.",
    "Online applications count every form offered online: of implemented services, of other authorities and further forms beyond the OZG.",
    "Maturity is distributed separately per version of the maturity model; levels of different versions are not comparable.",
  ],
  maturityTable: "Maturity as a table",
  maturityModel: (version: string) => `Maturity model ${version}`,
  maturityWithModel: (level, version) => `${level} (maturity model ${version})`,
  serviceChannels: {
    "own-development": "Own development",
    "state-portal": "State portal",
    "federal-efa": "Federal portal/EfA",
    "regional-it-provider": "Regional IT provider",
    "specialist-portal": "Specialist portal",
  },
  serviceWarnings: {
    SERVICE_FRONT_END_WITHOUT_APPLICATIONS:
      "The front end is online, but no online application is counted; the report's total of online applications would be too low.",
    SERVICE_URL_MISSING:
      "The service is online, but the address of its online application is missing.",
  },
  serviceKinds: {
    "ozg-service": "OZG service",
    "online-application": "Further online application",
  },
  serviceStatuses: {
    planned: "planned",
    "in-progress": "in progress",
    online: "online",
    discontinued: "discontinued",
  },

  reportsTitle: "Status reports",
  reportsLead:
    "Reports to the committee: the state of the projects, changes since the last report, key figures and OZG figures – computed, not typed.",
  reportsPublicLead:
    "The published status reports to the committee, with every key figure, its definition and its as-of date.",
  reportsList: "All reports",
  reportsCaption: (count: number) => plural(count, "report", "reports"),
  noReports: "There is no report yet.",
  noPublishedReports: "No status report has been published yet.",
  columnMeeting: "Report and meeting",
  columnPublic: "On the portal",
  publicPage: "Public page",
  notPublic: "not yet",
  newReport: "New report",
  noMeetingsYet: "First create a committee and a meeting:",
  chooseMeeting: "– choose a meeting –",
  fieldMeeting: "Meeting",
  fieldAsOf: "As-of date",
  fieldAsOfHint: "A date such as 28.11.2022",
  fieldPrevious: "Previous report",
  fieldPreviousHint: "Changes are computed since its as-of date.",
  fieldTitle: "Title",
  reportChoice: (meeting: string, asOf: string) => `${meeting} (as of ${asOf})`,
  createReport: "Create report",
  manageCommittees: "Manage committees and meetings",
  openReport: "Go to the report",
  yourProjectsFor: (committee: string, date: string) =>
    `Your projects for the report on ${date} (${committee})`,
  allComplete: (count: number) =>
    `All ${plural(count, "project is", "projects are")} complete.`,
  openCount: (open: number, total: number) =>
    `${open} of ${plural(total, "project", "projects")} still need something.`,
  noOwnProjects: "No project of this report is assigned to you.",

  committeesTitle: "Committees and meetings",
  committeesLead:
    "Which committee and which meeting a report is for, with the addresses in the council information system (OParl).",
  committeesHeading: "Committees",
  meetingsHeading: "Meetings",
  noCommitteesYet: "First create a committee.",
  fieldCommitteeName: "Name",
  fieldAbbreviation: "Abbreviation",
  fieldAbbreviationHint: "e.g. APD",
  saveCommittee: "Save committee",
  newCommittee: "New committee",
  addCommittee: "Create committee",
  fieldCommittee: "Committee",
  fieldMeetingDay: "Date of the meeting",
  fieldMeetingTitle: "Title",
  fieldMeetingTitleHint: "e.g. the agenda item; optional",
  fieldOparlMeeting: "OParl address of the meeting",
  fieldOparlHint: "Addresses start with https://; all optional",
  fieldOparlAgendaItem: "OParl address of the agenda item",
  fieldOparlPaper: "OParl address of the paper",
  fieldCommitteeOparl: "OParl address of the committee",
  fieldCommitteeOparlHint:
    "The Organization in the council information system, starts with https://; optional",
  fieldReportOparlPaper: "OParl address of the report's paper",
  fieldReportOparlPaperHint:
    "The paper under which the report is presented to the committee; empty: the meeting's paper",
  saveMeeting: "Save meeting",
  newMeeting: "New meeting",
  addMeeting: "Create meeting",
  backToReports: "Back to the reports",

  preview: "Preview",
  downloadDeck: "Slide deck (PowerPoint, PPTX)",
  downloadPdf: "Report as PDF",
  downloadsHeading: "Download",
  draftWarning: "Draft: this report has not been published yet.",
  publishedImmutable: "This report is published and can no longer be changed.",
  lastSavedBy: (name: string, date: string) =>
    `last saved by ${name} on ${date}`,
  noPreviousReport: "No previous report",
  lastReportSaid: (date: string) => `Previous report (as of ${date})`,
  previousNoEntry: "The project was not in the previous report.",
  computedChanges: "Changed since (computed)",
  markUnchanged: "Unchanged since the last report",
  entryLegend: "State for the report",
  fieldStatus: "Status",
  fieldText: "Short text for the committee",
  fieldTextHint:
    "Two or three sentences: what has been achieved, what comes next?",
  fieldHighlights: "Highlights",
  fieldHighlightsHint:
    "One per line, e.g. “133 staff work in the production system”",
  fieldNewDate: "New date",
  fieldNewDateHint: "Optional, e.g. QI/2023 or 05/2023",
  notInReport: "not in the report",
  fieldIncluded: "Show in the report",
  saveEntry: "Save entry",
  settingsHeading: "Settings of the report",
  fieldSections: "Sections (action fields)",
  fieldSectionsHint: "Which action fields the report shows.",
  fieldIncludeOzg: "Show OZG figures",
  fieldIncludeOzgHint:
    "Computed from the OZG service register on the as-of date.",
  outlookHint: "The next reports and revisions; empty rows are not saved.",
  outlookLegend: (position: number) => `Outlook ${position}`,
  fieldOutlookWhen: "When",
  fieldOutlookWhat: "What",
  saveSettings: "Save settings",
  remindersHeading: "Reminders",
  remindersText:
    "Sends every editor whose projects still lack something an e-mail with the list and the link to this report.",
  sendReminders: "Send reminders",
  autoRemindersHeading: "Automatic reminders",
  autoRemindersText:
    "Before every meeting with a draft report, Fortschritt itself writes to every editor whose projects still lack something: on the first day asking for updates, on the later days as a reminder. Each e-mail goes out only once per report; published reports get none.",
  autoRemindersOff:
    "Without a mail server (SMTP_URL, MAIL_FROM, PUBLIC_BASE_URL) no e-mail is sent; the rules apply once it is set up.",
  fieldReminderDays: "Days before the meeting",
  fieldReminderDaysHint:
    "Whole numbers from 1 to 365, separated by commas, e.g. “21, 7”; empty: no automatic reminders.",
  saveReminderRules: "Save rules",
  publishHeading: "Publish",
  publishText:
    "Publishes the report on the portal, with slide deck and PDF. Afterwards it can no longer be changed. Every project shown needs a status.",
  publishConfirm: "I have checked the report and want to publish it.",
  publishConfirmRequired: "Please confirm that you want to publish the report.",
  fieldPublishedOn: "Published on (only for reports entered later)",
  fieldPublishedOnHint:
    "Leave empty for today. For a report from before Fortschritt, the day it was published, e.g. 28.11.2022: not after today and not before the report's as-of date. The page then also names the day it was entered.",
  // The reports' own titles are German: English names them by their numbers.
  confirmSecondReport: (
    existing: readonly { readonly title: string; readonly number: number }[],
  ) =>
    `Status report ${existing.map((report) => `no. ${report.number}`).join(", ")} has already been published for this meeting. I still want to publish a second report for the same meeting.`,
  publish: "Publish report",

  figuresTitle: "Key figures",
  figuresLead:
    "Key figures with their definition and dated values; project owners record the values of their projects.",
  figuresPublicLead:
    "Every number with its definition, its source and the date it describes.",
  allFiguresLink: "See all key figures",
  noFigures: "No key figure has been recorded yet.",
  figuresCaption: (count: number) => plural(count, "key figure", "key figures"),
  columnFigure: "Key figure",
  columnLatest: "Latest value",
  fieldProject: "Project",
  noProject: "– no project –",
  newFigure: "New key figure",
  fieldFigureKey: "Key",
  fieldFigureName: "Name",
  fieldUnit: "Unit",
  fieldUnitHint: "What is counted, e.g. staff, followers",
  fieldKind: "Kind",
  fieldDenominatorLabel: "Whole (shares only)",
  fieldDenominatorLabelHint: "What the share is part of, e.g. “all staff”",
  fieldChartKind: "Chart",
  chartLine: "Line (development over time)",
  chartBar: "Bars (comparing single dates)",
  addFigure: "Create key figure",
  valuesHeading: "Values",
  noValues: "No value has been recorded yet.",
  removeValue: "Remove",
  removeValueLabel: (date: string) => `Remove the value of ${date}`,
  newValue: "New value",
  fieldValueDay: "Date of the value",
  fieldValue: (unit: string) => (unit === "" ? "Value" : `Value (${unit})`),
  fieldDenominator: "Whole",
  fieldNote: "Note",
  addValue: "Record value",
  valuesNotYours:
    "Values are recorded by the owners of the linked project and the administrators.",
  definitionHeading: "Definition",
  saveFigure: "Save key figure",
  backToFigures: "Back to the key figures",
  fieldDecimals: "Decimals",
  fieldDecimalsHint: "Decimal values and percentages only: 0 to 4",
  fieldTargetValue: "Target value (optional)",
  fieldTargetValueHint: "For shares in percent, e.g. “80”",
  fieldTargetDay: "Target date",
  fieldValueHint:
    "As you write it (German notation): “1.832”, “66,7 %”, “2 von 3”, “mehr als 60”, “rund 110”, “weniger als 5”",
  fieldBreakdown: "Breakdown (optional)",
  fieldBreakdownHint:
    "One category per line with its number, e.g. “23 Führungskräfte”; the parts must add up to the value.",
  figureBreakdown: "Breakdown",
  columnCategory: "Category",
  columnShare: "Share",
  columnTotal: "Total",

  registerTitle: "OZG service register",
  registerLead:
    "The municipality's OZG services with their history. The reports' OZG figures are computed from it on their as-of date.",
  showAsOf: "Show as of",
  registerFigures: (date: string) => `Figures as of ${date}`,
  servicesHeading: (count: number) => `Services (${count})`,
  servicesCaption: (date: string) => `OZG services valid on ${date}`,
  noServices: "No service is recorded for this date.",
  exportCsv: "Download as CSV",
  exportXlsx: "Download as Excel file (XLSX)",
  columnService: "Service (LeiKa key)",
  columnOnline: "Online",
  notResponsibleShort: "other authority",
  importHeading: "Take over from a file",
  importText:
    "Replaces the whole register with the rows of a CSV or XLSX file with the export's columns. If a row is wrong, nothing is taken over; the message names line and column.",
  fieldFile: "File",
  fieldFileHint: "CSV (semicolon or comma) or XLSX, at most 10 MB",
  fileRequired: "Please choose a file.",
  importButton: "Take over file",
  newService: "New OZG service",
  fieldLeikaKey: "LeiKa key",
  fieldLeikaKeyHint: "14 digits, e.g. 99123456760000",
  fieldValidFrom: "Valid from",
  fieldValidFromHint: "Optional; empty: since the beginning",
  fieldValidUntil: "Valid until",
  fieldServiceName: "Name of the service",
  fieldTopic: "Topic",
  fieldResponsibleLocally: "The municipality is responsible",
  fieldResponsibleLocallyHint:
    "Not ticked: another authority is responsible (district, state …).",
  fieldServiceKind: "Kind of entry",
  fieldChannel: "Channel",
  noChannel: "– none yet –",
  fieldApplications: "Online applications",
  fieldOnline: "Online offer",
  fieldFrontEnd: "Front end online",
  fieldBackEnd: "Back end connected",
  fieldEPayment: "E-payment",
  fieldEId: "eID",
  fieldMaturityModel: "Maturity model",
  notAssessed: "– not assessed –",
  fieldMaturityLevel: "Maturity",
  fieldMaturityLevelHint: "Level 0–4 (model 1.1) or 0–7 (model 2.0)",
  fieldUrl: "Address of the online application",
  addService: "Record service",
  serviceHistory: "History",
  serviceHistoryCaption: "Records of this service, oldest first",
  sinceStart: "since the beginning",
  openEnd: "open",
  changeService: "Change",
  fieldMode: "Kind of change",
  modeNewState:
    "New state from a date (the previous record ends the day before)",
  modeCorrect: "Correct an error in the current record",
  fieldNewStateFrom: "New state valid from",
  fieldNewStateFromHint: "A date such as 01.12.2022; only for “new state”",
  saveService: "Save service",
  backToRegister: "Back to the service register",
  importPreviewTitle: "Check the import",
  importPreviewLead: (file: string, asOf: string) =>
    `What the file “${file}” would change in the OZG service register from ${asOf}. Nothing has been taken over yet.`,
  importFirst:
    "The register is empty: the file is taken over with its own validity (valid from/until).",
  importCountsCaption: "Entries by kind of change",
  importKindHeading: "Change",
  importCountHeading: "Number",
  importCreated: "new",
  importChanged: "changed (the previous entry ends the day before)",
  importUnchanged: "unchanged",
  importRemoved: "no longer listed (ends the day before)",
  importChangedCaption: "Changed entries and their changed fields",
  importEntryHeading: "Entry",
  importFieldsHeading: "Changed fields",
  importCreatedList: (count: number) =>
    count === 1 ? "1 new entry" : `${count} new entries`,
  importRemovedList: (count: number) =>
    count === 1
      ? "1 entry no longer listed"
      : `${count} entries no longer listed`,
  importWarnings: "Notes on the file",
  importNoChanges:
    "The file matches the register on the as-of day; there is nothing to take over.",
  importConfirmHeading: "Take over",
  importConfirmText:
    "Taking over leaves everything that held before the as-of day unchanged; the figures of earlier reports stay as they were.",
  importConfirmButton: "Confirm import",
  importStale:
    "The register changed since the preview. Please check the new preview and confirm again; nothing was taken over.",
  importDone: (
    created: number,
    changed: number,
    unchanged: number,
    removed: number,
  ) =>
    `Import taken over: ${created} new, ${changed} changed, ${unchanged} unchanged, ${removed} no longer listed.`,
  fieldImportAsOf: "As-of day (valid from)",
  fieldImportAsOfHint:
    "A date such as 01.03.2023; empty: today. What held before stays unchanged.",
  importPreviewButton: "Check file",
  importTextAsOf:
    "Takes over the rows of a CSV or XLSX file with the export's columns from an as-of day: changed entries end the day before and hold anew from the as-of day, entries no longer listed end the day before. A preview shows what changes before anything is taken over. If a row is wrong, nothing is taken over; the message names line, column and rule.",
};

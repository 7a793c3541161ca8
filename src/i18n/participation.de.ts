/** German texts of participation: ideas, feedback and barrier reports (ADR 0023). */
import { plural } from "../domain/plural.js";
export const participationDe = {
  status: {
    received: "eingegangen",
    reviewing: "in Prüfung",
    adopted: "übernommen",
    implemented: "umgesetzt",
    rejected: "abgelehnt",
    merged: "zusammengeführt",
    withdrawn: "zurückgezogen",
  },
  kind: {
    idea: "Idee",
    feedback: "Rückmeldung",
    barrier: "Barriere",
  },
  mode: {
    off: "Aus",
    staff: "Nur für Mitarbeitende",
    public: "Auch für die Öffentlichkeit",
  },
  navIdeas: "Ideen und Rückmeldungen",
  listTitle: "Ideen und Rückmeldungen",
  listLead: (municipality: string) =>
    `Vorschläge und Rückmeldungen zum Digitalisierungsprogramm von ${municipality} und was aus ihnen geworden ist: jeder Beitrag endet mit einer Entscheidung und ihrer Begründung.`,
  submitLink: "Idee oder Rückmeldung einreichen",
  noItems: "Noch keine veröffentlichten Beiträge.",
  formTitle: "Idee oder Rückmeldung einreichen",
  barrierTitle: "Barriere melden",
  barrierLead:
    "Sie sind auf eine Barriere auf diesen Seiten gestoßen? Beschreiben Sie bitte, wo und was. Wir antworten innerhalb eines Monats, wenn Sie eine Adresse angeben.",
  fieldKind: "Art",
  fieldTitle: "Titel",
  fieldText: "Ihr Beitrag",
  fieldTextHint: (min: number, max: number) =>
    `Mindestens ${min}, höchstens ${max} Zeichen.`,
  fieldProject: "Betrifft das Projekt (freiwillig)",
  noProject: "kein bestimmtes Projekt",
  fieldEmail: "E-Mail-Adresse für Antworten (freiwillig)",
  fieldEmailHint:
    "Nur wenn Sie über jede Änderung des Status eine E-Mail erhalten möchten. Sie bestätigen die Adresse mit einem Link.",
  honeypot: "Bitte leer lassen",
  submit: "Beitrag senden",
  privacyTitle: "Was wir speichern und wie lange",
  privacyText: (retentionDays: number) =>
    `Wir speichern Titel und Text Ihres Beitrags und, wenn Sie das angeben, das Projekt. Ihren Namen fragen wir nicht. Eine E-Mail-Adresse ist freiwillig und dient nur dazu, Ihnen Änderungen des Status zu schicken; ohne Bestätigung innerhalb von 48 Stunden wird sie gelöscht, sonst nach ${retentionDays} Tagen oder sofort über den Link in jeder E-Mail. Gegen Missbrauch zählen wir Beiträge je Anschluss (als nicht umkehrbarer Hashwert der IP-Adresse) und löschen diese Zählung nach 24 Stunden. Beiträge erscheinen erst nach Prüfung durch die Verwaltung. Sie können Ihren Beitrag jederzeit über den Link auf der Bestätigungsseite zurückziehen: er bleibt dann als „zurückgezogen“ ohne Text stehen. Adressen erscheinen nie in Exporten, offenen Daten oder der Schnittstelle.`,
  receivedTitle: "Vielen Dank, Ihr Beitrag ist eingegangen",
  receivedText:
    "Er wird geprüft und erscheint nach der Freigabe auf dem Portal. Bewahren Sie den Link dieser Seite auf: mit ihm sehen Sie den Stand und können den Beitrag zurückziehen.",
  confirmationSent:
    "Bitte bestätigen Sie Ihre Adresse: wir haben Ihnen eine E-Mail mit einem Link geschickt (48 Stunden gültig).",
  withdrawButton: "Beitrag zurückziehen",
  withdrawnText:
    "Dieser Beitrag ist zurückgezogen: sein Text und Ihre Adresse sind gelöscht.",
  yourItem: "Ihr Beitrag",
  history: "Verlauf",
  decision: "Entscheidung",
  reason: "Begründung",
  takenUpIn: "Übernommen in",
  mergedWith: "Zusammengeführt mit",
  concernsProject: "Betrifft",
  submittedOn: "Eingegangen am",
  withdrawnTitle: "Zurückgezogener Beitrag",
  measure: "Maßnahme",
  edition: (n: number) => `${n}. Fortschreibung`,
  projectIdeasTitle: "Ideen zu diesem Projekt",
  editionIdeasTitle: "Übernommene Ideen",
  confirmedTitle: "Adresse bestätigt",
  confirmedText:
    "Danke! Sie erhalten ab jetzt bei jeder Änderung des Status Ihres Beitrags eine E-Mail.",
  confirmUnknown:
    "Dieser Bestätigungslink ist unbekannt, schon benutzt oder abgelaufen (48 Stunden).",
  unsubscribedTitle: "Keine E-Mails mehr",
  unsubscribedText:
    "Sie erhalten zu diesem Beitrag keine E-Mails mehr. Ihre Adresse ist gelöscht.",
  queueTitle: "Beteiligung: Eingänge",
  settingsTitle: "Beteiligung: Einstellungen",
  settingsSaved: "Die Einstellungen sind gespeichert.",
  saved: "Gespeichert.",
  age: "Alter",
  days: (n: number) => plural(n, "Tag", "Tage"),
  overdue: "überfällig",
  dueOn: "Antwort fällig am",
  published: "veröffentlicht",
  unpublished: "nicht veröffentlicht",
  assignedTo: "Zuständig",
  nobody: "niemand",
  filter: "Filtern",
  all: "alle",
  overdueOnly: "nur überfällige",
  kindColumn: "Art",
  statusColumn: "Status",
  titleColumn: "Titel",
  moderate: "Bearbeiten",
  moderationTitle: "Beitrag bearbeiten",
  publishLabel: "Auf dem Portal veröffentlichen",
  saveDecision: "Speichern",
  linkProject: "Übernommen in Projekt",
  linkMeasure: "Maßnahme",
  linkEdition: "Übernommen in Fortschreibung",
  mergedIntoLabel: "Zusammengeführt mit Beitrag",
  noChoice: "keine",
  settingsMode: "Ideen und Rückmeldungen annehmen",
  settingsOverdue: "Beiträge markieren als überfällig nach (Tagen)",
  settingsRetention: "E-Mail-Adressen löschen nach (Tagen)",
  save: "Speichern",
  limitTitle: "Zu viele Beiträge in kurzer Zeit",
  mailConfirmSubject: (municipality: string) =>
    `Bitte bestätigen: Antworten zu Ihrem Beitrag bei ${municipality}`,
  mailConfirmText: (
    municipality: string,
    title: string,
    confirmUrl: string,
    withdrawUrl: string,
  ) =>
    [
      `Guten Tag,`,
      ``,
      `Sie haben bei ${municipality} einen Beitrag eingereicht: „${title}“.`,
      `Wenn Sie bei jeder Änderung seines Status eine E-Mail erhalten möchten, bestätigen Sie bitte innerhalb von 48 Stunden Ihre Adresse:`,
      confirmUrl,
      ``,
      `Ohne Bestätigung erhalten Sie keine weitere E-Mail, und Ihre Adresse wird nach 48 Stunden gelöscht.`,
      `Beitrag zurückziehen: ${withdrawUrl}`,
    ].join("\n"),
  mailStatusSubject: (title: string, status: string) =>
    `Ihr Beitrag „${title}“: ${status}`,
  mailStatusText: (input: {
    readonly title: string;
    readonly municipality: string;
    readonly status: string;
    readonly at: string;
    readonly note: string | null;
    readonly takenUpIn: readonly string[];
    readonly itemUrl: string | null;
    readonly unsubscribeUrl: string;
  }) =>
    [
      `Guten Tag,`,
      ``,
      `der Status Ihres Beitrags „${input.title}“ bei ${input.municipality} ist jetzt: ${input.status} (${input.at}).`,
      ...(input.note === null ? [] : [``, `Begründung: ${input.note}`]),
      ...(input.takenUpIn.length === 0
        ? []
        : [``, `Übernommen in: ${input.takenUpIn.join(", ")}`]),
      ...(input.itemUrl === null
        ? []
        : [``, `Beitrag ansehen: ${input.itemUrl}`]),
      ``,
      `–– `,
      `Sie erhalten diese E-Mail, weil Sie Ihre Adresse für Antworten zu diesem Beitrag bestätigt haben.`,
      `Keine E-Mails mehr (Ihre Adresse wird gelöscht): ${input.unsubscribeUrl}`,
    ].join("\n"),
  mailTakenUpProject: (title: string) => `Projekt: ${title}`,
  mailTakenUpMeasure: (title: string) => `Maßnahme: ${title}`,
};

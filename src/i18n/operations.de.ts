/** German texts of the operators' pages (web/operations/, /betrieb/). */
export const operationsDe = {
  title: "Betrieb",
  municipalitiesTitle: "Kommunen dieser Installation",
  intro:
    "Der Betrieb sieht den Zustand aller Kommunen. Ihre Daten lesen oder ändern kann nur, wer der Kommune angehört – auch im Betrieb.",
  searchLabel: "Kommune suchen (Name oder Kurzname)",
  searchButton: "Suchen",
  resultCount: (count: number, search: string) =>
    search === ""
      ? `${count} ${count === 1 ? "Kommune" : "Kommunen"}`
      : `${count} ${count === 1 ? "Kommune" : "Kommunen"} zu „${search}“`,
  caption:
    "Kommunen mit Programm, Umfang des Katalogs, Fortschreibungen, letztem Bericht und Personen",
  municipality: "Kommune",
  state: "Bundesland",
  programme: "Programm",
  editions: "Fortschreibungen",
  lastReport: "Letzter Bericht",
  catalogueSize: "Projekte / Maßnahmen",
  users: "Personen",
  none: "–",
  noProgramme: "noch kein Programm",
  editionsValue: (count: number, last: string | null) =>
    count === 0 ? "keine" : `${count} (zuletzt ${last ?? "–"})`,
  noMunicipalities: "Keine Kommune gefunden.",
  pagination: "Seiten",
  previous: "Vorherige Seite",
  next: "Nächste Seite",
  pageOf: (page: number, count: number) => `Seite ${page} von ${count}`,
  auditLogLink: "Protokoll der Installation",
  auditLogTitle: "Protokoll der Installation",
  auditLogIntro:
    "Alle Ereignisse aller Kommunen und des Betriebs, die neuesten zuerst. Auch das Lesen dieses Protokolls wird protokolliert.",
  auditLogCaption: "Ereignisse, die neuesten zuerst",
  instanceOnly: "Nur Ereignisse des Betriebs",
  allEvents: "Alle Ereignisse",
  at: "Zeitpunkt",
  actor: "Wer",
  action: "Aktion",
  entity: "Betrifft",
  address: "Adresse",
  instance: "Betrieb",
  noEvents: "Keine Ereignisse.",
  status: "Zustand",
  active: "aktiv",
  deactivated: "deaktiviert",
  createLink: "Kommune anlegen",
  createTitle: "Kommune anlegen",
  createIntro:
    "Legen Sie eine Kommune an: leer oder mit dem Aufbau einer bestehenden Kommune als Vorlage. Übernommen werden nur Ebenen, Begründungskategorien, Kennzahlen ohne Werte und Berichtsabschnitte – nie Daten. Danach laden Sie ihre erste Administration ein.",
  nameLabel: "Name",
  nameHint: "Wie das Portal ihn zeigt, z. B. Stadt Goch",
  nameRequired: "Bitte geben Sie den Namen ein.",
  slugLabel: "Kurzname",
  slugHint:
    "Steht in den Adressen: Kleinbuchstaben, Ziffern und Bindestriche, z. B. goch",
  slugRequired: "Bitte geben Sie den Kurznamen ein.",
  stateLabel: "Bundesland",
  stateChoose: "Bitte wählen",
  stateRequired: "Bitte wählen Sie das Bundesland.",
  regionalKeyLabel: "Amtlicher Regionalschlüssel",
  regionalKeyHint:
    "12 Ziffern; er beginnt mit dem Schlüssel des Landes, z. B. 051540020020",
  regionalKeyRequired: "Bitte geben Sie den amtlichen Regionalschlüssel ein.",
  websiteLabel: "Website (freiwillig)",
  contactEmailLabel: "Kontakt-E-Mail für das Portal (freiwillig)",
  templateLabel: "Start",
  templateEmpty: "Leer beginnen",
  templateOf: (name: string, slug: string) =>
    `Aufbau von ${name} (${slug}) übernehmen`,
  createButton: "Kommune anlegen",
  problemTitle: "Es gibt ein Problem",
  cancel: "Abbrechen",
  backToOverview: "Zurück zu den Kommunen",
  detailIntro:
    "Angaben und Zustand der Kommune. Ihre Daten lesen oder ändern kann nur, wer ihr angehört.",
  created:
    "Die Kommune ist angelegt. Laden Sie jetzt ihre erste Administration ein.",
  createdFrom: (template: string) =>
    `Die Kommune ist mit dem Aufbau von ${template} angelegt. Laden Sie jetzt ihre erste Administration ein.`,
  regionalKey: "Regionalschlüssel",
  website: "Website",
  contactEmail: "Kontakt",
  createdAt: "Angelegt am",
  deactivatedAt: "Deaktiviert seit",
  portal: "Portal der Kommune",
  inviteTitle: "Personen einladen",
  inviteIntro:
    "Die eingeladene Person bekommt die gewählte Rolle in dieser Kommune. Hat sie schon ein Konto (etwa in einer anderen Kommune), bekommt dieses Konto die Rolle hier dazu. Die Organisationseinheiten einer Redakteurin oder eines Redakteurs legt danach die Administration der Kommune fest.",
  inviteRole: "Rolle in dieser Kommune",
  inviteEmail: "E-Mail-Adresse",
  inviteName: "Name",
  inviteButton: "Einladung verschicken",
  inviteInactive:
    "Solange die Kommune deaktiviert ist, kann niemand eingeladen werden.",
  invitationMailed: (email: string) =>
    `Die Einladung an ${email} ist per E-Mail verschickt. Der Link gilt drei Tage.`,
  invitationLink:
    "Es ist kein E-Mail-Versand eingerichtet. Geben Sie diesen Link – er gilt drei Tage und nur einmal – selbst an die Person weiter. Er wird nur jetzt angezeigt:",
  membershipAdded: (email: string, name: string, role: string) =>
    `Zu ${email} gab es schon ein Konto: Es hat jetzt die Rolle ${role} in ${name}.`,
  membershipMailed: "Die Person ist per E-Mail benachrichtigt.",
  membershipNotMailed:
    "Es ist kein E-Mail-Versand eingerichtet: Bitte sagen Sie der Person selbst Bescheid; sie meldet sich mit ihrem bestehenden Konto an.",
  deactivateLink: "Kommune deaktivieren",
  reactivateLink: "Kommune reaktivieren",
  deactivateTitle: (name: string) => `${name} deaktivieren?`,
  reactivateTitle: (name: string) => `${name} reaktivieren?`,
  deactivateText:
    "Nichts wird gelöscht. Solange die Kommune deaktiviert ist, sagt ihr Portal das, und niemand kann ihre Daten ändern. Sie können sie jederzeit reaktivieren.",
  reactivateText:
    "Portal und Bearbeitung sind danach wieder wie vor der Deaktivierung.",
  reasonLabel: "Grund (freiwillig, steht im Protokoll)",
  deactivateButton: "Ja, deaktivieren",
  reactivateButton: "Ja, reaktivieren",
  deactivatedNotice: "Die Kommune ist deaktiviert. Es wurde nichts gelöscht.",
  reactivatedNotice: "Die Kommune ist wieder aktiv.",
};

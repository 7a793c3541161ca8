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
    "Kommunen mit Programm, Fortschreibungen, letztem Bericht und Personen",
  municipality: "Kommune",
  state: "Bundesland",
  programme: "Programm",
  editions: "Fortschreibungen",
  lastReport: "Letzter Bericht",
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
};

/**
 * German texts of the free sections of status reports (introduction, topics, survey
 * results, outlook) on the report page, in the print view and in the section editor.
 * Part of the dictionary as `t.reportSections`; report-sections.en.ts has the same keys.
 */
import type { ReportSectionKind } from "../domain/report/report-free-sections.js";

/** German texts of free report sections. */
export const reportSectionsDe = {
  kinds: {
    introduction: "Einleitung",
    topic: "Themenabschnitt",
    survey: "Umfrageergebnis",
    outlook: "Ausblick",
    projects: "Projekte (Einträge je Projekt)",
  } satisfies Record<ReportSectionKind, string>,
  /** The heading shown when a section has none of its own. */
  defaultHeading: {
    introduction: "Einleitung",
    topic: "Thema",
    survey: "Umfrageergebnis",
    outlook: "Ausblick",
    projects: "Projekte",
  } satisfies Record<ReportSectionKind, string>,
  topicProjects: "Projekte zu diesem Thema",
  surveyQuestion: "Frage:",
  surveyAnswer: "Antwort",
  surveyValueCount: "Anzahl",
  surveyValuePercent: "Anteil",
  surveyShare: "Anteil",
  surveyTotal: (total: string) => `Antworten insgesamt: ${total}`,
  surveyCaption: (question: string) => `Antworten auf die Frage „${question}“`,
  surveySummary: (question: string, parts: string) =>
    `Balkendiagramm der Antworten auf „${question}“: ${parts}.`,
  // The editor.
  sectionsHeading: "Abschnitte und Reihenfolge",
  sectionsLead:
    "Neben den Einträgen je Projekt kann ein Bericht freie Abschnitte haben: eine Einleitung, Themenabschnitte mit Text, Kennzahlen und Projekten, Umfrageergebnisse und einen Ausblick. Portal, Foliensatz und PDF zeigen sie in dieser Reihenfolge.",
  sectionsNone:
    "Der Bericht hat noch keine freien Abschnitte; er zeigt die Projekte, Kennzahlen, OZG-Zahlen und den Ausblick in der üblichen Reihenfolge.",
  sectionsCaption: "Abschnitte des Berichts in ihrer Reihenfolge",
  columnPosition: "Nr.",
  columnKind: "Art",
  columnHeading: "Überschrift",
  columnActions: "Aktionen",
  moveUp: "Nach oben",
  moveDown: "Nach unten",
  moveUpLabel: (name: string) => `${name} nach oben verschieben`,
  moveDownLabel: (name: string) => `${name} nach unten verschieben`,
  edit: "Bearbeiten",
  editLabel: (name: string) => `${name} bearbeiten`,
  remove: "Entfernen",
  removeLabel: (name: string) => `${name} entfernen`,
  addHeading: "Abschnitt hinzufügen",
  addKind: "Art des Abschnitts",
  addButton: "Abschnitt anlegen",
  newTitle: (kind: string) => `Neuer Abschnitt: ${kind}`,
  editTitle: (kind: string) => `Abschnitt bearbeiten: ${kind}`,
  fieldHeading: "Überschrift",
  fieldHeadingHint:
    "Leer: die übliche Überschrift der Art (z. B. „Einleitung“).",
  fieldHeadingRequired: "Überschrift des Themas",
  fieldText: "Text",
  fieldTextHint: "Absätze durch eine Leerzeile trennen.",
  fieldFigures: "Kennzahlen",
  fieldFiguresHint:
    "Die gewählten Kennzahlen erscheinen mit ihrem Stand im Abschnitt.",
  fieldProjects: "Projekte",
  fieldProjectsHint: "Der Abschnitt verweist auf die gewählten Projekte.",
  fieldQuestion: "Frage",
  fieldUnit: "Angaben als",
  unitCount: "Anzahl der Antworten",
  unitPercent: "Prozent (zusammen 100 %, gerundet)",
  fieldAnswers: "Antworten",
  fieldAnswersHint:
    "Eine Antwort je Zeile: Antwort, Semikolon, Wert – z. B. „Sehr zufrieden; 42“ oder „Zufrieden; 33,3“.",
  answersUnreadable: (line: number) =>
    `Zeile ${line}: Bitte „Antwort; Wert“ angeben, der Wert als Zahl (z. B. 42 oder 33,3).`,
  save: "Abschnitt speichern",
  removeTitle: (name: string) => `Abschnitt „${name}“ entfernen?`,
  removeText:
    "Der Abschnitt wird aus dem Entwurf entfernt. Das lässt sich nicht rückgängig machen; die Änderung steht im Protokoll.",
  removeConfirm: "Ja, Abschnitt entfernen",
  cancel: "Abbrechen",
  added: "Der Abschnitt wurde angelegt.",
  saved: "Der Abschnitt wurde gespeichert.",
  moved: "Die Reihenfolge wurde geändert.",
  removed: "Der Abschnitt wurde entfernt.",
  manageLink: "Abschnitte und Reihenfolge bearbeiten",
};

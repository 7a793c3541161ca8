/**
 * The words of period and shift sentences (`domain/period/period-sentence.ts`) in German
 * and English: "Erstellung: 2020–2023", "Daueraufgabe seit 2020", "4 Verschiebungen aus
 * sonstigen Gründen".
 */
import { plural } from "../domain/plural.js";
import type { PeriodWords } from "../domain/period/period-sentence.js";
import { formatPointInTimeGerman } from "../domain/period/point-in-time.js";
import { formatPoint } from "./format-period.js";
import type { Language } from "./i18n.js";

const SUPERSCRIPT = ["¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"] as const;

function remarkMark(index: number): string {
  return SUPERSCRIPT[index] ?? `(${index + 1})`;
}

/** German. */
export const PERIOD_WORDS_DE: PeriodWords = {
  point: formatPointInTimeGerman,
  range: (start, end) => `${start}–${end}`,
  since: (start) => `seit ${start}`,
  from: (start) => `ab ${start}`,
  permanent: (span) => `Daueraufgabe ${span}`,
  permanentWord: "Daueraufgabe",
  running: "laufend",
  thenRunning: "danach laufend",
  sinceRunning: "seitdem laufend",
  undecided: "Ende noch offen",
  genericLabels: ["Zeitraum", "Phase", "Zeitplan"],
  fillerWords: [
    "danach",
    "dann",
    "anschließend",
    "weiterhin",
    "fortlaufend",
    "bis",
    "ab",
    "seit",
    "seitdem",
    "und",
  ],
  joinWords: ["und", "sowie"],
  labelled: (label, text) => `${label}: ${text}`,
  withNote: (text, note) => `${text} (${note})`,
  remarkMark,
  reason: (category, text) => `${category}: ${text}`,
  shiftCount: (count, category) =>
    `${plural(count, "Verschiebung", "Verschiebungen")} ${category === null ? "aus sonstigen Gründen" : `wegen ${category}`}`,
};

/** English. */
export const PERIOD_WORDS_EN: PeriodWords = {
  point: (point) => formatPoint(point, "en"),
  range: (start, end) => `${start}–${end}`,
  since: (start) => `since ${start}`,
  from: (start) => `from ${start}`,
  permanent: (span) => `permanent task ${span}`,
  permanentWord: "permanent task",
  running: "ongoing",
  thenRunning: "then ongoing",
  sinceRunning: "ongoing since then",
  undecided: "end not yet decided",
  genericLabels: ["Period", "Phase", "Zeitraum"],
  fillerWords: ["then", "afterwards", "until", "from", "since", "and"],
  joinWords: ["and"],
  labelled: (label, text) => `${label}: ${text}`,
  withNote: (text, note) => `${text} (${note})`,
  remarkMark,
  reason: (category, text) => `${category}: ${text}`,
  shiftCount: (count, category) =>
    `${plural(count, "shift", "shifts")} ${category === null ? "for other reasons" : `due to ${category}`}`,
};

/** The words of a language. */
export function periodWords(language: Language): PeriodWords {
  return language === "de" ? PERIOD_WORDS_DE : PERIOD_WORDS_EN;
}

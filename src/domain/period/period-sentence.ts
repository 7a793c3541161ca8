/**
 * Sentences about periods, shifts and their reasons, as a person would write them in a
 * council document: "Erstellung: 2020–2023", "Daueraufgabe seit 2020", "Laufender Support
 * ab 2025, danach laufend", "Verzögerung aufgrund OZG-Aufwand", "4 Verschiebungen aus
 * sonstigen Gründen".
 *
 * The words come from a table the caller passes (`src/i18n/period-words.ts` holds the
 * German and the English one), so the same rules serve both languages:
 * - a label that says nothing ("Zeitraum") or that the period already says ("Daueraufgabe"
 *   on a standing task) is not written;
 * - a note that repeats what label and period say ("Danach laufender Support.", "Daueraufgabe
 *   bis 2030") is dropped, a leading repetition is cut ("Daueraufgabe und bereits im Betrieb"
 *   → "bereits im Betrieb"), and no punctuation is doubled;
 * - a note that recurs in several phases of a document ("Beginn im Katalog nicht genannt")
 *   is said once, as a numbered remark the phases point to;
 * - "seit"/"ab" and "seitdem"/"danach" follow the document's date;
 * - a reason whose text already names its category is not prefixed with the category again.
 */
import {
  firstDayOf,
  formatPointInTime,
  lastDayOf,
  type PointInTime,
} from "./point-in-time.js";
import type { Continuation, Period } from "./period.js";

/** The words of one language for period sentences. */
export interface PeriodWords {
  /** "QIV/2021" / "Q4 2021". */
  readonly point: (point: PointInTime) => string;
  /** "2020–2023". */
  readonly range: (start: string, end: string) => string;
  /** A start on or before the document's date: "seit 2020". */
  readonly since: (start: string) => string;
  /** A start after the document's date (or without a date): "ab 2025". */
  readonly from: (start: string) => string;
  /** A standing task over a span: "Daueraufgabe seit 2020", "Daueraufgabe 2020–2030". */
  readonly permanent: (span: string) => string;
  /** The word for a standing task, written once per sentence: "Daueraufgabe". */
  readonly permanentWord: string;
  /** An open end that runs on: "laufend" ("seit 2022 laufend"). */
  readonly running: string;
  /** After an end still to come: "danach laufend". */
  readonly thenRunning: string;
  /** After an end already past: "seitdem laufend". */
  readonly sinceRunning: string;
  /** "Ende noch offen". */
  readonly undecided: string;
  /** Labels that add nothing to a period ("Zeitraum", "Phase"), compared case-insensitively. */
  readonly genericLabels: readonly string[];
  /** Words a note may hold without saying anything new ("danach", "bis", "weiterhin"). */
  readonly fillerWords: readonly string[];
  /** Words joining a repetition to the rest of a note ("und"): "Daueraufgabe und …". */
  readonly joinWords: readonly string[];
  /** "Erstellung: 2020–2023". */
  readonly labelled: (label: string, text: string) => string;
  /** A note after the period: "seit 2022 (ggfs. in technischer Hinsicht)". */
  readonly withNote: (text: string, note: string) => string;
  /** The mark of the n-th (0-based) remark said once per document: "¹". */
  readonly remarkMark: (index: number) => string;
  /** "OZG-Aufwand: Verzögerung aufgrund …". */
  readonly reason: (category: string, text: string) => string;
  /** "4 Verschiebungen wegen OZG-Aufwand"; `category` null for the catch-all category. */
  readonly shiftCount: (count: number, category: string | null) => string;
}

/** A phase as documents show it. */
export interface PhaseLike {
  readonly label: string;
  readonly start: PointInTime;
  readonly end: PointInTime | null;
  readonly continuation: Continuation | null;
  readonly note?: string | null;
}

/** Options of one sentence. */
export interface PeriodSentenceOptions {
  /** The document's date (day number); null: written as a plan ("ab", "danach"). */
  readonly asOf?: number | null;
  /** Remarks said once per document, from `collectRemarks`. */
  readonly remarks?: DocumentRemarks;
}

/** Notes that recur in a document, each said once with a mark. */
export interface DocumentRemarks {
  /** The cleaned note → its mark ("¹"). */
  readonly marks: ReadonlyMap<string, string>;
  /** The remarks as printed once: "¹ Beginn im Katalog nicht genannt; laut Katalog bis 2030". */
  readonly lines: readonly string[];
}

/** No remarks. */
export const NO_REMARKS: DocumentRemarks = { marks: new Map(), lines: [] };

const TRAILING_PUNCTUATION = /[\s.;,:]+$/u;

/** A text without doubled spaces and without trailing punctuation. */
export function cleanFragment(text: string): string {
  return text.replace(/\s+/gu, " ").trim().replace(TRAILING_PUNCTUATION, "");
}

function words(text: string): string[] {
  return [...text.toLowerCase().matchAll(/[\p{L}\p{N}]+/gu)].map(
    (match) => match[0],
  );
}

// A crude stem, enough to see "laufende" and "laufender" as the same word.
function stem(word: string): string {
  if (word.length <= 4) return word;
  const suffix = ["en", "er", "es", "em", "e", "n", "s"].find((each) =>
    word.endsWith(each),
  );
  return suffix === undefined ? word : word.slice(0, -suffix.length);
}

function isGeneric(
  label: string,
  vocabulary: Pick<PeriodWords, "genericLabels">,
): boolean {
  const normal = label.trim().toLowerCase();
  return (
    normal === "" ||
    vocabulary.genericLabels.some((each) => each.toLowerCase() === normal)
  );
}

function started(start: PointInTime, asOf: number | null): boolean {
  return asOf !== null && firstDayOf(start) <= asOf;
}

/**
 * The period of a phase in words, in the tense of the document's date:
 * "2020–2023", "seit 2022 laufend", "ab 2025, Ende noch offen", "Daueraufgabe seit 2020",
 * "2020–2024, danach laufend". `withPermanentWord` false leaves out "Daueraufgabe" when
 * another part of the sentence says it.
 */
export function periodText(
  period: Period,
  vocabulary: PeriodWords,
  asOf: number | null = null,
  withPermanentWord = true,
): string {
  const start = vocabulary.point(period.start);
  const begun = started(period.start, asOf);
  const opening = begun ? vocabulary.since(start) : vocabulary.from(start);
  if (period.end === null) {
    switch (period.continuation) {
      case "permanent":
        return withPermanentWord ? vocabulary.permanent(opening) : opening;
      case "ongoing":
        return begun
          ? `${opening} ${vocabulary.running}`
          : `${opening}, ${vocabulary.running}`;
      case "undecided":
        return `${opening}, ${vocabulary.undecided}`;
      case null:
        return opening;
    }
  }
  const single =
    formatPointInTime(period.end) === formatPointInTime(period.start);
  const range = single
    ? start
    : vocabulary.range(start, vocabulary.point(period.end));
  switch (period.continuation) {
    case "permanent":
      return withPermanentWord ? vocabulary.permanent(range) : range;
    case "ongoing": {
      const over = asOf !== null && lastDayOf(period.end) < asOf;
      return `${range}, ${over ? vocabulary.sinceRunning : vocabulary.thenRunning}`;
    }
    case "undecided":
    case null:
      return range;
  }
}

/** What a phase's note adds to its label and period, or null when it adds nothing. */
export function noteRemainder(
  phase: PhaseLike,
  vocabulary: PeriodWords,
): string | null {
  const note = cleanFragment(phase.note ?? "");
  if (note === "") return null;
  const covered = new Set(
    [
      ...words(phase.label),
      ...words(periodText(phase, vocabulary, null)),
      ...words(periodText(phase, vocabulary, Number.MAX_SAFE_INTEGER)),
      ...words(vocabulary.permanentWord),
      ...words(vocabulary.running),
      ...words(vocabulary.thenRunning),
      ...words(vocabulary.sinceRunning),
      ...vocabulary.fillerWords.flatMap(words),
    ].map(stem),
  );
  const isCovered = (word: string) => covered.has(stem(word));
  const noteWords = words(note);
  if (noteWords.every(isCovered)) return null;
  // Cut the label where the note repeats it, with the filler words in front:
  // "Danach ggfs. laufende Betreuung in technischer Hinsicht" → "ggfs. in technischer Hinsicht".
  const label = cleanFragment(phase.label);
  const at =
    label === "" ? -1 : note.toLowerCase().indexOf(label.toLowerCase());
  const startsWithFiller = (text: string) =>
    vocabulary.fillerWords.some(
      (each) => words(text)[0] === each.toLowerCase(),
    );
  if (at === 0 || (at > 0 && startsWithFiller(note))) {
    const fillers = new Set(
      vocabulary.fillerWords.map((each) => each.toLowerCase()),
    );
    const before = note
      .slice(0, at)
      .split(" ")
      .filter((token) => token !== "");
    while (before.length > 0 && fillers.has(words(before[0] ?? "").join(" ")))
      before.shift();
    const after = note
      .slice(at + label.length)
      .split(" ")
      .filter((token) => token !== "");
    const joins = new Set(
      vocabulary.joinWords.map((each) => each.toLowerCase()),
    );
    if (before.length === 0)
      while (after.length > 0 && joins.has((after[0] ?? "").toLowerCase()))
        after.shift();
    const rest = cleanFragment([...before, ...after].join(" "));
    if (rest !== "" && !words(rest).every(isCovered)) return rest;
  }
  // Cut a leading repetition joined by "und": "Daueraufgabe und bereits im Betrieb".
  const joins = new Set(vocabulary.joinWords.map((each) => each.toLowerCase()));
  const tokens = note.split(" ");
  const join = tokens.findIndex((token) => joins.has(token.toLowerCase()));
  if (
    join > 0 &&
    join < tokens.length - 1 &&
    tokens.slice(0, join).every((token) => words(token).every(isCovered))
  ) {
    return tokens.slice(join + 1).join(" ");
  }
  return note;
}

/** How often a note must recur to be said once for the document instead of at each phase. */
export const REMARK_THRESHOLD = 3;

/**
 * The notes that recur in several phases of a document, numbered in order of their first
 * phase, so each is said once ("¹ Beginn im Katalog nicht genannt; …").
 */
export function collectRemarks(
  phases: readonly PhaseLike[],
  vocabulary: PeriodWords,
): DocumentRemarks {
  const counts = new Map<string, number>();
  for (const phase of phases) {
    const note = noteRemainder(phase, vocabulary);
    if (note !== null) counts.set(note, (counts.get(note) ?? 0) + 1);
  }
  const marks = new Map<string, string>();
  const lines: string[] = [];
  for (const [note, count] of counts) {
    if (count < REMARK_THRESHOLD) continue;
    const mark = vocabulary.remarkMark(marks.size);
    marks.set(note, mark);
    lines.push(`${mark} ${note}`);
  }
  return { marks, lines };
}

function capitalise(text: string): string {
  return text.charAt(0).toLocaleUpperCase("de-DE") + text.slice(1);
}

/** Whether a note says the standing-task word itself ("Es handelt sich um eine Daueraufgabe"). */
function namesPermanent(note: string, vocabulary: PeriodWords): boolean {
  const own = words(vocabulary.permanentWord).map(stem);
  const said = new Set(words(note).map(stem));
  return own.length > 0 && own.every((word) => said.has(word));
}

/**
 * One phase as a line: "Erstellung: 2020–2023", "Daueraufgabe seit 2020 (bereits im
 * Betrieb)", "2022–2023", "Durchführung: 2024–2030¹".
 */
export function phaseSentence(
  phase: PhaseLike,
  vocabulary: PeriodWords,
  options: PeriodSentenceOptions = {},
): string {
  const asOf = options.asOf ?? null;
  const note = noteRemainder(phase, vocabulary);
  const mark = note === null ? undefined : options.remarks?.marks.get(note);
  const permanent = phase.continuation === "permanent";
  const noteSaysPermanent =
    permanent && note !== null && mark === undefined
      ? namesPermanent(note, vocabulary)
      : false;
  const labelSaysPermanent =
    permanent &&
    words(phase.label).map(stem).join(" ") ===
      words(vocabulary.permanentWord).map(stem).join(" ");
  const period = periodText(phase, vocabulary, asOf, !noteSaysPermanent);
  const showLabel = !isGeneric(phase.label, vocabulary) && !labelSaysPermanent;
  let sentence = showLabel
    ? vocabulary.labelled(cleanFragment(phase.label), period)
    : capitalise(period);
  if (note !== null) {
    sentence =
      mark === undefined
        ? vocabulary.withNote(sentence, note)
        : `${sentence}${mark}`;
  }
  return sentence;
}

/**
 * What a change calls a phase: its label, or null when the label says nothing
 * ("Zeitraum"), so that "Zeitraum Zeitraum" is never written.
 */
export function phaseName(
  label: string,
  vocabulary: Pick<PeriodWords, "genericLabels">,
): string | null {
  return isGeneric(label, vocabulary) ? null : cleanFragment(label);
}

// Capitalised words of at least three letters: the nouns of a German category label
// ("OZG", "Aufwand", "Personal", "Abhängigkeit", "Projekt").
function keyWords(label: string): string[] {
  return [...label.matchAll(/[\p{L}\p{N}]+/gu)]
    .map((match) => match[0])
    .filter((word) => word.length >= 3 && /^\p{Lu}/u.test(word))
    .map((word) => stem(word.toLowerCase()));
}

/** The catch-all category ("Sonstiges"), which reads as "aus sonstigen Gründen". */
export const CATCH_ALL_CATEGORY_KEY = "other";

/**
 * The reason for a shift: "Personal: Verzögerung aufgrund von erhöhtem Support", but
 * "Verzögerung aufgrund OZG-Aufwand" for the category OZG-Aufwand (the text names it
 * already), the text alone for the catch-all category (`categoryKey` "other": "Sonstiges:
 * Früher fertig: …" says nothing more than "Früher fertig: …"), and the category alone
 * without a text.
 */
export function reasonSentence(
  categoryLabel: string,
  text: string,
  vocabulary: PeriodWords,
  categoryKey?: string,
): string {
  const category = cleanFragment(categoryLabel);
  const explanation = cleanFragment(text);
  if (explanation === "") return category;
  if (categoryKey === CATCH_ALL_CATEGORY_KEY) return explanation;
  const said = new Set(words(explanation).map(stem));
  const named = keyWords(category);
  if (
    explanation.toLowerCase().includes(category.toLowerCase()) ||
    (named.length > 0 && named.some((word) => said.has(word)))
  ) {
    return explanation;
  }
  return vocabulary.reason(category, explanation);
}

/** Several reasons of one change, each once. */
export function reasonsSentence(
  reasons: readonly {
    readonly categoryLabel: string;
    readonly text: string;
    readonly category?: string;
  }[],
  vocabulary: PeriodWords,
): string | null {
  const texts: string[] = [];
  for (const reason of reasons) {
    const sentence = reasonSentence(
      reason.categoryLabel,
      reason.text,
      vocabulary,
      reason.category,
    );
    if (!texts.includes(sentence)) texts.push(sentence);
  }
  return texts.length === 0 ? null : texts.join("; ");
}

/**
 * "15 Verschiebungen wegen OZG-Aufwand", "1 Verschiebung wegen Personal",
 * "4 Verschiebungen aus sonstigen Gründen".
 */
export function shiftCountSentence(
  count: number,
  category: { readonly key: string; readonly label: string },
  vocabulary: PeriodWords,
): string {
  return vocabulary.shiftCount(
    count,
    category.key === CATCH_ALL_CATEGORY_KEY
      ? null
      : cleanFragment(category.label),
  );
}

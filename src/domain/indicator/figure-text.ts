/**
 * Key figure values as people write them: "1.832", "66,7 %", "2 von 3", "144/572",
 * "mehr als 60", "über 60", "rund 110", "ca. 110", "weniger als 5", and a breakdown as
 * lines "23 Führungskräfte" / "88 Mitarbeitende". German notation: "." groups thousands,
 * "," separates decimals; a lone "." before one, two or four digits is read as a decimal
 * point ("66.7"), as spreadsheets write it.
 */
import { formatGermanNumber } from "./german-number.js";
import { GERMAN_MONTH_NAMES } from "../period/point-in-time.js";
import { dayNumberOf, isValidCalendarDate } from "../calendar/calendar.js";
import {
  decimalsOf,
  type BreakdownPart,
  type Indicator,
  type Qualifier,
} from "./indicator.js";

/** What a value text says. */
export interface FigureText {
  readonly value: number;
  /** "2 von 3" → 3; null without a whole. */
  readonly denominator: number | null;
  readonly qualifier: Qualifier | null;
  /** Whether the text ended in "%". */
  readonly isPercent: boolean;
}

/** A value text that could not be read, with the German reason. */
export interface FigureTextProblem {
  readonly message: string;
}

const QUALIFIER_WORDS: readonly (readonly [RegExp, Qualifier])[] = [
  [/^(mehr als|über|ueber|>)\s*/i, "more_than"],
  [/^(weniger als|unter|<)\s*/i, "less_than"],
  [/^(rund|ca\.?|circa|zirka|etwa|ungefähr|ungefaehr|~|≈)\s*/i, "about"],
];

/** Reads a German number ("1.832", "66,7", "1.234,5", "66.7"); null when it is none. */
export function parseGermanNumber(text: string): number | null {
  const trimmed = text.trim().replace(/\s/g, "");
  if (/^-?\d{1,3}(\.\d{3})+(,\d+)?$/.test(trimmed))
    return Number(trimmed.replace(/\./g, "").replace(",", "."));
  if (/^-?\d+(,\d+)?$/.test(trimmed)) return Number(trimmed.replace(",", "."));
  if (/^-?\d+\.\d+$/.test(trimmed)) return Number(trimmed);
  return null;
}

/** Reads a value text; a problem in German when it cannot be read. */
export function parseFigureText(text: string): FigureText | FigureTextProblem {
  let rest = text.trim().replace(/\u00a0/g, " ");
  if (rest === "") return { message: "Bitte einen Wert angeben." };
  let qualifier: Qualifier | null = null;
  for (const [pattern, each] of QUALIFIER_WORDS) {
    const match = pattern.exec(rest);
    if (match !== null) {
      qualifier = each;
      rest = rest.slice(match[0].length);
      break;
    }
  }
  let isPercent = false;
  if (/%$/.test(rest)) {
    isPercent = true;
    rest = rest.replace(/\s*%$/, "");
  }
  let denominator: number | null = null;
  const share = /^(.+?)\s*(?:\bvon\b|\/)\s*(.+)$/i.exec(rest);
  if (share !== null && !isPercent) {
    const whole = parseGermanNumber(share[2] ?? "");
    if (whole === null)
      return {
        message: `„${text.trim()}“ ist kein Anteil wie „144 von 572“.`,
      };
    denominator = whole;
    rest = share[1] ?? "";
  }
  const value = parseGermanNumber(rest);
  if (value === null) {
    return {
      message: `„${text.trim()}“ ist keine Zahl. Beispiele: „1.832“, „66,7 %“, „2 von 3“, „mehr als 60“, „rund 110“.`,
    };
  }
  return { value, denominator, qualifier, isPercent };
}

/** Whether a parse result is a problem. */
export function isFigureTextProblem(
  result: FigureText | FigureTextProblem,
): result is FigureTextProblem {
  return "message" in result;
}

/**
 * Checks that a value text fits the figure's kind: a share only for ratios, "%" only for
 * percentages. Returns the German problem or null. Decimals and ranges are checked by
 * `validateObservation`.
 */
export function figureTextMismatch(
  indicator: Indicator,
  figure: FigureText,
): string | null {
  if (indicator.kind === "ratio") {
    if (figure.isPercent)
      return `„${indicator.name}“ ist ein Anteil: bitte als „Teil von Gesamt“ angeben, z. B. „2 von 3“.`;
    return null;
  }
  if (figure.denominator !== null)
    return `„${indicator.name}“ ist kein Anteil; „von“ gibt es nur bei Anteilen.`;
  if (figure.isPercent && indicator.kind !== "percent")
    return `„${indicator.name}“ ist kein Prozentwert; bitte ohne „%“ angeben.`;
  return null;
}

/**
 * Reads a breakdown, one category a line: "23 Führungskräfte" or "Führungskräfte: 23".
 * Empty text is no breakdown.
 */
export function parseBreakdownText(
  text: string,
): readonly BreakdownPart[] | FigureTextProblem {
  const parts: BreakdownPart[] = [];
  for (const raw of text.split(/\r?\n|;/)) {
    const line = raw.trim().replace(/^[+=]\s*/, "");
    if (line === "") continue;
    const leading = /^(-?[\d.,]+)\s+(.+)$/.exec(line);
    const trailing = /^(.+?)\s*[:=]\s*(-?[\d.,]+)$/.exec(line);
    const numberText = leading?.[1] ?? trailing?.[2];
    const label = leading?.[2] ?? trailing?.[1];
    const value =
      numberText === undefined ? null : parseGermanNumber(numberText);
    if (value === null || label === undefined || label.trim() === "") {
      return {
        message: `Die Zeile „${line}“ der Aufteilung ist nicht lesbar; bitte je Zeile Zahl und Bezeichnung angeben, z. B. „23 Führungskräfte“.`,
      };
    }
    parts.push({ label: label.trim(), value });
  }
  return parts;
}

/** A breakdown as text for the form, one part a line: "23 Führungskräfte". */
export function formatBreakdownText(
  indicator: Indicator,
  parts: readonly BreakdownPart[],
): string {
  return parts
    .map(
      (part) =>
        `${formatGermanNumber(part.value, decimalsOf(indicator))} ${part.label}`,
    )
    .join("\n");
}

const MONTH_PATTERN = GERMAN_MONTH_NAMES.join("|");
// "Ende November 2022", "November 2022", "Stand 22.11.2022", "am 22.11.2022".
const DATED = new RegExp(
  `(?:(?:Anfang|Mitte|Ende)\\s+)?(${MONTH_PATTERN})\\s+(\\d{4})|(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4})`,
  "gu",
);

/** The earliest day a text's date phrases name, per phrase ("Ende November 2022" → 1 Nov 2022). */
function datesIn(text: string): number[] {
  const days: number[] = [];
  for (const match of text.matchAll(DATED)) {
    if (match[1] !== undefined && match[2] !== undefined) {
      const month = GERMAN_MONTH_NAMES.indexOf(
        match[1] as (typeof GERMAN_MONTH_NAMES)[number],
      );
      days.push(dayNumberOf(Number(match[2]), month + 1, 1));
    } else if (match[3] !== undefined) {
      const [day, month, year] = [match[3], match[4], match[5]].map(Number);
      if (isValidCalendarDate(year!, month!, day!))
        days.push(dayNumberOf(year!, month!, day!));
    }
  }
  return days;
}

/**
 * A text as a document of a given date may quote it: a clause (up to "." or ";") that gives
 * a figure with a Stand after the document's date ("Ende November 2022 arbeiteten 133
 * Beschäftigte …" in a catalogue of 31.03.2022) is left out, since the document cannot
 * know it; everything else stays as written.
 */
export function figuresAsOf(text: string, documentDay: number): string {
  const clauses = text.trim().split(/(?<=[.;])\s+/u);
  const kept: string[] = [];
  for (const clause of clauses) {
    const quotesFigure = /\d/u.test(clause.replace(DATED, ""));
    const later = datesIn(clause).some((day) => day > documentDay);
    if (quotesFigure && later) {
      // The clause before a dropped one ends the sentence instead of its ";".
      const last = kept.length - 1;
      if (last >= 0) kept[last] = kept[last]!.replace(/;\s*$/u, ".");
      continue;
    }
    kept.push(clause.trim());
  }
  return kept.join(" ").replace(/\s+/gu, " ").trim();
}

/**
 * Key figure values as people write them: "1.832", "66,7 %", "2 von 3", "144/572",
 * "mehr als 60", "über 60", "rund 110", "ca. 110", "weniger als 5", and a breakdown as
 * lines "23 Führungskräfte" / "88 Mitarbeitende". German notation: "." groups thousands,
 * "," separates decimals; a lone "." before one, two or four digits is read as a decimal
 * point ("66.7"), as spreadsheets write it.
 */
import { formatGermanNumber } from "./german-number.js";
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

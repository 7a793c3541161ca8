/**
 * Key figures (Kennzahlen): what a figure means, and its dated observations. Every number
 * the report shows carries its definition and its as-of date, so figures are always read
 * from observations at a date, never typed into a report.
 *
 * Days are day numbers (days since 1970-01-01, UTC) as in `period/point-in-time.ts`.
 */
import { plural } from "../plural.js";
import {
  PERCENT_SPACE,
  formatGermanNumber,
  formatGermanPercent,
  roundHalfAwayFromZero,
} from "./german-number.js";
import { formatGermanDate } from "../calendar/calendar.js";

/**
 * A plain count ("1.832 Aktivitäten"), a part of a whole ("144 von 572 Mitarbeitenden"),
 * a decimal value with a set number of decimals and a unit ("4,5 km") or a percentage
 * ("66,7 %").
 */
export type IndicatorKind = "count" | "ratio" | "decimal" | "percent";

/** All indicator kinds. */
export const INDICATOR_KINDS: readonly IndicatorKind[] = [
  "count",
  "ratio",
  "decimal",
  "percent",
];

/** The most decimals a figure may be kept with. */
export const MAX_DECIMALS = 4;

/**
 * How an approximate value was given: "rund 110", "mehr als 60", "weniger als 5". Such a
 * value is kept with its qualifier and never shown as exact.
 */
export type Qualifier = "about" | "more_than" | "less_than";

/** All qualifiers. */
export const QUALIFIERS: readonly Qualifier[] = [
  "about",
  "more_than",
  "less_than",
];

/** The German words in front of an approximate value. */
export const QUALIFIER_GERMAN: Readonly<Record<Qualifier, string>> = {
  about: "rund",
  more_than: "mehr als",
  less_than: "weniger als",
};

/** One category of a value broken down (111 = 23 Führungskräfte + 88 Mitarbeitende). */
export interface BreakdownPart {
  readonly label: string;
  readonly value: number;
}

/**
 * The value a figure should reach by a day. For ratios the target is the share in percent
 * (what the chart plots); for all other kinds it is a value of the figure.
 */
export interface IndicatorTarget {
  readonly value: number;
  readonly day: number;
}

/** The definition of a key figure, shown next to every value of it. */
export interface Indicator {
  /** Stable identifier within the municipality, e.g. "mobile-office". */
  readonly key: string;
  /** e.g. "Mitarbeitende im Mobile Office". */
  readonly name: string;
  /** What one counted item is, e.g. "Mitarbeitende", "Abonnenten". */
  readonly unit: string;
  /** What is counted and how, e.g. "Mitarbeitende mit Vereinbarung über regelmäßiges Mobile Office". */
  readonly definition: string;
  /** Where the number comes from, e.g. "Personalverwaltung, Stand Monatsende". */
  readonly source: string;
  /** Who keeps it up to date (a person or org unit). */
  readonly owner: string;
  /** The project the figure belongs to, or null. */
  readonly projectSlug: string | null;
  readonly kind: IndicatorKind;
  /** For ratios: what the whole counts, e.g. "Mitarbeitende einschließlich GSK"; else null. */
  readonly denominatorLabel: string | null;
  /** Decimals of decimal and percent values (0 when absent); counts and ratios have none. */
  readonly decimals?: number;
  /** The value to reach, drawn in the chart; absent or null when there is none. */
  readonly target?: IndicatorTarget | null;
}

/** What a figure says it counts and who keeps it: the definition without key, decimals and target. */
export function indicatorDescription(indicator: Indicator) {
  return {
    name: indicator.name,
    unit: indicator.unit,
    definition: indicator.definition,
    source: indicator.source,
    owner: indicator.owner,
    projectSlug: indicator.projectSlug,
    kind: indicator.kind,
    denominatorLabel: indicator.denominatorLabel,
  };
}

/** One dated value of a key figure. */
export interface Observation {
  /** The day the value describes (its as-of date), a day number. */
  readonly day: number;
  /** The count; for ratios the part (144 of 572 → 144). */
  readonly value: number;
  /** For ratios the whole (572); null for counts. */
  readonly denominator: number | null;
  readonly note: string | null;
  /** Set for an approximate value ("mehr als 60"); absent or null for an exact one. */
  readonly qualifier?: Qualifier | null;
  /** The value broken down by category; absent or empty when it is not. */
  readonly breakdown?: readonly BreakdownPart[];
}

/** Stable codes for what is wrong with an indicator or one of its observations. */
export type IndicatorProblemCode =
  | "INDICATOR_NAME_REQUIRED"
  | "INDICATOR_UNIT_REQUIRED"
  | "INDICATOR_DEFINITION_REQUIRED"
  | "INDICATOR_SOURCE_REQUIRED"
  | "INDICATOR_OWNER_REQUIRED"
  | "INDICATOR_KIND_UNKNOWN"
  | "INDICATOR_DENOMINATOR_LABEL_REQUIRED"
  | "INDICATOR_DENOMINATOR_LABEL_UNEXPECTED"
  | "OBSERVATION_DAY_INVALID"
  | "OBSERVATION_VALUE_INVALID"
  | "OBSERVATION_DENOMINATOR_REQUIRED"
  | "OBSERVATION_DENOMINATOR_INVALID"
  | "OBSERVATION_DENOMINATOR_UNEXPECTED"
  | "OBSERVATION_VALUE_EXCEEDS_DENOMINATOR"
  | "OBSERVATION_DUPLICATE_DAY"
  | "INDICATOR_DECIMALS_INVALID"
  | "INDICATOR_TARGET_INVALID"
  | "OBSERVATION_TOO_MANY_DECIMALS"
  | "OBSERVATION_QUALIFIER_UNKNOWN"
  | "OBSERVATION_BREAKDOWN_INVALID"
  | "OBSERVATION_BREAKDOWN_SUM";

/** What is wrong, where, in German. */
export interface IndicatorProblem {
  readonly code: IndicatorProblemCode;
  readonly field: string;
  readonly message: string;
}

/** An observation's problem, with its position in the input list. */
export interface ObservationProblem extends IndicatorProblem {
  readonly index: number;
}

/** Every problem code; a test checks that the list is complete and each code occurs. */
export const INDICATOR_PROBLEM_CODES: readonly IndicatorProblemCode[] = [
  "INDICATOR_NAME_REQUIRED",
  "INDICATOR_UNIT_REQUIRED",
  "INDICATOR_DEFINITION_REQUIRED",
  "INDICATOR_SOURCE_REQUIRED",
  "INDICATOR_OWNER_REQUIRED",
  "INDICATOR_KIND_UNKNOWN",
  "INDICATOR_DENOMINATOR_LABEL_REQUIRED",
  "INDICATOR_DENOMINATOR_LABEL_UNEXPECTED",
  "OBSERVATION_DAY_INVALID",
  "OBSERVATION_VALUE_INVALID",
  "OBSERVATION_DENOMINATOR_REQUIRED",
  "OBSERVATION_DENOMINATOR_INVALID",
  "OBSERVATION_DENOMINATOR_UNEXPECTED",
  "OBSERVATION_VALUE_EXCEEDS_DENOMINATOR",
  "OBSERVATION_DUPLICATE_DAY",
  "INDICATOR_DECIMALS_INVALID",
  "INDICATOR_TARGET_INVALID",
  "OBSERVATION_TOO_MANY_DECIMALS",
  "OBSERVATION_QUALIFIER_UNKNOWN",
  "OBSERVATION_BREAKDOWN_INVALID",
  "OBSERVATION_BREAKDOWN_SUM",
];

/** The decimals a figure's values are kept and shown with. */
export function decimalsOf(
  indicator: Pick<Indicator, "kind" | "decimals">,
): number {
  return indicator.kind === "decimal" || indicator.kind === "percent"
    ? (indicator.decimals ?? 0)
    : 0;
}

/** Whether a number has at most `decimals` places (66,7 with 1: yes; 66,75: no). */
export function fitsDecimals(value: number, decimals: number): boolean {
  return (
    Number.isFinite(value) && roundHalfAwayFromZero(value, decimals) === value
  );
}

function decimalsWord(decimals: number): string {
  return plural(decimals, "Nachkommastelle", "Nachkommastellen");
}

/** A figure's value in German without its unit: "66,7 %" for percentages, else "66,7". */
function plainValue(
  indicator: Pick<Indicator, "kind" | "decimals">,
  value: number,
): string {
  const number = formatGermanNumber(value, decimalsOf(indicator));
  return indicator.kind === "percent" ? `${number}${PERCENT_SPACE}%` : number;
}

function isBlank(text: string | null): boolean {
  return text === null || text.trim() === "";
}

function isCount(value: number): boolean {
  return Number.isSafeInteger(value) && value >= 0;
}

/**
 * Lists what is wrong with an indicator's definition (empty when fine). Name, unit,
 * definition, source and owner are all required: a figure without a definition cannot be
 * read, and one without an owner is not kept up to date. A ratio names its whole.
 */
export function validateIndicator(
  indicator: Indicator,
): readonly IndicatorProblem[] {
  const problems: IndicatorProblem[] = [];
  const required: readonly [keyof Indicator, IndicatorProblemCode, string][] = [
    [
      "name",
      "INDICATOR_NAME_REQUIRED",
      "Bitte den Namen der Kennzahl angeben.",
    ],
    [
      "unit",
      "INDICATOR_UNIT_REQUIRED",
      "Bitte die Einheit angeben (was gezählt wird, z. B. „Mitarbeitende“).",
    ],
    [
      "definition",
      "INDICATOR_DEFINITION_REQUIRED",
      "Bitte beschreiben, was genau gezählt wird.",
    ],
    [
      "source",
      "INDICATOR_SOURCE_REQUIRED",
      "Bitte die Quelle der Zahl angeben.",
    ],
    [
      "owner",
      "INDICATOR_OWNER_REQUIRED",
      "Bitte angeben, wer die Kennzahl pflegt.",
    ],
  ];
  for (const [field, code, message] of required) {
    const value = indicator[field];
    if (typeof value !== "string" || isBlank(value))
      problems.push({ code, field, message });
  }
  if (!(INDICATOR_KINDS as readonly unknown[]).includes(indicator.kind)) {
    problems.push({
      code: "INDICATOR_KIND_UNKNOWN",
      field: "kind",
      message: `Unbekannte Art „${String(indicator.kind)}“; erlaubt: Anzahl (count) oder Anteil (ratio).`,
    });
  } else if (
    indicator.kind === "ratio" &&
    isBlank(indicator.denominatorLabel)
  ) {
    problems.push({
      code: "INDICATOR_DENOMINATOR_LABEL_REQUIRED",
      field: "denominatorLabel",
      message:
        "Ein Anteil braucht die Angabe, wovon er ein Teil ist (z. B. „Mitarbeitende insgesamt“).",
    });
  } else if (
    indicator.kind === "count" &&
    !isBlank(indicator.denominatorLabel)
  ) {
    problems.push({
      code: "INDICATOR_DENOMINATOR_LABEL_UNEXPECTED",
      field: "denominatorLabel",
      message:
        "Eine Anzahl hat keine Gesamtzahl; für „x von y“ bitte die Art „Anteil“ wählen.",
    });
  }
  const decimals = indicator.decimals ?? 0;
  if (
    !Number.isInteger(decimals) ||
    decimals < 0 ||
    decimals > MAX_DECIMALS ||
    (decimals > 0 &&
      indicator.kind !== "decimal" &&
      indicator.kind !== "percent")
  ) {
    problems.push({
      code: "INDICATOR_DECIMALS_INVALID",
      field: "decimals",
      message:
        indicator.kind === "count" || indicator.kind === "ratio"
          ? "Anzahlen und Anteile sind ganze Zahlen; Nachkommastellen gibt es nur bei Dezimalwerten und Prozentwerten."
          : `Bitte 0 bis ${MAX_DECIMALS} Nachkommastellen angeben.`,
    });
  }
  const target = indicator.target ?? null;
  if (target !== null) {
    const targetDecimals =
      indicator.kind === "ratio" ? 1 : decimalsOf(indicator);
    if (!Number.isSafeInteger(target.day)) {
      problems.push({
        code: "INDICATOR_TARGET_INVALID",
        field: "target",
        message:
          "Ein Zielwert braucht das Datum, bis zu dem er erreicht sein soll.",
      });
    } else if (
      !fitsDecimals(target.value, targetDecimals) ||
      target.value < 0
    ) {
      problems.push({
        code: "INDICATOR_TARGET_INVALID",
        field: "target",
        message: `Der Zielwert muss eine Zahl ab 0 mit höchstens ${decimalsWord(targetDecimals)} sein.`,
      });
    }
  }
  return problems;
}

/**
 * Lists what is wrong with one observation of an indicator. Values are whole numbers
 * from 0; a ratio's part is at most its whole, and the whole is at least 1.
 */
export function validateObservation(
  indicator: Indicator,
  observation: Observation,
): readonly IndicatorProblem[] {
  const problems: IndicatorProblem[] = [];
  if (!Number.isSafeInteger(observation.day)) {
    problems.push({
      code: "OBSERVATION_DAY_INVALID",
      field: "day",
      message: "Bitte das Datum des Werts angeben.",
    });
  }
  const decimals = decimalsOf(indicator);
  const valueOk = (value: number): boolean =>
    decimals === 0 ? isCount(value) : Number.isFinite(value) && value >= 0;
  if (!valueOk(observation.value)) {
    problems.push({
      code: "OBSERVATION_VALUE_INVALID",
      field: "value",
      message:
        decimals === 0
          ? `Der Wert muss eine ganze Zahl ab 0 sein, nicht „${String(observation.value)}“.`
          : `Der Wert muss eine Zahl ab 0 sein, nicht „${String(observation.value)}“.`,
    });
  } else if (decimals > 0 && !fitsDecimals(observation.value, decimals)) {
    problems.push({
      code: "OBSERVATION_TOO_MANY_DECIMALS",
      field: "value",
      message: `Der Wert ${String(observation.value).replace(".", ",")} hat zu viele Nachkommastellen: „${indicator.name}“ wird mit ${decimalsWord(decimals)} erfasst.`,
    });
  }
  const qualifier = observation.qualifier ?? null;
  if (
    qualifier !== null &&
    !(QUALIFIERS as readonly unknown[]).includes(qualifier)
  ) {
    problems.push({
      code: "OBSERVATION_QUALIFIER_UNKNOWN",
      field: "qualifier",
      message: `Unbekannte Angabe „${String(qualifier)}“; erlaubt sind „rund“, „mehr als“ und „weniger als“.`,
    });
  }
  problems.push(...breakdownProblems(indicator, observation));
  const { denominator } = observation;
  if (indicator.kind !== "ratio") {
    if (denominator !== null) {
      problems.push({
        code: "OBSERVATION_DENOMINATOR_UNEXPECTED",
        field: "denominator",
        message:
          "Diese Kennzahl ist kein Anteil; eine Gesamtzahl wird nicht erfasst.",
      });
    }
    return problems;
  }
  if (denominator === null) {
    problems.push({
      code: "OBSERVATION_DENOMINATOR_REQUIRED",
      field: "denominator",
      message: `Bitte die Gesamtzahl angeben (${indicator.denominatorLabel ?? "wovon der Wert ein Teil ist"}).`,
    });
  } else if (!isCount(denominator) || denominator === 0) {
    problems.push({
      code: "OBSERVATION_DENOMINATOR_INVALID",
      field: "denominator",
      message: `Die Gesamtzahl muss eine ganze Zahl ab 1 sein, nicht „${String(denominator)}“.`,
    });
  } else if (isCount(observation.value) && observation.value > denominator) {
    problems.push({
      code: "OBSERVATION_VALUE_EXCEEDS_DENOMINATOR",
      field: "value",
      message: `Der Wert ${formatGermanNumber(observation.value)} ist größer als die Gesamtzahl ${formatGermanNumber(denominator)}.`,
    });
  }
  return problems;
}

/**
 * A breakdown's problems: every part needs a name and a value like the figure's, no
 * category twice, and the parts must add up to the value (23 + 88 = 111).
 */
function breakdownProblems(
  indicator: Indicator,
  observation: Observation,
): IndicatorProblem[] {
  const parts = observation.breakdown ?? [];
  if (parts.length === 0) return [];
  const decimals = decimalsOf(indicator);
  const problems: IndicatorProblem[] = [];
  const names = new Set<string>();
  for (const part of parts) {
    const label = part.label.trim();
    if (label === "") {
      problems.push({
        code: "OBSERVATION_BREAKDOWN_INVALID",
        field: "breakdown",
        message:
          "Jeder Teil der Aufteilung braucht einen Namen (z. B. „23 Führungskräfte“).",
      });
    } else if (names.has(label)) {
      problems.push({
        code: "OBSERVATION_BREAKDOWN_INVALID",
        field: "breakdown",
        message: `„${label}“ steht zweimal in der Aufteilung.`,
      });
    }
    names.add(label);
    if (
      !Number.isFinite(part.value) ||
      part.value < 0 ||
      !fitsDecimals(part.value, decimals)
    ) {
      problems.push({
        code: "OBSERVATION_BREAKDOWN_INVALID",
        field: "breakdown",
        message:
          decimals === 0
            ? `Der Teil „${label}“ muss eine ganze Zahl ab 0 sein.`
            : `Der Teil „${label}“ muss eine Zahl ab 0 mit höchstens ${decimalsWord(decimals)} sein.`,
      });
    }
  }
  if (problems.length > 0) return problems;
  const sum = roundHalfAwayFromZero(
    parts.reduce((total, part) => total + part.value, 0),
    decimals,
  );
  if (sum !== observation.value) {
    problems.push({
      code: "OBSERVATION_BREAKDOWN_SUM",
      field: "breakdown",
      message: `Die Aufteilung geht nicht auf: ${parts.map((part) => plainValue(indicator, part.value)).join(" + ")} = ${plainValue(indicator, sum)}, der Wert ist aber ${plainValue(indicator, observation.value)}.`,
    });
  }
  return problems;
}

/**
 * Lists the problems of all observations (with their index), plus a second observation
 * on the same day: which of two values for one day is right cannot be decided here.
 */
export function validateObservations(
  indicator: Indicator,
  observations: readonly Observation[],
): readonly ObservationProblem[] {
  const problems: ObservationProblem[] = [];
  const seen = new Set<number>();
  observations.forEach((observation, index) => {
    for (const each of validateObservation(indicator, observation))
      problems.push({ ...each, index });
    if (seen.has(observation.day)) {
      problems.push({
        code: "OBSERVATION_DUPLICATE_DAY",
        field: "day",
        message: `Für den ${formatGermanDate(observation.day)} gibt es schon einen Wert.`,
        index,
      });
    }
    seen.add(observation.day);
  });
  return problems;
}

/**
 * The observations on or before `asOf`, oldest first. Of two observations on one day
 * only the later in the input is kept, matching `valueAt`.
 */
export function observationsUpTo(
  observations: readonly Observation[],
  asOf: number,
): readonly Observation[] {
  const byDay = new Map<number, Observation>();
  for (const observation of observations) {
    if (observation.day <= asOf) byDay.set(observation.day, observation);
  }
  return [...byDay.values()].sort((a, b) => a.day - b.day);
}

/**
 * The value that held on `asOf`: the latest observation on or before it, or null when
 * there is none yet. Of two observations on one day the later in the input wins.
 */
export function valueAt(
  observations: readonly Observation[],
  asOf: number,
): Observation | null {
  let latest: Observation | null = null;
  for (const observation of observations) {
    if (observation.day > asOf) continue;
    if (latest === null || observation.day >= latest.day) latest = observation;
  }
  return latest;
}

/** The share of a ratio observation (144 of 572 → 0.2517…), or null without a usable whole. */
export function shareOf(observation: Observation): number | null {
  const { denominator } = observation;
  if (denominator === null || denominator <= 0) return null;
  return observation.value / denominator;
}

/** How a figure changed between two dates. */
export interface IndicatorChange {
  /** The value that held on the earlier date, or null when none existed yet. */
  readonly from: Observation | null;
  /** The value that held on the later date, or null. */
  readonly to: Observation | null;
  /** `to.value - from.value`, or null when either is missing. */
  readonly absolute: number | null;
  /** The change as a fraction of the earlier value (0.2 = +20 %); null when that was 0. */
  readonly relative: number | null;
  /** For ratios: the change of the share as a fraction (0.02 = +2 percentage points). */
  readonly shareDifference: number | null;
}

/**
 * How a figure changed from the value that held on `from` to the value that held on `to`
 * (both day numbers), e.g. between the previous and the current report's as-of dates.
 * Both may be the same observation (nothing new was recorded): then the change is 0.
 */
export function changeBetween(
  observations: readonly Observation[],
  from: number,
  to: number,
): IndicatorChange {
  const start = valueAt(observations, from);
  const end = valueAt(observations, to);
  if (start === null || end === null) {
    return {
      from: start,
      to: end,
      absolute: null,
      relative: null,
      shareDifference: null,
    };
  }
  const absolute = end.value - start.value;
  const startShare = shareOf(start);
  const endShare = shareOf(end);
  return {
    from: start,
    to: end,
    absolute,
    relative: start.value === 0 ? null : absolute / start.value,
    shareDifference:
      startShare === null || endShare === null ? null : endShare - startShare,
  };
}

/** "mehr als 60": a value with its qualifier in front, or the value alone when exact. */
export function withQualifier(
  qualifier: Qualifier | null | undefined,
  text: string,
): string {
  return qualifier == null ? text : `${QUALIFIER_GERMAN[qualifier]} ${text}`;
}

/**
 * An observation's value for German readers, without the unit: "1.832" for counts,
 * "144 von 572 (25,2 %)" for ratios, "66,7 %" for percentages, "4,50" for a decimal
 * with two places; an approximate value keeps its qualifier ("mehr als 60"). Without the
 * indicator the value is shown as a count or ratio.
 */
export function formatObservationGerman(
  observation: Observation,
  indicator: Pick<Indicator, "kind" | "decimals"> = { kind: "count" },
): string {
  const share = shareOf(observation);
  if (observation.denominator === null || share === null) {
    return withQualifier(
      observation.qualifier,
      indicator.kind === "ratio"
        ? formatGermanNumber(observation.value)
        : plainValue(indicator, observation.value),
    );
  }
  const value = formatGermanNumber(observation.value);
  return withQualifier(
    observation.qualifier,
    `${value} von ${formatGermanNumber(observation.denominator)} (${formatGermanPercent(share)})`,
  );
}

/**
 * A value with its unit for German readers: "mehr als 60 Mitarbeitende", "66,7 %" (a
 * percentage needs no unit), "2 von 3 (66,7 %) Sitzungen".
 */
export function formatFigureGerman(
  indicator: Indicator,
  observation: Observation,
): string {
  const text = formatObservationGerman(observation, indicator);
  return indicator.kind === "percent" ||
    indicator.unit.trim() === "" ||
    indicator.unit.trim() === "%"
    ? text
    : `${text} ${indicator.unit}`;
}

/** A breakdown part's value in German ("23"), and its share of the whole ("20,7 %"). */
export function formatBreakdownPart(
  indicator: Indicator,
  observation: Observation,
  part: BreakdownPart,
): { readonly value: string; readonly share: string | null } {
  return {
    value: plainValue(indicator, part.value),
    share:
      observation.value > 0 && indicator.kind !== "percent"
        ? formatGermanPercent(part.value / observation.value)
        : null,
  };
}

/** A target's value in German notation: "100 %" (ratios and percentages) or "500 Mitarbeitende". */
export function formatTargetValueGerman(
  indicator: Indicator,
  target: IndicatorTarget,
): string {
  return indicator.kind === "ratio"
    ? formatGermanPercent(target.value / 100)
    : indicator.kind === "percent"
      ? plainValue(indicator, target.value)
      : `${plainValue(indicator, target.value)} ${indicator.unit}`;
}

/** A target in German: "100 % bis 31.12.2027" (ratios and percentages) or "500 Mitarbeitende bis …". */
export function formatTargetGerman(
  indicator: Indicator,
  target: IndicatorTarget,
): string {
  return `${formatTargetValueGerman(indicator, target)} bis ${formatGermanDate(target.day)}`;
}

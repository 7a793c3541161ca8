/**
 * Points in time of varying precision ("2023", "2023-Q2", "2023-05", "2023-05-17"):
 * parsing, formatting, ordering, shifting and calendar arithmetic.
 *
 * Days are day numbers of the one calendar (domain/calendar/calendar.ts).
 */
import {
  calendarDateOf,
  dayNumberOf,
  daysInMonth,
  formatIsoDate,
  isValidCalendarDate,
  MAX_YEAR,
  MIN_YEAR,
} from "../calendar/calendar.js";

/** How precisely a point in time is known, from coarsest to finest. */
export type Precision = "year" | "quarter" | "month" | "day";

/** A quarter of a year. */
export type Quarter = 1 | 2 | 3 | 4;

/** A whole year, e.g. "2023". */
export interface YearPoint {
  readonly precision: "year";
  readonly year: number;
}

/** A quarter of a year, e.g. "2023-Q2". */
export interface QuarterPoint {
  readonly precision: "quarter";
  readonly year: number;
  readonly quarter: Quarter;
}

/** A calendar month, e.g. "2023-05" (month 1–12). */
export interface MonthPoint {
  readonly precision: "month";
  readonly year: number;
  readonly month: number;
}

/** A single day, e.g. "2023-05-17". */
export interface DayPoint {
  readonly precision: "day";
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

/** A point in time that carries its own precision. */
export type PointInTime = YearPoint | QuarterPoint | MonthPoint | DayPoint;

/** All precisions, coarsest first. */
export const PRECISIONS: readonly Precision[] = [
  "year",
  "quarter",
  "month",
  "day",
];

const PRECISION_RANK: Readonly<Record<Precision, number>> = {
  year: 0,
  quarter: 1,
  month: 2,
  day: 3,
};

/** Compares precisions: negative when `a` is coarser than `b`, 0 when equal. */
export function comparePrecision(a: Precision, b: Precision): number {
  return PRECISION_RANK[a] - PRECISION_RANK[b];
}

/** The coarser of two precisions. */
export function coarserPrecision(a: Precision, b: Precision): Precision {
  return comparePrecision(a, b) <= 0 ? a : b;
}

// ---------------------------------------------------------------------------
// Construction

function isValidYear(year: number): boolean {
  return Number.isInteger(year) && year >= MIN_YEAR && year <= MAX_YEAR;
}

function requireYear(year: number): void {
  if (!isValidYear(year)) {
    throw new RangeError(
      `Year must be a whole number from ${MIN_YEAR} to ${MAX_YEAR}, got ${year}.`,
    );
  }
}

/** Creates a year point; throws a RangeError for a year outside 1900–2200. */
export function yearPoint(year: number): YearPoint {
  requireYear(year);
  return { precision: "year", year };
}

/** Creates a quarter point; throws a RangeError for invalid input. */
export function quarterPoint(year: number, quarter: number): QuarterPoint {
  requireYear(year);
  if (quarter !== 1 && quarter !== 2 && quarter !== 3 && quarter !== 4) {
    throw new RangeError(`Quarter must be 1–4, got ${quarter}.`);
  }
  return { precision: "quarter", year, quarter };
}

/** Creates a month point; throws a RangeError for invalid input. */
export function monthPoint(year: number, month: number): MonthPoint {
  requireYear(year);
  if (!Number.isInteger(month) || month < 1 || month > 12) {
    throw new RangeError(`Month must be 1–12, got ${month}.`);
  }
  return { precision: "month", year, month };
}

/** Creates a day point; throws a RangeError unless it is a real calendar date. */
export function dayPoint(year: number, month: number, day: number): DayPoint {
  requireYear(year);
  if (!isValidCalendarDate(year, month, day)) {
    throw new RangeError(`${year}-${month}-${day} is not a calendar date.`);
  }
  return { precision: "day", year, month, day };
}

// ---------------------------------------------------------------------------
// Parsing and formatting

const CANONICAL_YEAR = /^(\d{4})$/;
const CANONICAL_QUARTER = /^(\d{4})-Q([1-4])$/;
const CANONICAL_MONTH = /^(\d{4})-(\d{2})$/;
const CANONICAL_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

function tryPoint(build: () => PointInTime): PointInTime | null {
  try {
    return build();
  } catch (error) {
    if (error instanceof RangeError) return null;
    throw error;
  }
}

/** Parses the canonical forms "2023", "2023-Q2", "2023-05", "2023-05-17" exactly; null otherwise. */
export function parsePointInTime(text: string): PointInTime | null {
  // Deliberately strict (no trimming, upper-case Q only): canonical text has exactly one spelling.
  const year = CANONICAL_YEAR.exec(text);
  if (year) return tryPoint(() => yearPoint(Number(year[1])));
  const quarter = CANONICAL_QUARTER.exec(text);
  if (quarter)
    return tryPoint(() => quarterPoint(Number(quarter[1]), Number(quarter[2])));
  const month = CANONICAL_MONTH.exec(text);
  if (month)
    return tryPoint(() => monthPoint(Number(month[1]), Number(month[2])));
  const day = CANONICAL_DAY.exec(text);
  if (day)
    return tryPoint(() =>
      dayPoint(Number(day[1]), Number(day[2]), Number(day[3])),
    );
  return null;
}

const ROMAN_QUARTERS: Readonly<Record<string, Quarter>> = {
  i: 1,
  ii: 2,
  iii: 3,
  iv: 4,
  "1": 1,
  "2": 2,
  "3": 3,
  "4": 4,
};

const ROMAN_NUMERALS = ["I", "II", "III", "IV"] as const;

/** German month names for display, index 0 = January. */
export const GERMAN_MONTH_NAMES = [
  "Januar",
  "Februar",
  "März",
  "April",
  "Mai",
  "Juni",
  "Juli",
  "August",
  "September",
  "Oktober",
  "November",
  "Dezember",
] as const;

// Lower-case spellings users actually type, including common abbreviations and Austrian forms.
const GERMAN_MONTH_INPUT: Readonly<Record<string, number>> = {
  januar: 1,
  jänner: 1,
  jan: 1,
  februar: 2,
  feber: 2,
  feb: 2,
  märz: 3,
  maerz: 3,
  mär: 3,
  mrz: 3,
  april: 4,
  apr: 4,
  mai: 5,
  juni: 6,
  jun: 6,
  juli: 7,
  jul: 7,
  august: 8,
  aug: 8,
  september: 9,
  sept: 9,
  sep: 9,
  oktober: 10,
  okt: 10,
  november: 11,
  nov: 11,
  dezember: 12,
  dez: 12,
};

const QUARTER_SEPARATOR = String.raw`(?:\s*[/.\-]\s*|\s+)`;
const GERMAN_QUARTER_PREFIXED = new RegExp(
  String.raw`^q\s*(iv|i{1,3}|[1-4])${QUARTER_SEPARATOR}(\d{4})$`,
);
const GERMAN_QUARTER_WORD = new RegExp(
  String.raw`^(iv|i{1,3}|[1-4])\.?\s*quartal${QUARTER_SEPARATOR}(\d{4})$`,
);
const GERMAN_MONTH_NUMERIC = /^(\d{1,2})\s*[./]\s*(\d{4})$/;
const GERMAN_MONTH_NAMED = /^(\p{L}+)(?:\.\s*|\s+|\s*\/\s*)(\d{4})$/u;
const GERMAN_DAY_NUMERIC = /^(\d{1,2})\.\s*(\d{1,2})\.\s*(\d{4})$/;
const GERMAN_DAY_NAMED = /^(\d{1,2})\.\s*(\p{L}+)\.?\s+(\d{4})$/u;

/**
 * Parses what a German user types ("2023", "QII/2024", "Q2/2024", "II. Quartal 2024",
 * "05/2024", "5.2024", "Mai 2024", "17.05.2024", "17. Mai 2024") as well as the canonical
 * forms; null when not understood. Two-digit years are rejected as ambiguous.
 */
export function parseGermanPointInTime(text: string): PointInTime | null {
  const normalised = text
    .normalize("NFC")
    .trim()
    .replace(/\s+/g, " ")
    .toLowerCase();
  if (normalised === "") return null;

  const canonical = parsePointInTime(normalised.toUpperCase());
  if (canonical) return canonical;

  const quarterMatch =
    GERMAN_QUARTER_PREFIXED.exec(normalised) ??
    GERMAN_QUARTER_WORD.exec(normalised);
  if (quarterMatch) {
    const quarter = ROMAN_QUARTERS[quarterMatch[1] ?? ""];
    if (quarter === undefined) return null;
    return tryPoint(() => quarterPoint(Number(quarterMatch[2]), quarter));
  }

  const numericMonth = GERMAN_MONTH_NUMERIC.exec(normalised);
  if (numericMonth) {
    return tryPoint(() =>
      monthPoint(Number(numericMonth[2]), Number(numericMonth[1])),
    );
  }

  const namedMonth = GERMAN_MONTH_NAMED.exec(normalised);
  if (namedMonth) {
    const month = GERMAN_MONTH_INPUT[namedMonth[1] ?? ""];
    if (month === undefined) return null;
    return tryPoint(() => monthPoint(Number(namedMonth[2]), month));
  }

  const numericDay = GERMAN_DAY_NUMERIC.exec(normalised);
  if (numericDay) {
    return tryPoint(() =>
      dayPoint(
        Number(numericDay[3]),
        Number(numericDay[2]),
        Number(numericDay[1]),
      ),
    );
  }

  const namedDay = GERMAN_DAY_NAMED.exec(normalised);
  if (namedDay) {
    const month = GERMAN_MONTH_INPUT[namedDay[2] ?? ""];
    if (month === undefined) return null;
    return tryPoint(() =>
      dayPoint(Number(namedDay[3]), month, Number(namedDay[1])),
    );
  }

  return null;
}

/** A day as people type it ("28.11.2022", "28. November 2022", "2022-11-28") as a day number; null when it is no day. */
export function parseGermanDay(text: string): number | null {
  const point = parseGermanPointInTime(text);
  return point?.precision === "day" ? firstDayOf(point) : null;
}

/** A day as people type it, as an ISO date ("28.11.2022" → "2022-11-28"); null when it is no day. */
export function isoDateOfGermanDay(text: string): string | null {
  const day = parseGermanDay(text);
  return day === null ? null : formatIsoDate(day);
}

function pad2(value: number): string {
  return String(value).padStart(2, "0");
}

/** Formats a point in its canonical form ("2023", "2023-Q2", "2023-05", "2023-05-17"). */
export function formatPointInTime(p: PointInTime): string {
  switch (p.precision) {
    case "year":
      return String(p.year);
    case "quarter":
      return `${p.year}-Q${p.quarter}`;
    case "month":
      return `${p.year}-${pad2(p.month)}`;
    case "day":
      return `${p.year}-${pad2(p.month)}-${pad2(p.day)}`;
  }
}

/** Formats a point for German readers ("2023", "QII/2024", "Mai 2024", "17.05.2024"). */
export function formatPointInTimeGerman(p: PointInTime): string {
  switch (p.precision) {
    case "year":
      return String(p.year);
    case "quarter":
      return `Q${ROMAN_NUMERALS[p.quarter - 1] ?? p.quarter}/${p.year}`;
    case "month":
      return `${GERMAN_MONTH_NAMES[p.month - 1] ?? p.month} ${p.year}`;
    case "day":
      return `${pad2(p.day)}.${pad2(p.month)}.${p.year}`;
  }
}

// ---------------------------------------------------------------------------
// Ordering and overlap

function firstMonthOf(p: PointInTime): number {
  switch (p.precision) {
    case "year":
      return 1;
    case "quarter":
      return (p.quarter - 1) * 3 + 1;
    case "month":
    case "day":
      return p.month;
  }
}

function lastMonthOf(p: PointInTime): number {
  switch (p.precision) {
    case "year":
      return 12;
    case "quarter":
      return p.quarter * 3;
    case "month":
    case "day":
      return p.month;
  }
}

/** The day number of the first day a point covers. */
export function firstDayOf(p: PointInTime): number {
  return dayNumberOf(
    p.year,
    firstMonthOf(p),
    p.precision === "day" ? p.day : 1,
  );
}

/** The day number of the last day a point covers ("2023" → 31 December 2023). */
export function lastDayOf(p: PointInTime): number {
  const month = lastMonthOf(p);
  return dayNumberOf(
    p.year,
    month,
    p.precision === "day" ? p.day : daysInMonth(p.year, month),
  );
}

/** Orders points by their first day; points starting on the same day sort coarser first. */
export function comparePointsInTime(a: PointInTime, b: PointInTime): number {
  const byDay = firstDayOf(a) - firstDayOf(b);
  if (byDay !== 0) return byDay;
  return comparePrecision(a.precision, b.precision);
}

/** Whether two points share at least one day ("2023" and "2023-Q2" do). */
export function pointsOverlap(a: PointInTime, b: PointInTime): boolean {
  return firstDayOf(a) <= lastDayOf(b) && firstDayOf(b) <= lastDayOf(a);
}

// ---------------------------------------------------------------------------
// Shifting

// A running count of units at a precision; only meaningful for year, quarter and month.
function unitIndex(
  p: PointInTime,
  precision: "year" | "quarter" | "month",
): number {
  switch (precision) {
    case "year":
      return p.year;
    case "quarter":
      return p.year * 4 + Math.floor((firstMonthOf(p) - 1) / 3);
    case "month":
      return p.year * 12 + firstMonthOf(p) - 1;
  }
}

const MONTHS_PER_UNIT: Readonly<Record<"year" | "quarter" | "month", number>> =
  {
    year: 12,
    quarter: 3,
    month: 1,
  };

function requireResultYear(year: number): void {
  if (!isValidYear(year)) {
    throw new RangeError(
      `Shift leaves the supported years ${MIN_YEAR}–${MAX_YEAR} (year ${year}).`,
    );
  }
}

/**
 * Moves a point by whole units, keeping its precision ("2023-Q4" + 1 quarter → "2024-Q1";
 * "2024-01-31" + 1 month → "2024-02-29"). Throws a RangeError when the unit is finer than
 * the point (a year cannot move by a month without inventing a month), when the amount is
 * not a whole number, or when the result leaves 1900–2200.
 */
export function shiftPointInTime(
  p: PointInTime,
  amount: number,
  unit: Precision,
): PointInTime {
  if (!Number.isSafeInteger(amount)) {
    throw new RangeError(`Shift amount must be a whole number, got ${amount}.`);
  }
  if (comparePrecision(unit, p.precision) > 0) {
    throw new RangeError(
      `Cannot shift ${formatPointInTime(p)} (precision ${p.precision}) by a ${unit}: ` +
        `the unit is finer than the point.`,
    );
  }
  if (amount === 0) return p;

  switch (p.precision) {
    case "year": {
      const year = p.year + amount;
      requireResultYear(year);
      return yearPoint(year);
    }
    case "quarter": {
      const index =
        unitIndex(p, "quarter") + amount * (unit === "year" ? 4 : 1);
      const year = Math.floor(index / 4);
      requireResultYear(year);
      return quarterPoint(year, index - year * 4 + 1);
    }
    case "month": {
      // The precision check above rules out "day" here; TypeScript cannot see that.
      const months = unit === "day" ? 1 : MONTHS_PER_UNIT[unit];
      const index = unitIndex(p, "month") + amount * months;
      const year = Math.floor(index / 12);
      requireResultYear(year);
      return monthPoint(year, index - year * 12 + 1);
    }
    case "day": {
      if (unit === "day") {
        const date = calendarDateOf(firstDayOf(p) + amount);
        requireResultYear(date.year);
        return dayPoint(date.year, date.month, date.day);
      }
      const index = unitIndex(p, "month") + amount * MONTHS_PER_UNIT[unit];
      const year = Math.floor(index / 12);
      const month = index - year * 12 + 1;
      requireResultYear(year);
      // Month ends clamp (31 January + 1 month = end of February), as people count months.
      return dayPoint(year, month, Math.min(p.day, daysInMonth(year, month)));
    }
  }
}

/** The difference between two points: nothing, or a direction with an amount of units. */
export type Shift =
  | { readonly direction: "none" }
  | {
      readonly direction: "later" | "earlier";
      readonly amount: number;
      readonly unit: Precision;
    };

/**
 * Measures how far `to` lies from `from` at the coarser of their precisions
 * ("2023" → "2024-Q2" is 1 year later; "2024-Q2" → "2024-Q4" is 2 quarters later).
 */
export function describeShift(from: PointInTime, to: PointInTime): Shift {
  const unit = coarserPrecision(from.precision, to.precision);
  // At day precision both points are days, so their first days are the days themselves.
  const difference =
    unit === "day"
      ? firstDayOf(to) - firstDayOf(from)
      : unitIndex(to, unit) - unitIndex(from, unit);
  if (difference === 0) return { direction: "none" };
  return {
    direction: difference > 0 ? "later" : "earlier",
    amount: Math.abs(difference),
    unit,
  };
}

const GERMAN_UNIT_NAMES: Readonly<
  Record<Precision, readonly [singular: string, plural: string]>
> = {
  year: ["Jahr", "Jahre"],
  quarter: ["Quartal", "Quartale"],
  month: ["Monat", "Monate"],
  day: ["Tag", "Tage"],
};

/** Formats a shift for German readers ("1 Jahr später", "3 Monate früher", "unverändert"). */
export function formatShiftGerman(shift: Shift): string {
  if (shift.direction === "none") return "unverändert";
  const [singular, plural] = GERMAN_UNIT_NAMES[shift.unit];
  const unitName = shift.amount === 1 ? singular : plural;
  return `${shift.amount} ${unitName} ${shift.direction === "later" ? "später" : "früher"}`;
}

/**
 * Periods of a project phase: a start point, an optional end point and how the work
 * continues afterwards ("danach laufend", "Daueraufgabe").
 */

import {
  comparePointsInTime,
  comparePrecision,
  firstDayOf,
  formatPointInTime,
  formatPointInTimeGerman,
  lastDayOf,
} from "./point-in-time.js";
import type { PointInTime } from "./point-in-time.js";

/**
 * How work goes on after (or without) the end of a phase: "danach laufend", a standing
 * task (Daueraufgabe), or "undecided" ("noch offen"): the phase has no end yet because
 * nobody has decided it; only valid without an end.
 */
export type Continuation = "ongoing" | "permanent" | "undecided";

/** All continuations, in the order forms list them. */
export const CONTINUATIONS: readonly Continuation[] = [
  "ongoing",
  "permanent",
  "undecided",
];

/** A phase's time span; an end of null means it runs on past any horizon. */
export interface Period {
  readonly start: PointInTime;
  readonly end: PointInTime | null;
  readonly continuation: Continuation | null;
}

/** Stable codes for problems with a period. */
export type PeriodProblemCode =
  | "PERIOD_END_BEFORE_START"
  | "PERIOD_OPEN_WITHOUT_CONTINUATION"
  | "PERIOD_UNDECIDED_WITH_END";

/** The day number of the first day of a period. */
export function periodFirstDay(period: Period): number {
  return firstDayOf(period.start);
}

/** The day number of the last day of a period, or null when it has no end. */
export function periodLastDay(period: Period): number | null {
  return period.end === null ? null : lastDayOf(period.end);
}

/** Lists what is wrong with a period (empty when it is fine); never throws. */
export function validatePeriod(period: Period): readonly PeriodProblemCode[] {
  const problems: PeriodProblemCode[] = [];
  // A phase ends at the end of its end point, so "2023-Q2" to "2023" is fine: compare
  // the end's last day with the start's first day.
  if (period.end !== null && lastDayOf(period.end) < firstDayOf(period.start)) {
    problems.push("PERIOD_END_BEFORE_START");
  }
  if (period.end === null && period.continuation === null) {
    problems.push("PERIOD_OPEN_WITHOUT_CONTINUATION");
  }
  if (period.end !== null && period.continuation === "undecided") {
    problems.push("PERIOD_UNDECIDED_WITH_END");
  }
  return problems;
}

/** Whether two periods share at least one day; open ends run forever. */
export function periodsOverlap(a: Period, b: Period): boolean {
  const aLast = periodLastDay(a);
  const bLast = periodLastDay(b);
  const aStartsInTime = bLast === null || periodFirstDay(a) <= bLast;
  const bStartsInTime = aLast === null || periodFirstDay(b) <= aLast;
  return aStartsInTime && bStartsInTime;
}

/** Whether a day (days since 1970-01-01) lies within a period. */
export function periodContains(period: Period, day: number): boolean {
  const last = periodLastDay(period);
  return day >= periodFirstDay(period) && (last === null || day <= last);
}

/**
 * Formats a period for German readers: "2020–2023", "QIV/2021–2023",
 * "2024–2030, danach laufend", "2021 (danach laufend)", "ab 2025, laufend",
 * "Daueraufgabe seit 2020", "Daueraufgabe 2020–2030", "ab 2025, Ende noch offen".
 */
export function formatPeriodGerman(period: Period): string {
  const start = formatPointInTimeGerman(period.start);
  if (period.end === null) {
    switch (period.continuation) {
      case "permanent":
        return `Daueraufgabe seit ${start}`;
      case "ongoing":
        return `ab ${start}, laufend`;
      case "undecided":
        return `ab ${start}, Ende noch offen`;
      case null:
        return `ab ${start}`;
    }
  }
  const sameAsStart =
    formatPointInTime(period.end) === formatPointInTime(period.start);
  const range = sameAsStart
    ? start
    : `${start}–${formatPointInTimeGerman(period.end)}`;
  switch (period.continuation) {
    case "permanent":
      return `Daueraufgabe ${range}`;
    case "ongoing":
      // A single point reads better with the continuation in brackets than after a comma.
      return sameAsStart
        ? `${range} (danach laufend)`
        : `${range}, danach laufend`;
    // Not valid with an end (validatePeriod); read as the plain range.
    case "undecided":
    case null:
      return range;
  }
}

/** The overall span of several periods; an end of null means at least one runs on openly. */
export interface PeriodSpan {
  readonly start: PointInTime;
  readonly end: PointInTime | null;
}

/** The earliest start and the latest end (or open end) of a project's phases; null for none. */
export function periodSpan(periods: readonly Period[]): PeriodSpan | null {
  const [first, ...rest] = periods;
  if (first === undefined) return null;
  let start = first.start;
  let end = first.end;
  let open = first.end === null;
  for (const period of rest) {
    // comparePointsInTime puts the coarser point first on a tie, so ties keep the coarser start.
    if (comparePointsInTime(period.start, start) < 0) start = period.start;
    if (period.end === null) {
      open = true;
    } else if (end === null || isLaterEnd(period.end, end)) {
      end = period.end;
    }
  }
  return { start, end: open ? null : end };
}

// On equal last days prefer the coarser point ("2023" over "2023-Q4"): it reads simpler.
function isLaterEnd(candidate: PointInTime, current: PointInTime): boolean {
  const byDay = lastDayOf(candidate) - lastDayOf(current);
  if (byDay !== 0) return byDay > 0;
  return comparePrecision(candidate.precision, current.precision) < 0;
}

/**
 * Points in time and periods in the language of the interface. German uses the domain's
 * own formatting ("QIV/2021–2023, danach laufend"); English mirrors it.
 */
import {
  formatPeriodGerman,
  periodSpan,
  type Continuation,
  type Period,
  type PeriodSpan,
} from "../domain/period/period.js";
import {
  formatPointInTime,
  formatPointInTimeGerman,
  type PointInTime,
} from "../domain/period/point-in-time.js";
import type { Language } from "./i18n.js";

const ENGLISH_MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
] as const;

/** Formats a point in time ("QIV/2021" in German, "Q4 2021" in English). */
export function formatPoint(point: PointInTime, language: Language): string {
  if (language === "de") return formatPointInTimeGerman(point);
  switch (point.precision) {
    case "year":
      return String(point.year);
    case "quarter":
      return `Q${point.quarter} ${point.year}`;
    case "month":
      return `${ENGLISH_MONTHS[point.month - 1] ?? point.month} ${point.year}`;
    case "day":
      return `${point.day} ${ENGLISH_MONTHS[point.month - 1] ?? point.month} ${point.year}`;
  }
}

/** Formats a period ("2024–2030, danach laufend" / "2024–2030, then ongoing"). */
export function formatPeriod(period: Period, language: Language): string {
  if (language === "de") return formatPeriodGerman(period);
  const start = formatPoint(period.start, language);
  if (period.end === null) {
    switch (period.continuation) {
      case "permanent":
        return `permanent task since ${start}`;
      case "ongoing":
        return `from ${start}, ongoing`;
      case "undecided":
        return `from ${start}, end not yet decided`;
      case null:
        return `from ${start}`;
    }
  }
  const sameAsStart =
    formatPointInTime(period.end) === formatPointInTime(period.start);
  const range = sameAsStart
    ? start
    : `${start}–${formatPoint(period.end, language)}`;
  switch (period.continuation) {
    case "permanent":
      return `permanent task ${range}`;
    case "ongoing":
      return sameAsStart ? `${range} (then ongoing)` : `${range}, then ongoing`;
    case "undecided":
    case null:
      return range;
  }
}

/**
 * Formats the whole time span of a project's phases ("2020–2024", "ab 2020, laufend",
 * "Daueraufgabe seit 2020"), or null when it has no phases. The continuation is the one of
 * the phase that decides the end, so a project whose last phase is a standing task reads
 * as one.
 */
export function formatPhasesSpan(
  phases: readonly Period[],
  language: Language,
): string | null {
  const span = periodSpan(phases);
  if (span === null) return null;
  return formatPeriod(
    {
      start: span.start,
      end: span.end,
      continuation: spanContinuation(phases, span),
    },
    language,
  );
}

function spanContinuation(
  phases: readonly Period[],
  span: PeriodSpan,
): Continuation | null {
  if (span.end === null) {
    const open = phases.filter((phase) => phase.end === null);
    if (open.some((phase) => phase.continuation === "permanent"))
      return "permanent";
    return open.every((phase) => phase.continuation === "undecided")
      ? "undecided"
      : "ongoing";
  }
  if (phases.every((phase) => phase.continuation === "permanent"))
    return "permanent";
  const last = phases.find(
    (phase) =>
      phase.end !== null &&
      formatPointInTime(phase.end) ===
        formatPointInTime(span.end as PointInTime),
  );
  return last?.continuation === "ongoing" ? "ongoing" : null;
}

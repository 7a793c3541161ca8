/**
 * Key figures of Kleve's status report of 29.11.2022 (seed 002) as `buildX(overrides)`
 * factories. Values on or after November 2022 are from the report; earlier values are
 * marked as assumed where a test needs a history.
 */
import type {
  Indicator,
  Observation,
} from "../../../../src/domain/indicator/indicator.js";
import { dayNumberOf } from "../../../../src/domain/calendar/calendar.js";

/** A day number from a calendar date. */
export function day(year: number, month: number, dayOfMonth: number): number {
  return dayNumberOf(year, month, dayOfMonth);
}

/** The report's as-of date (Stand: 28.11.2022). */
export const AS_OF = day(2022, 11, 28);

/** A count: activities on the participation platform. */
export function buildCountIndicator(
  overrides: Partial<Indicator> = {},
): Indicator {
  return {
    key: "beteiligung-aktivitaeten",
    name: "Aktivitäten auf der Beteiligungsplattform",
    unit: "Aktivitäten",
    definition:
      "Beiträge, Kommentare und Bewertungen seit Einführung der Plattform",
    source: "Auswertung der Beteiligungsplattform",
    owner: "Stabsstelle Digitalisierung",
    projectSlug: "online-beteiligungsplattform",
    kind: "count",
    denominatorLabel: null,
    ...overrides,
  };
}

/** A ratio: staff in regular mobile office of all staff. */
export function buildRatioIndicator(
  overrides: Partial<Indicator> = {},
): Indicator {
  return {
    key: "mobile-office",
    name: "Mitarbeitende im Mobile Office",
    unit: "Mitarbeitende",
    definition: "Mitarbeitende, die regelmäßig im Mobile Office arbeiten",
    source: "Personalverwaltung",
    owner: "FB 10",
    projectSlug: "mobile-office",
    kind: "ratio",
    denominatorLabel: "Mitarbeitende insgesamt einschließlich GSK",
    ...overrides,
  };
}

/** An observation of a count. */
export function count(day: number, value: number): Observation {
  return { day, value, denominator: null, note: null };
}

/** An observation of a ratio. */
export function ratio(
  day: number,
  value: number,
  denominator: number,
): Observation {
  return { day, value, denominator, note: null };
}

/** Instagram followers: the account started on 05.11.2021 with none; 1.420 on 22.11.2022. */
export const INSTAGRAM = [
  count(day(2021, 11, 5), 0),
  count(day(2022, 11, 22), 1420),
];

/** Mobile office: 144 of 572 as of 28.11.2022; the August value is assumed. */
export const MOBILE_OFFICE = [
  ratio(day(2022, 8, 23), 120, 565),
  ratio(AS_OF, 144, 572),
];

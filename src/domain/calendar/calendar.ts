/**
 * The one calendar of Fortschritt: days as whole numbers, the German calendar day of an
 * instant, ISO dates, and dates written the German way (docs/adr/0010-calendar.md).
 *
 * A day is a day number: whole days since 1970-01-01 of the proleptic Gregorian calendar.
 * Arithmetic on days is integer arithmetic, so no time zone or daylight-saving rule can
 * leak in. Where an instant meets a day ("today", "from the start of that day"), the
 * municipality's time zone decides, Europe/Berlin, whatever time zone the server runs in.
 * Nothing here reads the clock: callers pass `now`.
 */

/** The time zone of every municipality: German calendar days begin at midnight here. */
export const GERMAN_TIME_ZONE = "Europe/Berlin";

const MS_PER_DAY = 86_400_000;

/** The earliest year Fortschritt accepts in a date. */
export const MIN_YEAR = 1900;

/** The latest year Fortschritt accepts in a date. */
export const MAX_YEAR = 2200;

/** A plain calendar date (proleptic Gregorian, month 1–12). */
export interface CalendarDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

// ---------------------------------------------------------------------------
// Day numbers

/** Whether a year is a Gregorian leap year. */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** The number of days in a year (365 or 366). */
export function daysInYear(year: number): number {
  return isLeapYear(year) ? 366 : 365;
}

const MONTH_LENGTHS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

/** The number of days in a month (1–12) of a year. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2 && isLeapYear(year)) return 29;
  const length = MONTH_LENGTHS[month - 1];
  if (length === undefined)
    throw new RangeError(`Month must be 1–12, got ${month}.`);
  return length;
}

/** Whether year, month and day form a real calendar date. */
export function isValidCalendarDate(
  year: number,
  month: number,
  day: number,
): boolean {
  return (
    Number.isInteger(year) &&
    Number.isInteger(month) &&
    Number.isInteger(day) &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month)
  );
}

/** The day number (days since 1970-01-01) of a calendar date. */
export function dayNumberOf(year: number, month: number, day: number): number {
  // Howard Hinnant's days_from_civil: years start in March so the leap day comes last.
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const monthFromMarch = (month + 9) % 12;
  const dayOfYear = Math.floor((153 * monthFromMarch + 2) / 5) + day - 1;
  const dayOfEra =
    yearOfEra * 365 +
    Math.floor(yearOfEra / 4) -
    Math.floor(yearOfEra / 100) +
    dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/** The calendar date of a day number. */
export function calendarDateOf(dayNumber: number): CalendarDate {
  // Inverse of dayNumberOf (Hinnant's civil_from_days).
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra -
      Math.floor(dayOfEra / 1460) +
      Math.floor(dayOfEra / 36524) -
      Math.floor(dayOfEra / 146096)) /
      365,
  );
  const dayOfYear =
    dayOfEra -
    (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthFromMarch = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * monthFromMarch + 2) / 5) + 1;
  const month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return { year, month, day };
}

// ---------------------------------------------------------------------------
// ISO dates

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The day number of an ISO date ("2022-11-28"); null when the text is no real date from MIN_YEAR to MAX_YEAR. */
export function parseIsoDate(text: string): number | null {
  const match = ISO_DATE.exec(text);
  if (match === null) return null;
  const [year, month, day] = [
    Number(match[1]),
    Number(match[2]),
    Number(match[3]),
  ];
  if (
    year < MIN_YEAR ||
    year > MAX_YEAR ||
    !isValidCalendarDate(year, month, day)
  )
    return null;
  return dayNumberOf(year, month, day);
}

function pad2(value: number): string {
  return String(value).padStart(2, "0");
}

/** A day number as an ISO date, "2022-11-28", for `<time datetime>`, files and the database. */
export function formatIsoDate(day: number): string {
  const date = calendarDateOf(day);
  return `${String(date.year).padStart(4, "0")}-${pad2(date.month)}-${pad2(date.day)}`;
}

/** The UTC calendar day of an instant (for dates that are stored as UTC midnight, e.g. spreadsheet cells). */
export function utcDayOf(instant: Date): number {
  return Math.floor(instant.getTime() / MS_PER_DAY);
}

// ---------------------------------------------------------------------------
// Instants and German calendar days

const GERMAN_WALL_CLOCK = new Intl.DateTimeFormat("en-US", {
  timeZone: GERMAN_TIME_ZONE,
  year: "numeric",
  month: "numeric",
  day: "numeric",
  hour: "numeric",
  minute: "numeric",
  second: "numeric",
  hourCycle: "h23",
});

/** The wall-clock time in Germany at an instant, as milliseconds of a UTC timeline. */
function germanWallClock(instant: number): number {
  const parts: Partial<Record<Intl.DateTimeFormatPartTypes, number>> = {};
  for (const part of GERMAN_WALL_CLOCK.formatToParts(new Date(instant))) {
    if (part.type !== "literal") parts[part.type] = Number(part.value);
  }
  const {
    year = 1970,
    month = 1,
    day = 1,
    hour = 0,
    minute = 0,
    second = 0,
  } = parts;
  return (
    dayNumberOf(year, month, day) * MS_PER_DAY +
    ((hour * 60 + minute) * 60 + second) * 1000 +
    (((instant % 1000) + 1000) % 1000)
  );
}

/** The last minute asked for and its German day: pages ask on every request, and the day only changes at a full minute. */
let lastMinute = Number.NaN;
let lastGermanDay = 0;

/** The German calendar day (Europe/Berlin) at an instant, as a day number. */
export function germanDayOf(instant: Date): number {
  const minute = Math.floor(instant.getTime() / 60_000);
  if (minute !== lastMinute) {
    lastGermanDay = Math.floor(germanWallClock(instant.getTime()) / MS_PER_DAY);
    lastMinute = minute;
  }
  return lastGermanDay;
}

/** Today in Germany, as an ISO date ("2022-11-28"). */
export function germanIsoDateOf(instant: Date): string {
  return formatIsoDate(germanDayOf(instant));
}

/** The first instant of a German calendar day: 00:00 in Berlin, 23:00 UTC the day before in winter, 22:00 in summer. */
export function startOfGermanDay(day: number): Date {
  const midnight = day * MS_PER_DAY;
  // Berlin's offset at the guess, then at the corrected guess: midnight is never in a
  // daylight-saving gap (the clocks change at 02:00 and 03:00), so two steps settle it.
  let instant = midnight - (germanWallClock(midnight) - midnight);
  instant = midnight - (germanWallClock(instant) - instant);
  return new Date(instant);
}

// ---------------------------------------------------------------------------
// German formatting

const GERMAN_DATE = new Intl.DateTimeFormat("de-DE", {
  timeZone: "UTC",
  day: "2-digit",
  month: "2-digit",
  year: "numeric",
});

/** A day number as a German date, "28.11.2022". */
export function formatGermanDate(day: number): string {
  return GERMAN_DATE.format(new Date(day * MS_PER_DAY));
}

/** An ISO date as a German date ("2022-03-15" → "15.03.2022"); text that is no date stays as it is. */
export function formatIsoDateGerman(isoDate: string): string {
  const day = parseIsoDate(isoDate);
  return day === null ? isoDate : formatGermanDate(day);
}

const DATE_TIME = {
  de: new Intl.DateTimeFormat("de-DE", {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone: GERMAN_TIME_ZONE,
  }),
  en: new Intl.DateTimeFormat("en-GB", {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone: GERMAN_TIME_ZONE,
  }),
} as const;

/** An instant as date and time in Germany, "28.11.2022, 10:00" (German) or "28 Nov 2022, 10:00" (English). */
export function formatGermanDateTime(instant: Date, lang: "de" | "en"): string {
  return DATE_TIME[lang].format(instant);
}

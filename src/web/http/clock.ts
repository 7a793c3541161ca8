/**
 * Today's date as the municipality sees it. The server may run in UTC; the programme's
 * "heute" line must not jump a day early between midnight and 1 or 2 o'clock in Germany.
 */
import { dayNumberOf } from "../../domain/period/point-in-time.js";

const BERLIN_DATE = new Intl.DateTimeFormat("en-CA", {
  timeZone: "Europe/Berlin",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

/** The calendar date in Germany at the given instant, as "YYYY-MM-DD". */
export function germanDate(now: Date): string {
  return BERLIN_DATE.format(now);
}

/** The day number (days since 1970-01-01) of the calendar date in Germany at the given instant. */
export function germanDayNumber(now: Date): number {
  const [year, month, day] = germanDate(now).split("-").map(Number);
  return dayNumberOf(year ?? 1970, month ?? 1, day ?? 1);
}

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

/** The last minute asked for and its date: pages ask on every request, the date changes at a full minute. */
let lastMinute = Number.NaN;
let lastDate = "";

/** The calendar date in Germany at the given instant, as "YYYY-MM-DD". */
export function germanDate(now: Date): string {
  const minute = Math.floor(now.getTime() / 60_000);
  if (minute !== lastMinute) {
    lastDate = BERLIN_DATE.format(now);
    lastMinute = minute;
  }
  return lastDate;
}

/** The day number (days since 1970-01-01) of the calendar date in Germany at the given instant. */
export function germanDayNumber(now: Date): number {
  const [year, month, day] = germanDate(now).split("-").map(Number);
  return dayNumberOf(year ?? 1970, month ?? 1, day ?? 1);
}

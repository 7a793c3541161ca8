/** Today as the municipality sees it (Germany), from the context's clock. */
import { dayNumberOf } from "../../domain/period/point-in-time.js";

const BERLIN_DATE = new Intl.DateTimeFormat("en-CA", {
  timeZone: "Europe/Berlin",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

/** The calendar date in Germany at an instant, as "YYYY-MM-DD". */
export function germanIsoDate(now: Date): string {
  return BERLIN_DATE.format(now);
}

/** The day number (days since 1970-01-01) of the calendar date in Germany at an instant. */
export function germanDayNumberOf(now: Date): number {
  const [year, month, day] = germanIsoDate(now).split("-").map(Number);
  return dayNumberOf(year ?? 1970, month ?? 1, day ?? 1);
}

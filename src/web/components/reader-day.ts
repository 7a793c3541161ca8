/** Days and moments as the page's reader writes them. */
import {
  formatGermanDateTime,
  formatIsoDateGerman,
  germanIsoDateOf,
} from "../../domain/calendar/calendar.js";
import type { ViewContext } from "./view.js";

/** A day (YYYY-MM-DD) for the reader: 28.11.2022 on German pages, 2022-11-28 on English ones. */
export function readerDay(view: ViewContext, isoDate: string): string {
  return view.lang === "de" ? formatIsoDateGerman(isoDate) : isoDate;
}

/**
 * The day in Germany of a stored moment (an ISO timestamp in UTC) for the reader: a
 * municipality created at 00:30 in Berlin was created on that day, not on the day before.
 */
export function readerDayOf(view: ViewContext, isoMoment: string): string {
  return readerDay(view, germanIsoDateOf(new Date(isoMoment)));
}

/** A stored moment (an ISO timestamp) as date and time in Germany: "28.11.2022, 10:00", "28 Nov 2022, 10:00". */
export function readerMoment(view: ViewContext, isoMoment: string): string {
  return formatGermanDateTime(new Date(isoMoment), view.lang);
}

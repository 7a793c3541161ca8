/** A calendar day as the page's reader writes it. */
import { formatIsoDateGerman } from "../../domain/calendar/calendar.js";
import type { ViewContext } from "./view.js";

/** A day (YYYY-MM-DD) for the reader: 28.11.2022 on German pages, 2022-11-28 on English ones. */
export function readerDay(view: ViewContext, isoDate: string): string {
  return view.lang === "de" ? formatIsoDateGerman(isoDate) : isoDate;
}

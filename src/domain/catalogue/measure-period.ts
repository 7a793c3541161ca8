/**
 * A measure's period in German: "2025" (a budget year), "QII/2025 – QIV/2025",
 * "ab 03/2025", "bis 2026", or null when the measure has no dates.
 */
import { formatPointInTimeGerman } from "../period/point-in-time.js";
import type { Measure } from "./catalogue.js";

/** The German text of a measure's period, or null without one. */
export function formatMeasurePeriodGerman(
  measure: Pick<Measure, "start" | "end">,
): string | null {
  const start = measure.start ?? null;
  const end = measure.end ?? null;
  if (start === null && end === null) return null;
  if (start === null && end !== null)
    return `bis ${formatPointInTimeGerman(end)}`;
  if (start !== null && end === null)
    return `ab ${formatPointInTimeGerman(start)}`;
  const from = formatPointInTimeGerman(start as NonNullable<typeof start>);
  const to = formatPointInTimeGerman(end as NonNullable<typeof end>);
  return from === to ? from : `${from} – ${to}`;
}

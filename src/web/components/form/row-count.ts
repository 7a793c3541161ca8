/**
 * How many rows a form with a growing list (goals, priorities, responsibilities, outlook)
 * draws: after a failed save as many as the form sent, so that nothing typed is lost;
 * otherwise the stored rows with the empty ones for adding.
 */
import type { FailedForm } from "./failed-form.js";

/** The rows the failed form sent in its count field (1 to max), else the stored count. */
export function rowCountOf(
  failed: FailedForm | undefined,
  form: string,
  /** The hidden field that carries the number of rows ("zeilen"). */
  field: string,
  stored: number,
  max: number,
): number {
  const sent =
    failed?.form === form ? Number(failed.values[field]) : Number.NaN;
  return Number.isInteger(sent) && sent > 0 && sent <= max ? sent : stored;
}

/**
 * From a measure as typed into the API, the editor or a catalogue document to the values
 * stored: title and status, and optionally a period with its precision (like a phase's;
 * the end not before the start), the responsible org unit, a short description and the
 * project's phase it belongs to.
 */
import type { Measure } from "../../domain/catalogue/catalogue.js";
import {
  formatPointInTimeGerman,
  lastDayOf,
  firstDayOf,
  parsePointInTime,
  type PointInTime,
} from "../../domain/period/point-in-time.js";
import { AppError, type InputProblem } from "../../errors.js";
import type { MeasureData } from "./catalogue-edit.schema.js";
import { optionalText } from "./edit-support.js";

/** The measure's values, or ERR_VALIDATION with each problem (paths below `prefix`). */
export function requireMeasureValues(
  data: MeasureData,
  prefix = "/data",
): Omit<Measure, "id"> {
  const problems: InputProblem[] = [];
  const title = data.title.trim();
  if (title === "")
    problems.push({ path: `${prefix}/title`, message: "darf nicht leer sein" });
  const point = (
    text: string | undefined,
    field: string,
  ): PointInTime | null => {
    if (text === undefined || text.trim() === "") return null;
    const parsed = parsePointInTime(text);
    if (parsed === null)
      problems.push({
        path: `${prefix}/${field}`,
        message: `„${text}“ ist kein gültiges Datum.`,
      });
    return parsed;
  };
  const start = point(data.start, "start");
  const end = point(data.end, "end");
  if (start !== null && end !== null && lastDayOf(end) < firstDayOf(start)) {
    problems.push({
      path: `${prefix}/end`,
      message: `Das Ende (${formatPointInTimeGerman(end)}) liegt vor dem Beginn (${formatPointInTimeGerman(start)}).`,
    });
  }
  if (problems.length > 0) throw new AppError("ERR_VALIDATION", { problems });
  return {
    title,
    status: data.status,
    start,
    end,
    orgUnitCode: optionalText(data.orgUnit),
    description: optionalText(data.description),
    phaseLabel: optionalText(data.phase),
  };
}

/**
 * Checks what only the project and the municipality know: the phase must be one of the
 * project's, the org unit one of the municipality's (see `measureReferences`).
 */
export function requireMeasureReferences(
  measure: Omit<Measure, "id">,
  found: { readonly unitExists: boolean; readonly phaseExists: boolean },
  prefix = "/data",
): void {
  const problems: InputProblem[] = [];
  const label = measure.phaseLabel ?? null;
  if (label !== null && !found.phaseExists)
    problems.push({
      path: `${prefix}/phase`,
      message: `Das Projekt hat keine Phase „${label}“.`,
    });
  if ((measure.orgUnitCode ?? null) !== null && !found.unitExists)
    problems.push({
      path: `${prefix}/orgUnit`,
      message: `Die Organisationseinheit „${measure.orgUnitCode ?? ""}“ gibt es nicht.`,
    });
  if (problems.length > 0) throw new AppError("ERR_VALIDATION", { problems });
}

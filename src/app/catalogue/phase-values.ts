/**
 * From a phase as typed into the API or the editor (canonical points in time) to the
 * values stored, with the period rules of the domain: the end not before the start, and
 * an open end only with a continuation ("danach laufend", "Daueraufgabe").
 */
import type { PhaseValues } from "../../db/project.repository.js";
import {
  validatePeriod,
  type PeriodProblemCode,
} from "../../domain/period/period.js";
import { parsePointInTime } from "../../domain/period/point-in-time.js";
import { AppError, type InputProblem } from "../../errors.js";
import type { PhaseData } from "./catalogue-edit.schema.js";
import { optionalText } from "./edit-support.js";

const PERIOD_PROBLEMS: Readonly<
  Record<
    PeriodProblemCode,
    { readonly field: string; readonly message: string }
  >
> = {
  PERIOD_END_BEFORE_START: {
    field: "end",
    message: "Das Ende liegt vor dem Beginn.",
  },
  PERIOD_OPEN_WITHOUT_CONTINUATION: {
    field: "continuation",
    message:
      "Ohne Ende muss angegeben sein, wie es weitergeht: danach laufend, Daueraufgabe oder Ende noch offen.",
  },
  PERIOD_UNDECIDED_WITH_END: {
    field: "continuation",
    message:
      "„Ende noch offen“ passt nicht zu einem angegebenen Ende: bitte das Ende leeren oder eine andere Fortführung wählen.",
  },
};

/** The stored values of a phase, or the problems found (paths below `prefix`, e.g. /data). */
export function toPhaseValues(
  data: PhaseData,
  prefix = "/data",
):
  | { readonly ok: true; readonly values: PhaseValues }
  | { readonly ok: false; readonly problems: readonly InputProblem[] } {
  const problems: InputProblem[] = [];
  const label = data.label.trim();
  if (label === "")
    problems.push({ path: `${prefix}/label`, message: "darf nicht leer sein" });
  const start = parsePointInTime(data.start);
  if (start === null)
    problems.push({
      path: `${prefix}/start`,
      message: `"${data.start}" ist kein gültiges Datum.`,
    });
  const end = data.end === undefined ? null : parsePointInTime(data.end);
  if (data.end !== undefined && end === null)
    problems.push({
      path: `${prefix}/end`,
      message: `"${data.end}" ist kein gültiges Datum.`,
    });
  if (start === null || problems.length > 0) return { ok: false, problems };
  const continuation = data.continuation ?? null;
  for (const code of validatePeriod({ start, end, continuation })) {
    const { field, message } = PERIOD_PROBLEMS[code];
    problems.push({ path: `${prefix}/${field}`, message });
  }
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    values: { label, start, end, continuation, note: optionalText(data.note) },
  };
}

/** The stored values of a phase; throws ERR_VALIDATION naming each problem. */
export function requirePhaseValues(
  data: PhaseData,
  prefix = "/data",
): PhaseValues {
  const result = toPhaseValues(data, prefix);
  if (!result.ok)
    throw new AppError("ERR_VALIDATION", { problems: result.problems });
  return result.values;
}

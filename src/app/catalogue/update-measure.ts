/** Changing an individual measure's title and status. */
import { updateMeasureRow } from "../../db/project.repository.js";
import type { Principal } from "../../domain/access/principal.js";
import type { RequestOrigin } from "../audit/record-audit.js";
import type { AppContext } from "../context.js";
import {
  UpdateMeasureInputSchema,
  type UpdateMeasureInput,
} from "./catalogue-edit.schema.js";
import {
  blankProblems,
  rejectProblems,
  requireValid,
  UNKNOWN_ORIGIN,
  type ProjectChangeResult,
} from "./edit-support.js";
import { changeProjectPart, MEASURE_PART } from "./project-part.js";
import { measureSnapshot } from "./snapshots.js";

/** Updates one measure; ERR_NOT_FOUND when the project has no such measure. */
export async function updateMeasure(
  ctx: AppContext,
  principal: Principal,
  input: UpdateMeasureInput,
  origin: RequestOrigin = UNKNOWN_ORIGIN,
): Promise<ProjectChangeResult> {
  const valid = requireValid(UpdateMeasureInputSchema, input);
  const measure = { title: valid.data.title.trim(), status: valid.data.status };
  rejectProblems(blankProblems(measure.title, "/data/title"));
  return changeProjectPart(
    ctx,
    principal,
    valid,
    { kind: MEASURE_PART, id: valid.measureId },
    "measure.update",
    origin,
    (trx, _previous, projectId) =>
      updateMeasureRow(trx, projectId, valid.measureId, measure),
    (previous) => ({
      label: measure.title,
      before: measureSnapshot(previous),
      after: measureSnapshot(measure),
    }),
  );
}

/** Changing an individual measure's title and status. */
import {
  measureReferences,
  updateMeasureRow,
} from "../../db/project.repository.js";
import {
  requireMeasureReferences,
  requireMeasureValues,
} from "./measure-values.js";
import type { Principal } from "../../domain/access/principal.js";
import type { RequestOrigin } from "../audit/record-audit.js";
import type { AppContext } from "../context.js";
import {
  UpdateMeasureInputSchema,
  type UpdateMeasureInput,
} from "./catalogue-edit.schema.js";
import {
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
  const measure = requireMeasureValues(valid.data);
  return changeProjectPart(
    ctx,
    principal,
    valid,
    { kind: MEASURE_PART, id: valid.measureId },
    "measure.update",
    origin,
    async (trx, _previous, projectId) => {
      requireMeasureReferences(
        measure,
        await measureReferences(trx, projectId, measure),
      );
      return updateMeasureRow(trx, projectId, valid.measureId, measure);
    },
    (previous) => ({
      label: measure.title,
      before: measureSnapshot(previous),
      after: measureSnapshot(measure),
    }),
  );
}

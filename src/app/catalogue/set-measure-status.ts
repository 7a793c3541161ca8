/** Changing only the status of an individual measure (the quick change in the list). */
import { updateMeasureRow } from "../../db/project.repository.js";
import type { Principal } from "../../domain/access/principal.js";
import type { RequestOrigin } from "../audit/record-audit.js";
import type { AppContext } from "../context.js";
import {
  SetMeasureStatusInputSchema,
  type SetMeasureStatusInput,
} from "./catalogue-edit.schema.js";
import {
  requireValid,
  UNKNOWN_ORIGIN,
  type ProjectChangeResult,
} from "./edit-support.js";
import { changeProjectPart, MEASURE_PART } from "./project-part.js";

/** Sets the status of one measure; ERR_NOT_FOUND when the project has no such measure. */
export async function setMeasureStatus(
  ctx: AppContext,
  principal: Principal,
  input: SetMeasureStatusInput,
  origin: RequestOrigin = UNKNOWN_ORIGIN,
): Promise<ProjectChangeResult> {
  const valid = requireValid(SetMeasureStatusInputSchema, input);
  return changeProjectPart(
    ctx,
    principal,
    valid,
    { kind: MEASURE_PART, id: valid.measureId },
    "measure.status",
    origin,
    (trx, previous, projectId) =>
      updateMeasureRow(trx, projectId, valid.measureId, {
        ...previous,
        status: valid.data.status,
      }),
    (previous) => ({
      label: previous.title,
      before: { status: previous.status },
      after: { status: valid.data.status },
    }),
  );
}

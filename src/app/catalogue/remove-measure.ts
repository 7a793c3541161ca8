/** Removing an individual measure from a project. */
import { deleteMeasureRow } from "../../db/project.repository.js";
import type { Principal } from "../../domain/access/principal.js";
import type { RequestOrigin } from "../audit/record-audit.js";
import type { AppContext } from "../context.js";
import {
  RemoveMeasureInputSchema,
  type RemoveMeasureInput,
} from "./catalogue-edit.schema.js";
import {
  requireValid,
  UNKNOWN_ORIGIN,
  type ProjectChangeResult,
} from "./edit-support.js";
import { changeProjectPart, MEASURE_PART } from "./project-part.js";
import { measureSnapshot } from "./snapshots.js";

/** Deletes one measure; ERR_NOT_FOUND when the project has no such measure. */
export async function removeMeasure(
  ctx: AppContext,
  principal: Principal,
  input: RemoveMeasureInput,
  origin: RequestOrigin = UNKNOWN_ORIGIN,
): Promise<ProjectChangeResult> {
  const valid = requireValid(RemoveMeasureInputSchema, input);
  return changeProjectPart(
    ctx,
    principal,
    valid,
    { kind: MEASURE_PART, id: valid.measureId },
    "measure.delete",
    origin,
    (trx, _previous, projectId) =>
      deleteMeasureRow(trx, projectId, valid.measureId),
    (previous) => ({
      label: previous.title,
      before: measureSnapshot(previous),
      after: null,
    }),
  );
}

/** Removing an individual measure from a project. */
import { deleteMeasureRow } from "../../db/project.repository.js";
import { RemoveMeasureInputSchema } from "./catalogue-edit.schema.js";
import { projectUseCase } from "./edit-support.js";
import { MEASURE_PART, partChange } from "./project-part.js";
import { measureSnapshot } from "./snapshots.js";

/** Deletes one measure; ERR_NOT_FOUND when the project has no such measure. */
export const removeMeasure = projectUseCase(RemoveMeasureInputSchema, (valid) =>
  partChange(
    { kind: MEASURE_PART, id: valid.measureId },
    "measure.delete",
    (trx, _previous, projectId) =>
      deleteMeasureRow(trx, projectId, valid.measureId),
    (previous) => ({
      label: previous.title,
      before: measureSnapshot(previous),
      after: null,
    }),
  ),
);

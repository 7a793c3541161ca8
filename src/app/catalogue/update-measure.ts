/** Changing an individual measure's title and status. */
import {
  measureReferences,
  updateMeasureRow,
} from "../../db/project.repository.js";
import {
  requireMeasureReferences,
  requireMeasureValues,
} from "./measure-values.js";
import { UpdateMeasureInputSchema } from "./catalogue-edit.schema.js";
import { projectUseCase } from "./edit-support.js";
import { MEASURE_PART, partChange } from "./project-part.js";
import { measureSnapshot } from "./snapshots.js";

/** Updates one measure; ERR_NOT_FOUND when the project has no such measure. */
export const updateMeasure = projectUseCase(
  UpdateMeasureInputSchema,
  (valid) => {
    const measure = requireMeasureValues(valid.data);
    return partChange(
      { kind: MEASURE_PART, id: valid.measureId },
      "measure.update",
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
  },
);

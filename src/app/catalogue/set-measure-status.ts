/** Changing only the status of an individual measure (the quick change in the list). */
import { updateMeasureRow } from "../../db/project.repository.js";
import { SetMeasureStatusInputSchema } from "./catalogue-edit.schema.js";
import { projectUseCase } from "./edit-support.js";
import { MEASURE_PART, partChange } from "./project-part.js";

/** Sets the status of one measure; ERR_NOT_FOUND when the project has no such measure. */
export const setMeasureStatus = projectUseCase(
  SetMeasureStatusInputSchema,
  (valid) =>
    partChange(
      { kind: MEASURE_PART, id: valid.measureId },
      "measure.status",
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
    ),
);

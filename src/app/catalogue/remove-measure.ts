/** Removing an individual measure from a project. */
import { RemoveMeasureInputSchema } from "./catalogue-edit.schema.js";
import { projectUseCase } from "./edit-support.js";
import { MEASURE_PART, removedPart } from "./project-part.js";

/** Deletes one measure; ERR_NOT_FOUND when the project has no such measure. */
export const removeMeasure = projectUseCase(RemoveMeasureInputSchema, (valid) =>
  removedPart(MEASURE_PART, valid.measureId, "measure.delete"),
);

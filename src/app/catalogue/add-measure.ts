/** Appending an individual measure (Einzelmaßnahme) to a project. */
import {
  insertMeasure,
  measureReferences,
} from "../../db/project.repository.js";
import {
  requireMeasureReferences,
  requireMeasureValues,
} from "./measure-values.js";
import { AddMeasureInputSchema } from "./catalogue-edit.schema.js";
import { projectUseCase, reshaped } from "./edit-support.js";
import { addedPart, MEASURE_PART } from "./project-part.js";

/** Adds a measure after the existing ones; returns its id. */
export const addMeasure = reshaped(
  projectUseCase(AddMeasureInputSchema, (valid) => {
    const measure = requireMeasureValues(valid.data);
    return addedPart(
      MEASURE_PART,
      "measure.create",
      measure,
      async (trx, projectId) => {
        requireMeasureReferences(
          measure,
          await measureReferences(trx, projectId, measure),
        );
        return insertMeasure(trx, projectId, measure);
      },
    );
  }),
  ({ version, project, value }) => ({ version, project, measureId: value }),
);

/** Appending a phase to a project's schedule. */
import { insertPhase } from "../../db/project.repository.js";
import { AddPhaseInputSchema } from "./catalogue-edit.schema.js";
import { projectUseCase, reshaped } from "./edit-support.js";
import { requirePhaseValues } from "./phase-values.js";
import { addedPart, PHASE_PART } from "./project-part.js";

/** Adds a phase after the existing ones; returns the new phase's id. */
export const addPhase = reshaped(
  projectUseCase(AddPhaseInputSchema, (valid) => {
    const phase = requirePhaseValues(valid.data);
    return addedPart(PHASE_PART, "phase.create", phase, (trx, projectId) =>
      insertPhase(trx, projectId, phase),
    );
  }),
  ({ version, project, value }) => ({ version, project, phaseId: value }),
);

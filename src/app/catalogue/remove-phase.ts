/** Removing a phase from a project's schedule. */
import { RemovePhaseInputSchema } from "./catalogue-edit.schema.js";
import { projectUseCase } from "./edit-support.js";
import { PHASE_PART, removedPart } from "./project-part.js";

/** Deletes one phase; ERR_NOT_FOUND when the project has no such phase. */
export const removePhase = projectUseCase(RemovePhaseInputSchema, (valid) =>
  removedPart(PHASE_PART, valid.phaseId, "phase.delete"),
);

/** Removing a phase from a project's schedule. */
import { deletePhaseRow } from "../../db/project.repository.js";
import { RemovePhaseInputSchema } from "./catalogue-edit.schema.js";
import { projectUseCase } from "./edit-support.js";
import { partChange, PHASE_PART } from "./project-part.js";
import { phaseSnapshot } from "./snapshots.js";

/** Deletes one phase; ERR_NOT_FOUND when the project has no such phase. */
export const removePhase = projectUseCase(RemovePhaseInputSchema, (valid) =>
  partChange(
    { kind: PHASE_PART, id: valid.phaseId },
    "phase.delete",
    (trx, _previous, projectId) =>
      deletePhaseRow(trx, projectId, valid.phaseId),
    (previous) => ({
      label: previous.label,
      before: phaseSnapshot(previous),
      after: null,
    }),
  ),
);

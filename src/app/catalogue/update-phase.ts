/** Changing a phase: label, start, end, continuation, note ("2023" → "QII/2024"). */
import { updatePhaseRow } from "../../db/project.repository.js";
import { UpdatePhaseInputSchema } from "./catalogue-edit.schema.js";
import { projectUseCase } from "./edit-support.js";
import { requirePhaseValues } from "./phase-values.js";
import { partChange, PHASE_PART } from "./project-part.js";
import { phaseSnapshot } from "./snapshots.js";

/** Updates one phase of a project; ERR_NOT_FOUND when the project has no such phase. */
export const updatePhase = projectUseCase(UpdatePhaseInputSchema, (valid) => {
  const phase = requirePhaseValues(valid.data);
  return partChange(
    { kind: PHASE_PART, id: valid.phaseId },
    "phase.update",
    (trx, _previous, projectId) =>
      updatePhaseRow(trx, projectId, valid.phaseId, phase),
    (previous) => ({
      label: phase.label,
      before: phaseSnapshot(previous),
      after: phaseSnapshot(phase),
    }),
  );
});

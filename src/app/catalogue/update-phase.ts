/** Changing a phase: label, start, end, continuation, note ("2023" → "QII/2024"). */
import { updatePhaseRow } from "../../db/project.repository.js";
import type { Principal } from "../../domain/access/principal.js";
import type { RequestOrigin } from "../audit/record-audit.js";
import type { AppContext } from "../context.js";
import {
  UpdatePhaseInputSchema,
  type UpdatePhaseInput,
} from "./catalogue-edit.schema.js";
import {
  requireValid,
  UNKNOWN_ORIGIN,
  type ProjectChangeResult,
} from "./edit-support.js";
import { requirePhaseValues } from "./phase-values.js";
import { changeProjectPart, PHASE_PART } from "./project-part.js";
import { phaseSnapshot } from "./snapshots.js";

/** Updates one phase of a project; ERR_NOT_FOUND when the project has no such phase. */
export async function updatePhase(
  ctx: AppContext,
  principal: Principal,
  input: UpdatePhaseInput,
  origin: RequestOrigin = UNKNOWN_ORIGIN,
): Promise<ProjectChangeResult> {
  const valid = requireValid(UpdatePhaseInputSchema, input);
  const phase = requirePhaseValues(valid.data);
  return changeProjectPart(
    ctx,
    principal,
    valid,
    { kind: PHASE_PART, id: valid.phaseId },
    "phase.update",
    origin,
    (trx, _previous, projectId) =>
      updatePhaseRow(trx, projectId, valid.phaseId, phase),
    (previous) => ({
      label: phase.label,
      before: phaseSnapshot(previous),
      after: phaseSnapshot(phase),
    }),
  );
}

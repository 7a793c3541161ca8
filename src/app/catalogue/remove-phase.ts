/** Removing a phase from a project's schedule. */
import { deletePhaseRow } from "../../db/project.repository.js";
import type { Principal } from "../../domain/access/principal.js";
import type { RequestOrigin } from "../audit/record-audit.js";
import type { AppContext } from "../context.js";
import {
  RemovePhaseInputSchema,
  type RemovePhaseInput,
} from "./catalogue-edit.schema.js";
import {
  requireValid,
  UNKNOWN_ORIGIN,
  type ProjectChangeResult,
} from "./edit-support.js";
import { changeProjectPart, PHASE_PART } from "./project-part.js";
import { phaseSnapshot } from "./snapshots.js";

/** Deletes one phase; ERR_NOT_FOUND when the project has no such phase. */
export async function removePhase(
  ctx: AppContext,
  principal: Principal,
  input: RemovePhaseInput,
  origin: RequestOrigin = UNKNOWN_ORIGIN,
): Promise<ProjectChangeResult> {
  const valid = requireValid(RemovePhaseInputSchema, input);
  return changeProjectPart(
    ctx,
    principal,
    valid,
    { kind: PHASE_PART, id: valid.phaseId },
    "phase.delete",
    origin,
    (trx, _previous, projectId) =>
      deletePhaseRow(trx, projectId, valid.phaseId),
    (previous) => ({
      label: previous.label,
      before: phaseSnapshot(previous),
      after: null,
    }),
  );
}

/** Changing a phase: label, start, end, continuation, note ("2023" → "QII/2024"). */
import { updatePhaseRow } from "../../db/project.repository.js";
import type { Principal } from "../../domain/access/principal.js";
import { AppError } from "../../errors.js";
import type { RequestOrigin } from "../audit/record-audit.js";
import type { AppContext } from "../context.js";
import {
  UpdatePhaseInputSchema,
  type UpdatePhaseInput,
} from "./catalogue-edit.schema.js";
import {
  changeProject,
  projectLabel,
  requireValid,
  UNKNOWN_ORIGIN,
  type ProjectChangeResult,
} from "./edit-support.js";
import { requirePhaseValues } from "./phase-values.js";
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
  return changeProject(
    ctx,
    principal,
    valid,
    "phase.update",
    origin,
    async (trx, before) => {
      const previous = before.project.phases.find(
        (candidate) => candidate.id === valid.phaseId,
      );
      if (
        previous === undefined ||
        !(await updatePhaseRow(trx, before.project.id, valid.phaseId, phase))
      ) {
        throw new AppError("ERR_NOT_FOUND", {
          detail: "Diese Phase gehört nicht (mehr) zum Projekt.",
        });
      }
      return {
        value: undefined,
        record: {
          action: "phase.update",
          entityType: "phase",
          entityId: valid.phaseId,
          entityLabel: `${projectLabel(before.project)} – ${phase.label}`,
          before: phaseSnapshot(previous),
          after: phaseSnapshot(phase),
        },
      };
    },
  );
}

/** Removing a phase from a project's schedule. */
import { deletePhaseRow } from "../../db/project.repository.js";
import type { Principal } from "../../domain/access/principal.js";
import { AppError } from "../../errors.js";
import type { RequestOrigin } from "../audit/record-audit.js";
import type { AppContext } from "../context.js";
import {
  RemovePhaseInputSchema,
  type RemovePhaseInput,
} from "./catalogue-edit.schema.js";
import {
  changeProject,
  projectLabel,
  requireValid,
  UNKNOWN_ORIGIN,
  type ProjectChangeResult,
} from "./edit-support.js";
import { phaseSnapshot } from "./snapshots.js";

/** Deletes one phase; ERR_NOT_FOUND when the project has no such phase. */
export async function removePhase(
  ctx: AppContext,
  principal: Principal,
  input: RemovePhaseInput,
  origin: RequestOrigin = UNKNOWN_ORIGIN,
): Promise<ProjectChangeResult> {
  const valid = requireValid(RemovePhaseInputSchema, input);
  return changeProject(
    ctx,
    principal,
    valid,
    "phase.delete",
    origin,
    async (trx, before) => {
      const previous = before.project.phases.find(
        (candidate) => candidate.id === valid.phaseId,
      );
      if (
        previous === undefined ||
        !(await deletePhaseRow(trx, before.project.id, valid.phaseId))
      ) {
        throw new AppError("ERR_NOT_FOUND", {
          detail: "Diese Phase gehört nicht (mehr) zum Projekt.",
        });
      }
      return {
        value: undefined,
        record: {
          action: "phase.delete",
          entityType: "phase",
          entityId: valid.phaseId,
          entityLabel: `${projectLabel(before.project)} – ${previous.label}`,
          before: phaseSnapshot(previous),
          after: null,
        },
      };
    },
  );
}

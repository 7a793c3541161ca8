/** Removing an individual measure from a project. */
import { deleteMeasureRow } from "../../db/project.repository.js";
import type { Principal } from "../../domain/access/principal.js";
import { AppError } from "../../errors.js";
import type { RequestOrigin } from "../audit/record-audit.js";
import type { AppContext } from "../context.js";
import {
  RemoveMeasureInputSchema,
  type RemoveMeasureInput,
} from "./catalogue-edit.schema.js";
import {
  changeProject,
  projectLabel,
  requireValid,
  UNKNOWN_ORIGIN,
  type ProjectChangeResult,
} from "./edit-support.js";
import { measureSnapshot } from "./snapshots.js";

/** Deletes one measure; ERR_NOT_FOUND when the project has no such measure. */
export async function removeMeasure(
  ctx: AppContext,
  principal: Principal,
  input: RemoveMeasureInput,
  origin: RequestOrigin = UNKNOWN_ORIGIN,
): Promise<ProjectChangeResult> {
  const valid = requireValid(RemoveMeasureInputSchema, input);
  return changeProject(
    ctx,
    principal,
    valid,
    "measure.delete",
    origin,
    async (trx, before) => {
      const previous = before.project.measures.find(
        (candidate) => candidate.id === valid.measureId,
      );
      if (
        previous === undefined ||
        !(await deleteMeasureRow(trx, before.project.id, valid.measureId))
      ) {
        throw new AppError("ERR_NOT_FOUND", {
          detail: "Diese Einzelmaßnahme gehört nicht (mehr) zum Projekt.",
        });
      }
      return {
        value: undefined,
        record: {
          action: "measure.delete",
          entityType: "measure",
          entityId: valid.measureId,
          entityLabel: `${projectLabel(before.project)} – ${previous.title}`,
          before: measureSnapshot(previous),
          after: null,
        },
      };
    },
  );
}

/** Changing only the status of an individual measure (the quick change in the list). */
import { updateMeasureRow } from "../../db/project.repository.js";
import type { Principal } from "../../domain/access/principal.js";
import { AppError } from "../../errors.js";
import type { RequestOrigin } from "../audit/record-audit.js";
import type { AppContext } from "../context.js";
import {
  SetMeasureStatusInputSchema,
  type SetMeasureStatusInput,
} from "./catalogue-edit.schema.js";
import {
  changeProject,
  projectLabel,
  requireValid,
  UNKNOWN_ORIGIN,
  type ProjectChangeResult,
} from "./edit-support.js";

/** Sets the status of one measure; ERR_NOT_FOUND when the project has no such measure. */
export async function setMeasureStatus(
  ctx: AppContext,
  principal: Principal,
  input: SetMeasureStatusInput,
  origin: RequestOrigin = UNKNOWN_ORIGIN,
): Promise<ProjectChangeResult> {
  const valid = requireValid(SetMeasureStatusInputSchema, input);
  return changeProject(
    ctx,
    principal,
    valid,
    "measure.status",
    origin,
    async (trx, before) => {
      const previous = before.project.measures.find(
        (candidate) => candidate.id === valid.measureId,
      );
      if (
        previous === undefined ||
        !(await updateMeasureRow(trx, before.project.id, valid.measureId, {
          title: previous.title,
          status: valid.data.status,
        }))
      ) {
        throw new AppError("ERR_NOT_FOUND", {
          detail: "Diese Einzelmaßnahme gehört nicht (mehr) zum Projekt.",
        });
      }
      return {
        value: undefined,
        record: {
          action: "measure.status",
          entityType: "measure",
          entityId: valid.measureId,
          entityLabel: `${projectLabel(before.project)} – ${previous.title}`,
          before: { status: previous.status },
          after: { status: valid.data.status },
        },
      };
    },
  );
}

/** Changing an individual measure's title and status. */
import { updateMeasureRow } from "../../db/project.repository.js";
import type { Principal } from "../../domain/access/principal.js";
import { AppError } from "../../errors.js";
import type { RequestOrigin } from "../audit/record-audit.js";
import type { AppContext } from "../context.js";
import {
  UpdateMeasureInputSchema,
  type UpdateMeasureInput,
} from "./catalogue-edit.schema.js";
import {
  changeProject,
  projectLabel,
  rejectProblems,
  requireValid,
  UNKNOWN_ORIGIN,
  type ProjectChangeResult,
} from "./edit-support.js";
import { measureSnapshot } from "./snapshots.js";

/** Updates one measure; ERR_NOT_FOUND when the project has no such measure. */
export async function updateMeasure(
  ctx: AppContext,
  principal: Principal,
  input: UpdateMeasureInput,
  origin: RequestOrigin = UNKNOWN_ORIGIN,
): Promise<ProjectChangeResult> {
  const valid = requireValid(UpdateMeasureInputSchema, input);
  const measure = { title: valid.data.title.trim(), status: valid.data.status };
  rejectProblems(
    measure.title === ""
      ? [{ path: "/data/title", message: "darf nicht leer sein" }]
      : [],
  );
  return changeProject(
    ctx,
    principal,
    valid,
    "measure.update",
    origin,
    async (trx, before) => {
      const previous = before.project.measures.find(
        (candidate) => candidate.id === valid.measureId,
      );
      if (
        previous === undefined ||
        !(await updateMeasureRow(
          trx,
          before.project.id,
          valid.measureId,
          measure,
        ))
      ) {
        throw new AppError("ERR_NOT_FOUND", {
          detail: "Diese Einzelmaßnahme gehört nicht (mehr) zum Projekt.",
        });
      }
      return {
        value: undefined,
        record: {
          action: "measure.update",
          entityType: "measure",
          entityId: valid.measureId,
          entityLabel: `${projectLabel(before.project)} – ${measure.title}`,
          before: measureSnapshot(previous),
          after: measureSnapshot(measure),
        },
      };
    },
  );
}

/** Moving one measure a place up or down: the reorder buttons that work without JavaScript. */
import { setMeasureOrder } from "../../db/project.repository.js";
import type { Principal } from "../../domain/access/principal.js";
import { AppError } from "../../errors.js";
import type { RequestOrigin } from "../audit/record-audit.js";
import type { AppContext } from "../context.js";
import {
  MoveMeasureInputSchema,
  type MoveMeasureInput,
} from "./catalogue-edit.schema.js";
import {
  changeProject,
  requireValid,
  UNKNOWN_ORIGIN,
  type ProjectChangeResult,
} from "./edit-support.js";
import { orderRecord } from "./reorder-measures.js";

/** Swaps a measure with its neighbour; the first cannot move up nor the last down (they stay). */
export async function moveMeasure(
  ctx: AppContext,
  principal: Principal,
  input: MoveMeasureInput,
  origin: RequestOrigin = UNKNOWN_ORIGIN,
): Promise<ProjectChangeResult> {
  const valid = requireValid(MoveMeasureInputSchema, input);
  return changeProject(
    ctx,
    principal,
    valid,
    "measure.reorder",
    origin,
    async (trx, before) => {
      const measures = [...before.project.measures];
      const index = measures.findIndex(
        (measure) => measure.id === valid.measureId,
      );
      if (index === -1)
        throw new AppError("ERR_NOT_FOUND", {
          detail: "Diese Einzelmaßnahme gehört nicht (mehr) zum Projekt.",
        });
      const target = valid.data.direction === "up" ? index - 1 : index + 1;
      if (target >= 0 && target < measures.length) {
        const [moved] = measures.splice(index, 1);
        if (moved !== undefined) measures.splice(target, 0, moved);
        await setMeasureOrder(
          trx,
          before.project.id,
          measures.map((measure) => measure.id),
        );
      }
      return {
        value: undefined,
        record: orderRecord(before.project, before.project.measures, measures),
      };
    },
  );
}

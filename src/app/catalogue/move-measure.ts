/** Moving one measure a place up or down: the reorder buttons that work without JavaScript. */
import { setMeasureOrder } from "../../db/project.repository.js";
import { AppError } from "../../errors.js";
import { MoveMeasureInputSchema } from "./catalogue-edit.schema.js";
import { projectUseCase } from "./edit-support.js";
import { orderRecord } from "./reorder-measures.js";

/** Swaps a measure with its neighbour; the first cannot move up nor the last down (they stay). */
export const moveMeasure = projectUseCase(MoveMeasureInputSchema, (valid) => ({
  action: "measure.reorder",
  apply: async (trx, before) => {
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
}));

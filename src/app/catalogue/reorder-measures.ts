/** Putting the measures of a project into a new order (drag and drop, the API). */
import { setMeasureOrder } from "../../db/project.repository.js";
import type { Measure } from "../../domain/catalogue/catalogue.js";
import { AppError } from "../../errors.js";
import { ReorderMeasuresInputSchema } from "./catalogue-edit.schema.js";
import { projectRecord, projectUseCase } from "./edit-support.js";

/** Orders all measures as given; the ids must be exactly the project's measures. */
export const reorderMeasures = projectUseCase(
  ReorderMeasuresInputSchema,
  (valid) => ({
    action: "measure.reorder",
    apply: async (trx, before) => {
      const byId = new Map(
        before.project.measures.map((measure) => [measure.id, measure]),
      );
      const ordered = valid.data.measureIds.map((id) => byId.get(id));
      if (
        ordered.length !== byId.size ||
        ordered.some((measure) => measure === undefined)
      ) {
        throw new AppError("ERR_VALIDATION", {
          problems: [
            {
              path: "/data/measureIds",
              message:
                "muss jede Einzelmaßnahme des Projekts genau einmal enthalten",
            },
          ],
        });
      }
      await setMeasureOrder(trx, before.project.id, valid.data.measureIds);
      return {
        value: undefined,
        record: orderRecord(
          before.project,
          before.project.measures,
          ordered as Measure[],
        ),
      };
    },
  }),
);

/** The audit record of a new order: the titles before and after. */
export function orderRecord(
  project: {
    readonly id: number;
    readonly code: string;
    readonly title: string;
  },
  before: readonly Measure[],
  after: readonly Measure[],
) {
  return projectRecord(
    "measure.reorder",
    project,
    { measures: before.map((measure) => measure.title) },
    { measures: after.map((measure) => measure.title) },
  );
}

/** Appending an individual measure (Einzelmaßnahme) to a project. */
import {
  insertMeasure,
  measureReferences,
} from "../../db/project.repository.js";
import {
  requireMeasureReferences,
  requireMeasureValues,
} from "./measure-values.js";
import type { Principal } from "../../domain/access/principal.js";
import type { RequestOrigin } from "../audit/record-audit.js";
import type { AppContext } from "../context.js";
import {
  AddMeasureInputSchema,
  type AddMeasureInput,
} from "./catalogue-edit.schema.js";
import {
  changeProject,
  projectLabel,
  requireValid,
  UNKNOWN_ORIGIN,
  type ProjectChangeResult,
} from "./edit-support.js";
import { measureSnapshot } from "./snapshots.js";

/** Adds a measure after the existing ones; returns its id. */
export async function addMeasure(
  ctx: AppContext,
  principal: Principal,
  input: AddMeasureInput,
  origin: RequestOrigin = UNKNOWN_ORIGIN,
): Promise<ProjectChangeResult & { readonly measureId: number }> {
  const valid = requireValid(AddMeasureInputSchema, input);
  const measure = requireMeasureValues(valid.data);
  const result = await changeProject(
    ctx,
    principal,
    valid,
    "measure.create",
    origin,
    async (trx, before) => {
      requireMeasureReferences(
        measure,
        await measureReferences(trx, before.project.id, measure),
      );
      const measureId = await insertMeasure(trx, before.project.id, measure);
      return {
        value: measureId,
        record: {
          action: "measure.create",
          entityType: "measure",
          entityId: measureId,
          entityLabel: `${projectLabel(before.project)} – ${measure.title}`,
          before: null,
          after: measureSnapshot(measure),
        },
      };
    },
  );
  return {
    version: result.version,
    project: result.project,
    measureId: result.value,
  };
}

/** Adding an impact area (Wirkungsbereich) to the catalogue (administrators). */
import {
  insertImpactArea,
  listStoredImpactAreas,
} from "../../db/structure.repository.js";
import type { Principal } from "../../domain/access/principal.js";
import type { RequestOrigin } from "../audit/record-audit.js";
import type { AppContext } from "../context.js";
import {
  CreateImpactAreaInputSchema,
  type CreateImpactAreaInput,
} from "./catalogue-edit.schema.js";
import {
  blankProblems,
  optionalText,
  rejectProblems,
  requireAdministrator,
  requireMunicipality,
  requireValid,
  UNKNOWN_ORIGIN,
} from "./edit-support.js";
import { createStructureRecord, keyTakenProblem } from "./structure-change.js";

/** Creates an impact area at the end, with version 1. */
export async function createImpactArea(
  ctx: AppContext,
  principal: Principal,
  input: CreateImpactAreaInput,
  origin: RequestOrigin = UNKNOWN_ORIGIN,
): Promise<{ readonly version: number; readonly key: string }> {
  const valid = requireValid(CreateImpactAreaInputSchema, input);
  const municipality = await requireMunicipality(ctx.db, valid.municipality);
  await requireAdministrator(
    ctx,
    principal,
    municipality,
    "impact_area.create",
    { entityType: "impact_area", entityLabel: valid.data.name },
    origin,
  );
  const values = {
    key: valid.data.key,
    name: valid.data.name.trim(),
    description: optionalText(valid.data.description),
  };
  rejectProblems(blankProblems(values.name, "/data/name"));
  const taken = keyTakenProblem(values.key);
  return createStructureRecord(
    ctx,
    principal,
    municipality,
    { reason: valid.reason, taken },
    origin,
    async (trx) => {
      const existing = await listStoredImpactAreas(trx, municipality.id);
      rejectProblems(
        existing.some((area) => area.key === values.key) ? [taken] : [],
      );
      const id = await insertImpactArea(trx, municipality.id, values);
      return {
        value: { version: 1, key: values.key },
        record: {
          action: "impact_area.create",
          entityType: "impact_area",
          entityId: id,
          entityLabel: values.name,
          before: null,
          after: values,
        },
      };
    },
  );
}

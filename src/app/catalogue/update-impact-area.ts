/** Renaming or describing an impact area (administrators). */
import {
  listStoredImpactAreas,
  updateImpactAreaRow,
} from "../../db/structure.repository.js";
import type { Principal } from "../../domain/access/principal.js";
import type { RequestOrigin } from "../audit/record-audit.js";
import type { AppContext } from "../context.js";
import {
  UpdateImpactAreaInputSchema,
  type UpdateImpactAreaInput,
} from "./catalogue-edit.schema.js";
import {
  blankProblems,
  optionalText,
  rejectProblems,
  requireMunicipality,
  requireValid,
  UNKNOWN_ORIGIN,
} from "./edit-support.js";
import {
  requireStructureRecord,
  updateStructureRecord,
} from "./structure-change.js";
import { rebuildSearchEntries } from "./structure-state.js";

/** Updates an impact area; returns its new version. */
export async function updateImpactArea(
  ctx: AppContext,
  principal: Principal,
  input: UpdateImpactAreaInput,
  origin: RequestOrigin = UNKNOWN_ORIGIN,
): Promise<{ readonly version: number }> {
  const valid = requireValid(UpdateImpactAreaInputSchema, input);
  const municipality = await requireMunicipality(ctx.db, valid.municipality);
  const area = await requireStructureRecord(
    ctx,
    principal,
    municipality,
    "impact_area.update",
    {
      entityType: "impact_area",
      key: valid.impactArea,
      missing: "Diesen Wirkungsbereich gibt es nicht.",
    },
    (await listStoredImpactAreas(ctx.db, municipality.id)).find(
      (candidate) => candidate.key === valid.impactArea,
    ),
    origin,
  );
  const values = {
    name: valid.data.name.trim(),
    description: optionalText(valid.data.description),
  };
  rejectProblems(blankProblems(values.name, "/data/name"));
  return updateStructureRecord(
    ctx,
    principal,
    municipality,
    {
      action: "impact_area.update",
      entityType: "impact_area",
      record: area,
      key: area.key,
      expectedVersion: valid.expectedVersion,
      reason: valid.reason,
    },
    origin,
    async (trx) => {
      await updateImpactAreaRow(trx, area.id, values);
      // Every project's search entry names its impact area.
      if (values.name !== area.name)
        await rebuildSearchEntries(trx, municipality);
      return {
        entityLabel: values.name,
        before: { name: area.name, description: area.description },
        after: values,
      };
    },
  );
}

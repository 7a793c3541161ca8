/** Renaming or describing an impact area (administrators). */
import {
  claimVersion,
  listStoredImpactAreas,
  updateImpactAreaRow,
} from "../../db/structure.repository.js";
import type { Principal } from "../../domain/access/principal.js";
import { AppError } from "../../errors.js";
import type { RequestOrigin } from "../audit/record-audit.js";
import type { AppContext } from "../context.js";
import {
  UpdateImpactAreaInputSchema,
  type UpdateImpactAreaInput,
} from "./catalogue-edit.schema.js";
import {
  changeStructure,
  optionalText,
  rejectProblems,
  requireAdministrator,
  requireMunicipality,
  requireValid,
  UNKNOWN_ORIGIN,
} from "./edit-support.js";
import { rebuildSearchEntries, structureConflict } from "./structure-state.js";

/** Updates an impact area; returns its new version. */
export async function updateImpactArea(
  ctx: AppContext,
  principal: Principal,
  input: UpdateImpactAreaInput,
  origin: RequestOrigin = UNKNOWN_ORIGIN,
): Promise<{ readonly version: number }> {
  const valid = requireValid(UpdateImpactAreaInputSchema, input);
  const municipality = await requireMunicipality(ctx.db, valid.municipality);
  const area = (await listStoredImpactAreas(ctx.db, municipality.id)).find(
    (candidate) => candidate.key === valid.impactArea,
  );
  await requireAdministrator(
    ctx,
    principal,
    municipality,
    "impact_area.update",
    {
      entityType: "impact_area",
      entityId: area?.id ?? null,
      entityLabel: area?.name ?? valid.impactArea,
    },
    origin,
  );
  if (area === undefined)
    throw new AppError("ERR_NOT_FOUND", {
      detail: "Diesen Wirkungsbereich gibt es nicht.",
    });
  const values = {
    name: valid.data.name.trim(),
    description: optionalText(valid.data.description),
  };
  rejectProblems(
    values.name === ""
      ? [{ path: "/data/name", message: "darf nicht leer sein" }]
      : [],
  );
  const conflict = () =>
    structureConflict(
      ctx,
      municipality.id,
      { entityType: "impact_area", entityId: area.id, key: area.key },
      valid.expectedVersion,
    );
  if (area.version !== valid.expectedVersion) throw await conflict();
  return changeStructure(
    ctx,
    principal,
    municipality,
    {
      expectedVersion: valid.expectedVersion,
      reason: valid.reason,
      claim: (trx) =>
        claimVersion(trx, "impact_area", area.id, valid.expectedVersion),
      conflict,
    },
    origin,
    async (trx) => {
      await updateImpactAreaRow(trx, area.id, values);
      // Every project's search entry names its impact area.
      if (values.name !== area.name)
        await rebuildSearchEntries(trx, municipality);
      return {
        value: { version: valid.expectedVersion + 1 },
        record: {
          action: "impact_area.update",
          entityType: "impact_area",
          entityId: area.id,
          entityLabel: values.name,
          before: { name: area.name, description: area.description },
          after: values,
        },
      };
    },
  );
}

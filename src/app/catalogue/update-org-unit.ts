/** Changing an org unit's name, kind and parent; the hierarchy must stay free of cycles (administrators). */
import {
  claimVersion,
  listStoredOrgUnits,
  updateOrgUnitRow,
} from "../../db/structure.repository.js";
import type { Principal } from "../../domain/access/principal.js";
import { AppError } from "../../errors.js";
import type { RequestOrigin } from "../audit/record-audit.js";
import type { AppContext } from "../context.js";
import {
  UpdateOrgUnitInputSchema,
  type UpdateOrgUnitInput,
} from "./catalogue-edit.schema.js";
import {
  changeStructure,
  rejectProblems,
  requireAdministrator,
  requireMunicipality,
  requireValid,
  UNKNOWN_ORIGIN,
} from "./edit-support.js";
import { parentProblem } from "./org-unit-rules.js";
import { structureConflict } from "./structure-state.js";

/** Updates an org unit; returns its new version. */
export async function updateOrgUnit(
  ctx: AppContext,
  principal: Principal,
  input: UpdateOrgUnitInput,
  origin: RequestOrigin = UNKNOWN_ORIGIN,
): Promise<{ readonly version: number }> {
  const valid = requireValid(UpdateOrgUnitInputSchema, input);
  const municipality = await requireMunicipality(ctx.db, valid.municipality);
  const unit = (await listStoredOrgUnits(ctx.db, municipality.id)).find(
    (candidate) => candidate.code === valid.orgUnit,
  );
  await requireAdministrator(
    ctx,
    principal,
    municipality,
    "org_unit.update",
    {
      entityType: "org_unit",
      entityId: unit?.id ?? null,
      entityLabel: unit?.name ?? valid.orgUnit,
    },
    origin,
  );
  if (unit === undefined)
    throw new AppError("ERR_NOT_FOUND", {
      detail: "Diese Organisationseinheit gibt es nicht.",
    });
  const name = valid.data.name.trim();
  rejectProblems(
    name === ""
      ? [{ path: "/data/name", message: "darf nicht leer sein" }]
      : [],
  );
  const conflict = () =>
    structureConflict(
      ctx,
      municipality.id,
      { entityType: "org_unit", entityId: unit.id, key: unit.code },
      valid.expectedVersion,
    );
  if (unit.version !== valid.expectedVersion) throw await conflict();
  return changeStructure(
    ctx,
    principal,
    municipality,
    {
      expectedVersion: valid.expectedVersion,
      reason: valid.reason,
      claim: (trx) =>
        claimVersion(trx, "org_unit", unit.id, valid.expectedVersion),
      conflict,
    },
    origin,
    async (trx) => {
      // Read after the municipality's row is taken, so that two parent changes at once cannot build a cycle together.
      const units = await listStoredOrgUnits(trx, municipality.id);
      const parent = valid.data.parent ?? null;
      const problem = parentProblem(
        new Map(
          units.map((candidate) => [candidate.code, candidate.parentCode]),
        ),
        unit.code,
        parent,
        "/data/parent",
      );
      rejectProblems(problem === null ? [] : [problem]);
      const parentId =
        parent === null
          ? null
          : (units.find((candidate) => candidate.code === parent)?.id ?? null);
      await updateOrgUnitRow(trx, unit.id, {
        name,
        kind: valid.data.kind,
        parentId,
      });
      return {
        value: { version: valid.expectedVersion + 1 },
        record: {
          action: "org_unit.update",
          entityType: "org_unit",
          entityId: unit.id,
          entityLabel: name,
          before: { name: unit.name, kind: unit.kind, parent: unit.parentCode },
          after: { name, kind: valid.data.kind, parent },
        },
      };
    },
  );
}

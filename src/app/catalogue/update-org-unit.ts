/** Changing an org unit's name, kind and parent; the hierarchy must stay free of cycles (administrators). */
import { orgUnitKindProblems } from "./org-unit-kinds.js";
import {
  listStoredOrgUnits,
  updateOrgUnitRow,
} from "../../db/structure.repository.js";
import type { Principal } from "../../domain/access/principal.js";
import type { RequestOrigin } from "../audit/record-audit.js";
import type { AppContext } from "../context.js";
import {
  UpdateOrgUnitInputSchema,
  type UpdateOrgUnitInput,
} from "./catalogue-edit.schema.js";
import {
  blankProblems,
  rejectProblems,
  requireMunicipality,
  requireValid,
  UNKNOWN_ORIGIN,
} from "./edit-support.js";
import { parentProblem } from "./org-unit-rules.js";
import {
  requireStructureRecord,
  updateStructureRecord,
} from "./structure-change.js";

/** Updates an org unit; returns its new version. */
export async function updateOrgUnit(
  ctx: AppContext,
  principal: Principal,
  input: UpdateOrgUnitInput,
  origin: RequestOrigin = UNKNOWN_ORIGIN,
): Promise<{ readonly version: number }> {
  const valid = requireValid(UpdateOrgUnitInputSchema, input);
  const municipality = await requireMunicipality(ctx.db, valid.municipality);
  const unit = await requireStructureRecord(
    ctx,
    principal,
    municipality,
    "org_unit.update",
    {
      entityType: "org_unit",
      key: valid.orgUnit,
      missing: "Diese Organisationseinheit gibt es nicht.",
    },
    (await listStoredOrgUnits(ctx.db, municipality.id)).find(
      (candidate) => candidate.code === valid.orgUnit,
    ),
    origin,
  );
  const name = valid.data.name.trim();
  rejectProblems([
    ...blankProblems(name, "/data/name"),
    ...(valid.data.kind === unit.kind
      ? []
      : await orgUnitKindProblems(ctx.db, municipality.id, valid.data.kind)),
  ]);
  return updateStructureRecord(
    ctx,
    principal,
    municipality,
    {
      action: "org_unit.update",
      entityType: "org_unit",
      record: unit,
      key: unit.code,
      expectedVersion: valid.expectedVersion,
      reason: valid.reason,
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
        entityLabel: name,
        before: { name: unit.name, kind: unit.kind, parent: unit.parentCode },
        after: { name, kind: valid.data.kind, parent },
      };
    },
  );
}

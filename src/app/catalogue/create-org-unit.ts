/** Adding an org unit: a department, division or external partner (administrators). */
import { orgUnitKindProblems } from "./org-unit-kinds.js";
import {
  insertOrgUnit,
  listStoredOrgUnits,
} from "../../db/structure.repository.js";
import type { Principal } from "../../domain/access/principal.js";
import type { RequestOrigin } from "../audit/record-audit.js";
import type { AppContext } from "../context.js";
import {
  CreateOrgUnitInputSchema,
  type CreateOrgUnitInput,
} from "./catalogue-edit.schema.js";
import {
  blankProblems,
  rejectProblems,
  requireAdministrator,
  requireMunicipality,
  requireValid,
  UNKNOWN_ORIGIN,
} from "./edit-support.js";
import { parentProblem } from "./org-unit-rules.js";
import { createStructureRecord } from "./structure-change.js";

/** Creates an org unit at the end of the list, with version 1. */
export async function createOrgUnit(
  ctx: AppContext,
  principal: Principal,
  input: CreateOrgUnitInput,
  origin: RequestOrigin = UNKNOWN_ORIGIN,
): Promise<{ readonly version: number; readonly code: string }> {
  const valid = requireValid(CreateOrgUnitInputSchema, input);
  const municipality = await requireMunicipality(ctx.db, valid.municipality);
  await requireAdministrator(
    ctx,
    principal,
    municipality,
    "org_unit.create",
    { entityType: "org_unit", entityLabel: valid.data.name },
    origin,
  );
  const { data } = valid;
  const name = data.name.trim();
  rejectProblems([
    ...blankProblems(name, "/data/name"),
    ...(await orgUnitKindProblems(ctx.db, municipality.id, data.kind)),
  ]);
  const duplicate = {
    path: "/data/code",
    message: `Das Kürzel "${data.code}" ist schon vergeben.`,
  };
  return createStructureRecord(
    ctx,
    principal,
    municipality,
    { reason: valid.reason, taken: duplicate },
    origin,
    async (trx) => {
      const units = await listStoredOrgUnits(trx, municipality.id);
      const parent = data.parent ?? null;
      const parents = new Map(
        units.map((unit) => [unit.code, unit.parentCode]),
      );
      const problem = parentProblem(parents, data.code, parent, "/data/parent");
      rejectProblems([
        ...(parents.has(data.code) ? [duplicate] : []),
        ...(problem === null ? [] : [problem]),
      ]);
      const parentId =
        parent === null
          ? null
          : (units.find((unit) => unit.code === parent)?.id ?? null);
      const id = await insertOrgUnit(trx, municipality.id, {
        code: data.code,
        name,
        kind: data.kind,
        parentId,
      });
      return {
        value: { version: 1, code: data.code },
        record: {
          action: "org_unit.create",
          entityType: "org_unit",
          entityId: id,
          entityLabel: name,
          before: null,
          after: { code: data.code, name, kind: data.kind, parent },
        },
      };
    },
  );
}

/** Adding an org unit: a department, division or external partner (administrators). */
import { orgUnitKindProblems } from "./org-unit-kinds.js";
import {
  insertOrgUnit,
  listStoredOrgUnits,
} from "../../db/structure.repository.js";
import { CreateOrgUnitInputSchema } from "./catalogue-edit.schema.js";
import {
  blankProblems,
  rejectProblems,
  municipalityUseCase,
} from "./edit-support.js";
import { parentProblem } from "./org-unit-rules.js";
import { createStructureRecord, requireCreator } from "./structure-change.js";

/** Creates an org unit at the end of the list, with version 1. */
export const createOrgUnit = municipalityUseCase(
  CreateOrgUnitInputSchema,
  async (call) => {
    const { ctx, municipality, valid } = call;
    await requireCreator(call, "org_unit.create", "org_unit");
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
      call,
      { action: "org_unit.create", entityType: "org_unit", taken: duplicate },
      async (trx) => {
        const units = await listStoredOrgUnits(trx, municipality.id);
        const parent = data.parent ?? null;
        const parents = new Map(
          units.map((unit) => [unit.code, unit.parentCode]),
        );
        const problem = parentProblem(
          parents,
          data.code,
          parent,
          "/data/parent",
        );
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
          id,
          label: name,
          after: { code: data.code, name, kind: data.kind, parent },
          value: { version: 1, code: data.code },
        };
      },
    );
  },
);

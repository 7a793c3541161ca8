/** Changing an org unit's name, kind and parent; the hierarchy must stay free of cycles (administrators). */
import { orgUnitKindProblems } from "./org-unit-kinds.js";
import {
  listStoredOrgUnits,
  updateOrgUnitRow,
} from "../../db/structure.repository.js";
import { UpdateOrgUnitInputSchema } from "./catalogue-edit.schema.js";
import {
  blankProblems,
  rejectProblems,
  municipalityUseCase,
} from "./edit-support.js";
import { parentProblem } from "./org-unit-rules.js";
import { requireStructureUpdate } from "./structure-change.js";

/** Updates an org unit; returns its new version. */
export const updateOrgUnit = municipalityUseCase(
  UpdateOrgUnitInputSchema,
  async (call) => {
    const { ctx, municipality, valid } = call;
    const { record: unit, update } = await requireStructureUpdate(
      call,
      "org_unit.update",
      {
        entityType: "org_unit",
        key: valid.orgUnit,
        missing: "Diese Organisationseinheit gibt es nicht.",
      },
      (await listStoredOrgUnits(ctx.db, municipality.id)).find(
        (candidate) => candidate.code === valid.orgUnit,
      ),
    );
    const name = valid.data.name.trim();
    rejectProblems([
      ...blankProblems(name, "/data/name"),
      ...(valid.data.kind === unit.kind
        ? []
        : await orgUnitKindProblems(ctx.db, municipality.id, valid.data.kind)),
    ]);
    return update(async (trx) => {
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
    });
  },
);

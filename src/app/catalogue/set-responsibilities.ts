/** Replacing who is responsible for a project: org units, lead or contributing, with a note. */
import { replaceResponsibilities } from "../../db/project.repository.js";
import { listStoredOrgUnits } from "../../db/structure.repository.js";
import type { Principal } from "../../domain/access/principal.js";
import type { InputProblem } from "../../errors.js";
import type { RequestOrigin } from "../audit/record-audit.js";
import type { AppContext } from "../context.js";
import {
  SetResponsibilitiesInputSchema,
  type SetResponsibilitiesInput,
} from "./catalogue-edit.schema.js";
import {
  changeProject,
  optionalText,
  projectLabel,
  rejectProblems,
  requireValid,
  UNKNOWN_ORIGIN,
  type ProjectChangeResult,
} from "./edit-support.js";
import { responsibilitiesSnapshot } from "./snapshots.js";

/**
 * Sets the responsibilities in the order given. Each org unit must exist and appear once.
 * An editor who removes their own units loses the right to edit the project afterwards;
 * that is allowed (a project may move to another department).
 */
export async function setResponsibilities(
  ctx: AppContext,
  principal: Principal,
  input: SetResponsibilitiesInput,
  origin: RequestOrigin = UNKNOWN_ORIGIN,
): Promise<ProjectChangeResult> {
  const valid = requireValid(SetResponsibilitiesInputSchema, input);
  return changeProject(
    ctx,
    principal,
    valid,
    "responsibility.set",
    origin,
    async (trx, before) => {
      const units = new Map(
        (await listStoredOrgUnits(trx, before.municipalityId)).map((unit) => [
          unit.code,
          unit,
        ]),
      );
      const problems: InputProblem[] = [];
      const seen = new Set<string>();
      const rows = valid.data.responsibilities.map((responsibility, index) => {
        const unit = units.get(responsibility.orgUnit);
        const path = `/data/responsibilities/${index}/orgUnit`;
        if (unit === undefined)
          problems.push({
            path,
            message: `Die Organisationseinheit "${responsibility.orgUnit}" gibt es nicht.`,
          });
        else if (seen.has(responsibility.orgUnit)) {
          problems.push({
            path,
            message: `Die Organisationseinheit "${responsibility.orgUnit}" ist doppelt eingetragen.`,
          });
        }
        seen.add(responsibility.orgUnit);
        return {
          orgUnitId: unit?.id ?? 0,
          role: responsibility.role,
          note: optionalText(responsibility.note),
        };
      });
      rejectProblems(problems);
      await replaceResponsibilities(trx, before.project.id, rows);
      const after = valid.data.responsibilities.map(
        (responsibility, index) => ({
          orgUnitCode: responsibility.orgUnit,
          role: responsibility.role,
          note: rows[index]?.note ?? null,
        }),
      );
      return {
        value: undefined,
        record: {
          action: "responsibility.set",
          entityType: "project",
          entityId: before.project.id,
          entityLabel: projectLabel(before.project),
          before: {
            responsibilities: responsibilitiesSnapshot(
              before.project.responsibilities,
            ),
          },
          after: { responsibilities: responsibilitiesSnapshot(after) },
        },
      };
    },
  );
}

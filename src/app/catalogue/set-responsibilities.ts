/** Replacing who is responsible for a project: org units, lead or contributing, with a note. */
import {
  replaceResponsibilities,
  type ResponsibilityValues,
} from "../../db/project.repository.js";
import { listStoredOrgUnits } from "../../db/structure.repository.js";
import type { InputProblem } from "../../errors.js";
import {
  SetResponsibilitiesInputSchema,
  type ResponsibilityData,
} from "./catalogue-edit.schema.js";
import {
  optionalText,
  projectRecord,
  projectUseCase,
  rejectProblems,
} from "./edit-support.js";
import { responsibilitiesSnapshot } from "./snapshots.js";

/**
 * Sets the responsibilities in the order given. Each org unit must exist and appear once.
 * An editor who removes their own units loses the right to edit the project afterwards;
 * that is allowed (a project may move to another department).
 */
export const setResponsibilities = projectUseCase(
  SetResponsibilitiesInputSchema,
  (valid) => ({
    action: "responsibility.set",
    apply: async (trx, before) => {
      const problems: InputProblem[] = [];
      const rows = responsibilityRows(
        valid.data.responsibilities,
        await listStoredOrgUnits(trx, before.municipalityId),
        problems,
      );
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
        record: projectRecord(
          "responsibility.set",
          before.project,
          {
            responsibilities: responsibilitiesSnapshot(
              before.project.responsibilities,
            ),
          },
          { responsibilities: responsibilitiesSnapshot(after) },
        ),
      };
    },
  }),
);

/**
 * The responsibilities as stored, each org unit by its id. A unit that does not exist or is
 * named twice adds a problem to `problems` (at /data/responsibilities/<index>/orgUnit).
 */
export function responsibilityRows(
  responsibilities: readonly ResponsibilityData[],
  units: readonly { readonly id: number; readonly code: string }[],
  problems: InputProblem[],
): ResponsibilityValues[] {
  const byCode = new Map(units.map((unit) => [unit.code, unit]));
  const seen = new Set<string>();
  return responsibilities.map((responsibility, index) => {
    const unit = byCode.get(responsibility.orgUnit);
    const path = `/data/responsibilities/${index}/orgUnit`;
    if (unit === undefined)
      problems.push({
        path,
        message: `Die Organisationseinheit "${responsibility.orgUnit}" gibt es nicht.`,
      });
    else if (seen.has(responsibility.orgUnit))
      problems.push({
        path,
        message: `Die Organisationseinheit "${responsibility.orgUnit}" ist doppelt eingetragen.`,
      });
    seen.add(responsibility.orgUnit);
    return {
      orgUnitId: unit?.id ?? 0,
      role: responsibility.role,
      note: optionalText(responsibility.note),
    };
  });
}

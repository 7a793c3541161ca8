/** Checking an org unit's kind against the municipality's list of kinds. */
import type { Executor } from "../../db/database.js";
import { loadStoredProgramme } from "../../db/structure.repository.js";
import {
  DEFAULT_ORG_UNIT_KINDS,
  type OrgUnitKindEntry,
} from "../../domain/catalogue/levels.js";
import type { InputProblem } from "../../errors.js";

/** The municipality's org unit kinds (the default list before it has a programme). */
export async function orgUnitKindsOf(
  db: Executor,
  municipalityId: number,
): Promise<readonly OrgUnitKindEntry[]> {
  const programme = await loadStoredProgramme(db, municipalityId);
  return programme?.orgUnitKinds ?? DEFAULT_ORG_UNIT_KINDS;
}

/** A problem when `kind` is not in the municipality's list. */
export async function orgUnitKindProblems(
  db: Executor,
  municipalityId: number,
  kind: string,
): Promise<readonly InputProblem[]> {
  const kinds = await orgUnitKindsOf(db, municipalityId);
  return kinds.some((entry) => entry.key === kind)
    ? []
    : [
        {
          path: "/data/kind",
          message: `Die Art „${kind}“ steht nicht in der Liste der Arten (${kinds.map((entry) => entry.label).join(", ")}).`,
        },
      ];
}

/** Removing a dependency between two projects. */
import {
  deleteDependency,
  listProjectLabels,
} from "../../db/project.repository.js";
import type { Principal } from "../../domain/access/principal.js";
import { AppError } from "../../errors.js";
import type { RequestOrigin } from "../audit/record-audit.js";
import type { AppContext } from "../context.js";
import {
  RemoveDependencyInputSchema,
  type RemoveDependencyInput,
} from "./catalogue-edit.schema.js";
import {
  changeProject,
  projectLabel,
  requireValid,
  UNKNOWN_ORIGIN,
  type ProjectChangeResult,
} from "./edit-support.js";

/** Removes the dependency on the named project; ERR_NOT_FOUND when there is none. */
export async function removeDependency(
  ctx: AppContext,
  principal: Principal,
  input: RemoveDependencyInput,
  origin: RequestOrigin = UNKNOWN_ORIGIN,
): Promise<ProjectChangeResult> {
  const valid = requireValid(RemoveDependencyInputSchema, input);
  return changeProject(
    ctx,
    principal,
    valid,
    "dependency.delete",
    origin,
    async (trx, before) => {
      const prerequisite = (
        await listProjectLabels(trx, before.municipalityId)
      ).find((label) => label.slug === valid.dependsOn);
      if (
        prerequisite === undefined ||
        !(await deleteDependency(trx, before.project.id, prerequisite.id))
      ) {
        throw new AppError("ERR_NOT_FOUND", {
          detail: "Diese Abhängigkeit ist nicht (mehr) eingetragen.",
        });
      }
      return {
        value: undefined,
        record: {
          action: "dependency.delete",
          entityType: "dependency",
          entityId: `${before.project.slug}>${prerequisite.slug}`,
          entityLabel: `${projectLabel(before.project)} → ${projectLabel(prerequisite)}`,
          before: { dependsOn: prerequisite.slug },
          after: null,
        },
      };
    },
  );
}

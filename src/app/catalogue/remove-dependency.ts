/** Removing a dependency between two projects. */
import {
  deleteDependency,
  listProjectLabels,
} from "../../db/project.repository.js";
import { AppError } from "../../errors.js";
import { dependencyRecord } from "./add-dependency.js";
import { RemoveDependencyInputSchema } from "./catalogue-edit.schema.js";
import { projectUseCase } from "./edit-support.js";

/** Removes the dependency on the named project; ERR_NOT_FOUND when there is none. */
export const removeDependency = projectUseCase(
  RemoveDependencyInputSchema,
  (valid) => ({
    action: "dependency.delete",
    apply: async (trx, before) => {
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
        record: dependencyRecord(
          "dependency.delete",
          before.project,
          prerequisite,
          { before: { dependsOn: prerequisite.slug }, after: null },
        ),
      };
    },
  }),
);

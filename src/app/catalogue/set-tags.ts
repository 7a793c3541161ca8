/** Replacing the tags of a project (Smart-City-Charta fields and the like). */
import { replaceProjectTags } from "../../db/project.repository.js";
import { SetTagsInputSchema } from "./catalogue-edit.schema.js";
import { projectRecord, projectUseCase } from "./edit-support.js";

/** Sets the tags of a project, in the order given. */
export const setTags = projectUseCase(SetTagsInputSchema, (valid) => {
  const tags = [
    ...new Set(
      valid.data.tags.map((tag) => tag.trim()).filter((tag) => tag !== ""),
    ),
  ];
  return {
    action: "project.tags",
    apply: async (trx, before) => {
      await replaceProjectTags(trx, before.project.id, tags);
      return {
        value: undefined,
        record: projectRecord(
          "project.tags",
          before.project,
          { tags: before.project.tags },
          { tags },
        ),
      };
    },
  };
});

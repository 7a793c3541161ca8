/** Changing a project's title, summary, status and (when given) tags. */
import {
  replaceProjectTags,
  updateProjectFields,
} from "../../db/project.repository.js";
import { UpdateProjectInputSchema } from "./catalogue-edit.schema.js";
import {
  projectRecord,
  projectUseCase,
  rejectProblems,
} from "./edit-support.js";
import { projectFieldsSnapshot } from "./snapshots.js";

/** Updates the project's own fields; tags are kept unless `data.tags` is given. */
export const updateProject = projectUseCase(
  UpdateProjectInputSchema,
  (valid) => {
    const title = valid.data.title.trim();
    rejectProblems(
      title === ""
        ? [{ path: "/data/title", message: "darf nicht leer sein" }]
        : [],
    );
    const tags = valid.data.tags
      ?.map((tag) => tag.trim())
      .filter((tag) => tag !== "");
    return {
      action: "project.update",
      apply: async (trx, before) => {
        const fields = {
          title,
          summary: valid.data.summary.trim(),
          status: valid.data.status,
        };
        await updateProjectFields(trx, before.project.id, fields);
        if (tags !== undefined)
          await replaceProjectTags(trx, before.project.id, [...new Set(tags)]);
        return {
          value: undefined,
          record: projectRecord(
            "project.update",
            { id: before.project.id, code: before.project.code, title },
            projectFieldsSnapshot(before.project),
            projectFieldsSnapshot({
              ...fields,
              tags:
                tags === undefined ? before.project.tags : [...new Set(tags)],
            }),
          ),
        };
      },
    };
  },
);

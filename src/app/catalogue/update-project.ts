/** Changing a project's title, summary, status and (when given) tags. */
import {
  replaceProjectTags,
  updateProjectFields,
} from "../../db/project.repository.js";
import type { RequestOrigin } from "../audit/record-audit.js";
import type { AppContext } from "../context.js";
import type { Principal } from "../../domain/access/principal.js";
import {
  UpdateProjectInputSchema,
  type UpdateProjectInput,
} from "./catalogue-edit.schema.js";
import {
  changeProject,
  projectLabel,
  rejectProblems,
  requireValid,
  UNKNOWN_ORIGIN,
  type ProjectChangeResult,
} from "./edit-support.js";
import { projectFieldsSnapshot } from "./snapshots.js";

/** Updates the project's own fields; tags are kept unless `data.tags` is given. */
export async function updateProject(
  ctx: AppContext,
  principal: Principal,
  input: UpdateProjectInput,
  origin: RequestOrigin = UNKNOWN_ORIGIN,
): Promise<ProjectChangeResult> {
  const valid = requireValid(UpdateProjectInputSchema, input);
  const title = valid.data.title.trim();
  rejectProblems(
    title === ""
      ? [{ path: "/data/title", message: "darf nicht leer sein" }]
      : [],
  );
  const tags = valid.data.tags
    ?.map((tag) => tag.trim())
    .filter((tag) => tag !== "");
  return changeProject(
    ctx,
    principal,
    valid,
    "project.update",
    origin,
    async (trx, before) => {
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
        record: {
          action: "project.update",
          entityType: "project",
          entityId: before.project.id,
          entityLabel: projectLabel({ code: before.project.code, title }),
          before: projectFieldsSnapshot(before.project),
          after: projectFieldsSnapshot({
            ...fields,
            tags: tags === undefined ? before.project.tags : [...new Set(tags)],
          }),
        },
      };
    },
  );
}

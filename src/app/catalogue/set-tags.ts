/** Replacing the tags of a project (Smart-City-Charta fields and the like). */
import { replaceProjectTags } from "../../db/project.repository.js";
import type { Principal } from "../../domain/access/principal.js";
import type { RequestOrigin } from "../audit/record-audit.js";
import type { AppContext } from "../context.js";
import {
  SetTagsInputSchema,
  type SetTagsInput,
} from "./catalogue-edit.schema.js";
import {
  changeProject,
  projectLabel,
  requireValid,
  UNKNOWN_ORIGIN,
  type ProjectChangeResult,
} from "./edit-support.js";

/** Sets the tags of a project, in the order given. */
export async function setTags(
  ctx: AppContext,
  principal: Principal,
  input: SetTagsInput,
  origin: RequestOrigin = UNKNOWN_ORIGIN,
): Promise<ProjectChangeResult> {
  const valid = requireValid(SetTagsInputSchema, input);
  const tags = [
    ...new Set(
      valid.data.tags.map((tag) => tag.trim()).filter((tag) => tag !== ""),
    ),
  ];
  return changeProject(
    ctx,
    principal,
    valid,
    "project.tags",
    origin,
    async (trx, before) => {
      await replaceProjectTags(trx, before.project.id, tags);
      return {
        value: undefined,
        record: {
          action: "project.tags",
          entityType: "project",
          entityId: before.project.id,
          entityLabel: projectLabel(before.project),
          before: { tags: before.project.tags },
          after: { tags },
        },
      };
    },
  );
}

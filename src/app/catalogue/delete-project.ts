/** Deleting a project with all its parts (administrators); the audit log keeps what it was. */
import { bumpDataVersion } from "../../db/municipality.repository.js";
import {
  deleteProjectRow,
  loadStoredProject,
} from "../../db/project.repository.js";
import { AppError } from "../../errors.js";
import { recordAudit } from "../audit/record-audit.js";
import { DeleteProjectInputSchema } from "./catalogue-edit.schema.js";
import {
  projectConflict,
  projectLabel,
  municipalityUseCase,
  requireAdministrator,
} from "./edit-support.js";
import {
  phaseSnapshot,
  projectFieldsSnapshot,
  responsibilitiesSnapshot,
} from "./snapshots.js";

/** Deletes the project if it is still at the expected version. */
export const deleteProject = municipalityUseCase(
  DeleteProjectInputSchema,
  async ({
    ctx,
    principal,
    municipality,
    valid,
    origin,
  }): Promise<{ readonly deleted: true }> => {
    const stored = await loadStoredProject(
      ctx.db,
      municipality.id,
      valid.project,
    );
    await requireAdministrator(
      ctx,
      principal,
      municipality,
      "project.delete",
      {
        entityType: "project",
        entityId: stored?.project.id ?? null,
        entityLabel:
          stored === null ? valid.project : projectLabel(stored.project),
      },
      origin,
    );
    if (stored === null) throw new AppError("ERR_PROJECT_NOT_FOUND");
    const { project } = stored;
    const stale = () =>
      projectConflict(
        ctx,
        municipality.id,
        valid.project,
        project.id,
        valid.expectedVersion,
      );
    if (project.version !== valid.expectedVersion) throw await stale();
    const now = ctx.clock().toISOString();
    const deleted = await ctx.db.transaction().execute(async (trx) => {
      if (!(await deleteProjectRow(trx, project.id, valid.expectedVersion)))
        return false;
      await bumpDataVersion(trx, municipality.id, now, "draft");
      await recordAudit(
        trx,
        ctx,
        principal,
        {
          municipalityId: municipality.id,
          action: "project.delete",
          entityType: "project",
          entityId: project.id,
          entityLabel: projectLabel(project),
          projectId: project.id,
          before: {
            slug: project.slug,
            code: project.code,
            actionField: stored.actionField.key,
            ...projectFieldsSnapshot(project),
            phases: project.phases.map(phaseSnapshot),
            measures: project.measures.map((measure) => ({
              title: measure.title,
              status: measure.status,
            })),
            responsibilities: responsibilitiesSnapshot(
              project.responsibilities,
            ),
            dependsOn: project.dependsOn,
          },
          after: null,
          reason: valid.reason ?? null,
          version: valid.expectedVersion + 1,
        },
        origin,
      );
      return true;
    });
    if (!deleted) throw await stale();
    return { deleted: true };
  },
);

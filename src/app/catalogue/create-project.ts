/** Creating a project in an action field (administrators). */
import { bumpDataVersion } from "../../db/municipality.repository.js";
import {
  findProjectClash,
  insertProject,
  isUniqueViolation,
  loadStoredProject,
  replaceProjectTags,
  replaceResponsibilities,
} from "../../db/project.repository.js";
import { replaceProjectSearchEntries } from "../../db/search.repository.js";
import {
  listStoredActionFields,
  listStoredImpactAreas,
  listStoredOrgUnits,
} from "../../db/structure.repository.js";
import type { Principal } from "../../domain/access/principal.js";
import { AppError, type InputProblem } from "../../errors.js";
import { recordAudit, type RequestOrigin } from "../audit/record-audit.js";
import type { AppContext } from "../context.js";
import { projectSearchEntries } from "./catalogue-document.js";
import { responsibilityRows } from "./set-responsibilities.js";
import {
  CreateProjectInputSchema,
  type CreateProjectInput,
} from "./catalogue-edit.schema.js";
import {
  projectLabel,
  rejectProblems,
  requireAdministrator,
  requireValid,
  UNKNOWN_ORIGIN,
  type ProjectChangeResult,
} from "./edit-support.js";
import {
  projectFieldsSnapshot,
  responsibilitiesSnapshot,
} from "./snapshots.js";

/** Project slugs the application's own addresses use. */
export const RESERVED_PROJECT_SLUGS: readonly string[] = ["neu"];

/** Creates a project with version 1 at the end of its action field. */
export async function createProject(
  ctx: AppContext,
  principal: Principal,
  input: CreateProjectInput,
  origin: RequestOrigin = UNKNOWN_ORIGIN,
): Promise<ProjectChangeResult> {
  const valid = requireValid(CreateProjectInputSchema, input);
  const { municipality } = await requireAdministrator.bySlug(
    ctx,
    principal,
    valid.municipality,
    "project.create",
    { entityType: "project", entityLabel: valid.data.slug },
    origin,
  );
  const { data } = valid;
  const title = data.title.trim();
  const tags = [
    ...new Set(
      (data.tags ?? []).map((tag) => tag.trim()).filter((tag) => tag !== ""),
    ),
  ];
  const now = ctx.clock().toISOString();
  try {
    return await ctx.db.transaction().execute(async (trx) => {
      await bumpDataVersion(trx, municipality.id, now, "draft");
      const [fields, areas, units] = await Promise.all([
        listStoredActionFields(trx, municipality.id),
        listStoredImpactAreas(trx, municipality.id),
        listStoredOrgUnits(trx, municipality.id),
      ]);
      const problems: InputProblem[] = [];
      if (title === "")
        problems.push({ path: "/data/title", message: "darf nicht leer sein" });
      // /{kommune}/verwaltung/projekte/neu is the form for new projects.
      if (RESERVED_PROJECT_SLUGS.includes(data.slug))
        problems.push({
          path: "/data/slug",
          message: `"${data.slug}" ist für Adressen der Anwendung reserviert.`,
        });
      const field = fields.find(
        (candidate) => candidate.key === data.actionField,
      );
      const area = areas.find(
        (candidate) => candidate.id === field?.impactAreaId,
      );
      if (field === undefined || area === undefined) {
        problems.push({
          path: "/data/actionField",
          message: `Das Aktionsfeld "${data.actionField}" gibt es nicht.`,
        });
      } else {
        const clash = await findProjectClash(trx, municipality.id, {
          slug: data.slug,
          impactAreaId: area.id,
          code: data.code,
        });
        if (clash.slugTaken)
          problems.push({
            path: "/data/slug",
            message: `Der Kurzname "${data.slug}" ist schon vergeben.`,
          });
        if (clash.codeTaken)
          problems.push({
            path: "/data/code",
            message: `Die Nummer ${data.code} gibt es im Wirkungsbereich ${area.name} schon.`,
          });
      }
      const responsibilities = responsibilityRows(
        data.responsibilities ?? [],
        units,
        problems,
      );
      rejectProblems(problems);
      if (field === undefined || area === undefined)
        throw new Error("unreachable: checked above");

      const projectId = await insertProject(
        trx,
        municipality.id,
        {
          impactAreaId: area.id,
          actionFieldId: field.id,
          slug: data.slug,
          code: data.code,
          title,
          summary: data.summary.trim(),
          status: data.status,
        },
        now,
      );
      await replaceProjectTags(trx, projectId, tags);
      await replaceResponsibilities(trx, projectId, responsibilities);
      const stored = await loadStoredProject(trx, municipality.id, data.slug);
      if (stored === null) throw new Error("new project vanished");
      await replaceProjectSearchEntries(
        trx,
        municipality.id,
        projectId,
        projectSearchEntries(stored.project, field.name, area.name),
      );
      await recordAudit(
        trx,
        ctx,
        principal,
        {
          municipalityId: municipality.id,
          action: "project.create",
          entityType: "project",
          entityId: projectId,
          entityLabel: projectLabel(stored.project),
          projectId,
          before: null,
          after: {
            slug: data.slug,
            code: data.code,
            actionField: field.key,
            ...projectFieldsSnapshot(stored.project),
            responsibilities: responsibilitiesSnapshot(
              stored.project.responsibilities,
            ),
          },
          reason: valid.reason ?? null,
          version: 1,
        },
        origin,
      );
      return { version: stored.project.version, project: stored.project };
    });
  } catch (error) {
    // Two administrators creating the same slug at once: the database's constraint decides.
    if (isUniqueViolation(error)) {
      throw new AppError("ERR_VALIDATION", {
        problems: [
          {
            path: "/data/slug",
            message: "Kurzname oder Nummer sind inzwischen vergeben.",
          },
        ],
      });
    }
    throw error;
  }
}

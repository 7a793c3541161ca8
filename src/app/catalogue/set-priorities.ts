/** Replacing the priorities of one year (administrators); they are part of the programme and its version. */
import { listProjectLabels } from "../../db/project.repository.js";
import {
  claimVersion,
  replaceYearPriorities,
} from "../../db/structure.repository.js";
import type { Principal } from "../../domain/access/principal.js";
import type { InputProblem } from "../../errors.js";
import type { RequestOrigin } from "../audit/record-audit.js";
import type { AppContext } from "../context.js";
import {
  SetPrioritiesInputSchema,
  type SetPrioritiesInput,
} from "./catalogue-edit.schema.js";
import {
  changeStructure,
  rejectProblems,
  requireAdministrator,
  requireMunicipality,
  requireValid,
  UNKNOWN_ORIGIN,
} from "./edit-support.js";
import { requireProgramme, structureConflict } from "./structure-state.js";

/** Sets the priorities of a year in the order given; returns the programme's new version. */
export async function setPriorities(
  ctx: AppContext,
  principal: Principal,
  input: SetPrioritiesInput,
  origin: RequestOrigin = UNKNOWN_ORIGIN,
): Promise<{ readonly version: number }> {
  const valid = requireValid(SetPrioritiesInputSchema, input);
  const municipality = await requireMunicipality(ctx.db, valid.municipality);
  const programme = await requireProgramme(ctx.db, municipality.id);
  await requireAdministrator(
    ctx,
    principal,
    municipality,
    "programme.priorities",
    {
      entityType: "programme",
      entityId: programme.id,
      entityLabel: programme.title,
    },
    origin,
  );
  const conflict = () =>
    structureConflict(
      ctx,
      municipality.id,
      { entityType: "programme", entityId: programme.id, key: "" },
      valid.expectedVersion,
    );
  if (programme.version !== valid.expectedVersion) throw await conflict();
  return changeStructure(
    ctx,
    principal,
    municipality,
    {
      expectedVersion: valid.expectedVersion,
      reason: valid.reason,
      claim: (trx) =>
        claimVersion(trx, "programme", programme.id, valid.expectedVersion),
      conflict,
    },
    origin,
    async (trx) => {
      const ids = new Map(
        (await listProjectLabels(trx, municipality.id)).map((label) => [
          label.slug,
          label.id,
        ]),
      );
      const problems: InputProblem[] = [];
      const priorities = valid.data.priorities.map((priority, index) => {
        const title = priority.title.trim();
        if (title === "")
          problems.push({
            path: `/data/priorities/${index}/title`,
            message: "darf nicht leer sein",
          });
        const projectIds = (priority.projects ?? []).map((slug, position) => {
          const id = ids.get(slug);
          if (id === undefined)
            problems.push({
              path: `/data/priorities/${index}/projects/${position}`,
              message: `Das Projekt "${slug}" gibt es nicht.`,
            });
          return id ?? 0;
        });
        return { title, projectIds, projects: priority.projects ?? [] };
      });
      rejectProblems(problems);
      await replaceYearPriorities(trx, programme.id, valid.year, priorities);
      return {
        value: { version: valid.expectedVersion + 1 },
        record: {
          action: "programme.priorities",
          entityType: "programme",
          entityId: programme.id,
          entityLabel: `${programme.title} – Prioritäten ${valid.year}`,
          before: {
            year: valid.year,
            priorities: programme.priorities
              .filter((p) => p.year === valid.year)
              .map((p) => ({ title: p.title, projects: p.projectSlugs })),
          },
          after: {
            year: valid.year,
            priorities: priorities.map((p) => ({
              title: p.title,
              projects: p.projects,
            })),
          },
        },
      };
    },
  );
}

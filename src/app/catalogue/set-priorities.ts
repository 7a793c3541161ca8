/** Replacing the priorities of one year (administrators); they are part of the programme and its version. */
import { listProjectLabels } from "../../db/project.repository.js";
import { replaceYearPriorities } from "../../db/structure.repository.js";
import type { Principal } from "../../domain/access/principal.js";
import type { InputProblem } from "../../errors.js";
import type { RequestOrigin } from "../audit/record-audit.js";
import type { AppContext } from "../context.js";
import {
  SetPrioritiesInputSchema,
  type SetPrioritiesInput,
} from "./catalogue-edit.schema.js";
import {
  blankProblems,
  rejectProblems,
  requireMunicipality,
  requireValid,
  UNKNOWN_ORIGIN,
} from "./edit-support.js";
import {
  requireEditableProgramme,
  updateStructureRecord,
} from "./structure-change.js";

/** Sets the priorities of a year in the order given; returns the programme's new version. */
export async function setPriorities(
  ctx: AppContext,
  principal: Principal,
  input: SetPrioritiesInput,
  origin: RequestOrigin = UNKNOWN_ORIGIN,
): Promise<{ readonly version: number }> {
  const valid = requireValid(SetPrioritiesInputSchema, input);
  const municipality = await requireMunicipality(ctx.db, valid.municipality);
  const programme = await requireEditableProgramme(
    ctx,
    principal,
    municipality,
    "programme.priorities",
    origin,
  );
  return updateStructureRecord(
    ctx,
    principal,
    municipality,
    {
      action: "programme.priorities",
      entityType: "programme",
      record: programme,
      key: "",
      expectedVersion: valid.expectedVersion,
      reason: valid.reason,
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
        problems.push(
          ...blankProblems(title, `/data/priorities/${index}/title`),
        );
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
      };
    },
  );
}

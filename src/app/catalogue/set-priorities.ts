/** Replacing the priorities of one year (administrators); they are part of the programme and its version. */
import { listProjectLabels } from "../../db/project.repository.js";
import { replaceYearPriorities } from "../../db/structure.repository.js";
import type { InputProblem } from "../../errors.js";
import { SetPrioritiesInputSchema } from "./catalogue-edit.schema.js";
import {
  blankProblems,
  rejectProblems,
  municipalityUseCase,
} from "./edit-support.js";
import {
  requireEditableProgramme,
  updateStructureRecord,
} from "./structure-change.js";

/** Sets the priorities of a year in the order given; returns the programme's new version. */
export const setPriorities = municipalityUseCase(
  SetPrioritiesInputSchema,
  async (call) => {
    const { municipality, valid } = call;
    const programme = await requireEditableProgramme(
      call,
      "programme.priorities",
    );
    return updateStructureRecord(
      call,
      {
        action: "programme.priorities",
        entityType: "programme",
        record: programme,
        key: "",
      },
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
  },
);

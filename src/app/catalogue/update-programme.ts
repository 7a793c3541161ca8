/** Changing the programme's frame: title, subtitle, horizon, summary, vision statements and goals (administrators). */
import { updateProgrammeRow } from "../../db/structure.repository.js";
import type { InputProblem } from "../../errors.js";
import { UpdateProgrammeInputSchema } from "./catalogue-edit.schema.js";
import {
  blankProblems,
  optionalText,
  rejectProblems,
  municipalityUseCase,
} from "./edit-support.js";
import {
  requireEditableProgramme,
  updateStructureRecord,
} from "./structure-change.js";

/** Updates the programme; returns its new version. */
export const updateProgramme = municipalityUseCase(
  UpdateProgrammeInputSchema,
  async (call) => {
    const { valid } = call;
    const programme = await requireEditableProgramme(call, "programme.update");
    const { data } = valid;
    const title = data.title.trim();
    const problems: InputProblem[] = blankProblems(title, "/data/title");
    if (data.horizonEnd < data.horizonStart)
      problems.push({
        path: "/data/horizonEnd",
        message: "Das Ende des Zeithorizonts liegt vor seinem Beginn.",
      });
    const goals = data.goals.map((goal, index) => {
      const goalTitle = goal.title.trim();
      problems.push(...blankProblems(goalTitle, `/data/goals/${index}/title`));
      return { title: goalTitle, description: optionalText(goal.description) };
    });
    rejectProblems(problems);
    const fields = {
      title,
      subtitle: optionalText(data.subtitle),
      horizonStart: data.horizonStart,
      horizonEnd: data.horizonEnd,
      summary: optionalText(data.summary),
    };
    return updateStructureRecord(
      call,
      {
        action: "programme.update",
        entityType: "programme",
        record: programme,
        key: "",
      },
      async (trx) => {
        await updateProgrammeRow(trx, programme.id, fields, goals);
        const {
          title: oldTitle,
          subtitle,
          horizonStart,
          horizonEnd,
          summary,
        } = programme;
        return {
          entityLabel: title,
          before: {
            title: oldTitle,
            subtitle,
            horizonStart,
            horizonEnd,
            summary,
            goals: programme.goals,
          },
          after: { ...fields, goals },
        };
      },
    );
  },
);

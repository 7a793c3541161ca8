/** Changing the programme's frame: title, subtitle, horizon, summary, vision statements and goals (administrators). */
import { updateProgrammeRow } from "../../db/structure.repository.js";
import type { Principal } from "../../domain/access/principal.js";
import type { InputProblem } from "../../errors.js";
import type { RequestOrigin } from "../audit/record-audit.js";
import type { AppContext } from "../context.js";
import {
  UpdateProgrammeInputSchema,
  type UpdateProgrammeInput,
} from "./catalogue-edit.schema.js";
import {
  blankProblems,
  optionalText,
  rejectProblems,
  requireMunicipality,
  requireValid,
  UNKNOWN_ORIGIN,
} from "./edit-support.js";
import {
  requireEditableProgramme,
  updateStructureRecord,
} from "./structure-change.js";

/** Updates the programme; returns its new version. */
export async function updateProgramme(
  ctx: AppContext,
  principal: Principal,
  input: UpdateProgrammeInput,
  origin: RequestOrigin = UNKNOWN_ORIGIN,
): Promise<{ readonly version: number }> {
  const valid = requireValid(UpdateProgrammeInputSchema, input);
  const municipality = await requireMunicipality(ctx.db, valid.municipality);
  const programme = await requireEditableProgramme(
    ctx,
    principal,
    municipality,
    "programme.update",
    origin,
  );
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
    ctx,
    principal,
    municipality,
    {
      action: "programme.update",
      entityType: "programme",
      record: programme,
      key: "",
      expectedVersion: valid.expectedVersion,
      reason: valid.reason,
    },
    origin,
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
}

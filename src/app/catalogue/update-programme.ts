/** Changing the programme's frame: title, subtitle, horizon, summary, vision statements and goals (administrators). */
import {
  claimVersion,
  updateProgrammeRow,
} from "../../db/structure.repository.js";
import type { Principal } from "../../domain/access/principal.js";
import type { InputProblem } from "../../errors.js";
import type { RequestOrigin } from "../audit/record-audit.js";
import type { AppContext } from "../context.js";
import {
  UpdateProgrammeInputSchema,
  type UpdateProgrammeInput,
} from "./catalogue-edit.schema.js";
import {
  changeStructure,
  optionalText,
  rejectProblems,
  requireAdministrator,
  requireMunicipality,
  requireValid,
  UNKNOWN_ORIGIN,
} from "./edit-support.js";
import { requireProgramme, structureConflict } from "./structure-state.js";

/** Updates the programme; returns its new version. */
export async function updateProgramme(
  ctx: AppContext,
  principal: Principal,
  input: UpdateProgrammeInput,
  origin: RequestOrigin = UNKNOWN_ORIGIN,
): Promise<{ readonly version: number }> {
  const valid = requireValid(UpdateProgrammeInputSchema, input);
  const municipality = await requireMunicipality(ctx.db, valid.municipality);
  const programme = await requireProgramme(ctx.db, municipality.id);
  await requireAdministrator(
    ctx,
    principal,
    municipality,
    "programme.update",
    {
      entityType: "programme",
      entityId: programme.id,
      entityLabel: programme.title,
    },
    origin,
  );
  const { data } = valid;
  const problems: InputProblem[] = [];
  const title = data.title.trim();
  if (title === "")
    problems.push({ path: "/data/title", message: "darf nicht leer sein" });
  if (data.horizonEnd < data.horizonStart)
    problems.push({
      path: "/data/horizonEnd",
      message: "Das Ende des Zeithorizonts liegt vor seinem Beginn.",
    });
  const goals = data.goals.map((goal, index) => {
    const goalTitle = goal.title.trim();
    if (goalTitle === "")
      problems.push({
        path: `/data/goals/${index}/title`,
        message: "darf nicht leer sein",
      });
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
      await updateProgrammeRow(trx, programme.id, fields, goals);
      const {
        title: oldTitle,
        subtitle,
        horizonStart,
        horizonEnd,
        summary,
      } = programme;
      return {
        value: { version: valid.expectedVersion + 1 },
        record: {
          action: "programme.update",
          entityType: "programme",
          entityId: programme.id,
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
        },
      };
    },
  );
}

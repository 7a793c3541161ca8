/** Changing an action field's number, name, colour and description (administrators). */
import {
  claimVersion,
  listStoredActionFields,
  updateActionFieldRow,
} from "../../db/structure.repository.js";
import type { Principal } from "../../domain/access/principal.js";
import { AppError, type InputProblem } from "../../errors.js";
import type { RequestOrigin } from "../audit/record-audit.js";
import type { AppContext } from "../context.js";
import { colourProblem } from "./action-field-rules.js";
import {
  UpdateActionFieldInputSchema,
  type UpdateActionFieldInput,
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
import { rebuildSearchEntries, structureConflict } from "./structure-state.js";

/** Updates an action field; the colour must reach 4.5:1 against white. Returns the new version. */
export async function updateActionField(
  ctx: AppContext,
  principal: Principal,
  input: UpdateActionFieldInput,
  origin: RequestOrigin = UNKNOWN_ORIGIN,
): Promise<{ readonly version: number }> {
  const valid = requireValid(UpdateActionFieldInputSchema, input);
  const municipality = await requireMunicipality(ctx.db, valid.municipality);
  const field = (await listStoredActionFields(ctx.db, municipality.id)).find(
    (candidate) => candidate.key === valid.actionField,
  );
  await requireAdministrator(
    ctx,
    principal,
    municipality,
    "action_field.update",
    {
      entityType: "action_field",
      entityId: field?.id ?? null,
      entityLabel: field?.name ?? valid.actionField,
    },
    origin,
  );
  if (field === undefined)
    throw new AppError("ERR_NOT_FOUND", {
      detail: "Dieses Aktionsfeld gibt es nicht.",
    });
  const values = {
    number: valid.data.number,
    name: valid.data.name.trim(),
    colour: valid.data.colour.toLowerCase(),
    description: optionalText(valid.data.description),
  };
  const problems: InputProblem[] = [];
  if (values.name === "")
    problems.push({ path: "/data/name", message: "darf nicht leer sein" });
  const colour = colourProblem(values.colour, "/data/colour");
  if (colour !== null) problems.push(colour);
  rejectProblems(problems);
  const conflict = () =>
    structureConflict(
      ctx,
      municipality.id,
      { entityType: "action_field", entityId: field.id, key: field.key },
      valid.expectedVersion,
    );
  if (field.version !== valid.expectedVersion) throw await conflict();
  return changeStructure(
    ctx,
    principal,
    municipality,
    {
      expectedVersion: valid.expectedVersion,
      reason: valid.reason,
      claim: (trx) =>
        claimVersion(trx, "action_field", field.id, valid.expectedVersion),
      conflict,
    },
    origin,
    async (trx) => {
      await updateActionFieldRow(trx, field.id, values);
      // Every project's search entry names its action field.
      if (values.name !== field.name)
        await rebuildSearchEntries(trx, municipality);
      return {
        value: { version: valid.expectedVersion + 1 },
        record: {
          action: "action_field.update",
          entityType: "action_field",
          entityId: field.id,
          entityLabel: values.name,
          before: {
            number: field.number,
            name: field.name,
            colour: field.colour,
            description: field.description,
          },
          after: values,
        },
      };
    },
  );
}

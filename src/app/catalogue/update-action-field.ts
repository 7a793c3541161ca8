/** Changing an action field's number, name, colour and description (administrators). */
import {
  listStoredActionFields,
  updateActionFieldRow,
} from "../../db/structure.repository.js";
import type { Principal } from "../../domain/access/principal.js";
import type { RequestOrigin } from "../audit/record-audit.js";
import type { AppContext } from "../context.js";
import { colourProblem } from "./action-field-rules.js";
import {
  UpdateActionFieldInputSchema,
  type UpdateActionFieldInput,
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
  requireStructureRecord,
  updateStructureRecord,
} from "./structure-change.js";
import { rebuildSearchEntries } from "./structure-state.js";

/** Updates an action field; the colour must reach 4.5:1 against white. Returns the new version. */
export async function updateActionField(
  ctx: AppContext,
  principal: Principal,
  input: UpdateActionFieldInput,
  origin: RequestOrigin = UNKNOWN_ORIGIN,
): Promise<{ readonly version: number }> {
  const valid = requireValid(UpdateActionFieldInputSchema, input);
  const municipality = await requireMunicipality(ctx.db, valid.municipality);
  const field = await requireStructureRecord(
    ctx,
    principal,
    municipality,
    "action_field.update",
    {
      entityType: "action_field",
      key: valid.actionField,
      missing: "Dieses Aktionsfeld gibt es nicht.",
    },
    (await listStoredActionFields(ctx.db, municipality.id)).find(
      (candidate) => candidate.key === valid.actionField,
    ),
    origin,
  );
  const values = {
    number: valid.data.number,
    name: valid.data.name.trim(),
    colour: valid.data.colour.toLowerCase(),
    description: optionalText(valid.data.description),
  };
  const colour = colourProblem(values.colour, "/data/colour");
  rejectProblems([
    ...blankProblems(values.name, "/data/name"),
    ...(colour === null ? [] : [colour]),
  ]);
  return updateStructureRecord(
    ctx,
    principal,
    municipality,
    {
      action: "action_field.update",
      entityType: "action_field",
      record: field,
      key: field.key,
      expectedVersion: valid.expectedVersion,
      reason: valid.reason,
    },
    origin,
    async (trx) => {
      await updateActionFieldRow(trx, field.id, values);
      // Every project's search entry names its action field.
      if (values.name !== field.name)
        await rebuildSearchEntries(trx, municipality);
      return {
        entityLabel: values.name,
        before: {
          number: field.number,
          name: field.name,
          colour: field.colour,
          description: field.description,
        },
        after: values,
      };
    },
  );
}

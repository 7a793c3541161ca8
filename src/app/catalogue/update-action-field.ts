/** Changing an action field's number, name, colour and description (administrators). */
import {
  listStoredActionFields,
  updateActionFieldRow,
} from "../../db/structure.repository.js";
import { actionFieldProblems } from "./action-field-rules.js";
import { UpdateActionFieldInputSchema } from "./catalogue-edit.schema.js";
import {
  municipalityUseCase,
  optionalText,
  rejectProblems,
} from "./edit-support.js";
import { requireStructureUpdate } from "./structure-change.js";
import { rebuildSearchEntries } from "./structure-state.js";

/** Updates an action field; the colour must reach 4.5:1 against white. Returns the new version. */
export const updateActionField = municipalityUseCase(
  UpdateActionFieldInputSchema,
  async (call) => {
    const { ctx, municipality, valid } = call;
    const { record: field, update } = await requireStructureUpdate(
      call,
      "action_field.update",
      {
        entityType: "action_field",
        key: valid.actionField,
        missing: "Dieses Aktionsfeld gibt es nicht.",
      },
      (await listStoredActionFields(ctx.db, municipality.id)).find(
        (candidate) => candidate.key === valid.actionField,
      ),
    );
    const values = {
      number: valid.data.number,
      name: valid.data.name.trim(),
      colour: valid.data.colour.toLowerCase(),
      description: optionalText(valid.data.description),
    };
    rejectProblems(actionFieldProblems(values));
    return update(async (trx) => {
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
    });
  },
);

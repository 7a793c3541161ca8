/**
 * Adding an action field (Aktionsfeld) to an impact area (administrators). In a flat
 * programme it goes into the one structural area whatever the input names, which is
 * created on the first field (docs/adr/0029).
 */
import {
  insertActionField,
  insertImpactArea,
  listStoredActionFields,
  listStoredImpactAreas,
  loadStoredProgramme,
} from "../../db/structure.repository.js";
import { FLAT_ROOT_KEY } from "../../domain/catalogue/levels.js";
import { actionFieldProblems } from "./action-field-rules.js";
import { CreateActionFieldInputSchema } from "./catalogue-edit.schema.js";
import {
  optionalText,
  rejectProblems,
  municipalityUseCase,
} from "./edit-support.js";
import {
  createStructureRecord,
  keyTakenProblem,
  requireCreator,
} from "./structure-change.js";

/** Creates an action field at the end of its impact area, with version 1. */
export const createActionField = municipalityUseCase(
  CreateActionFieldInputSchema,
  async (call) => {
    const { municipality, valid } = call;
    await requireCreator(call, "action_field.create", "action_field");
    const { data } = valid;
    const values = {
      key: data.key,
      number: data.number,
      name: data.name.trim(),
      colour: data.colour.toLowerCase(),
      description: optionalText(data.description),
    };
    rejectProblems(actionFieldProblems(values));
    const taken = keyTakenProblem(values.key);
    return createStructureRecord(
      call,
      { action: "action_field.create", entityType: "action_field", taken },
      async (trx) => {
        const [areas, fields, programme] = await Promise.all([
          listStoredImpactAreas(trx, municipality.id),
          listStoredActionFields(trx, municipality.id),
          loadStoredProgramme(trx, municipality.id),
        ]);
        const flat = programme?.levels.flat === true;
        const area = flat
          ? (areas[0] ?? null)
          : areas.find((candidate) => candidate.key === data.impactArea);
        rejectProblems([
          ...(area === undefined
            ? [
                {
                  path: "/data/impactArea",
                  message: `Den Wirkungsbereich "${data.impactArea}" gibt es nicht.`,
                },
              ]
            : []),
          ...(fields.some((field) => field.key === values.key) ? [taken] : []),
        ]);
        const impactAreaId =
          area === null
            ? await insertImpactArea(trx, municipality.id, {
                key: FLAT_ROOT_KEY,
                name: programme?.title ?? FLAT_ROOT_KEY,
                description: null,
              })
            : (area?.id ?? 0);
        const id = await insertActionField(trx, municipality.id, {
          ...values,
          impactAreaId,
        });
        return {
          id,
          label: values.name,
          after: {
            impactArea: flat ? (area?.key ?? FLAT_ROOT_KEY) : data.impactArea,
            ...values,
          },
          value: { version: 1, key: values.key },
        };
      },
    );
  },
);

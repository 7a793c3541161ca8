/** Adding an impact area (Wirkungsbereich) to the catalogue (administrators). */
import {
  insertImpactArea,
  listStoredImpactAreas,
} from "../../db/structure.repository.js";
import { CreateImpactAreaInputSchema } from "./catalogue-edit.schema.js";
import {
  blankProblems,
  optionalText,
  rejectProblems,
  municipalityUseCase,
} from "./edit-support.js";
import {
  createStructureRecord,
  keyTakenProblem,
  requireCreator,
} from "./structure-change.js";

/** Creates an impact area at the end, with version 1. */
export const createImpactArea = municipalityUseCase(
  CreateImpactAreaInputSchema,
  async (call) => {
    const { municipality, valid } = call;
    await requireCreator(call, "impact_area.create", "impact_area");
    const values = {
      key: valid.data.key,
      name: valid.data.name.trim(),
      description: optionalText(valid.data.description),
    };
    rejectProblems(blankProblems(values.name, "/data/name"));
    const taken = keyTakenProblem(values.key);
    return createStructureRecord(
      call,
      { action: "impact_area.create", entityType: "impact_area", taken },
      async (trx) => {
        const existing = await listStoredImpactAreas(trx, municipality.id);
        rejectProblems(
          existing.some((area) => area.key === values.key) ? [taken] : [],
        );
        return {
          id: await insertImpactArea(trx, municipality.id, values),
          label: values.name,
          after: values,
          value: { version: 1, key: values.key },
        };
      },
    );
  },
);

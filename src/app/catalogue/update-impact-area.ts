/** Renaming or describing an impact area (administrators). */
import {
  listStoredImpactAreas,
  updateImpactAreaRow,
} from "../../db/structure.repository.js";
import { UpdateImpactAreaInputSchema } from "./catalogue-edit.schema.js";
import {
  blankProblems,
  municipalityUseCase,
  optionalText,
  rejectProblems,
} from "./edit-support.js";
import { requireStructureUpdate } from "./structure-change.js";
import { rebuildSearchEntries } from "./structure-state.js";

/** Updates an impact area; returns its new version. */
export const updateImpactArea = municipalityUseCase(
  UpdateImpactAreaInputSchema,
  async (call) => {
    const { ctx, municipality, valid } = call;
    const { record: area, update } = await requireStructureUpdate(
      call,
      "impact_area.update",
      {
        entityType: "impact_area",
        key: valid.impactArea,
        missing: "Diesen Wirkungsbereich gibt es nicht.",
      },
      (await listStoredImpactAreas(ctx.db, municipality.id)).find(
        (candidate) => candidate.key === valid.impactArea,
      ),
    );
    const values = {
      name: valid.data.name.trim(),
      description: optionalText(valid.data.description),
    };
    rejectProblems(blankProblems(values.name, "/data/name"));
    return update(async (trx) => {
      await updateImpactAreaRow(trx, area.id, values);
      // Every project's search entry names its impact area.
      if (values.name !== area.name)
        await rebuildSearchEntries(trx, municipality);
      return {
        entityLabel: values.name,
        before: { name: area.name, description: area.description },
        after: values,
      };
    });
  },
);

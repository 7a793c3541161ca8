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
import type { Principal } from "../../domain/access/principal.js";
import type { RequestOrigin } from "../audit/record-audit.js";
import type { AppContext } from "../context.js";
import { colourProblem } from "./action-field-rules.js";
import {
  CreateActionFieldInputSchema,
  type CreateActionFieldInput,
} from "./catalogue-edit.schema.js";
import {
  blankProblems,
  optionalText,
  rejectProblems,
  requireAdministrator,
  requireMunicipality,
  requireValid,
  UNKNOWN_ORIGIN,
} from "./edit-support.js";
import { createStructureRecord, keyTakenProblem } from "./structure-change.js";

/** Creates an action field at the end of its impact area, with version 1. */
export async function createActionField(
  ctx: AppContext,
  principal: Principal,
  input: CreateActionFieldInput,
  origin: RequestOrigin = UNKNOWN_ORIGIN,
): Promise<{ readonly version: number; readonly key: string }> {
  const valid = requireValid(CreateActionFieldInputSchema, input);
  const municipality = await requireMunicipality(ctx.db, valid.municipality);
  await requireAdministrator(
    ctx,
    principal,
    municipality,
    "action_field.create",
    { entityType: "action_field", entityLabel: valid.data.name },
    origin,
  );
  const { data } = valid;
  const values = {
    key: data.key,
    number: data.number,
    name: data.name.trim(),
    colour: data.colour.toLowerCase(),
    description: optionalText(data.description),
  };
  const colour = colourProblem(values.colour, "/data/colour");
  rejectProblems([
    ...blankProblems(values.name, "/data/name"),
    ...(colour === null ? [] : [colour]),
  ]);
  const taken = keyTakenProblem(values.key);
  return createStructureRecord(
    ctx,
    principal,
    municipality,
    { reason: valid.reason, taken },
    origin,
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
        value: { version: 1, key: values.key },
        record: {
          action: "action_field.create",
          entityType: "action_field",
          entityId: id,
          entityLabel: values.name,
          before: null,
          after: {
            impactArea: flat ? (area?.key ?? FLAT_ROOT_KEY) : data.impactArea,
            ...values,
          },
        },
      };
    },
  );
}

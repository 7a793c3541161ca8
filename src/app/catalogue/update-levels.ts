/**
 * Naming the programme's levels, switching its top level off (flat: topics → projects →
 * measures) or on, and keeping the list of org unit kinds (administrators). A programme
 * becomes flat only when that hides nothing: at most one impact area, without a
 * description. docs/adr/0029-levels-level-names-and-flat-programmes.md
 */
import {
  listImpactAreaShapes,
  listOrgUnitKindsInUse,
  updateProgrammeLevels,
} from "../../db/structure.repository.js";
import {
  orgUnitKindKey,
  type CatalogueLevels,
  type LevelName,
  type OrgUnitKindEntry,
} from "../../domain/catalogue/levels.js";
import type { InputProblem } from "../../errors.js";
import { UpdateLevelsInputSchema } from "./catalogue-edit.schema.js";
import { rejectProblems, municipalityUseCase } from "./edit-support.js";
import {
  requireEditableProgramme,
  updateStructureRecord,
} from "./structure-change.js";

/** Updates the levels and org unit kinds; returns the programme's new version. */
export const updateLevels = municipalityUseCase(
  UpdateLevelsInputSchema,
  async (call) => {
    const { ctx, municipality, valid } = call;
    const programme = await requireEditableProgramme(call, "programme.levels");
    const { data } = valid;
    const problems: InputProblem[] = [];
    const name = (key: keyof CatalogueLevels, value: LevelName) => {
      const singular = value.singular.trim();
      const plural = value.plural.trim();
      if (singular === "")
        problems.push({
          path: `/data/${key}/singular`,
          message: "Bitte die Einzahl angeben.",
        });
      if (plural === "")
        problems.push({
          path: `/data/${key}/plural`,
          message: "Bitte die Mehrzahl angeben.",
        });
      return { singular, plural };
    };
    const levels: CatalogueLevels = {
      flat: data.flat,
      impactArea: name("impactArea", data.impactArea),
      actionField: name("actionField", data.actionField),
      project: name("project", data.project),
      measure: name("measure", data.measure),
    };

    if (levels.flat && !programme.levels.flat) {
      const areas = await listImpactAreaShapes(ctx.db, municipality.id);
      const top = programme.levels.impactArea;
      if (areas.length > 1)
        problems.push({
          path: "/data/flat",
          message: `Ohne die Ebene „${top.singular}“ geht es erst, wenn es nur noch eine(n) ${top.singular} gibt: Es gibt ${areas.length} ${top.plural} (${areas.map((area) => area.name).join(", ")}). Bitte zuerst alle ${programme.levels.actionField.plural} in eine(n) ${top.singular} verschieben.`,
        });
      else if (
        areas[0] !== undefined &&
        areas[0].description !== null &&
        areas[0].description.trim() !== ""
      )
        problems.push({
          path: "/data/flat",
          message: `Ohne die Ebene „${top.singular}“ ginge die Beschreibung von „${areas[0].name}“ verloren. Bitte die Beschreibung zuerst leeren oder anderswo festhalten.`,
        });
    }

    const kinds: OrgUnitKindEntry[] = [];
    data.orgUnitKinds.forEach((text, index) => {
      const label = text.trim();
      if (label === "") return;
      const key = orgUnitKindKey(label, programme.orgUnitKinds);
      if (kinds.some((kind) => kind.key === key || kind.label === label)) {
        problems.push({
          path: `/data/orgUnitKinds/${index}`,
          message: `Die Art „${label}“ steht doppelt in der Liste.`,
        });
        return;
      }
      kinds.push({ key, label });
    });
    if (kinds.length === 0)
      problems.push({
        path: "/data/orgUnitKinds",
        message: "Bitte mindestens eine Art von Organisationseinheit angeben.",
      });
    const inUse = await listOrgUnitKindsInUse(ctx.db, municipality.id);
    for (const [key, unitName] of inUse) {
      if (kinds.some((kind) => kind.key === key)) continue;
      const label =
        programme.orgUnitKinds.find((kind) => kind.key === key)?.label ?? key;
      problems.push({
        path: "/data/orgUnitKinds",
        message: `Die Art „${label}“ wird noch verwendet (z. B. von „${unitName}“) und kann nicht entfallen.`,
      });
    }
    rejectProblems(problems);

    return updateStructureRecord(
      call,
      {
        action: "programme.levels",
        entityType: "programme",
        record: programme,
        key: "",
      },
      async (trx) => {
        await updateProgrammeLevels(trx, programme.id, levels, kinds);
        return {
          entityLabel: programme.title,
          before: {
            levels: programme.levels,
            orgUnitKinds: programme.orgUnitKinds,
          },
          after: { levels, orgUnitKinds: kinds },
        };
      },
    );
  },
);

/** The current state of the catalogue's frame, for conflicts and the editor's forms. */
import { listAuditEvents } from "../../db/audit.repository.js";
import type { Executor } from "../../db/database.js";
import {
  listStoredActionFields,
  listStoredImpactAreas,
  listStoredOrgUnits,
  loadStoredProgramme,
  type StoredProgramme,
} from "../../db/structure.repository.js";
import { loadCatalogue } from "../../db/catalogue.repository.js";
import { replaceSearchEntries } from "../../db/search.repository.js";
import type { Municipality } from "../../domain/catalogue/catalogue.js";
import { AppError } from "../../errors.js";
import { searchEntriesOf } from "./catalogue-document.js";
import type { AppContext } from "../context.js";
import {
  EditConflictError,
  type ActionFieldState,
  type ImpactAreaState,
  type OrgUnitState,
  type ProgrammeState,
} from "./edit-conflict.js";

/** The programme of a municipality; throws ERR_NOT_FOUND when it has none. */
export async function requireProgramme(
  db: Executor,
  municipalityId: number,
): Promise<StoredProgramme> {
  const programme = await loadStoredProgramme(db, municipalityId);
  if (programme === null)
    throw new AppError("ERR_NOT_FOUND", {
      detail: "Diese Kommune hat noch keinen Maßnahmenkatalog.",
    });
  return programme;
}

/** The programme as the editor shows it. */
export function programmeState(programme: StoredProgramme): ProgrammeState {
  return {
    title: programme.title,
    subtitle: programme.subtitle,
    horizonStart: programme.horizonStart,
    horizonEnd: programme.horizonEnd,
    summary: programme.summary,
    goals: programme.goals,
    priorities: programme.priorities,
    version: programme.version,
  };
}

/** Impact areas, action fields and org units with their versions. */
export async function loadStructureState(
  db: Executor,
  municipalityId: number,
): Promise<{
  readonly impactAreas: readonly ImpactAreaState[];
  readonly actionFields: readonly ActionFieldState[];
  readonly orgUnits: readonly OrgUnitState[];
}> {
  const [areas, fields, units] = await Promise.all([
    listStoredImpactAreas(db, municipalityId),
    listStoredActionFields(db, municipalityId),
    listStoredOrgUnits(db, municipalityId),
  ]);
  const areaKeys = new Map(areas.map((area) => [area.id, area.key]));
  return {
    impactAreas: areas.map((area) => ({
      key: area.key,
      name: area.name,
      description: area.description,
      version: area.version,
    })),
    actionFields: fields.map((field) => ({
      key: field.key,
      impactAreaKey: areaKeys.get(field.impactAreaId) ?? "",
      number: field.number,
      name: field.name,
      colour: field.colour,
      description: field.description,
      version: field.version,
    })),
    orgUnits: units.map((unit) => ({
      code: unit.code,
      name: unit.name,
      kind: unit.kind,
      parentCode: unit.parentCode,
      version: unit.version,
    })),
  };
}

/** The conflict for a record of the frame: what is stored now and the changes since the expected version. */
export async function structureConflict(
  ctx: AppContext,
  municipalityId: number,
  entity: {
    readonly entityType:
      "programme" | "impact_area" | "action_field" | "org_unit";
    readonly entityId: number;
    readonly key: string;
  },
  expectedVersion: number,
): Promise<EditConflictError> {
  const changes = await listAuditEvents(ctx.db, {
    municipalityId,
    entityType: entity.entityType,
    entityId: String(entity.entityId),
    afterVersion: expectedVersion,
    limit: 50,
  });
  if (entity.entityType === "programme") {
    const programme = await requireProgramme(ctx.db, municipalityId);
    return new EditConflictError({
      currentVersion: programme.version,
      current: { kind: "programme", programme: programmeState(programme) },
      changes,
    });
  }
  const state = await loadStructureState(ctx.db, municipalityId);
  switch (entity.entityType) {
    case "impact_area": {
      const impactArea =
        state.impactAreas.find((area) => area.key === entity.key) ?? null;
      return new EditConflictError({
        currentVersion: impactArea?.version ?? null,
        current: { kind: "impactArea", impactArea },
        changes,
      });
    }
    case "action_field": {
      const actionField =
        state.actionFields.find((field) => field.key === entity.key) ?? null;
      return new EditConflictError({
        currentVersion: actionField?.version ?? null,
        current: { kind: "actionField", actionField },
        changes,
      });
    }
    case "org_unit": {
      const orgUnit =
        state.orgUnits.find((unit) => unit.code === entity.key) ?? null;
      return new EditConflictError({
        currentVersion: orgUnit?.version ?? null,
        current: { kind: "orgUnit", orgUnit },
        changes,
      });
    }
  }
}

/** Rebuilds a municipality's search entries after a name that every project's entry contains has changed. */
export async function rebuildSearchEntries(
  db: Executor,
  municipality: Municipality,
): Promise<void> {
  const catalogue = await loadCatalogue(db, municipality);
  if (catalogue !== null)
    await replaceSearchEntries(db, municipality.id, searchEntriesOf(catalogue));
}

/**
 * The frame of a catalogue, for editing: the programme (with its goals and yearly
 * priorities), impact areas, action fields and org units, each with its version.
 */
import { sql, type Selectable } from "kysely";
import type {
  Goal,
  OrgUnitKind,
  Programme,
} from "../domain/catalogue/catalogue.js";
import {
  parseStoredLevels,
  parseStoredOrgUnitKinds,
  storedLevelNames,
  type CatalogueLevels,
  type OrgUnitKindEntry,
} from "../domain/catalogue/levels.js";
import { firstByKey } from "../domain/collections.js";
import { insertGoals } from "./catalogue-rows.js";
import type {
  Executor,
  ProgrammeGoalTable,
  ProgrammePriorityTable,
  ProgrammeTable,
} from "./database.js";
import { changesOneRow, positionAfterLast } from "./query.js";

/** The tables whose rows carry their own version. */
export type VersionedTable =
  "programme" | "impact_area" | "action_field" | "org_unit";

/**
 * Moves a row from the expected version to the next, or does nothing when it is no longer
 * at that version (see claimProjectVersion). Returns whether the version was claimed.
 */
export async function claimVersion(
  db: Executor,
  table: VersionedTable,
  id: number,
  expectedVersion: number,
): Promise<boolean> {
  return changesOneRow(
    db
      .updateTable(table)
      .set({ version: sql`version + 1` })
      .where("id", "=", id)
      .where("version", "=", expectedVersion),
  );
}

/** The programme's own fields. */
export interface ProgrammeFields {
  readonly title: string;
  readonly subtitle: string | null;
  readonly horizonStart: number;
  readonly horizonEnd: number;
  readonly summary: string | null;
}

/** A priority of a year as stored. */
export interface StoredPriority {
  readonly year: number;
  readonly title: string;
  readonly projectSlugs: readonly string[];
}

/** The programme with its id and version. */
export interface StoredProgramme extends ProgrammeFields {
  readonly id: number;
  readonly version: number;
  readonly goals: readonly Goal[];
  readonly priorities: readonly StoredPriority[];
  readonly levels: CatalogueLevels;
  readonly orgUnitKinds: readonly OrgUnitKindEntry[];
}

/**
 * A stored programme with its goals and priorities as the catalogue has it; `slugsOf`
 * names the projects of a priority.
 */
export function programmeOf(
  row: Selectable<ProgrammeTable>,
  goals: readonly Selectable<ProgrammeGoalTable>[],
  priorities: readonly Selectable<ProgrammePriorityTable>[],
  slugsOf: (priorityId: number) => readonly string[],
): Programme {
  return {
    title: row.title,
    subtitle: row.subtitle,
    horizonStart: row.horizon_start,
    horizonEnd: row.horizon_end,
    summary: row.summary,
    levels: parseStoredLevels(row.level_names, row.flat === 1),
    orgUnitKinds: parseStoredOrgUnitKinds(row.org_unit_kinds),
    goals: goals.map((goal) => ({
      title: goal.title,
      description: goal.description,
    })),
    priorities: priorities.map((priority) => ({
      year: priority.year,
      title: priority.title,
      projectSlugs: slugsOf(priority.id),
    })),
  };
}

/** A programme's goals and its priorities (by year), as programmeOf takes them. */
export function goalsAndPriorities(db: Executor, programmeId: number) {
  return Promise.all([
    db
      .selectFrom("programme_goal")
      .selectAll()
      .where("programme_id", "=", programmeId)
      .orderBy("position")
      .execute(),
    db
      .selectFrom("programme_priority")
      .selectAll()
      .where("programme_id", "=", programmeId)
      .orderBy("year")
      .orderBy("position")
      .execute(),
  ]);
}

/** The programme of a municipality, or null. */
export async function loadStoredProgramme(
  db: Executor,
  municipalityId: number,
): Promise<StoredProgramme | null> {
  const row = await db
    .selectFrom("programme")
    .selectAll()
    .where("municipality_id", "=", municipalityId)
    .executeTakeFirst();
  if (row === undefined) return null;
  const [[goals, priorities], links] = await Promise.all([
    goalsAndPriorities(db, row.id),
    db
      .selectFrom("priority_project")
      .innerJoin(
        "programme_priority",
        "programme_priority.id",
        "priority_project.priority_id",
      )
      .innerJoin("project", "project.id", "priority_project.project_id")
      .select(["priority_project.priority_id", "project.slug"])
      .where("programme_priority.programme_id", "=", row.id)
      .orderBy("priority_project.position")
      .execute(),
  ]);
  return {
    id: row.id,
    version: row.version,
    ...programmeOf(row, goals, priorities, (priorityId) =>
      links
        .filter((link) => link.priority_id === priorityId)
        .map((link) => link.slug),
    ),
  };
}

/** Writes the names of the levels, the flat switch and the org unit kinds. */
export async function updateProgrammeLevels(
  db: Executor,
  programmeId: number,
  levels: CatalogueLevels,
  orgUnitKinds: readonly OrgUnitKindEntry[],
): Promise<void> {
  await db
    .updateTable("programme")
    .set({
      level_names: storedLevelNames(levels),
      flat: levels.flat ? 1 : 0,
      org_unit_kinds: JSON.stringify(orgUnitKinds),
    })
    .where("id", "=", programmeId)
    .execute();
}

/** The impact areas of a municipality with what a flat programme would hide. */
export async function listImpactAreaShapes(
  db: Executor,
  municipalityId: number,
): Promise<
  readonly {
    readonly id: number;
    readonly key: string;
    readonly name: string;
    readonly description: string | null;
  }[]
> {
  return db
    .selectFrom("impact_area")
    .select(["id", "key", "name", "description"])
    .where("municipality_id", "=", municipalityId)
    .orderBy("position")
    .execute();
}

/** The org unit kinds in use, each with the name of one unit of that kind. */
export async function listOrgUnitKindsInUse(
  db: Executor,
  municipalityId: number,
): Promise<ReadonlyMap<string, string>> {
  const rows = await db
    .selectFrom("org_unit")
    .select(["kind", "name"])
    .where("municipality_id", "=", municipalityId)
    .orderBy("position")
    .execute();
  return firstByKey(
    rows,
    (row) => row.kind,
    (row) => row.name,
  );
}

/** Writes the programme's fields and replaces its goals. */
export async function updateProgrammeRow(
  db: Executor,
  programmeId: number,
  fields: ProgrammeFields,
  goals: readonly Goal[],
): Promise<void> {
  await db
    .updateTable("programme")
    .set({
      title: fields.title,
      subtitle: fields.subtitle,
      horizon_start: fields.horizonStart,
      horizon_end: fields.horizonEnd,
      summary: fields.summary,
    })
    .where("id", "=", programmeId)
    .execute();
  await db
    .deleteFrom("programme_goal")
    .where("programme_id", "=", programmeId)
    .execute();
  await insertGoals(db, programmeId, goals);
}

/** Replaces the priorities of one year; project references as ids. */
export async function replaceYearPriorities(
  db: Executor,
  programmeId: number,
  year: number,
  priorities: readonly {
    readonly title: string;
    readonly projectIds: readonly number[];
  }[],
): Promise<void> {
  await db
    .deleteFrom("programme_priority")
    .where("programme_id", "=", programmeId)
    .where("year", "=", year)
    .execute();
  for (const [position, priority] of priorities.entries()) {
    const { id } = await db
      .insertInto("programme_priority")
      .values({
        programme_id: programmeId,
        year,
        position,
        title: priority.title,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    if (priority.projectIds.length > 0) {
      await db
        .insertInto("priority_project")
        .values(
          priority.projectIds.map((projectId, index) => ({
            priority_id: id,
            project_id: projectId,
            position: index,
          })),
        )
        .execute();
    }
  }
}

/** An impact area with its version. */
export interface StoredImpactArea {
  readonly id: number;
  readonly key: string;
  readonly name: string;
  readonly description: string | null;
  readonly version: number;
}

/** An action field with its version and impact area. */
export interface StoredActionField {
  readonly id: number;
  readonly impactAreaId: number;
  readonly key: string;
  readonly number: number;
  readonly name: string;
  readonly colour: string;
  readonly description: string | null;
  readonly version: number;
}

/** An org unit with its version and parent. */
export interface StoredOrgUnit {
  readonly id: number;
  readonly code: string;
  readonly name: string;
  readonly kind: OrgUnitKind;
  readonly parentId: number | null;
  readonly parentCode: string | null;
  readonly version: number;
}

/** The impact areas of a municipality, in order. */
export async function listStoredImpactAreas(
  db: Executor,
  municipalityId: number,
): Promise<readonly StoredImpactArea[]> {
  return db
    .selectFrom("impact_area")
    .select(["id", "key", "name", "description", "version"])
    .where("municipality_id", "=", municipalityId)
    .orderBy("position")
    .execute();
}

/** The action fields of a municipality, in order. */
export async function listStoredActionFields(
  db: Executor,
  municipalityId: number,
): Promise<readonly StoredActionField[]> {
  const rows = await db
    .selectFrom("action_field")
    .select([
      "id",
      "impact_area_id",
      "key",
      "number",
      "name",
      "colour",
      "description",
      "version",
    ])
    .where("municipality_id", "=", municipalityId)
    .orderBy("position")
    .execute();
  return rows.map((row) => ({
    id: row.id,
    impactAreaId: row.impact_area_id,
    key: row.key,
    number: row.number,
    name: row.name,
    colour: row.colour,
    description: row.description,
    version: row.version,
  }));
}

/** The org units of a municipality, in order. */
export async function listStoredOrgUnits(
  db: Executor,
  municipalityId: number,
): Promise<readonly StoredOrgUnit[]> {
  const rows = await db
    .selectFrom("org_unit")
    .leftJoin("org_unit as parent", "parent.id", "org_unit.parent_id")
    .select([
      "org_unit.id",
      "org_unit.code",
      "org_unit.name",
      "org_unit.kind",
      "org_unit.parent_id",
      "org_unit.version",
      "parent.code as parent_code",
    ])
    .where("org_unit.municipality_id", "=", municipalityId)
    .orderBy("org_unit.position")
    .execute();
  return rows.map((row) => ({
    id: row.id,
    code: row.code,
    name: row.name,
    kind: row.kind,
    parentId: row.parent_id,
    parentCode: row.parent_code,
    version: row.version,
  }));
}

async function nextPosition(
  db: Executor,
  table: "impact_area" | "action_field" | "org_unit",
  municipalityId: number,
): Promise<number> {
  return (
    (await positionAfterLast(
      db.selectFrom(table).where("municipality_id", "=", municipalityId),
    )) ?? 0
  );
}

/** Adds an impact area at the end; returns its id. */
export async function insertImpactArea(
  db: Executor,
  municipalityId: number,
  values: {
    readonly key: string;
    readonly name: string;
    readonly description: string | null;
  },
): Promise<number> {
  const position = await nextPosition(db, "impact_area", municipalityId);
  const row = await db
    .insertInto("impact_area")
    .values({
      municipality_id: municipalityId,
      key: values.key,
      name: values.name,
      description: values.description,
      position,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Writes an impact area's name and description. */
export async function updateImpactAreaRow(
  db: Executor,
  id: number,
  values: { readonly name: string; readonly description: string | null },
): Promise<void> {
  await db
    .updateTable("impact_area")
    .set({ name: values.name, description: values.description })
    .where("id", "=", id)
    .execute();
}

/** Adds an action field at the end of its impact area; returns its id. */
export async function insertActionField(
  db: Executor,
  municipalityId: number,
  values: Omit<StoredActionField, "id" | "version">,
): Promise<number> {
  const afterArea = await positionAfterLast(
    db
      .selectFrom("action_field")
      .where("impact_area_id", "=", values.impactAreaId),
  );
  let position: number;
  if (afterArea === null) {
    position = await nextPosition(db, "action_field", municipalityId);
  } else {
    position = afterArea;
    await db
      .updateTable("action_field")
      .set({ position: sql`position + 1` })
      .where("municipality_id", "=", municipalityId)
      .where("position", ">=", position)
      .execute();
  }
  const row = await db
    .insertInto("action_field")
    .values({
      municipality_id: municipalityId,
      impact_area_id: values.impactAreaId,
      key: values.key,
      number: values.number,
      name: values.name,
      colour: values.colour,
      description: values.description,
      position,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Writes an action field's number, name, colour and description. */
export async function updateActionFieldRow(
  db: Executor,
  id: number,
  values: {
    readonly number: number;
    readonly name: string;
    readonly colour: string;
    readonly description: string | null;
  },
): Promise<void> {
  await db
    .updateTable("action_field")
    .set({
      number: values.number,
      name: values.name,
      colour: values.colour,
      description: values.description,
    })
    .where("id", "=", id)
    .execute();
}

/** Adds an org unit at the end; returns its id. */
export async function insertOrgUnit(
  db: Executor,
  municipalityId: number,
  values: {
    readonly code: string;
    readonly name: string;
    readonly kind: OrgUnitKind;
    readonly parentId: number | null;
  },
): Promise<number> {
  const position = await nextPosition(db, "org_unit", municipalityId);
  const row = await db
    .insertInto("org_unit")
    .values({
      municipality_id: municipalityId,
      code: values.code,
      name: values.name,
      kind: values.kind,
      parent_id: values.parentId,
      position,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Writes an org unit's name, kind and parent. */
export async function updateOrgUnitRow(
  db: Executor,
  id: number,
  values: {
    readonly name: string;
    readonly kind: OrgUnitKind;
    readonly parentId: number | null;
  },
): Promise<void> {
  await db
    .updateTable("org_unit")
    .set({ name: values.name, kind: values.kind, parent_id: values.parentId })
    .where("id", "=", id)
    .execute();
}

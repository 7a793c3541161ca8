/**
 * The rows of a catalogue as both a first write (`insertCatalogue`) and a later sync
 * (`syncCatalogue`) store them: one place for the columns of each table, so that the two
 * ways of writing a catalogue cannot drift apart.
 */
import { firstByKey } from "../domain/collections.js";
import {
  firstDayOf,
  formatPointInTime,
  lastDayOf,
  parsePointInTime,
  type PointInTime,
} from "../domain/period/point-in-time.js";
import type { NewCatalogue } from "./catalogue.repository.js";
import type { Executor } from "./database.js";
import { insertRows } from "./query.js";
import type { PhaseValues } from "./project.repository.js";

export type NewArea = NewCatalogue["impactAreas"][number];
export type NewField = NewArea["actionFields"][number];
export type NewProject = NewField["projects"][number];
type NewUnit = NewCatalogue["orgUnits"][number];
type Goal = NewCatalogue["programme"]["goals"][number];

/** The id a key was written under. */
export function requireId(
  ids: ReadonlyMap<string, number>,
  key: string,
): number {
  const id = ids.get(key);
  // References are checked before writing; reaching this is a programming error.
  if (id === undefined) throw new Error(`Unresolved reference "${key}"`);
  return id;
}

/** A stored point in time (a phase's or measure's start or end) read back. */
export function toPoint(value: string): PointInTime {
  const point = parsePointInTime(value);
  // Values are validated before they are written; a bad one here means the file was edited by hand.
  if (point === null)
    throw new Error(`Stored point in time is malformed: "${value}"`);
  return point;
}

/** True when a stored row holds other values than `values` in the columns both share. */
export function differs(row: object, values: object): boolean {
  const stored = row as Record<string, unknown>;
  return Object.entries(values).some(
    ([column, value]) => column in stored && stored[column] !== value,
  );
}

/** An org unit's columns; the parent is set once every unit has an id. */
export function orgUnitValues(unit: NewUnit, position: number) {
  return { name: unit.name, kind: unit.kind, position };
}

/** An impact area's columns apart from its key. */
export function impactAreaValues(area: NewArea, position: number) {
  return { name: area.name, description: area.description, position };
}

/** An action field's columns apart from its key. */
export function actionFieldValues(
  field: NewField,
  impactAreaId: number,
  position: number,
) {
  return {
    impact_area_id: impactAreaId,
    number: field.number,
    name: field.name,
    colour: field.colour,
    description: field.description,
    position,
  };
}

/** A project's columns apart from its slug and time of change. */
export function projectValues(
  project: NewProject,
  impactAreaId: number,
  actionFieldId: number,
  position: number,
) {
  return {
    impact_area_id: impactAreaId,
    action_field_id: actionFieldId,
    code: project.code,
    title: project.title,
    summary: project.summary,
    status: project.status,
    position,
  };
}

/** A phase's columns: label, period (as written and as days), continuation and note. */
export function phaseValues(phase: PhaseValues) {
  return {
    label: phase.label,
    start_value: formatPointInTime(phase.start),
    start_day: firstDayOf(phase.start),
    end_value: phase.end === null ? null : formatPointInTime(phase.end),
    end_day: phase.end === null ? null : lastDayOf(phase.end),
    continuation: phase.continuation,
    note: phase.note,
  };
}

/** A measure's columns: title, status, period, unit, description and phase. */
export function measureValues(
  measure: NewProject["measures"][number],
  orgUnitIds: ReadonlyMap<string, number>,
  phaseIds: ReadonlyMap<string, number>,
) {
  return {
    title: measure.title,
    status: measure.status,
    start_value:
      measure.start == null ? null : formatPointInTime(measure.start),
    start_day: measure.start == null ? null : firstDayOf(measure.start),
    end_value: measure.end == null ? null : formatPointInTime(measure.end),
    end_day: measure.end == null ? null : lastDayOf(measure.end),
    org_unit_id:
      measure.orgUnitCode == null
        ? null
        : requireId(orgUnitIds, measure.orgUnitCode),
    description: measure.description ?? null,
    phase_id:
      measure.phaseLabel == null
        ? null
        : (phaseIds.get(measure.phaseLabel) ?? null),
  };
}

/** A project's responsibilities, with org units by id. */
export function responsibilityValues(
  project: NewProject,
  orgUnitIds: ReadonlyMap<string, number>,
) {
  return project.responsibilities.map((responsibility) => ({
    org_unit_id: requireId(orgUnitIds, responsibility.orgUnitCode),
    role: responsibility.role,
    note: responsibility.note,
  }));
}

/** A programme's goals in order. */
export async function insertGoals(
  db: Executor,
  programmeId: number,
  goals: readonly Goal[],
): Promise<void> {
  await insertRows(
    db.insertInto("programme_goal"),
    goals.map((goal, position) => ({
      programme_id: programmeId,
      position,
      title: goal.title,
      description: goal.description,
    })),
  );
}

/** The phases of a project by label (the first of a label), as a measure names its phase. */
export async function phaseIdsOf(
  db: Executor,
  projectId: number,
): Promise<ReadonlyMap<string, number>> {
  const phases = await db
    .selectFrom("phase")
    .select(["id", "label"])
    .where("project_id", "=", projectId)
    .orderBy("position")
    .execute();
  return firstByKey(
    phases,
    (phase) => phase.label,
    (phase) => phase.id,
  );
}

/** A project's tags in order. */
export async function insertTags(
  db: Executor,
  projectId: number,
  tags: readonly string[],
): Promise<void> {
  await insertRows(
    db.insertInto("project_tag"),
    tags.map((tag, position) => ({ project_id: projectId, tag, position })),
  );
}

/** A project's responsibilities in order. */
export async function insertResponsibilities(
  db: Executor,
  projectId: number,
  rows: ReturnType<typeof responsibilityValues>,
): Promise<void> {
  await insertRows(
    db.insertInto("responsibility"),
    rows.map((row, position) => ({
      project_id: projectId,
      position,
      ...row,
    })),
  );
}

/** Tags, phases, measures and responsibilities of a project that has none yet. */
export async function insertProjectChildren(
  db: Executor,
  projectId: number,
  project: NewProject,
  orgUnitIds: ReadonlyMap<string, number>,
): Promise<void> {
  await insertTags(db, projectId, project.tags);
  await insertRows(
    db.insertInto("phase"),
    project.phases.map((phase, position) => ({
      project_id: projectId,
      position,
      ...phaseValues(phase),
    })),
  );
  if (project.measures.length > 0) {
    // Phases are found by label: the document names a measure's phase, not its id.
    const phaseIds = await phaseIdsOf(db, projectId);
    await db
      .insertInto("measure")
      .values(
        project.measures.map((measure, position) => ({
          project_id: projectId,
          position,
          ...measureValues(measure, orgUnitIds, phaseIds),
        })),
      )
      .execute();
  }
  await insertResponsibilities(
    db,
    projectId,
    responsibilityValues(project, orgUnitIds),
  );
}

/** A programme's priorities in order, each with its projects in order. */
export async function insertPriorities(
  db: Executor,
  programmeId: number,
  priorities: readonly {
    year: number;
    title: string;
    projects: readonly number[];
  }[],
): Promise<void> {
  for (const [position, priority] of priorities.entries()) {
    const { id } = await db
      .insertInto("programme_priority")
      .values({
        programme_id: programmeId,
        year: priority.year,
        position,
        title: priority.title,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await insertRows(
      db.insertInto("priority_project"),
      priority.projects.map((projectId, index) => ({
        priority_id: id,
        project_id: projectId,
        position: index,
      })),
    );
  }
}

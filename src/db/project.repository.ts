/**
 * One project and its parts, for editing: loading it with where it sits in the catalogue,
 * claiming its version (the optimistic lock of every change to it), and writing its fields,
 * tags, phases, measures, responsibilities and dependencies. Phases, measures and the rest
 * are parts of their project: every change to them goes through claimProjectVersion.
 */
import { sql, type Selectable } from "kysely";
import type {
  Measure,
  MeasureStatus,
  Phase,
  Project,
  ProjectStatus,
  Responsibility,
  ResponsibilityRole,
} from "../domain/catalogue/catalogue.js";
import type { Continuation } from "../domain/period/period.js";
import {
  firstDayOf,
  formatPointInTime,
  lastDayOf,
  type PointInTime,
} from "../domain/period/point-in-time.js";
import { insertTags, phaseValues, toPoint } from "./catalogue-rows.js";
import type {
  Executor,
  MeasureTable,
  PhaseTable,
  ProjectTable,
} from "./database.js";
import { changesOneRow, positionAfterLast, replaceRows } from "./query.js";

/** A project as stored, with the ids and names of where it sits. */
export interface StoredProject {
  readonly project: Project;
  readonly municipalityId: number;
  readonly impactArea: {
    readonly id: number;
    readonly key: string;
    readonly name: string;
  };
  readonly actionField: {
    readonly id: number;
    readonly key: string;
    readonly name: string;
    readonly number: number;
  };
}

/** The fields of a project itself (not its parts). */
export interface ProjectFields {
  readonly title: string;
  readonly summary: string;
  readonly status: ProjectStatus;
}

/** A phase to be written; points in time in domain form. */
export interface PhaseValues {
  readonly label: string;
  readonly start: PointInTime;
  readonly end: PointInTime | null;
  readonly continuation: Continuation | null;
  readonly note: string | null;
}

/** A responsibility to be written, with the org unit resolved to its id. */
export interface ResponsibilityValues {
  readonly orgUnitId: number;
  readonly role: ResponsibilityRole;
  readonly note: string | null;
}

/** A project and the code and title it is known by, for naming dependency cycles. */
export interface ProjectLabel {
  readonly id: number;
  readonly slug: string;
  readonly code: string;
  readonly title: string;
}

/** Loads one project with all its parts; null when the municipality has no project with this slug. */
export async function loadStoredProject(
  db: Executor,
  municipalityId: number,
  slug: string,
): Promise<StoredProject | null> {
  const row = await db
    .selectFrom("project")
    .innerJoin("impact_area", "impact_area.id", "project.impact_area_id")
    .innerJoin("action_field", "action_field.id", "project.action_field_id")
    .select([
      "project.id",
      "project.slug",
      "project.code",
      "project.title",
      "project.summary",
      "project.status",
      "project.version",
      "impact_area.id as impact_area_id",
      "impact_area.key as impact_area_key",
      "impact_area.name as impact_area_name",
      "action_field.id as action_field_id",
      "action_field.key as action_field_key",
      "action_field.name as action_field_name",
      "action_field.number as action_field_number",
    ])
    .where("project.municipality_id", "=", municipalityId)
    .where("project.slug", "=", slug)
    .executeTakeFirst();
  if (row === undefined) return null;

  const [tags, phases, measures, responsibilities, dependencies] =
    await Promise.all([
      db
        .selectFrom("project_tag")
        .select("tag")
        .where("project_id", "=", row.id)
        .orderBy("position")
        .execute(),
      db
        .selectFrom("phase")
        .selectAll()
        .where("project_id", "=", row.id)
        .orderBy("position")
        .orderBy("id")
        .execute(),
      db
        .selectFrom("measure")
        .selectAll()
        .where("project_id", "=", row.id)
        .orderBy("position")
        .orderBy("id")
        .execute(),
      db
        .selectFrom("responsibility")
        .innerJoin("org_unit", "org_unit.id", "responsibility.org_unit_id")
        .select(["responsibility.role", "responsibility.note", "org_unit.code"])
        .where("responsibility.project_id", "=", row.id)
        .orderBy("responsibility.position")
        .execute(),
      db
        .selectFrom("project_dependency")
        .innerJoin("project", "project.id", "project_dependency.depends_on_id")
        .select("project.slug")
        .where("project_dependency.project_id", "=", row.id)
        .orderBy("project_dependency.position")
        .execute(),
    ]);

  const unitCodes = await orgUnitCodesOf(
    db,
    measures.map((measure) => measure.org_unit_id),
  );
  const project = toProject(
    row,
    { tags, phases, measures, responsibilities, dependencies },
    unitCodes,
    new Map(phases.map((phase) => [phase.id, phase.label])),
  );
  return {
    project,
    municipalityId,
    impactArea: {
      id: row.impact_area_id,
      key: row.impact_area_key,
      name: row.impact_area_name,
    },
    actionField: {
      id: row.action_field_id,
      key: row.action_field_key,
      name: row.action_field_name,
      number: row.action_field_number,
    },
  };
}

/**
 * Moves a project from the expected version to the next one, or does nothing when it is
 * no longer at that version. This single UPDATE is the lock: on PostgreSQL a concurrent
 * writer waits for the row and then finds the version changed; on SQLite writes are
 * serialised anyway. Returns whether the version was claimed.
 */
export async function claimProjectVersion(
  db: Executor,
  projectId: number,
  expectedVersion: number,
  now: string,
): Promise<boolean> {
  return changesOneRow(
    db
      .updateTable("project")
      .set({ version: sql`version + 1`, updated_at: now })
      .where("id", "=", projectId)
      .where("version", "=", expectedVersion),
  );
}

/** Writes title, summary and status. */
export async function updateProjectFields(
  db: Executor,
  projectId: number,
  fields: ProjectFields,
): Promise<void> {
  await db
    .updateTable("project")
    .set({
      title: fields.title,
      summary: fields.summary,
      status: fields.status,
    })
    .where("id", "=", projectId)
    .execute();
}

/** Replaces the tags, keeping their order. */
export async function replaceProjectTags(
  db: Executor,
  projectId: number,
  tags: readonly string[],
): Promise<void> {
  await db
    .deleteFrom("project_tag")
    .where("project_id", "=", projectId)
    .execute();
  await insertTags(db, projectId, tags);
}

async function nextPosition(
  db: Executor,
  table: "phase" | "measure",
  projectId: number,
): Promise<number> {
  return (
    (await positionAfterLast(
      db.selectFrom(table).where("project_id", "=", projectId),
    )) ?? 0
  );
}

/** Appends a phase; returns its id. */
export async function insertPhase(
  db: Executor,
  projectId: number,
  phase: PhaseValues,
): Promise<number> {
  const position = await nextPosition(db, "phase", projectId);
  const row = await db
    .insertInto("phase")
    .values({ project_id: projectId, position, ...phaseValues(phase) })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Changes a phase of the project; returns whether it exists. */
export async function updatePhaseRow(
  db: Executor,
  projectId: number,
  phaseId: number,
  phase: PhaseValues,
): Promise<boolean> {
  return changesOneRow(
    db
      .updateTable("phase")
      .set(phaseValues(phase))
      .where("id", "=", phaseId)
      .where("project_id", "=", projectId),
  );
}

/** Removes a phase of the project; returns whether it existed. */
export async function deletePhaseRow(
  db: Executor,
  projectId: number,
  phaseId: number,
): Promise<boolean> {
  return changesOneRow(
    db
      .deleteFrom("phase")
      .where("id", "=", phaseId)
      .where("project_id", "=", projectId),
  );
}

/** The codes of org units by id. */
export async function orgUnitCodesOf(
  db: Executor,
  ids: readonly (number | null)[],
): Promise<ReadonlyMap<number, string>> {
  const wanted = [...new Set(ids.filter((id): id is number => id !== null))];
  if (wanted.length === 0) return new Map();
  const rows = await db
    .selectFrom("org_unit")
    .select(["id", "code"])
    .where("id", "in", wanted)
    .execute();
  return new Map(rows.map((each) => [each.id, each.code]));
}

/** The rows of a project's parts, each list in its order. */
export interface ProjectPartRows {
  readonly tags: readonly { readonly tag: string }[];
  readonly phases: readonly Selectable<PhaseTable>[];
  readonly measures: readonly Selectable<MeasureTable>[];
  readonly responsibilities: readonly {
    readonly code: string;
    readonly role: string;
    readonly note: string | null;
  }[];
  readonly dependencies: readonly { readonly slug: string }[];
}

/** A project in domain form from its row and the rows of its parts. */
export function toProject(
  row: Pick<
    Selectable<ProjectTable>,
    "id" | "slug" | "code" | "title" | "summary" | "status" | "version"
  >,
  parts: ProjectPartRows,
  unitCodes: ReadonlyMap<number, string>,
  phaseLabels: ReadonlyMap<number, string>,
): Project {
  return {
    id: row.id,
    slug: row.slug,
    code: row.code,
    title: row.title,
    summary: row.summary,
    status: row.status as ProjectStatus,
    version: row.version,
    tags: parts.tags.map((tag) => tag.tag),
    phases: parts.phases.map((phase): Phase => ({
      id: phase.id,
      label: phase.label,
      start: toPoint(phase.start_value),
      end: phase.end_value === null ? null : toPoint(phase.end_value),
      continuation: phase.continuation as Continuation | null,
      note: phase.note,
    })),
    measures: parts.measures.map((measure): Measure => ({
      id: measure.id,
      title: measure.title,
      status: measure.status as MeasureStatus,
      ...measureDetails(measure, unitCodes, phaseLabels),
    })),
    responsibilities: parts.responsibilities.map(
      (responsibility): Responsibility => ({
        orgUnitCode: responsibility.code,
        role: responsibility.role as ResponsibilityRole,
        note: responsibility.note,
      }),
    ),
    dependsOn: parts.dependencies.map((dependency) => dependency.slug),
  };
}

/** What a measure row has beyond title and status, in domain form. */
export function measureDetails(
  row: {
    readonly start_value: string | null;
    readonly end_value: string | null;
    readonly description: string | null;
    readonly org_unit_id: number | null;
    readonly phase_id: number | null;
  },
  unitCodes: ReadonlyMap<number, string>,
  phaseLabels: ReadonlyMap<number, string>,
): Pick<
  Measure,
  "start" | "end" | "description" | "orgUnitCode" | "phaseLabel"
> {
  return {
    start: row.start_value === null ? null : toPoint(row.start_value),
    end: row.end_value === null ? null : toPoint(row.end_value),
    description: row.description,
    orgUnitCode:
      row.org_unit_id === null
        ? null
        : (unitCodes.get(row.org_unit_id) ?? null),
    phaseLabel:
      row.phase_id === null ? null : (phaseLabels.get(row.phase_id) ?? null),
  };
}

/**
 * A measure's detail columns: the period like a phase's, the org unit of the project's
 * municipality by code and the project's phase by label (null when there is none such;
 * the use cases check both before writing).
 */
export async function measureColumns(
  db: Executor,
  projectId: number,
  measure: Omit<Measure, "id">,
) {
  const start = measure.start ?? null;
  const end = measure.end ?? null;
  const code = measure.orgUnitCode ?? null;
  const label = measure.phaseLabel ?? null;
  const unit =
    code === null
      ? undefined
      : await db
          .selectFrom("org_unit")
          .innerJoin(
            "project",
            "project.municipality_id",
            "org_unit.municipality_id",
          )
          .select("org_unit.id")
          .where("project.id", "=", projectId)
          .where("org_unit.code", "=", code)
          .executeTakeFirst();
  const phase =
    label === null
      ? undefined
      : await db
          .selectFrom("phase")
          .select("id")
          .where("project_id", "=", projectId)
          .where("label", "=", label)
          .orderBy("position")
          .executeTakeFirst();
  return {
    title: measure.title,
    status: measure.status,
    start_value: start === null ? null : formatPointInTime(start),
    start_day: start === null ? null : firstDayOf(start),
    end_value: end === null ? null : formatPointInTime(end),
    end_day: end === null ? null : lastDayOf(end),
    description: measure.description ?? null,
    org_unit_id: unit?.id ?? null,
    phase_id: phase?.id ?? null,
  };
}

/** Whether a measure's org unit (by code) and phase (by label) exist for the project. */
export async function measureReferences(
  db: Executor,
  projectId: number,
  measure: Omit<Measure, "id">,
): Promise<{ readonly unitExists: boolean; readonly phaseExists: boolean }> {
  const columns = await measureColumns(db, projectId, measure);
  return {
    unitExists:
      (measure.orgUnitCode ?? null) === null || columns.org_unit_id !== null,
    phaseExists:
      (measure.phaseLabel ?? null) === null || columns.phase_id !== null,
  };
}

/** Appends a measure; returns its id. */
export async function insertMeasure(
  db: Executor,
  projectId: number,
  measure: Omit<Measure, "id">,
): Promise<number> {
  const position = await nextPosition(db, "measure", projectId);
  const row = await db
    .insertInto("measure")
    .values({
      project_id: projectId,
      position,
      ...(await measureColumns(db, projectId, measure)),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Changes title and status of a measure of the project; returns whether it exists. */
export async function updateMeasureRow(
  db: Executor,
  projectId: number,
  measureId: number,
  measure: Omit<Measure, "id">,
): Promise<boolean> {
  return changesOneRow(
    db
      .updateTable("measure")
      .set(await measureColumns(db, projectId, measure))
      .where("id", "=", measureId)
      .where("project_id", "=", projectId),
  );
}

/** Removes a measure of the project (its search entry goes with it); returns whether it existed. */
export async function deleteMeasureRow(
  db: Executor,
  projectId: number,
  measureId: number,
): Promise<boolean> {
  return changesOneRow(
    db
      .deleteFrom("measure")
      .where("id", "=", measureId)
      .where("project_id", "=", projectId),
  );
}

/** Gives the measures of a project the order of the ids. */
export async function setMeasureOrder(
  db: Executor,
  projectId: number,
  measureIds: readonly number[],
): Promise<void> {
  for (const [position, id] of measureIds.entries()) {
    await db
      .updateTable("measure")
      .set({ position })
      .where("id", "=", id)
      .where("project_id", "=", projectId)
      .execute();
  }
}

/** Replaces the responsibilities, keeping their order. */
export async function replaceResponsibilities(
  db: Executor,
  projectId: number,
  responsibilities: readonly ResponsibilityValues[],
): Promise<void> {
  await replaceRows(
    db.deleteFrom("responsibility").where("project_id", "=", projectId),
    db.insertInto("responsibility"),
    responsibilities.map((responsibility, position) => ({
      project_id: projectId,
      org_unit_id: responsibility.orgUnitId,
      role: responsibility.role,
      note: responsibility.note,
      position,
    })),
  );
}

/** Records that the project needs another one, after its other dependencies. */
export async function insertDependency(
  db: Executor,
  projectId: number,
  dependsOnId: number,
): Promise<void> {
  const position =
    (await positionAfterLast(
      db.selectFrom("project_dependency").where("project_id", "=", projectId),
    )) ?? 0;
  await db
    .insertInto("project_dependency")
    .values({ project_id: projectId, depends_on_id: dependsOnId, position })
    .execute();
}

/** Removes a dependency; returns whether it existed. */
export async function deleteDependency(
  db: Executor,
  projectId: number,
  dependsOnId: number,
): Promise<boolean> {
  return changesOneRow(
    db
      .deleteFrom("project_dependency")
      .where("project_id", "=", projectId)
      .where("depends_on_id", "=", dependsOnId),
  );
}

/** Code, title and slug of every project of a municipality, in catalogue order. */
export async function listProjectLabels(
  db: Executor,
  municipalityId: number,
): Promise<readonly ProjectLabel[]> {
  return db
    .selectFrom("project")
    .select(["id", "slug", "code", "title"])
    .where("municipality_id", "=", municipalityId)
    .orderBy("position")
    .execute();
}

/** Every dependency between projects of a municipality as slugs: `from` needs `to`. */
export async function listDependencyEdges(
  db: Executor,
  municipalityId: number,
): Promise<readonly { readonly from: string; readonly to: string }[]> {
  return db
    .selectFrom("project_dependency")
    .innerJoin(
      "project as dependent",
      "dependent.id",
      "project_dependency.project_id",
    )
    .innerJoin(
      "project as prerequisite",
      "prerequisite.id",
      "project_dependency.depends_on_id",
    )
    .select(["dependent.slug as from", "prerequisite.slug as to"])
    .where("dependent.municipality_id", "=", municipalityId)
    .orderBy("dependent.position")
    .orderBy("project_dependency.position")
    .execute();
}

/** The new project's fields. */
export interface NewProjectValues {
  readonly impactAreaId: number;
  readonly actionFieldId: number;
  readonly slug: string;
  readonly code: string;
  readonly title: string;
  readonly summary: string;
  readonly status: ProjectStatus;
}

/** Adds a project at the end of its action field; returns its id. */
export async function insertProject(
  db: Executor,
  municipalityId: number,
  values: NewProjectValues,
  now: string,
): Promise<number> {
  // Projects are ordered across the catalogue; a new one goes after the last of its action field.
  const afterField = await positionAfterLast(
    db
      .selectFrom("project")
      .where("action_field_id", "=", values.actionFieldId),
  );
  let position: number;
  if (afterField === null) {
    position =
      (await positionAfterLast(
        db.selectFrom("project").where("municipality_id", "=", municipalityId),
      )) ?? 0;
  } else {
    position = afterField;
    await db
      .updateTable("project")
      .set({ position: sql`position + 1` })
      .where("municipality_id", "=", municipalityId)
      .where("position", ">=", position)
      .execute();
  }
  const row = await db
    .insertInto("project")
    .values({
      municipality_id: municipalityId,
      impact_area_id: values.impactAreaId,
      action_field_id: values.actionFieldId,
      slug: values.slug,
      code: values.code,
      title: values.title,
      summary: values.summary,
      status: values.status,
      position,
      updated_at: now,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Deletes a project if it is still at the expected version (its parts go with it); returns whether it did. */
export async function deleteProjectRow(
  db: Executor,
  projectId: number,
  expectedVersion: number,
): Promise<boolean> {
  return changesOneRow(
    db
      .deleteFrom("project")
      .where("id", "=", projectId)
      .where("version", "=", expectedVersion),
  );
}

/** Whether a slug or a code (within the impact area) is taken. */
export async function findProjectClash(
  db: Executor,
  municipalityId: number,
  values: {
    readonly slug: string;
    readonly impactAreaId: number;
    readonly code: string;
  },
): Promise<{ readonly slugTaken: boolean; readonly codeTaken: boolean }> {
  const [slug, code] = await Promise.all([
    db
      .selectFrom("project")
      .select("id")
      .where("municipality_id", "=", municipalityId)
      .where("slug", "=", values.slug)
      .executeTakeFirst(),
    db
      .selectFrom("project")
      .select("id")
      .where("impact_area_id", "=", values.impactAreaId)
      .where("code", "=", values.code)
      .executeTakeFirst(),
  ]);
  return { slugTaken: slug !== undefined, codeTaken: code !== undefined };
}

/** Whether an error is a violated unique constraint (two people creating the same key at once). */
export function isUniqueViolation(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  const { code, message } = error as { code?: unknown; message?: unknown };
  // PostgreSQL: SQLSTATE 23505; SQLite (better-sqlite3): SQLITE_CONSTRAINT_UNIQUE / _PRIMARYKEY.
  return (
    code === "23505" ||
    code === "SQLITE_CONSTRAINT_UNIQUE" ||
    code === "SQLITE_CONSTRAINT_PRIMARYKEY" ||
    (typeof message === "string" &&
      message.includes("UNIQUE constraint failed"))
  );
}

/**
 * Brings a municipality's stored catalogue in line with a complete new one, matching
 * records by their keys (org unit code, impact area and action field key, project slug;
 * phases and measures by their place in the project). A record that stays keeps its id,
 * so editions, change reports, editors' org units and audit events still point at it; a
 * record that did not change is not written at all. Run inside the caller's transaction.
 */
import { groupBy } from "../domain/collections.js";
import {
  actionFieldValues,
  differs,
  impactAreaValues,
  insertGoals,
  insertPriorities,
  insertProjectChildren,
  insertResponsibilities,
  measureValues,
  type NewProject,
  orgUnitValues,
  phaseIdsOf,
  phaseValues,
  projectValues,
  requireId as need,
  responsibilityValues,
} from "./catalogue-rows.js";
import { insertCatalogue, type NewCatalogue } from "./catalogue.repository.js";
import type { Executor } from "./database.js";
import { replaceRows } from "./query.js";
import { replaceProjectTags } from "./project.repository.js";

const same = (a: unknown, b: unknown): boolean =>
  JSON.stringify(a) === JSON.stringify(b);

/** How one table's rows are written: a new row (returning its id) or new values of a stored one. */
interface RowWriter<Values, Key = string, Id = unknown> {
  readonly insert: (key: Key, values: Values) => Promise<Id>;
  readonly update: (id: number, values: Values) => Promise<unknown>;
}

/**
 * Writes each entry under its key: a new row where none is stored, changed columns where
 * the stored row differs, nothing otherwise. Returns the ids by key.
 */
async function syncKeyed<Row extends { id: number }, Values extends object>(
  stored: ReadonlyMap<string, Row>,
  entries: Iterable<readonly [key: string, values: Values]>,
  write: RowWriter<Values, string, number>,
): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  for (const [key, values] of entries) {
    const row = stored.get(key);
    if (row === undefined) {
      ids.set(key, await write.insert(key, values));
      continue;
    }
    ids.set(key, row.id);
    if (differs(row, values)) await write.update(row.id, values);
  }
  return ids;
}

/**
 * Writes rows that are matched by their place (the phases or measures of a project): the
 * first stored row takes the first wanted values, and so on; surplus stored rows go.
 * True when anything was written.
 */
async function syncByPosition<
  Row extends { id: number },
  Values extends object,
>(
  stored: readonly Row[],
  wanted: readonly Values[],
  write: RowWriter<Values, number> & {
    readonly remove: (ids: number[]) => Promise<unknown>;
  },
): Promise<boolean> {
  let changed = false;
  for (const [position, values] of wanted.entries()) {
    const row = stored[position];
    if (row !== undefined && !differs(row, values)) continue;
    changed = true;
    if (row === undefined) await write.insert(position, values);
    else await write.update(row.id, values);
  }
  const surplus = stored.slice(wanted.length).map((row) => row.id);
  if (surplus.length > 0) {
    changed = true;
    await write.remove(surplus);
  }
  return changed;
}

/** Writes the difference between the stored catalogue and `next`. */
export async function syncCatalogue(
  db: Executor,
  municipalityId: number,
  next: NewCatalogue,
  now: string,
): Promise<void> {
  const programme = await db
    .selectFrom("programme")
    .selectAll()
    .where("municipality_id", "=", municipalityId)
    .executeTakeFirst();
  const anyStructure = await db
    .selectFrom("org_unit")
    .select("id")
    .where("municipality_id", "=", municipalityId)
    .unionAll(
      db
        .selectFrom("impact_area")
        .select("id")
        .where("municipality_id", "=", municipalityId),
    )
    .limit(1)
    .executeTakeFirst();
  if (programme === undefined && anyStructure === undefined) {
    // A municipality without a catalogue: written in one go, which is much faster.
    await insertCatalogue(db, municipalityId, next, now);
    return;
  }

  const programmeId = await syncProgramme(db, municipalityId, programme, next);
  const orgUnitIds = await syncOrgUnits(db, municipalityId, next);
  const areaIds = await syncImpactAreas(db, municipalityId, next);
  const fieldIds = await syncActionFields(db, municipalityId, next, areaIds);
  const projectIds = await syncProjects(
    db,
    municipalityId,
    next,
    { areaIds, fieldIds, orgUnitIds },
    now,
  );

  // What is gone goes last, once nothing that stays hangs below it.
  const kept = [
    ["action_field", fieldIds],
    ["impact_area", areaIds],
    ["org_unit", orgUnitIds],
  ] as const;
  for (const [table, ids] of kept) {
    const keep = new Set(ids.values());
    const rows = await db
      .selectFrom(table)
      .select("id")
      .where("municipality_id", "=", municipalityId)
      .execute();
    const gone = rows.map((r) => r.id).filter((id) => !keep.has(id));
    if (gone.length > 0)
      await db.deleteFrom(table).where("id", "in", gone).execute();
  }

  await syncPriorities(db, programmeId, next, projectIds);
}

type Versioned = "programme" | "org_unit" | "impact_area" | "action_field";

/** A writer for one of a municipality's keyed tables whose updates count up the version. */
function versionedWriter<Values extends object>(
  db: Executor,
  table: Versioned,
  newRow: (key: string, values: Values) => object,
) {
  return {
    insert: async (key: string, values: Values): Promise<number> =>
      (
        await db
          .insertInto(table)
          .values(newRow(key, values) as never)
          .returning("id")
          .executeTakeFirstOrThrow()
      ).id,
    update: (id: number, values: Values) =>
      db
        .updateTable(table)
        .set((eb) => ({ ...values, version: eb("version", "+", 1) }))
        .where("id", "=", id)
        .execute(),
  };
}

async function syncProgramme(
  db: Executor,
  municipalityId: number,
  stored:
    | {
        id: number;
        title: string;
        subtitle: string | null;
        horizon_start: number;
        horizon_end: number;
        summary: string | null;
      }
    | undefined,
  next: NewCatalogue,
): Promise<number> {
  const values = {
    title: next.programme.title,
    subtitle: next.programme.subtitle,
    horizon_start: next.programme.horizonStart,
    horizon_end: next.programme.horizonEnd,
    summary: next.programme.summary,
  };
  const ids = await syncKeyed(
    new Map(stored === undefined ? [] : [["", stored]]),
    [["", values]],
    versionedWriter(db, "programme", (_key, values) => ({
      municipality_id: municipalityId,
      ...values,
    })),
  );
  const programmeId = need(ids, "");
  const goals = await db
    .selectFrom("programme_goal")
    .select(["title", "description"])
    .where("programme_id", "=", programmeId)
    .orderBy("position")
    .execute();
  if (
    !same(
      goals,
      next.programme.goals.map((g) => ({
        title: g.title,
        description: g.description,
      })),
    )
  ) {
    await db
      .deleteFrom("programme_goal")
      .where("programme_id", "=", programmeId)
      .execute();
    await insertGoals(db, programmeId, next.programme.goals);
  }
  return programmeId;
}

async function syncOrgUnits(
  db: Executor,
  municipalityId: number,
  next: NewCatalogue,
): Promise<Map<string, number>> {
  const stored = await db
    .selectFrom("org_unit")
    .select(["id", "code", "name", "kind", "parent_id", "position"])
    .where("municipality_id", "=", municipalityId)
    .execute();
  const byCode = new Map(stored.map((row) => [row.code, row]));
  const ids = await syncKeyed(
    byCode,
    next.orgUnits.map(
      (unit, position) => [unit.code, orgUnitValues(unit, position)] as const,
    ),
    versionedWriter(db, "org_unit", (code, values) => ({
      municipality_id: municipalityId,
      code,
      parent_id: null,
      ...values,
    })),
  );
  for (const unit of next.orgUnits) {
    const parentId =
      unit.parentCode === null ? null : need(ids, unit.parentCode);
    const row = byCode.get(unit.code);
    if (row !== undefined && row.parent_id === parentId) continue;
    if (row === undefined && parentId === null) continue;
    await db
      .updateTable("org_unit")
      .set({ parent_id: parentId })
      .where("id", "=", need(ids, unit.code))
      .execute();
  }
  return ids;
}

async function syncImpactAreas(
  db: Executor,
  municipalityId: number,
  next: NewCatalogue,
): Promise<Map<string, number>> {
  const stored = await db
    .selectFrom("impact_area")
    .select(["id", "key", "name", "description", "position"])
    .where("municipality_id", "=", municipalityId)
    .execute();
  return syncKeyed(
    new Map(stored.map((row) => [row.key, row])),
    next.impactAreas.map(
      (area, position) => [area.key, impactAreaValues(area, position)] as const,
    ),
    versionedWriter(db, "impact_area", (key, values) => ({
      municipality_id: municipalityId,
      key,
      ...values,
    })),
  );
}

async function syncActionFields(
  db: Executor,
  municipalityId: number,
  next: NewCatalogue,
  areaIds: ReadonlyMap<string, number>,
): Promise<Map<string, number>> {
  const stored = await db
    .selectFrom("action_field")
    .select([
      "id",
      "key",
      "impact_area_id",
      "number",
      "name",
      "colour",
      "description",
      "position",
    ])
    .where("municipality_id", "=", municipalityId)
    .execute();
  const fields = next.impactAreas.flatMap((area) =>
    area.actionFields.map((field) => ({
      field,
      areaId: need(areaIds, area.key),
    })),
  );
  return syncKeyed(
    new Map(stored.map((row) => [row.key, row])),
    fields.map(
      ({ field, areaId }, position) =>
        [field.key, actionFieldValues(field, areaId, position)] as const,
    ),
    versionedWriter(db, "action_field", (key, values) => ({
      municipality_id: municipalityId,
      key,
      ...values,
    })),
  );
}
interface Ids {
  readonly areaIds: ReadonlyMap<string, number>;
  readonly fieldIds: ReadonlyMap<string, number>;
  readonly orgUnitIds: ReadonlyMap<string, number>;
}

async function syncProjects(
  db: Executor,
  municipalityId: number,
  next: NewCatalogue,
  ids: Ids,
  now: string,
): Promise<Map<string, number>> {
  const stored = await db
    .selectFrom("project")
    .select([
      "id",
      "slug",
      "code",
      "impact_area_id",
      "action_field_id",
      "title",
      "summary",
      "status",
      "position",
    ])
    .where("municipality_id", "=", municipalityId)
    .execute();
  const bySlug = new Map(stored.map((row) => [row.slug, row]));
  const storedIds = stored.map((row) => row.id);
  const inProject = <T extends { project_id: number }>(rows: T[]) =>
    groupBy(rows, (row) => row.project_id);
  // The children are found by the projects' ids, as loadCatalogue finds them (ADR 0052).
  const children =
    storedIds.length === 0
      ? null
      : {
          tags: inProject(
            await db
              .selectFrom("project_tag")
              .select(["project_id", "tag"])
              .where("project_id", "in", storedIds)
              .orderBy("position")
              .execute(),
          ),
          phases: inProject(
            await db
              .selectFrom("phase")
              .select([
                "id",
                "project_id",
                "label",
                "start_value",
                "end_value",
                "continuation",
                "note",
              ])
              .where("project_id", "in", storedIds)
              .orderBy("position")
              .execute(),
          ),
          measures: inProject(
            await db
              .selectFrom("measure")
              .select([
                "id",
                "project_id",
                "title",
                "status",
                "start_value",
                "end_value",
                "org_unit_id",
                "description",
                "phase_id",
              ])
              .where("project_id", "in", storedIds)
              .orderBy("position")
              .execute(),
          ),
          responsibilities: inProject(
            await db
              .selectFrom("responsibility")
              .select(["project_id", "org_unit_id", "role", "note"])
              .where("project_id", "in", storedIds)
              .orderBy("position")
              .execute(),
          ),
          dependencies: inProject(
            await db
              .selectFrom("project_dependency")
              .select(["project_id", "depends_on_id"])
              .where("project_id", "in", storedIds)
              .orderBy("position")
              .execute(),
          ),
        };

  const nextProjects: {
    project: NewProject;
    areaId: number;
    fieldId: number;
  }[] = [];
  for (const area of next.impactAreas)
    for (const field of area.actionFields)
      for (const project of field.projects)
        nextProjects.push({
          project,
          areaId: need(ids.areaIds, area.key),
          fieldId: need(ids.fieldIds, field.key),
        });
  const nextSlugs = new Set(nextProjects.map((entry) => entry.project.slug));

  // Removed projects first, then codes that move out of the way (unique per impact area).
  const gone = stored
    .filter((row) => !nextSlugs.has(row.slug))
    .map((row) => row.id);
  if (gone.length > 0)
    await db.deleteFrom("project").where("id", "in", gone).execute();
  for (const { project, areaId } of nextProjects) {
    const row = bySlug.get(project.slug);
    if (
      row !== undefined &&
      (row.code !== project.code || row.impact_area_id !== areaId)
    )
      await db
        .updateTable("project")
        .set({ code: `~${row.id}` })
        .where("id", "=", row.id)
        .execute();
  }

  const projectIds = new Map<string, number>();
  const changedProjects = new Set<number>();
  for (const [
    position,
    { project, areaId, fieldId },
  ] of nextProjects.entries()) {
    const row = bySlug.get(project.slug);
    const values = projectValues(project, areaId, fieldId, position);
    if (row === undefined) {
      const { id } = await db
        .insertInto("project")
        .values({
          municipality_id: municipalityId,
          slug: project.slug,
          ...values,
          updated_at: now,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      projectIds.set(project.slug, id);
      await insertProjectChildren(db, id, project, ids.orgUnitIds);
      continue;
    }
    projectIds.set(project.slug, row.id);
    let changed = differs(row, values);
    if (changed)
      await db
        .updateTable("project")
        .set(values)
        .where("id", "=", row.id)
        .execute();
    if (children !== null) {
      if (await syncChildren(db, row.id, project, children, ids.orgUnitIds))
        changed = true;
    }
    if (changed) changedProjects.add(row.id);
  }

  // Dependencies once every project exists.
  for (const { project } of nextProjects) {
    const id = need(projectIds, project.slug);
    const wanted = project.dependsOn.map((slug) => need(projectIds, slug));
    const have = (children?.dependencies.get(id) ?? []).map(
      (r) => r.depends_on_id,
    );
    if (bySlug.has(project.slug) && same(have, wanted)) continue;
    if (!bySlug.has(project.slug) && wanted.length === 0) continue;
    await replaceRows(
      db.deleteFrom("project_dependency").where("project_id", "=", id),
      db.insertInto("project_dependency"),
      wanted.map((dependsOn, position) => ({
        project_id: id,
        depends_on_id: dependsOn,
        position,
      })),
    );
    if (bySlug.has(project.slug)) changedProjects.add(id);
  }
  if (changedProjects.size > 0)
    await db
      .updateTable("project")
      .set((eb) => ({ version: eb("version", "+", 1), updated_at: now }))
      .where("id", "in", [...changedProjects])
      .execute();
  return projectIds;
}

interface StoredChildren {
  readonly tags: Map<number, { tag: string }[]>;
  readonly phases: Map<
    number,
    {
      id: number;
      label: string;
      start_value: string;
      end_value: string | null;
      continuation: string | null;
      note: string | null;
    }[]
  >;
  readonly measures: Map<
    number,
    {
      id: number;
      title: string;
      status: string;
      start_value: string | null;
      end_value: string | null;
      org_unit_id: number | null;
      description: string | null;
      phase_id: number | null;
    }[]
  >;
  readonly responsibilities: Map<
    number,
    { org_unit_id: number; role: string; note: string | null }[]
  >;
}

/** Syncs tags, phases, measures and responsibilities of a kept project; true when any changed. */
async function syncChildren(
  db: Executor,
  projectId: number,
  project: NewProject,
  stored: StoredChildren,
  orgUnitIds: ReadonlyMap<string, number>,
): Promise<boolean> {
  let changed = false;
  const tags = (stored.tags.get(projectId) ?? []).map((row) => row.tag);
  if (!same(tags, project.tags)) {
    changed = true;
    await replaceProjectTags(db, projectId, project.tags);
  }

  if (
    await syncByPosition(
      stored.phases.get(projectId) ?? [],
      project.phases.map(phaseValues),
      {
        insert: (position, values) =>
          db
            .insertInto("phase")
            .values({ project_id: projectId, position, ...values })
            .execute(),
        update: (id, values) =>
          db.updateTable("phase").set(values).where("id", "=", id).execute(),
        remove: (ids) =>
          db.deleteFrom("phase").where("id", "in", ids).execute(),
      },
    )
  )
    changed = true;

  const phaseIds =
    project.measures.length === 0 ? new Map() : await phaseIdsOf(db, projectId);
  if (
    await syncByPosition(
      stored.measures.get(projectId) ?? [],
      project.measures.map((measure) =>
        measureValues(measure, orgUnitIds, phaseIds),
      ),
      {
        insert: (position, values) =>
          db
            .insertInto("measure")
            .values({ project_id: projectId, position, ...values })
            .execute(),
        update: (id, values) =>
          db.updateTable("measure").set(values).where("id", "=", id).execute(),
        remove: (ids) =>
          db.deleteFrom("measure").where("id", "in", ids).execute(),
      },
    )
  )
    changed = true;

  const responsibilities = (stored.responsibilities.get(projectId) ?? []).map(
    (row) => ({
      org_unit_id: row.org_unit_id,
      role: row.role,
      note: row.note,
    }),
  );
  const wanted = responsibilityValues(project, orgUnitIds);
  if (!same(responsibilities, wanted)) {
    changed = true;
    await db
      .deleteFrom("responsibility")
      .where("project_id", "=", projectId)
      .execute();
    await insertResponsibilities(db, projectId, wanted);
  }
  return changed;
}

async function syncPriorities(
  db: Executor,
  programmeId: number,
  next: NewCatalogue,
  projectIds: ReadonlyMap<string, number>,
): Promise<void> {
  const stored = await db
    .selectFrom("programme_priority")
    .select(["id", "year", "title"])
    .where("programme_id", "=", programmeId)
    .orderBy("position")
    .execute();
  const links = await db
    .selectFrom("priority_project")
    .innerJoin(
      "programme_priority",
      "programme_priority.id",
      "priority_project.priority_id",
    )
    .select(["priority_project.priority_id", "priority_project.project_id"])
    .where("programme_priority.programme_id", "=", programmeId)
    .orderBy("priority_project.position")
    .execute();
  const linked = groupBy(links, (row) => row.priority_id);
  const current = stored.map((row) => ({
    year: row.year,
    title: row.title,
    projects: (linked.get(row.id) ?? []).map((link) => link.project_id),
  }));
  const wanted = next.programme.priorities.map((priority) => ({
    year: priority.year,
    title: priority.title,
    projects: priority.projectSlugs.map((slug) => need(projectIds, slug)),
  }));
  if (same(current, wanted)) return;
  await db
    .deleteFrom("programme_priority")
    .where("programme_id", "=", programmeId)
    .execute();
  await insertPriorities(db, programmeId, wanted);
}

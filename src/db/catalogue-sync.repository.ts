/**
 * Brings a municipality's stored catalogue in line with a complete new one, matching
 * records by their keys (org unit code, impact area and action field key, project slug;
 * phases and measures by their place in the project). A record that stays keeps its id,
 * so editions, change reports, editors' org units and audit events still point at it; a
 * record that did not change is not written at all. Run inside the caller's transaction.
 */
import {
  firstDayOf,
  formatPointInTime,
  lastDayOf,
} from "../domain/period/point-in-time.js";
import { insertCatalogue, type NewCatalogue } from "./catalogue.repository.js";
import type { Executor } from "./database.js";

type NewArea = NewCatalogue["impactAreas"][number];
type NewField = NewArea["actionFields"][number];
type NewProject = NewField["projects"][number];

const same = (a: unknown, b: unknown): boolean =>
  JSON.stringify(a) === JSON.stringify(b);

function need(ids: ReadonlyMap<string, number>, key: string): number {
  const id = ids.get(key);
  // References are checked before writing; reaching this is a programming error.
  if (id === undefined) throw new Error(`Unresolved reference "${key}"`);
  return id;
}

function groupBy<T>(
  rows: readonly T[],
  key: (row: T) => number,
): Map<number, T[]> {
  const groups = new Map<number, T[]>();
  for (const row of rows) {
    const list = groups.get(key(row));
    if (list === undefined) groups.set(key(row), [row]);
    else list.push(row);
  }
  return groups;
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
  const keepFields = new Set(fieldIds.values());
  const keepAreas = new Set(areaIds.values());
  const keepUnits = new Set(orgUnitIds.values());
  const fields = await db
    .selectFrom("action_field")
    .select("id")
    .where("municipality_id", "=", municipalityId)
    .execute();
  const goneFields = fields
    .map((r) => r.id)
    .filter((id) => !keepFields.has(id));
  if (goneFields.length > 0)
    await db.deleteFrom("action_field").where("id", "in", goneFields).execute();
  const areas = await db
    .selectFrom("impact_area")
    .select("id")
    .where("municipality_id", "=", municipalityId)
    .execute();
  const goneAreas = areas.map((r) => r.id).filter((id) => !keepAreas.has(id));
  if (goneAreas.length > 0)
    await db.deleteFrom("impact_area").where("id", "in", goneAreas).execute();
  const units = await db
    .selectFrom("org_unit")
    .select("id")
    .where("municipality_id", "=", municipalityId)
    .execute();
  const goneUnits = units.map((r) => r.id).filter((id) => !keepUnits.has(id));
  if (goneUnits.length > 0)
    await db.deleteFrom("org_unit").where("id", "in", goneUnits).execute();

  await syncPriorities(db, programmeId, next, projectIds);
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
  let programmeId: number;
  if (stored === undefined) {
    programmeId = (
      await db
        .insertInto("programme")
        .values({ municipality_id: municipalityId, ...values })
        .returning("id")
        .executeTakeFirstOrThrow()
    ).id;
  } else {
    programmeId = stored.id;
    const current = {
      title: stored.title,
      subtitle: stored.subtitle,
      horizon_start: stored.horizon_start,
      horizon_end: stored.horizon_end,
      summary: stored.summary,
    };
    if (!same(current, values))
      await db
        .updateTable("programme")
        .set((eb) => ({ ...values, version: eb("version", "+", 1) }))
        .where("id", "=", programmeId)
        .execute();
  }
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
    if (next.programme.goals.length > 0)
      await db
        .insertInto("programme_goal")
        .values(
          next.programme.goals.map((goal, position) => ({
            programme_id: programmeId,
            position,
            title: goal.title,
            description: goal.description,
          })),
        )
        .execute();
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
  const ids = new Map<string, number>();
  for (const [position, unit] of next.orgUnits.entries()) {
    const row = byCode.get(unit.code);
    if (row === undefined) {
      const { id } = await db
        .insertInto("org_unit")
        .values({
          municipality_id: municipalityId,
          code: unit.code,
          name: unit.name,
          kind: unit.kind,
          parent_id: null,
          position,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      ids.set(unit.code, id);
      continue;
    }
    ids.set(unit.code, row.id);
    if (
      row.name !== unit.name ||
      row.kind !== unit.kind ||
      row.position !== position
    )
      await db
        .updateTable("org_unit")
        .set((eb) => ({
          name: unit.name,
          kind: unit.kind,
          position,
          version: eb("version", "+", 1),
        }))
        .where("id", "=", row.id)
        .execute();
  }
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
  const byKey = new Map(stored.map((row) => [row.key, row]));
  const ids = new Map<string, number>();
  for (const [position, area] of next.impactAreas.entries()) {
    const row = byKey.get(area.key);
    if (row === undefined) {
      const { id } = await db
        .insertInto("impact_area")
        .values({
          municipality_id: municipalityId,
          key: area.key,
          name: area.name,
          description: area.description,
          position,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      ids.set(area.key, id);
      continue;
    }
    ids.set(area.key, row.id);
    if (
      row.name !== area.name ||
      row.description !== area.description ||
      row.position !== position
    )
      await db
        .updateTable("impact_area")
        .set((eb) => ({
          name: area.name,
          description: area.description,
          position,
          version: eb("version", "+", 1),
        }))
        .where("id", "=", row.id)
        .execute();
  }
  return ids;
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
  const byKey = new Map(stored.map((row) => [row.key, row]));
  const ids = new Map<string, number>();
  let position = 0;
  for (const area of next.impactAreas) {
    const impactAreaId = need(areaIds, area.key);
    for (const field of area.actionFields) {
      const values = {
        impact_area_id: impactAreaId,
        number: field.number,
        name: field.name,
        colour: field.colour,
        description: field.description,
        position: position++,
      };
      const row = byKey.get(field.key);
      if (row === undefined) {
        const { id } = await db
          .insertInto("action_field")
          .values({
            municipality_id: municipalityId,
            key: field.key,
            ...values,
          })
          .returning("id")
          .executeTakeFirstOrThrow();
        ids.set(field.key, id);
        continue;
      }
      ids.set(field.key, row.id);
      const current = {
        impact_area_id: row.impact_area_id,
        number: row.number,
        name: row.name,
        colour: row.colour,
        description: row.description,
        position: row.position,
      };
      if (!same(current, values))
        await db
          .updateTable("action_field")
          .set((eb) => ({ ...values, version: eb("version", "+", 1) }))
          .where("id", "=", row.id)
          .execute();
    }
  }
  return ids;
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
  const children =
    storedIds.length === 0
      ? null
      : {
          tags: inProject(
            await db
              .selectFrom("project_tag")
              .innerJoin("project", "project.id", "project_tag.project_id")
              .select(["project_tag.project_id", "project_tag.tag"])
              .where("project.municipality_id", "=", municipalityId)
              .orderBy("project_tag.position")
              .execute(),
          ),
          phases: inProject(
            await db
              .selectFrom("phase")
              .innerJoin("project", "project.id", "phase.project_id")
              .select([
                "phase.id",
                "phase.project_id",
                "phase.label",
                "phase.start_value",
                "phase.end_value",
                "phase.continuation",
                "phase.note",
              ])
              .where("project.municipality_id", "=", municipalityId)
              .orderBy("phase.position")
              .execute(),
          ),
          measures: inProject(
            await db
              .selectFrom("measure")
              .innerJoin("project", "project.id", "measure.project_id")
              .select([
                "measure.id",
                "measure.project_id",
                "measure.title",
                "measure.status",
                "measure.start_value",
                "measure.end_value",
                "measure.org_unit_id",
                "measure.description",
                "measure.phase_id",
              ])
              .where("project.municipality_id", "=", municipalityId)
              .orderBy("measure.position")
              .execute(),
          ),
          responsibilities: inProject(
            await db
              .selectFrom("responsibility")
              .innerJoin("project", "project.id", "responsibility.project_id")
              .select([
                "responsibility.project_id",
                "responsibility.org_unit_id",
                "responsibility.role",
                "responsibility.note",
              ])
              .where("project.municipality_id", "=", municipalityId)
              .orderBy("responsibility.position")
              .execute(),
          ),
          dependencies: inProject(
            await db
              .selectFrom("project_dependency")
              .innerJoin(
                "project",
                "project.id",
                "project_dependency.project_id",
              )
              .select([
                "project_dependency.project_id",
                "project_dependency.depends_on_id",
              ])
              .where("project.municipality_id", "=", municipalityId)
              .orderBy("project_dependency.position")
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
    const values = {
      impact_area_id: areaId,
      action_field_id: fieldId,
      code: project.code,
      title: project.title,
      summary: project.summary,
      status: project.status,
      position,
    };
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
      await insertChildren(db, id, project, ids.orgUnitIds);
      continue;
    }
    projectIds.set(project.slug, row.id);
    const current = {
      impact_area_id: row.impact_area_id,
      action_field_id: row.action_field_id,
      code: row.code,
      title: row.title,
      summary: row.summary,
      status: row.status,
      position: row.position,
    };
    let changed = !same(current, values);
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
    await db
      .deleteFrom("project_dependency")
      .where("project_id", "=", id)
      .execute();
    if (wanted.length > 0)
      await db
        .insertInto("project_dependency")
        .values(
          wanted.map((dependsOn, position) => ({
            project_id: id,
            depends_on_id: dependsOn,
            position,
          })),
        )
        .execute();
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

function phaseValues(phase: NewProject["phases"][number]) {
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

/** The phases of a project by label (the first of a label), as a measure names its phase. */
async function phaseIdsOf(
  db: Executor,
  projectId: number,
): Promise<ReadonlyMap<string, number>> {
  const phases = await db
    .selectFrom("phase")
    .select(["id", "label"])
    .where("project_id", "=", projectId)
    .orderBy("position")
    .execute();
  const ids = new Map<string, number>();
  for (const phase of phases)
    if (!ids.has(phase.label)) ids.set(phase.label, phase.id);
  return ids;
}

/** A measure's columns: title, status, period, unit, description and phase. */
function measureValues(
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
        : need(orgUnitIds, measure.orgUnitCode),
    description: measure.description ?? null,
    phase_id:
      measure.phaseLabel == null
        ? null
        : (phaseIds.get(measure.phaseLabel) ?? null),
  };
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
    await db
      .deleteFrom("project_tag")
      .where("project_id", "=", projectId)
      .execute();
    if (project.tags.length > 0)
      await db
        .insertInto("project_tag")
        .values(
          project.tags.map((tag, position) => ({
            project_id: projectId,
            tag,
            position,
          })),
        )
        .execute();
  }

  const phases = stored.phases.get(projectId) ?? [];
  for (const [position, phase] of project.phases.entries()) {
    const values = phaseValues(phase);
    const row = phases[position];
    if (row === undefined) {
      changed = true;
      await db
        .insertInto("phase")
        .values({ project_id: projectId, position, ...values })
        .execute();
      continue;
    }
    const current = {
      label: row.label,
      start_value: row.start_value,
      end_value: row.end_value,
      continuation: row.continuation,
      note: row.note,
    };
    const wanted = {
      label: values.label,
      start_value: values.start_value,
      end_value: values.end_value,
      continuation: values.continuation,
      note: values.note,
    };
    if (same(current, wanted)) continue;
    changed = true;
    await db
      .updateTable("phase")
      .set(values)
      .where("id", "=", row.id)
      .execute();
  }
  const surplusPhases = phases
    .slice(project.phases.length)
    .map((row) => row.id);
  if (surplusPhases.length > 0) {
    changed = true;
    await db.deleteFrom("phase").where("id", "in", surplusPhases).execute();
  }

  const measures = stored.measures.get(projectId) ?? [];
  const phaseIds =
    project.measures.length === 0 ? new Map() : await phaseIdsOf(db, projectId);
  for (const [position, measure] of project.measures.entries()) {
    const row = measures[position];
    const values = measureValues(measure, orgUnitIds, phaseIds);
    if (row === undefined) {
      changed = true;
      await db
        .insertInto("measure")
        .values({ project_id: projectId, position, ...values })
        .execute();
      continue;
    }
    const current = {
      title: row.title,
      status: row.status,
      start_value: row.start_value,
      end_value: row.end_value,
      org_unit_id: row.org_unit_id,
      description: row.description,
      phase_id: row.phase_id,
    };
    const wanted = {
      title: values.title,
      status: values.status,
      start_value: values.start_value,
      end_value: values.end_value,
      org_unit_id: values.org_unit_id,
      description: values.description,
      phase_id: values.phase_id,
    };
    if (same(current, wanted)) continue;
    changed = true;
    await db
      .updateTable("measure")
      .set(values)
      .where("id", "=", row.id)
      .execute();
  }
  const surplusMeasures = measures
    .slice(project.measures.length)
    .map((row) => row.id);
  if (surplusMeasures.length > 0) {
    changed = true;
    await db.deleteFrom("measure").where("id", "in", surplusMeasures).execute();
  }

  const responsibilities = (stored.responsibilities.get(projectId) ?? []).map(
    (row) => ({
      org_unit_id: row.org_unit_id,
      role: row.role,
      note: row.note,
    }),
  );
  const wanted = project.responsibilities.map((responsibility) => ({
    org_unit_id: need(orgUnitIds, responsibility.orgUnitCode),
    role: responsibility.role,
    note: responsibility.note,
  }));
  if (!same(responsibilities, wanted)) {
    changed = true;
    await db
      .deleteFrom("responsibility")
      .where("project_id", "=", projectId)
      .execute();
    if (wanted.length > 0)
      await db
        .insertInto("responsibility")
        .values(
          wanted.map((row, position) => ({
            project_id: projectId,
            position,
            ...row,
          })),
        )
        .execute();
  }
  return changed;
}

async function insertChildren(
  db: Executor,
  projectId: number,
  project: NewProject,
  orgUnitIds: ReadonlyMap<string, number>,
): Promise<void> {
  if (project.tags.length > 0)
    await db
      .insertInto("project_tag")
      .values(
        project.tags.map((tag, position) => ({
          project_id: projectId,
          tag,
          position,
        })),
      )
      .execute();
  if (project.phases.length > 0)
    await db
      .insertInto("phase")
      .values(
        project.phases.map((phase, position) => ({
          project_id: projectId,
          position,
          ...phaseValues(phase),
        })),
      )
      .execute();
  if (project.measures.length > 0) {
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
  if (project.responsibilities.length > 0)
    await db
      .insertInto("responsibility")
      .values(
        project.responsibilities.map((responsibility, position) => ({
          project_id: projectId,
          org_unit_id: need(orgUnitIds, responsibility.orgUnitCode),
          role: responsibility.role,
          note: responsibility.note,
          position,
        })),
      )
      .execute();
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
  for (const [position, priority] of wanted.entries()) {
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
    if (priority.projects.length > 0)
      await db
        .insertInto("priority_project")
        .values(
          priority.projects.map((projectId, index) => ({
            priority_id: id,
            project_id: projectId,
            position: index,
          })),
        )
        .execute();
  }
}

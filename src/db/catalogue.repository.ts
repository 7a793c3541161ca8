/**
 * Reading and writing a municipality's whole catalogue. Reading assembles the tree with
 * one query per table (no N+1); writing inserts a complete catalogue in catalogue order.
 */
import type {
  ActionField,
  Catalogue,
  ImpactArea,
  Measure,
  Municipality,
  OrgUnit,
  Phase,
  Programme,
  Project,
} from "../domain/catalogue/catalogue.js";
import { listStoredOrgUnits } from "./structure.repository.js";
import { groupBy } from "../domain/collections.js";
import {
  isDefaultLevels,
  storedLevelNames,
} from "../domain/catalogue/levels.js";
import {
  actionFieldValues,
  impactAreaValues,
  insertGoals,
  insertPriorities,
  insertProjectChildren,
  orgUnitValues,
  projectValues,
  requireId,
} from "./catalogue-rows.js";
import type { Executor } from "./database.js";
import { insertRows } from "./query.js";
import { goalsAndPriorities, programmeOf } from "./structure.repository.js";
import { toProject } from "./project.repository.js";

/** A catalogue to be written: the domain tree without database ids. */
export interface NewCatalogue {
  readonly programme: Programme;
  readonly orgUnits: readonly Omit<OrgUnit, "id">[];
  readonly impactAreas: readonly (Omit<ImpactArea, "id" | "actionFields"> & {
    readonly actionFields: readonly (Omit<ActionField, "id" | "projects"> & {
      readonly projects: readonly (Omit<
        Project,
        "id" | "version" | "phases" | "measures"
      > & {
        readonly phases: readonly Omit<Phase, "id">[];
        readonly measures: readonly Omit<Measure, "id">[];
      })[];
    })[];
  })[];
}

/** Loads the whole catalogue of a municipality; null when it has no programme yet. */
export async function loadCatalogue(
  db: Executor,
  municipality: Municipality,
): Promise<Catalogue | null> {
  const municipalityId = municipality.id;
  const [programme, projects] = await Promise.all([
    db
      .selectFrom("programme")
      .selectAll()
      .where("municipality_id", "=", municipalityId)
      .executeTakeFirst(),
    db
      .selectFrom("project")
      .selectAll()
      .where("municipality_id", "=", municipalityId)
      .orderBy("position")
      .execute(),
  ]);
  if (programme === undefined) return null;

  // The rows of the projects' children are found by the projects' ids, not by a subquery
  // over project: with a subquery PostgreSQL hash-joins the whole child table (every
  // municipality's rows), with the list it keeps to the index on project_id (ADR 0052).
  const projectIds = projects.map((project) => project.id);
  const ofProjects = async <Row>(
    query: (ids: readonly number[]) => Promise<Row[]>,
  ): Promise<Row[]> => (projectIds.length === 0 ? [] : query(projectIds));

  const [
    [goals, priorities],
    priorityProjects,
    orgUnits,
    impactAreas,
    actionFields,
    phases,
    measures,
    responsibilities,
    tags,
    dependencies,
  ] = await Promise.all([
    goalsAndPriorities(db, programme.id),
    ofProjects((ids) =>
      db
        .selectFrom("priority_project")
        .innerJoin("project", "project.id", "priority_project.project_id")
        .select(["priority_project.priority_id", "project.slug"])
        .where("priority_project.project_id", "in", ids)
        .orderBy("priority_project.priority_id")
        .orderBy("priority_project.position")
        .execute(),
    ),
    listStoredOrgUnits(db, municipalityId),
    db
      .selectFrom("impact_area")
      .selectAll()
      .where("municipality_id", "=", municipalityId)
      .orderBy("position")
      .execute(),
    db
      .selectFrom("action_field")
      .selectAll()
      .where("municipality_id", "=", municipalityId)
      .orderBy("position")
      .execute(),
    ofProjects((ids) =>
      db
        .selectFrom("phase")
        .selectAll()
        .where("project_id", "in", ids)
        .orderBy("project_id")
        .orderBy("position")
        .execute(),
    ),
    ofProjects((ids) =>
      db
        .selectFrom("measure")
        .selectAll()
        .where("project_id", "in", ids)
        .orderBy("project_id")
        .orderBy("position")
        .execute(),
    ),
    ofProjects((ids) =>
      db
        .selectFrom("responsibility")
        .innerJoin("org_unit", "org_unit.id", "responsibility.org_unit_id")
        .select([
          "responsibility.project_id",
          "responsibility.role",
          "responsibility.note",
          "org_unit.code",
        ])
        .where("responsibility.project_id", "in", ids)
        .orderBy("responsibility.project_id")
        .orderBy("responsibility.position")
        .execute(),
    ),
    ofProjects((ids) =>
      db
        .selectFrom("project_tag")
        .selectAll()
        .where("project_id", "in", ids)
        .orderBy("project_id")
        .orderBy("position")
        .execute(),
    ),
    ofProjects((ids) =>
      db
        .selectFrom("project_dependency")
        .innerJoin("project", "project.id", "project_dependency.depends_on_id")
        .select(["project_dependency.project_id", "project.slug"])
        .where("project_dependency.project_id", "in", ids)
        .orderBy("project_dependency.project_id")
        .orderBy("project_dependency.position")
        .execute(),
    ),
  ]);

  const projectsByPriority = groupBy(
    priorityProjects,
    (row) => row.priority_id,
  );
  const phasesByProject = groupBy(phases, (row) => row.project_id);
  const phaseLabels = new Map(phases.map((phase) => [phase.id, phase.label]));
  const unitCodes = new Map(orgUnits.map((unit) => [unit.id, unit.code]));
  const measuresByProject = groupBy(measures, (row) => row.project_id);
  const responsibilitiesByProject = groupBy(
    responsibilities,
    (row) => row.project_id,
  );
  const tagsByProject = groupBy(tags, (row) => row.project_id);
  const dependenciesByProject = groupBy(dependencies, (row) => row.project_id);
  const projectsByActionField = groupBy(projects, (row) => row.action_field_id);
  const actionFieldsByImpactArea = groupBy(
    actionFields,
    (row) => row.impact_area_id,
  );

  const projectOf = (row: (typeof projects)[number]): Project =>
    toProject(
      row,
      {
        tags: tagsByProject.get(row.id) ?? [],
        phases: phasesByProject.get(row.id) ?? [],
        measures: measuresByProject.get(row.id) ?? [],
        responsibilities: responsibilitiesByProject.get(row.id) ?? [],
        dependencies: dependenciesByProject.get(row.id) ?? [],
      },
      unitCodes,
      phaseLabels,
    );

  return {
    municipality,
    programme: programmeOf(programme, goals, priorities, (priorityId) =>
      (projectsByPriority.get(priorityId) ?? []).map((row) => row.slug),
    ),
    orgUnits: orgUnits.map((unit) => ({
      id: unit.id,
      code: unit.code,
      name: unit.name,
      kind: unit.kind,
      parentCode: unit.parentCode,
    })),
    impactAreas: impactAreas.map((area) => ({
      id: area.id,
      key: area.key,
      name: area.name,
      description: area.description,
      actionFields: (actionFieldsByImpactArea.get(area.id) ?? []).map(
        (field) => ({
          id: field.id,
          key: field.key,
          number: field.number,
          name: field.name,
          colour: field.colour,
          description: field.description,
          projects: (projectsByActionField.get(field.id) ?? []).map(projectOf),
        }),
      ),
    })),
  };
}

/**
 * Removes a municipality's whole catalogue (programme, org units, impact areas and all
 * below them) but keeps the municipality itself, its accounts and its audit log.
 */
export async function deleteCatalogue(
  db: Executor,
  municipalityId: number,
): Promise<void> {
  await db
    .deleteFrom("programme")
    .where("municipality_id", "=", municipalityId)
    .execute();
  await db
    .deleteFrom("impact_area")
    .where("municipality_id", "=", municipalityId)
    .execute();
  await db
    .deleteFrom("org_unit")
    .where("municipality_id", "=", municipalityId)
    .execute();
}

/** Writes a complete catalogue for a municipality that has none yet. */
export async function insertCatalogue(
  db: Executor,
  municipalityId: number,
  catalogue: NewCatalogue,
  now: string,
): Promise<void> {
  const { programme } = catalogue;
  const { id: programmeId } = await db
    .insertInto("programme")
    .values({
      municipality_id: municipalityId,
      title: programme.title,
      subtitle: programme.subtitle,
      horizon_start: programme.horizonStart,
      horizon_end: programme.horizonEnd,
      summary: programme.summary,
      level_names: isDefaultLevels({ ...programme.levels, flat: false })
        ? null
        : storedLevelNames(programme.levels),
      flat: programme.levels.flat ? 1 : 0,
      org_unit_kinds: JSON.stringify(programme.orgUnitKinds),
    })
    .returning("id")
    .executeTakeFirstOrThrow();

  await insertGoals(db, programmeId, programme.goals);

  // Org units first without parents, then parents by code, so that order in the file does not matter.
  const orgUnitIds = new Map<string, number>();
  for (const [position, unit] of catalogue.orgUnits.entries()) {
    const { id } = await db
      .insertInto("org_unit")
      .values({
        municipality_id: municipalityId,
        code: unit.code,
        parent_id: null,
        ...orgUnitValues(unit, position),
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    orgUnitIds.set(unit.code, id);
  }
  for (const unit of catalogue.orgUnits) {
    if (unit.parentCode === null) continue;
    await db
      .updateTable("org_unit")
      .set({ parent_id: requireId(orgUnitIds, unit.parentCode) })
      .where("id", "=", requireId(orgUnitIds, unit.code))
      .execute();
  }

  const projectIds = new Map<string, number>();
  const dependencies: { projectSlug: string; dependsOn: readonly string[] }[] =
    [];
  let actionFieldPosition = 0;
  let projectPosition = 0;
  for (const [areaPosition, area] of catalogue.impactAreas.entries()) {
    const { id: impactAreaId } = await db
      .insertInto("impact_area")
      .values({
        municipality_id: municipalityId,
        key: area.key,
        ...impactAreaValues(area, areaPosition),
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    for (const field of area.actionFields) {
      const { id: actionFieldId } = await db
        .insertInto("action_field")
        .values({
          municipality_id: municipalityId,
          key: field.key,
          ...actionFieldValues(field, impactAreaId, actionFieldPosition++),
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      for (const project of field.projects) {
        const { id: projectId } = await db
          .insertInto("project")
          .values({
            municipality_id: municipalityId,
            slug: project.slug,
            ...projectValues(
              project,
              impactAreaId,
              actionFieldId,
              projectPosition++,
            ),
            updated_at: now,
          })
          .returning("id")
          .executeTakeFirstOrThrow();
        projectIds.set(project.slug, projectId);
        dependencies.push({
          projectSlug: project.slug,
          dependsOn: project.dependsOn,
        });
        await insertProjectChildren(db, projectId, project, orgUnitIds);
      }
    }
  }

  const dependencyRows = dependencies.flatMap(({ projectSlug, dependsOn }) =>
    dependsOn.map((slug, position) => ({
      project_id: requireId(projectIds, projectSlug),
      depends_on_id: requireId(projectIds, slug),
      position,
    })),
  );
  await insertRows(db.insertInto("project_dependency"), dependencyRows);

  await insertPriorities(
    db,
    programmeId,
    programme.priorities.map((priority) => ({
      year: priority.year,
      title: priority.title,
      projects: priority.projectSlugs.map((slug) =>
        requireId(projectIds, slug),
      ),
    })),
  );
}

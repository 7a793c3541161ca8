/**
 * Domain catalogue → API JSON. Database ids stay inside; records refer to each other by
 * the same stable keys as the exchange format (org unit codes, project slugs).
 */
import type {
  Catalogue,
  Measure,
  Municipality,
  Phase,
  Project,
  ProjectInContext,
  Responsibility,
} from "../../domain/catalogue/catalogue.js";
import { formatPeriodGerman } from "../../domain/period/period.js";
import { formatPointInTime } from "../../domain/period/point-in-time.js";
import { formatMeasurePeriodGerman } from "../../domain/catalogue/measure-period.js";
import type {
  CatalogueDto,
  MeasureDto,
  MunicipalityDto,
  PhaseDto,
  ProjectDetailDto,
  ProjectDto,
  ProjectReferenceDto,
  ResponsibilityDto,
} from "./catalogue.schema.js";

/** A municipality with links to its catalogue and portal. */
export function presentMunicipality(
  municipality: Municipality,
): MunicipalityDto {
  return {
    slug: municipality.slug,
    name: municipality.name,
    state: municipality.state,
    website: municipality.website,
    dataVersion: municipality.dataVersion,
    links: {
      catalogue: `/api/v1/municipalities/${encodeURIComponent(municipality.slug)}/catalogue`,
      portal: `/${encodeURIComponent(municipality.slug)}/`,
    },
  };
}

/** A phase with canonical points and their precision. */
export function presentPhase(phase: Phase): PhaseDto {
  return {
    id: phase.id,
    label: phase.label,
    start: formatPointInTime(phase.start),
    startPrecision: phase.start.precision,
    end: phase.end === null ? null : formatPointInTime(phase.end),
    endPrecision: phase.end === null ? null : phase.end.precision,
    continuation: phase.continuation,
    note: phase.note,
    period: formatPeriodGerman(phase),
  };
}

/** A project with phases, measures, responsibilities and dependencies. */
export function presentProject(project: Project): ProjectDto {
  return {
    slug: project.slug,
    code: project.code,
    title: project.title,
    summary: project.summary,
    status: project.status,
    tags: [...project.tags],
    phases: project.phases.map(presentPhase),
    measures: project.measures.map(presentMeasure),
    responsibilities: project.responsibilities.map(presentResponsibility),
    dependsOn: [...project.dependsOn],
    version: project.version,
  };
}

/** A measure with the id that addresses it. */
export function presentMeasure(measure: Measure): MeasureDto {
  return {
    id: measure.id,
    title: measure.title,
    status: measure.status,
    start: measure.start == null ? null : formatPointInTime(measure.start),
    end: measure.end == null ? null : formatPointInTime(measure.end),
    period: formatMeasurePeriodGerman(measure),
    orgUnit: measure.orgUnitCode ?? null,
    description: measure.description ?? null,
    phase: measure.phaseLabel ?? null,
  };
}

/** A responsibility, keyed by the org unit's code. */
export function presentResponsibility(
  responsibility: Responsibility,
): ResponsibilityDto {
  return {
    orgUnit: responsibility.orgUnitCode,
    role: responsibility.role,
    note: responsibility.note,
  };
}

/** A reference to a project: slug, code and title. */
export function presentProjectReference(
  other: ProjectInContext,
): ProjectReferenceDto {
  return {
    slug: other.project.slug,
    code: other.project.code,
    title: other.project.title,
  };
}

/** The whole catalogue tree. */
export function presentCatalogue(catalogue: Catalogue): CatalogueDto {
  const { programme } = catalogue;
  return {
    municipality: presentMunicipality(catalogue.municipality),
    programme: {
      title: programme.title,
      subtitle: programme.subtitle,
      horizonStart: programme.horizonStart,
      horizonEnd: programme.horizonEnd,
      summary: programme.summary,
      goals: programme.goals.map((goal) => ({
        title: goal.title,
        description: goal.description,
      })),
      priorities: programme.priorities.map((priority) => ({
        year: priority.year,
        title: priority.title,
        projects: [...priority.projectSlugs],
      })),
    },
    orgUnits: catalogue.orgUnits.map((unit) => ({
      code: unit.code,
      name: unit.name,
      kind: unit.kind,
      parent: unit.parentCode,
    })),
    impactAreas: catalogue.impactAreas.map((area) => ({
      key: area.key,
      name: area.name,
      description: area.description,
      actionFields: area.actionFields.map((field) => ({
        key: field.key,
        number: field.number,
        name: field.name,
        colour: field.colour,
        description: field.description,
        projects: field.projects.map(presentProject),
      })),
    })),
  };
}

/** One project with its place in the catalogue and its dependencies in both directions. */
export function presentProjectDetail(
  catalogue: Catalogue,
  entry: ProjectInContext,
  prerequisites: readonly ProjectInContext[],
  dependents: readonly ProjectInContext[],
): ProjectDetailDto {
  return {
    municipality: {
      slug: catalogue.municipality.slug,
      name: catalogue.municipality.name,
      dataVersion: catalogue.municipality.dataVersion,
    },
    impactArea: { key: entry.impactArea.key, name: entry.impactArea.name },
    actionField: {
      key: entry.actionField.key,
      number: entry.actionField.number,
      name: entry.actionField.name,
      colour: entry.actionField.colour,
    },
    project: presentProject(entry.project),
    dependsOn: prerequisites.map(presentProjectReference),
    dependents: dependents.map(presentProjectReference),
  };
}

/**
 * The catalogue of measures (Maßnahmenkatalog) as plain, read-only data: what the
 * repositories assemble and what views, the API and exports receive.
 */
import type { Continuation } from "../period/period.js";
import type { CatalogueLevels, OrgUnitKindEntry } from "./levels.js";
import type { PointInTime } from "../period/point-in-time.js";

/** Status of a project in the catalogue. */
export type ProjectStatus =
  "planned" | "in_progress" | "ongoing" | "completed" | "paused";

/** All project statuses, in the order the UI lists them. */
export const PROJECT_STATUSES: readonly ProjectStatus[] = [
  "planned",
  "in_progress",
  "ongoing",
  "completed",
  "paused",
];

/** Status of an individual measure (Einzelmaßnahme). */
export type MeasureStatus = "planned" | "in_progress" | "done" | "dropped";

/** All measure statuses, in the order the UI lists them. */
export const MEASURE_STATUSES: readonly MeasureStatus[] = [
  "planned",
  "in_progress",
  "done",
  "dropped",
];

/**
 * Kind of an organisational unit: a key of the municipality's list of kinds
 * (`Programme.orgUnitKinds`); the first four are the kinds every list starts with.
 */
export type OrgUnitKind = string;

/** The kinds every municipality starts with. */
export const ORG_UNIT_KINDS: readonly OrgUnitKind[] = [
  "department",
  "division",
  "external",
  "other",
];

/** Whether a unit leads (Koordination) a project or contributes to it. */
export type ResponsibilityRole = "lead" | "contributing";

/** All responsibility roles. */
export const RESPONSIBILITY_ROLES: readonly ResponsibilityRole[] = [
  "lead",
  "contributing",
];

/** The tenant: one city, district or municipality. */
export interface Municipality {
  readonly id: number;
  readonly slug: string;
  readonly name: string;
  readonly state: string | null;
  readonly website: string | null;
  /** Increases with every change of the municipality's data; drives ETags and caches. */
  readonly dataVersion: number;
}

/** A goal or vision statement of the programme (Leitbild, Ziel). */
export interface Goal {
  readonly title: string;
  readonly description: string | null;
}

/** A priority of one year, optionally naming the projects it concerns. */
export interface Priority {
  readonly year: number;
  readonly title: string;
  readonly projectSlugs: readonly string[];
}

/** The programme (Maßnahmenkatalog) of a municipality. */
export interface Programme {
  readonly title: string;
  readonly subtitle: string | null;
  readonly horizonStart: number;
  readonly horizonEnd: number;
  readonly summary: string | null;
  readonly goals: readonly Goal[];
  readonly priorities: readonly Priority[];
  /** The names of the levels and whether the top level is switched off (flat). */
  readonly levels: CatalogueLevels;
  /** The kinds of organisational units the municipality keeps, in order. */
  readonly orgUnitKinds: readonly OrgUnitKindEntry[];
}

/** A department, division or external partner (Fachbereich, Abteilung, Partner). */
export interface OrgUnit {
  readonly id: number;
  readonly code: string;
  readonly name: string;
  readonly kind: OrgUnitKind;
  readonly parentCode: string | null;
}

/** A phase of a project on the timeline (Erstellung, Umsetzung, …). */
export interface Phase {
  readonly id: number;
  readonly label: string;
  readonly start: PointInTime;
  readonly end: PointInTime | null;
  readonly continuation: Continuation | null;
  readonly note: string | null;
}

/** An individual measure (Einzelmaßnahme). */
export interface Measure {
  readonly id: number;
  readonly title: string;
  readonly status: MeasureStatus;
  /** When it starts, with its precision (a budget year is "2025" to "2025"); absent or null if open. */
  readonly start?: PointInTime | null;
  /** When it ends; absent or null if open. */
  readonly end?: PointInTime | null;
  /** The code of the responsible org unit; absent or null when none is named. */
  readonly orgUnitCode?: string | null;
  /** A short description; absent or null. */
  readonly description?: string | null;
  /** The label of the project's phase the measure belongs to; absent or null. */
  readonly phaseLabel?: string | null;
}

/** A unit's responsibility for a project. */
export interface Responsibility {
  readonly orgUnitCode: string;
  readonly role: ResponsibilityRole;
  readonly note: string | null;
}

/** A digitalisation project (Digitalisierungsprojekt). */
export interface Project {
  readonly id: number;
  readonly slug: string;
  readonly code: string;
  readonly title: string;
  readonly summary: string;
  readonly status: ProjectStatus;
  readonly tags: readonly string[];
  readonly phases: readonly Phase[];
  readonly measures: readonly Measure[];
  readonly responsibilities: readonly Responsibility[];
  /** Slugs of the projects this one needs. */
  readonly dependsOn: readonly string[];
  readonly version: number;
}

/** An action field (Aktionsfeld) with its colour and projects. */
export interface ActionField {
  readonly id: number;
  readonly key: string;
  readonly number: number;
  readonly name: string;
  readonly colour: string;
  readonly description: string | null;
  readonly projects: readonly Project[];
}

/** An impact area (Wirkungsbereich) with its action fields. */
export interface ImpactArea {
  readonly id: number;
  readonly key: string;
  readonly name: string;
  readonly description: string | null;
  readonly actionFields: readonly ActionField[];
}

/** The whole catalogue of one municipality. */
export interface Catalogue {
  readonly municipality: Municipality;
  readonly programme: Programme;
  readonly orgUnits: readonly OrgUnit[];
  readonly impactAreas: readonly ImpactArea[];
}

/** A project together with where it sits in the catalogue. */
export interface ProjectInContext {
  readonly project: Project;
  readonly impactArea: ImpactArea;
  readonly actionField: ActionField;
}

/** Every project of a catalogue with its impact area and action field, in catalogue order. */
export function listProjects(
  catalogue: Catalogue,
): readonly ProjectInContext[] {
  return catalogue.impactAreas.flatMap((impactArea) =>
    impactArea.actionFields.flatMap((actionField) =>
      actionField.projects.map((project) => ({
        project,
        impactArea,
        actionField,
      })),
    ),
  );
}

/**
 * The impact areas a reader sees: none in a flat programme (its one structural area is
 * never shown), all otherwise. Views iterate action fields through `visibleActionFields`.
 */
export function visibleImpactAreas(
  catalogue: Catalogue,
): readonly ImpactArea[] {
  return catalogue.programme.levels.flat ? [] : catalogue.impactAreas;
}

/** All action fields of a catalogue in order, across impact areas. */
export function allActionFields(catalogue: Catalogue): readonly ActionField[] {
  return catalogue.impactAreas.flatMap((area) => area.actionFields);
}

/** Finds a project by its slug. */
export function findProject(
  catalogue: Catalogue,
  slug: string,
): ProjectInContext | null {
  return (
    listProjects(catalogue).find((entry) => entry.project.slug === slug) ?? null
  );
}

/** The projects that need the given one (Voraussetzung für …), in catalogue order. */
export function dependentsOfProject(
  catalogue: Catalogue,
  slug: string,
): readonly ProjectInContext[] {
  return listProjects(catalogue).filter((entry) =>
    entry.project.dependsOn.includes(slug),
  );
}

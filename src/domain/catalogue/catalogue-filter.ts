/**
 * Narrowing a catalogue to the projects a reader asked for (timeline filters): by action
 * field, by responsible org unit and by status. Pure: the same catalogue and filter give
 * the same result, and the input is never changed.
 */
import { PROJECT_STATUSES } from "./catalogue.js";
import type {
  ActionField,
  Catalogue,
  ImpactArea,
  OrgUnit,
  Project,
  ProjectStatus,
} from "./catalogue.js";

/** Which projects to keep; null means "any". */
export interface CatalogueFilter {
  readonly actionFieldKey: string | null;
  /** Projects for which this unit or one of its sub-units is responsible. */
  readonly orgUnitCode: string | null;
  readonly status: ProjectStatus | null;
}

/** The filter that keeps everything. */
export const NO_FILTER: CatalogueFilter = {
  actionFieldKey: null,
  orgUnitCode: null,
  status: null,
};

/** The raw values a reader sent (e.g. from a query string); empty or missing means "any". */
export interface CatalogueFilterInput {
  readonly actionField?: string | undefined;
  readonly orgUnit?: string | undefined;
  readonly status?: string | undefined;
}

/** A value that names nothing in the catalogue. */
export interface CatalogueFilterProblem {
  readonly field: "actionField" | "orgUnit" | "status";
  readonly value: string;
}

/** The checked filter, or what was wrong with the input. */
export type CatalogueFilterResult =
  | { readonly ok: true; readonly filter: CatalogueFilter }
  | {
      readonly ok: false;
      readonly problems: readonly CatalogueFilterProblem[];
    };

/** Checks raw filter values against the catalogue: each must name an existing field, unit or status. */
export function parseCatalogueFilter(
  catalogue: Catalogue,
  input: CatalogueFilterInput,
): CatalogueFilterResult {
  const problems: CatalogueFilterProblem[] = [];
  const actionField = emptyToNull(input.actionField);
  const orgUnit = emptyToNull(input.orgUnit);
  const status = emptyToNull(input.status);

  const actionFieldKeys = catalogue.impactAreas.flatMap((area) =>
    area.actionFields.map((field) => field.key),
  );
  if (actionField !== null && !actionFieldKeys.includes(actionField)) {
    problems.push({ field: "actionField", value: actionField });
  }
  if (
    orgUnit !== null &&
    !catalogue.orgUnits.some((unit) => unit.code === orgUnit)
  ) {
    problems.push({ field: "orgUnit", value: orgUnit });
  }
  if (status !== null && !isProjectStatus(status)) {
    problems.push({ field: "status", value: status });
  }
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    filter: {
      actionFieldKey: actionField,
      orgUnitCode: orgUnit,
      status: status as ProjectStatus | null,
    },
  };
}

/** Whether the filter narrows anything. */
export function isFilterActive(filter: CatalogueFilter): boolean {
  return (
    filter.actionFieldKey !== null ||
    filter.orgUnitCode !== null ||
    filter.status !== null
  );
}

/**
 * The catalogue with only the matching projects; action fields and impact areas left
 * without projects are dropped, org units and programme stay as they are.
 */
export function filterCatalogue(
  catalogue: Catalogue,
  filter: CatalogueFilter,
): Catalogue {
  if (!isFilterActive(filter)) return catalogue;
  const units =
    filter.orgUnitCode === null
      ? null
      : unitWithDescendants(catalogue.orgUnits, filter.orgUnitCode);
  const matches = (project: Project): boolean =>
    (filter.status === null || project.status === filter.status) &&
    (units === null ||
      project.responsibilities.some((responsibility) =>
        units.has(responsibility.orgUnitCode),
      ));

  const impactAreas: ImpactArea[] = [];
  for (const area of catalogue.impactAreas) {
    const actionFields: ActionField[] = [];
    for (const field of area.actionFields) {
      if (filter.actionFieldKey !== null && field.key !== filter.actionFieldKey)
        continue;
      const projects = field.projects.filter(matches);
      if (projects.length > 0) actionFields.push({ ...field, projects });
    }
    if (actionFields.length > 0) impactAreas.push({ ...area, actionFields });
  }
  return { ...catalogue, impactAreas };
}

/** The code of a unit and of every unit below it (a Fachbereich answers for its Abteilungen). */
export function unitWithDescendants(
  orgUnits: readonly OrgUnit[],
  code: string,
): ReadonlySet<string> {
  const result = new Set<string>([code]);
  // Repeat until nothing is added: the hierarchy is shallow, and this needs no parent index.
  let grew = true;
  while (grew) {
    grew = false;
    for (const unit of orgUnits) {
      if (
        unit.parentCode !== null &&
        result.has(unit.parentCode) &&
        !result.has(unit.code)
      ) {
        result.add(unit.code);
        grew = true;
      }
    }
  }
  return result;
}

function isProjectStatus(value: string): value is ProjectStatus {
  return (PROJECT_STATUSES as readonly string[]).includes(value);
}

function emptyToNull(value: string | undefined): string | null {
  return value === undefined || value === "" ? null : value;
}

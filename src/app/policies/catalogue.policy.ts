/**
 * Who may read and change what in a municipality's catalogue. Pure predicates, one
 * place per entity: routes and use cases ask here and nowhere else.
 */
import {
  isAdministratorOf,
  isMemberOf,
  isStaffOf,
  type MunicipalityRule,
  type Principal,
} from "../../domain/access/principal.js";

/** What a policy needs to know about a project: where it belongs and who is responsible. */
export interface ProjectScope {
  readonly municipalityId: number;
  /** Codes of the org units with a responsibility (lead or contributing) for the project. */
  readonly responsibleOrgUnitCodes: readonly string[];
}

/** A rule about what a principal may do with one project. */
export type ProjectRule = (
  principal: Principal,
  project: ProjectScope,
) => boolean;

/** Reading what is not public (the draft, staff pages): every role of the municipality. */
export const canReadInternal: MunicipalityRule = isMemberOf;

/** The programme frame, impact areas, action fields and org units: administrators only. */
export const canEditStructure: MunicipalityRule = isAdministratorOf;

/** Creating or deleting a project: administrators only. */
export const canCreateProject: MunicipalityRule = canEditStructure;

/**
 * Changing a project and everything in it (phases, measures, responsibilities,
 * dependencies): administrators, and editors for whose org units the project is a
 * responsibility, lead or contributing.
 */
export function canEditProject(
  principal: Principal,
  project: ProjectScope,
): boolean {
  if (!isMemberOf(principal, project.municipalityId)) return false;
  if (principal.role === "admin") return true;
  return (
    principal.role === "editor" &&
    project.responsibleOrgUnitCodes.some((code) =>
      principal.orgUnitCodes.includes(code),
    )
  );
}

/** Opening the editor area at all: administrators and editors. */
export const canUseEditor: MunicipalityRule = isStaffOf;

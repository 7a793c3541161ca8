/**
 * Who may do what with status reports, key figures and the OZG register. Pure predicates,
 * like the catalogue's: the use cases ask here and nowhere else.
 */
import {
  isAdministratorOf,
  isMemberOf,
  isStaffOf,
  type MunicipalityRule,
  type Principal,
} from "../../domain/access/principal.js";
import {
  canEditProject,
  type ProjectRule,
  type ProjectScope,
} from "./catalogue.policy.js";

/**
 * Committees, meetings, reports (creating, settings, publishing, reminders), key figure
 * definitions and the OZG register: administrators (the digitalisation team).
 */
export const canManageReporting: MunicipalityRule = isAdministratorOf;

/**
 * Reading draft reports: every role of the municipality. Committee members read drafts
 * before the meeting (docs/architecture.md: the committee "reads drafts and reports"); the public never does.
 */
export const canReadReportDrafts: MunicipalityRule = isMemberOf;

/** A project's entry in a draft: whoever may edit the project (its owners), and administrators. */
export const canUpdateReportEntry: ProjectRule = canEditProject;

/**
 * Recording a value of a key figure: administrators, and editors whose org units are
 * responsible for the project the figure belongs to. A figure of no project is the team's.
 */
export function canRecordObservation(
  principal: Principal,
  municipalityId: number,
  project: ProjectScope | null,
): boolean {
  if (canManageReporting(principal, municipalityId)) return true;
  return (
    project !== null &&
    project.municipalityId === municipalityId &&
    canEditProject(principal, project)
  );
}

/** Reading the register, figures and reports in the editor: administrators and editors. */
export const canReadReporting: MunicipalityRule = isStaffOf;

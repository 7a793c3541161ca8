/** Who may read the draft, give reasons for its shifts and publish it as an edition. Pure predicates. */
import {
  isAdministratorOf,
  isMemberOf,
  type Principal,
} from "../../domain/access/principal.js";
import { canEditProject, type ProjectScope } from "./catalogue.policy.js";

/** The draft and its change report: every role of the municipality (committee members read drafts too). */
export function canReadDraft(
  principal: Principal,
  municipalityId: number,
): boolean {
  return isMemberOf(principal, municipalityId);
}

/**
 * The reason for a shift of a project: whoever may change the project (administrators,
 * and editors of a unit responsible for it), since they know why its plan moved.
 */
export function canGiveReason(
  principal: Principal,
  project: ProjectScope,
): boolean {
  return canEditProject(principal, project);
}

/** Publishing the draft as an edition, its foreword, and the list of reason categories: administrators. */
export function canPublishEdition(
  principal: Principal,
  municipalityId: number,
): boolean {
  return isAdministratorOf(principal, municipalityId);
}

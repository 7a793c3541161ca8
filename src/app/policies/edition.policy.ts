/** Who may read the draft, give reasons for its shifts and publish it as an edition. Pure predicates. */
import {
  isAdministratorOf,
  isMemberOf,
  type MunicipalityRule,
} from "../../domain/access/principal.js";
import { canEditProject, type ProjectRule } from "./catalogue.policy.js";

/** The draft and its change report: every role of the municipality (committee members read drafts too). */
export const canReadDraft: MunicipalityRule = isMemberOf;

/**
 * The reason for a shift of a project: whoever may change the project (administrators,
 * and editors of a unit responsible for it), since they know why its plan moved.
 */
export const canGiveReason: ProjectRule = canEditProject;

/** Publishing the draft as an edition, its foreword, and the list of reason categories: administrators. */
export const canPublishEdition: MunicipalityRule = isAdministratorOf;

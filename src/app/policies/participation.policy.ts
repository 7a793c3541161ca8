/**
 * Who may do what with ideas, feedback and barrier reports (ADR 0023). Built on the
 * catalogue's predicates: the roles stay those of the municipality.
 */
import type { MunicipalityRule } from "../../domain/access/principal.js";
import {
  canEditStructure,
  canReadInternal,
  canUseEditor,
} from "./catalogue.policy.js";

/** Submitting while the form is for staff only: every person of the municipality. */
export const canSubmitAsStaff: MunicipalityRule = canReadInternal;

/** Reading the queue with unpublished items: administrators and editors. */
export const canReadParticipationQueue: MunicipalityRule = canUseEditor;

/** Publishing, deciding, assigning, and the settings: administrators. */
export const canModerateParticipation: MunicipalityRule = canEditStructure;

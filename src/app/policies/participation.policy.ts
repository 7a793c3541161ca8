/**
 * Who may do what with ideas, feedback and barrier reports (ADR 0023). Built on the
 * catalogue's predicates: the roles stay those of the municipality.
 */
import type { Principal } from "../../domain/access/principal.js";
import {
  canEditStructure,
  canReadInternal,
  canUseEditor,
} from "./catalogue.policy.js";

/** Submitting while the form is for staff only: every person of the municipality. */
export function canSubmitAsStaff(
  principal: Principal,
  municipalityId: number,
): boolean {
  return canReadInternal(principal, municipalityId);
}

/** Reading the queue with unpublished items: administrators and editors. */
export function canReadParticipationQueue(
  principal: Principal,
  municipalityId: number,
): boolean {
  return canUseEditor(principal, municipalityId);
}

/** Publishing, deciding, assigning, and the settings: administrators. */
export function canModerateParticipation(
  principal: Principal,
  municipalityId: number,
): boolean {
  return canEditStructure(principal, municipalityId);
}

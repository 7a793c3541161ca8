/** Who may read the audit log. Pure predicates. */
import { isStaffOf, type Principal } from "../../domain/access/principal.js";

/**
 * The audit log (Verlauf) of a municipality: administrators and editors. Committee
 * readers see the catalogue and reports, not who typed what.
 */
export function canReadAudit(
  principal: Principal,
  municipalityId: number,
): boolean {
  return isStaffOf(principal, municipalityId);
}

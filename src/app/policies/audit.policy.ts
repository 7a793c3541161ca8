/** Who may read the audit log. Pure predicates. */
import {
  isStaffOf,
  type MunicipalityRule,
} from "../../domain/access/principal.js";

/**
 * The audit log (Verlauf) of a municipality: administrators and editors. Committee
 * readers see the catalogue and reports, not who typed what.
 */
export const canReadAudit: MunicipalityRule = isStaffOf;

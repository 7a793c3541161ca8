/**
 * The guard of the operators' pages (/betrieb/…, route policy "operator"): only an
 * operator whose session completed the second factor gets in. The public hears 401,
 * people who are no operators 403 (ERR_FORBIDDEN), an operator without a completed
 * second factor — an API token, a second factor not yet set up — 403 with
 * ERR_OPERATOR_SECOND_FACTOR and a German explanation. The use cases check again
 * (app/operations/operators.ts), so no path around the guard reaches the data.
 */
import {
  assertOperator,
  isVerifiedOperator,
} from "../../app/operations/operators.js";
import type { Principal } from "../../domain/access/principal.js";

/** The path prefix of the operators' pages. */
export const OPERATIONS_PREFIX = "/betrieb";

/** Whether a principal may open the operators' pages. */
export function isOperatorAllowed(principal: Principal): boolean {
  return isVerifiedOperator(principal);
}

/** Throws the refusal a principal who may not open the operators' pages gets. */
export function guardOperator(principal: Principal): void {
  assertOperator(principal);
}

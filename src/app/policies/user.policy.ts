/** Who may manage accounts. Pure predicates. */
import {
  isAdministratorOf,
  type MunicipalityRule,
  type Principal,
} from "../../domain/access/principal.js";

/** Creating, changing and deactivating accounts of a municipality: administrators only. */
export const canManageUsers: MunicipalityRule = isAdministratorOf;

/** Managing one's own second factor, password and API tokens: the person themself. */
export function canManageOwnAccount(
  principal: Principal,
  userId: number,
): boolean {
  return principal.kind === "user" && principal.userId === userId;
}

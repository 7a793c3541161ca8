/** Who may manage accounts. Pure predicates. */
import {
  isAdministratorOf,
  type Principal,
} from "../../domain/access/principal.js";

/** Creating, changing and deactivating accounts of a municipality: administrators only. */
export function canManageUsers(
  principal: Principal,
  municipalityId: number,
): boolean {
  return isAdministratorOf(principal, municipalityId);
}

/** Managing one's own second factor, password and API tokens: the person themself. */
export function canManageOwnAccount(
  principal: Principal,
  userId: number,
): boolean {
  return principal.kind === "user" && principal.userId === userId;
}

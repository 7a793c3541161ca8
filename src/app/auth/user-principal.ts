/** From a stored account to the principal that policies decide on. */
import type { UserRecord } from "../../db/user.repository.js";
import {
  ROLES,
  type AuthenticationMethod,
  type Role,
  type UserPrincipal,
} from "../../domain/access/principal.js";

/** Whether a text is one of the roles. */
export function isRole(value: unknown): value is Role {
  return (
    typeof value === "string" && (ROLES as readonly string[]).includes(value)
  );
}

/** The principal of an account; an unknown role in the database grants nothing beyond reading. */
export function toUserPrincipal(
  user: UserRecord,
  via: AuthenticationMethod,
): UserPrincipal {
  return {
    kind: "user",
    userId: user.id,
    municipalityId: user.municipalityId,
    role: isRole(user.role) ? user.role : "committee",
    orgUnitCodes: user.orgUnitCodes,
    name: user.name,
    email: user.email,
    via,
  };
}

/** Addresses are compared and stored in lower case: the same address in another case is the same person. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

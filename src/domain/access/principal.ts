/**
 * Who is asking: an anonymous reader of the portal, or a signed-in person with a role in
 * one municipality. A person may be a member of several municipalities; the principal of
 * a request carries the membership in the municipality the request is for (its URL), so
 * policies (src/app/policies/) decide on this alone.
 */

/** The roles of a signed-in person. */
export type Role = "admin" | "editor" | "committee";

/** All roles, most powerful first. */
export const ROLES: readonly Role[] = ["admin", "editor", "committee"];

/** How the person proved who they are. */
export type AuthenticationMethod = "session" | "token";

/** A municipality a person is an active member of, for switching between them. */
export interface MembershipSummary {
  readonly municipalityId: number;
  readonly municipalitySlug: string;
  readonly municipalityName: string;
  readonly role: Role;
}

/** A signed-in person. */
export interface UserPrincipal {
  readonly kind: "user";
  readonly userId: number;
  /**
   * The municipality of the membership that applies: the one the request is for when the
   * person is an active member there, otherwise their first active membership; null when
   * they have none (an operator of the instance).
   */
  readonly municipalityId: number | null;
  /** The role of that membership ("committee", reading only, when there is none). */
  readonly role: Role;
  /** Codes of the org units the person acts for (an editor may change their projects). */
  readonly orgUnitCodes: readonly string[];
  readonly name: string;
  readonly email: string;
  readonly via: AuthenticationMethod;
  /** The person's active memberships (the account bar lets them switch); absent means only the one above. */
  readonly memberships?: readonly MembershipSummary[];
  /**
   * Set for an operator of the instance (Betrieb): "verified" when the request comes
   * from a session whose second factor was completed, "unverified" otherwise (an API
   * token, a second factor not yet set up). Being an operator grants nothing inside a
   * municipality.
   */
  readonly operator?: "verified" | "unverified";
}

/** The anonymous public. */
export interface AnonymousPrincipal {
  readonly kind: "anonymous";
}

/** Whoever makes a request. */
export type Principal = UserPrincipal | AnonymousPrincipal;

/** The anonymous public. */
export const ANONYMOUS: AnonymousPrincipal = { kind: "anonymous" };

/** A rule about what a principal may do in one municipality: the common form of the policies. */
export type MunicipalityRule = (
  principal: Principal,
  municipalityId: number,
) => boolean;

/** Whether the principal is a signed-in person of the given municipality. */
export function isMemberOf(
  principal: Principal,
  municipalityId: number,
): principal is UserPrincipal {
  return (
    principal.kind === "user" &&
    principal.municipalityId !== null &&
    principal.municipalityId === municipalityId
  );
}

/** Whether the principal is an administrator of the given municipality. */
export function isAdministratorOf(
  principal: Principal,
  municipalityId: number,
): principal is UserPrincipal {
  return isMemberOf(principal, municipalityId) && principal.role === "admin";
}

/** Whether the principal works on the municipality's data: an administrator or an editor (not a committee reader). */
export function isStaffOf(
  principal: Principal,
  municipalityId: number,
): principal is UserPrincipal {
  return (
    isMemberOf(principal, municipalityId) &&
    (principal.role === "admin" || principal.role === "editor")
  );
}

/** How a principal is named in the audit log. */
export function actorLabel(principal: Principal): string {
  return principal.kind === "user"
    ? `${principal.name} <${principal.email}>`
    : PUBLIC_ACTOR_LABEL;
}

/** How the public is named where an action of it is recorded (the audit log). */
export const PUBLIC_ACTOR_LABEL = "Öffentlichkeit";

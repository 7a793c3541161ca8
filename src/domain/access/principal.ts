/**
 * Who is asking: an anonymous reader of the portal, or a signed-in person with a role in
 * one municipality. Policies (src/app/policies/) decide on this alone.
 */

/** The roles of a signed-in person. */
export type Role = "admin" | "editor" | "committee";

/** All roles, most powerful first. */
export const ROLES: readonly Role[] = ["admin", "editor", "committee"];

/** How the person proved who they are. */
export type AuthenticationMethod = "session" | "token";

/** A signed-in person. */
export interface UserPrincipal {
  readonly kind: "user";
  readonly userId: number;
  readonly municipalityId: number;
  readonly role: Role;
  /** Codes of the org units the person acts for (an editor may change their projects). */
  readonly orgUnitCodes: readonly string[];
  readonly name: string;
  readonly email: string;
  readonly via: AuthenticationMethod;
}

/** The anonymous public. */
export interface AnonymousPrincipal {
  readonly kind: "anonymous";
}

/** Whoever makes a request. */
export type Principal = UserPrincipal | AnonymousPrincipal;

/** The anonymous public. */
export const ANONYMOUS: AnonymousPrincipal = { kind: "anonymous" };

/** Whether the principal is a signed-in person of the given municipality. */
export function isMemberOf(
  principal: Principal,
  municipalityId: number,
): principal is UserPrincipal {
  return (
    principal.kind === "user" && principal.municipalityId === municipalityId
  );
}

/** How a principal is named in the audit log. */
export function actorLabel(principal: Principal): string {
  return principal.kind === "user"
    ? `${principal.name} <${principal.email}>`
    : "Öffentlichkeit";
}

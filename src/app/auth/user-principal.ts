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

function roleOf(value: string): Role {
  return isRole(value) ? value : "committee";
}

/**
 * The principal of an account for a request to one municipality: the person's active
 * membership there, otherwise their first active one (which grants nothing in the
 * municipality asked for), otherwise none. `allowed` limits the memberships that count
 * (an API token's municipalities). An unknown role in the database grants nothing beyond reading.
 */
export function toUserPrincipal(
  user: UserRecord,
  via: AuthenticationMethod,
  options: {
    readonly municipalityId?: number | null;
    /** The municipality by its slug (from the request's URL), instead of its id. */
    readonly municipalitySlug?: string | null;
    readonly allowed?: readonly number[];
  } = {},
): UserPrincipal {
  const allowed = options.allowed;
  const active = user.isActive
    ? user.memberships.filter(
        (m) =>
          m.isActive &&
          (allowed === undefined || allowed.includes(m.municipalityId)),
      )
    : [];
  const wanted = options.municipalityId ?? null;
  const wantedSlug = options.municipalitySlug ?? null;
  const membership =
    active.find(
      (m) =>
        (wanted !== null && m.municipalityId === wanted) ||
        (wantedSlug !== null && m.municipalitySlug === wantedSlug),
    ) ?? active[0];
  return {
    kind: "user",
    userId: user.id,
    municipalityId: membership?.municipalityId ?? null,
    role: membership === undefined ? "committee" : roleOf(membership.role),
    orgUnitCodes: membership?.orgUnitCodes ?? [],
    name: user.name,
    email: user.email,
    via,
    memberships: active.map((m) => ({
      municipalityId: m.municipalityId,
      municipalitySlug: m.municipalitySlug,
      municipalityName: m.municipalityName,
      role: roleOf(m.role),
    })),
    ...(user.isOperator
      ? {
          operator:
            via === "session" && user.totpEnabledAt !== null
              ? ("verified" as const)
              : ("unverified" as const),
        }
      : {}),
  };
}

/** Addresses are compared and stored in lower case: the same address in another case is the same person. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * Principals for use-case tests: who acts, without an account or a session (the use cases
 * decide on the principal alone; sign-in has its own tests).
 */
import type { Role, UserPrincipal } from "../../src/domain/access/principal.js";

let nextUserId = 9000;

/** A signed-in person of the municipality; editors of Abteilung 10.1 unless told otherwise. */
export function buildPrincipal(
  municipalityId: number,
  overrides: Partial<UserPrincipal> & { role?: Role } = {},
): UserPrincipal {
  const userId = overrides.userId ?? nextUserId++;
  return {
    kind: "user",
    userId,
    municipalityId,
    role: "editor",
    orgUnitCodes: ["10.1"],
    name: `Person ${userId}`,
    email: `person-${userId}@kleve.example`,
    via: "session",
    ...overrides,
  };
}

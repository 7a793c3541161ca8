/**
 * What an identity provider says about a person (the claims of an OpenID Connect login)
 * mapped onto Fortschritt's account: role, org units, name and e-mail address. Pure, so
 * that every odd shape a provider sends can be tested without one.
 */
import { ROLES, type Role } from "./principal.js";

/** The names of the claims that carry role and org units (configurable per provider). */
export interface ClaimNames {
  readonly role: string;
  readonly orgUnits: string;
}

/** The account as the identity provider describes it. */
export interface MappedIdentity {
  readonly subject: string;
  readonly email: string;
  readonly name: string;
  readonly role: Role;
  /** Org unit codes as sent, trimmed and without duplicates; unknown ones are sorted out later. */
  readonly orgUnitCodes: readonly string[];
}

/** Why claims cannot become an account; the German sentence goes into the error's detail and the audit log. */
export type ClaimProblem =
  | { readonly kind: "no-subject"; readonly message: string }
  | { readonly kind: "no-email"; readonly message: string }
  | { readonly kind: "no-role"; readonly message: string };

/** A claim value as a list of texts: providers send lists, or one text separated by commas or spaces. */
function textsOf(value: unknown): readonly string[] {
  if (typeof value === "string")
    return value.split(/[\s,]+/).filter((part) => part !== "");
  if (Array.isArray(value))
    return value.flatMap((entry) =>
      typeof entry === "string" ? textsOf(entry) : [],
    );
  return [];
}

/**
 * Maps claims onto an account. A list of roles gives the most powerful one named (a
 * person in an "admin" and an "editor" group is an administrator); unknown role names
 * are ignored, and without any known role there is no account.
 */
export function mapIdentityClaims(
  claims: Readonly<Record<string, unknown>>,
  names: ClaimNames,
):
  | { readonly ok: true; readonly identity: MappedIdentity }
  | { readonly ok: false; readonly problem: ClaimProblem } {
  const subject = typeof claims.sub === "string" ? claims.sub : "";
  if (subject === "")
    return {
      ok: false,
      problem: {
        kind: "no-subject",
        message: "Die Antwort nennt keine Person (sub fehlt).",
      },
    };

  const email =
    typeof claims.email === "string" ? claims.email.trim().toLowerCase() : "";
  if (!/^[^\s@]+@[^\s@]+$/.test(email)) {
    return {
      ok: false,
      problem: {
        kind: "no-email",
        message:
          "Der Anmeldedienst übermittelt keine E-Mail-Adresse (Claim email).",
      },
    };
  }

  const named = new Set(
    textsOf(claims[names.role]).map((role) => role.toLowerCase()),
  );
  const role = ROLES.find((candidate) => named.has(candidate));
  if (role === undefined) {
    return {
      ok: false,
      problem: {
        kind: "no-role",
        message: `Der Anmeldedienst weist keine Rolle zu (Claim ${names.role}: admin, editor oder committee).`,
      },
    };
  }

  const orgUnitCodes = [...new Set(textsOf(claims[names.orgUnits]))];
  const name =
    (typeof claims.name === "string" && claims.name.trim()) ||
    [claims.given_name, claims.family_name]
      .filter((part): part is string => typeof part === "string")
      .join(" ")
      .trim() ||
    (typeof claims.preferred_username === "string" &&
      claims.preferred_username.trim()) ||
    email;

  return {
    ok: true,
    identity: { subject, email, name: name.slice(0, 200), role, orgUnitCodes },
  };
}

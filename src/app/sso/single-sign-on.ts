/**
 * Single sign-on with OpenID Connect (docs/adr/0004-single-sign-on.md): start a login at
 * the identity provider, and finish it by checking the answer, creating or updating the
 * account from the claims, opening a session (the identity part's openVerifiedSession)
 * and recording the outcome in the audit log. The identity provider has done the
 * authentication, including any second factor, so ours is not asked for.
 */
import {
  findUser,
  insertUser,
  listOrgUnitChoices,
  replaceUserOrgUnits,
  type UserRecord,
} from "../../db/user.repository.js";
import { findMunicipalityBySlug } from "../../db/municipality.repository.js";
import { deleteSessionsOfUser } from "../../db/session.repository.js";
import {
  deleteExpiredSsoLogins,
  insertSsoLogin,
  takeSsoLogin,
} from "../../db/sso-login.repository.js";
import {
  findUserIdByExternalSubject,
  setExternalSubject,
  updateExternalUser,
} from "../../db/external-identity.repository.js";
import type { Executor } from "../../db/database.js";
import {
  mapIdentityClaims,
  type MappedIdentity,
} from "../../domain/access/identity-claims.js";
import {
  ANONYMOUS,
  type UserPrincipal,
} from "../../domain/access/principal.js";
import type { Municipality } from "../../domain/catalogue/catalogue.js";
import type { SsoConfig } from "../../config.js";
import { AppError, isAppError } from "../../errors.js";
import { recordAudit, type RequestOrigin } from "../audit/record-audit.js";
import { isoAfter } from "../auth/identity-rules.js";
import { randomToken, sha256Hex } from "../auth/secrets.js";
import type { ClientOrigin } from "../auth/sessions.js";
import { openVerifiedSession } from "../auth/sign-in.js";
import { toUserPrincipal } from "../auth/user-principal.js";
import type { AppContext } from "../context.js";
import {
  buildAuthorizationRequest,
  exchangeAuthorizationResponse,
} from "./openid-connect.js";

/** A person has ten minutes at the identity provider before the started login lapses. */
export const SSO_LOGIN_VALIDITY_MS = 10 * 60_000;

/** A started login: where to send the browser, and the id the browser keeps in a cookie until it returns. */
export interface StartedSingleSignOn {
  readonly authorizationUrl: string;
  readonly loginId: string;
}

/** The signed-in session of a finished login. */
export interface FinishedSingleSignOn {
  readonly sessionToken: string;
  readonly principal: UserPrincipal;
  readonly municipalitySlug: string | null;
  /** The page asked for before signing in, or null. */
  readonly returnTo: string | null;
}

async function requireMunicipality(
  ctx: AppContext,
  sso: SsoConfig,
): Promise<Municipality> {
  const municipality = await findMunicipalityBySlug(
    ctx.db,
    sso.municipalitySlug,
  );
  if (municipality === null) {
    throw new AppError("ERR_SSO_UNAVAILABLE", {
      detail: `OIDC_MUNICIPALITY nennt eine Kommune, die es hier nicht gibt (${sso.municipalitySlug}).`,
    });
  }
  return municipality;
}

/**
 * Begins a login: new state, nonce and PKCE verifier, stored server-side under the hash
 * of a new login id, with the page to return to (`returnTo`, a path on this site that the
 * caller has checked).
 */
export async function startSingleSignOn(
  ctx: AppContext,
  sso: SsoConfig,
  options: { readonly returnTo?: string | null } = {},
): Promise<StartedSingleSignOn> {
  await requireMunicipality(ctx, sso);
  const { url, secrets } = await buildAuthorizationRequest(sso);
  const loginId = randomToken();
  const now = ctx.clock();
  await deleteExpiredSsoLogins(ctx.db, now.toISOString());
  await insertSsoLogin(ctx.db, {
    idHash: sha256Hex(loginId),
    ...secrets,
    returnTo: options.returnTo ?? null,
    createdAt: now.toISOString(),
    expiresAt: isoAfter(now, SSO_LOGIN_VALIDITY_MS),
  });
  return { authorizationUrl: url, loginId };
}

/** The subject as stored: qualified by the issuer, so that two providers can never name the same account. */
export function externalSubjectOf(sso: SsoConfig, subject: string): string {
  return `${sso.issuer}#${subject}`;
}

/**
 * Finishes a login from the provider's answer (`callbackUrl`, the full URL with code and
 * state) and the login id from the browser's cookie, and opens a new session (the
 * browser's previous one, if any, is ended: no fixation). The login id is used up
 * whatever happens, so an answer can never be replayed. Failures are audited and throw
 * ERR_SSO_FAILED (or ERR_SSO_UNAVAILABLE when the provider cannot be reached).
 */
export async function finishSingleSignOn(
  ctx: AppContext,
  sso: SsoConfig,
  input: {
    readonly loginId: string | null;
    readonly callbackUrl: URL;
    readonly previousSessionToken?: string | null;
  },
  origin: ClientOrigin,
): Promise<FinishedSingleSignOn> {
  const municipality = await requireMunicipality(ctx, sso);
  let identity: MappedIdentity | null = null;
  try {
    const login =
      input.loginId === null
        ? null
        : await takeSsoLogin(ctx.db, sha256Hex(input.loginId));
    if (login === null || login.expiresAt <= ctx.clock().toISOString()) {
      throw new AppError("ERR_SSO_FAILED", {
        detail:
          "Die Anmeldung wurde nicht in diesem Browser begonnen, ist abgelaufen oder schon verwendet.",
      });
    }
    const claims = await exchangeAuthorizationResponse(
      sso,
      input.callbackUrl,
      login,
    );
    const mapped = mapIdentityClaims(claims, {
      role: sso.roleClaim,
      orgUnits: sso.orgUnitsClaim,
    });
    if (!mapped.ok)
      throw new AppError("ERR_SSO_FAILED", { detail: mapped.problem.message });
    identity = mapped.identity;
    const mappedIdentity = identity;
    const user = await ctx.db
      .transaction()
      .execute((trx) =>
        upsertAccount(trx, ctx, sso, municipality, mappedIdentity, origin),
      );
    // The provider has authenticated the person, its second factor included (ADR 0004).
    const session = await openVerifiedSession(
      ctx,
      {
        userId: user.id,
        method: "sso",
        previousSessionToken: input.previousSessionToken ?? null,
      },
      origin,
    );
    return { ...session, returnTo: login.returnTo };
  } catch (error) {
    if (
      isAppError(error, "ERR_SSO_FAILED") ||
      isAppError(error, "ERR_SSO_UNAVAILABLE")
    ) {
      await recordAudit(
        ctx.db,
        ctx,
        ANONYMOUS,
        {
          municipalityId: municipality.id,
          action: "login.failure",
          entityType: "user_account",
          entityLabel: identity?.email ?? null,
          after: { method: "sso", code: error.code, detail: error.detail },
        },
        origin,
      );
    }
    throw error;
  }
}

/** A snapshot of what the provider controls, for the audit log. */
function snapshot(user: UserRecord): Readonly<Record<string, unknown>> {
  return {
    email: user.email,
    name: user.name,
    role: user.role,
    orgUnits: user.orgUnitCodes,
    isActive: user.isActive,
  };
}

async function upsertAccount(
  trx: Executor,
  ctx: AppContext,
  sso: SsoConfig,
  municipality: Municipality,
  identity: MappedIdentity,
  origin: RequestOrigin,
): Promise<UserRecord> {
  const now = ctx.clock().toISOString();
  const subject = externalSubjectOf(sso, identity.subject);
  const units = await listOrgUnitChoices(trx, municipality.id);
  const known = units.filter((unit) =>
    identity.orgUnitCodes.includes(unit.code),
  );
  const ignoredOrgUnits = identity.orgUnitCodes.filter(
    (code) => !known.some((unit) => unit.code === code),
  );

  const existingId = await findUserIdByExternalSubject(trx, subject);
  const holder = await findUser(trx, { email: identity.email });
  if (holder !== null && holder.id !== existingId) {
    // Linking by address would let whoever controls an address at the provider take over
    // a local account (possibly of another municipality); an administrator decides instead.
    throw new AppError("ERR_SSO_FAILED", {
      detail: "Die E-Mail-Adresse gehört schon zu einem anderen Konto.",
    });
  }

  let userId: number;
  let before: UserRecord | null = null;
  if (existingId === null) {
    userId = await insertUser(trx, {
      municipalityId: municipality.id,
      email: identity.email,
      name: identity.name,
      role: identity.role,
      passwordHash: null,
      now,
    });
    await setExternalSubject(trx, userId, subject);
  } else {
    before = await findUser(trx, { id: existingId }, municipality.id);
    if (before === null || before.municipalityId !== municipality.id) {
      throw new AppError("ERR_SSO_FAILED", {
        detail: "Das Konto gehört zu einer anderen Kommune.",
      });
    }
    if (!before.isActive)
      throw new AppError("ERR_SSO_FAILED", {
        detail: "Das Konto ist deaktiviert.",
      });
    userId = existingId;
    if (
      before.email !== identity.email ||
      before.name !== identity.name ||
      before.role !== identity.role
    ) {
      await updateExternalUser(trx, userId, {
        email: identity.email,
        name: identity.name,
        role: identity.role,
        municipalityId: municipality.id,
        now,
      });
    }
    // As when an administrator changes a role (manage-users.ts): no session outlives it.
    if (before.role !== identity.role) await deleteSessionsOfUser(trx, userId);
  }
  await replaceUserOrgUnits(
    trx,
    userId,
    known.map((unit) => unit.id),
    municipality.id,
  );
  const user = await findUser(trx, { id: userId }, municipality.id);
  if (user === null)
    throw new Error("The account just written cannot be read back.");

  const principal = toUserPrincipal(user, "session");
  const changed =
    before === null ||
    JSON.stringify(snapshot(before)) !== JSON.stringify(snapshot(user));
  if (changed) {
    await recordAudit(
      trx,
      ctx,
      principal,
      {
        municipalityId: municipality.id,
        action: before === null ? "user.create" : "user.update",
        entityType: "user_account",
        entityId: user.id,
        entityLabel: user.email,
        before: before === null ? null : snapshot(before),
        after: {
          ...snapshot(user),
          ...(ignoredOrgUnits.length > 0 ? { ignoredOrgUnits } : {}),
        },
        reason: "Single Sign-on: Angaben des Anmeldedienstes übernommen",
      },
      origin,
    );
  }
  return user;
}

/**
 * Signing in: password first, then — for administrators, editors and everyone who has
 * set one up — the second factor. The answer to a wrong address, a wrong password, a
 * deactivated and a locked account is the same, and takes about the same time (a
 * password is always verified, against a dummy hash when there is no account). Only an
 * IP address that has failed too often is told so, because that tells nothing about any
 * account. Every outcome is audited, without the password.
 */
import {
  countFailedAttemptsFromIp,
  insertLoginAttempt,
} from "../../db/login-attempt.repository.js";
import {
  useRecoveryCode,
  countUnusedRecoveryCodes,
} from "../../db/recovery-code.repository.js";
import { deleteSession, findSession } from "../../db/session.repository.js";
import {
  clearFailedLogins,
  claimTotpStep,
  findUser,
  recordFailedLogin,
  type UserRecord,
} from "../../db/user.repository.js";
import type { Executor } from "../../db/database.js";
import {
  ANONYMOUS,
  type UserPrincipal,
} from "../../domain/access/principal.js";
import { AppError } from "../../errors.js";
import { recordAudit } from "../audit/record-audit.js";
import type { AppContext } from "../context.js";
import {
  accountLockAfter,
  IP_FAILURE_LIMIT,
  isoAfter,
  requiresSecondFactor,
  THROTTLE_WINDOW_MS,
} from "./identity-rules.js";

/**
 * Whether signing in needs a second factor: for operators, for anyone who may change
 * data in any of their municipalities, and for everyone who has set one up.
 */
export function needsSecondFactor(user: UserRecord): boolean {
  return (
    user.isOperator ||
    user.totpEnabledAt !== null ||
    user.memberships.some((m) => m.isActive && requiresSecondFactor(m.role))
  );
}
import { verifyAgainstDummy, verifyPassword } from "./password.js";
import { normaliseRecoveryCode, hashRecoveryCode } from "./recovery-codes.js";
import { openSecret } from "./secret-box.js";
import {
  createSession,
  sessionIdHash,
  type ClientOrigin,
  type SecondFactorStep,
} from "./sessions.js";
import { looksLikeTotpCode, matchTotpStep } from "./totp.js";
import { normaliseEmail, toUserPrincipal } from "./user-principal.js";

/** Why a sign-in failed, for the audit log only — the person always hears the same. */
export type FailureReason =
  | "unknown_account"
  | "inactive"
  | "no_password"
  | "locked"
  | "wrong_password"
  | "wrong_code";

/** The outcome of the password step. */
export type PasswordStepResult =
  | {
      readonly outcome: "signed-in";
      readonly sessionToken: string;
      readonly principal: UserPrincipal;
      readonly municipalitySlug: string | null;
    }
  | {
      readonly outcome: "second-factor";
      readonly sessionToken: string;
      readonly step: SecondFactorStep;
    }
  | { readonly outcome: "refused" };

/** The outcome of the second-factor step. */
export type SecondFactorResult =
  | {
      readonly outcome: "signed-in";
      readonly sessionToken: string;
      readonly principal: UserPrincipal;
      readonly municipalitySlug: string | null;
      /** Set when a recovery code was used: how many are left. */
      readonly recoveryCodesLeft: number | null;
    }
  /** Wrong code. */
  | { readonly outcome: "refused"; readonly sessionEnded: false }
  /**
   * The account is locked (this code was one failure too many, or it was locked already):
   * the pending sign-in is ended and the person may try again in `retryAfterSeconds`. Only
   * someone who knew the password gets here, so telling them about the lock reveals nothing.
   */
  | {
      readonly outcome: "refused";
      readonly sessionEnded: true;
      readonly retryAfterSeconds: number;
    };

function isLocked(user: UserRecord, now: Date): boolean {
  return (
    user.lockedUntil !== null && Date.parse(user.lockedUntil) > now.getTime()
  );
}

/** Whole seconds from now until a point in time, at least one. */
function secondsUntil(now: Date, until: string): number {
  return Math.max(1, Math.ceil((Date.parse(until) - now.getTime()) / 1000));
}

/** Refuses an address that failed too often lately, before any password is looked at; tells it when to come back. */
async function assertIpNotThrottled(
  ctx: AppContext,
  origin: ClientOrigin,
): Promise<void> {
  const now = ctx.clock();
  const since = new Date(now.getTime() - THROTTLE_WINDOW_MS).toISOString();
  const failures = await countFailedAttemptsFromIp(ctx.db, origin.ip, since);
  if (failures.count >= IP_FAILURE_LIMIT) {
    // The address may try again when enough of its failures have left the window.
    const until = new Date(
      Date.parse(failures.oldestCounting ?? since) + THROTTLE_WINDOW_MS,
    ).toISOString();
    throw new AppError("ERR_TOO_MANY_ATTEMPTS", {
      retryAfterSeconds: secondsUntil(now, until),
    });
  }
}

async function recordFailure(
  trx: Executor,
  ctx: AppContext,
  user: UserRecord | null,
  email: string,
  reason: FailureReason,
  origin: ClientOrigin,
  countsAgainstAccount: boolean,
): Promise<string | null> {
  const now = ctx.clock();
  // An unknown address is not stored as typed: people type passwords into the wrong field.
  await insertLoginAttempt(trx, {
    email: user === null ? "" : email,
    ip: origin.ip,
    at: now.toISOString(),
    isSuccess: false,
  });
  let lockedUntil: string | null = null;
  if (user !== null && countsAgainstAccount) {
    const recorded = await recordFailedLogin(trx, user.id, {
      lockUntil: (failures) => {
        const lock = accountLockAfter(failures);
        return lock === null ? null : isoAfter(now, lock);
      },
    });
    lockedUntil = recorded.lockedUntil;
  }
  const locked = lockedUntil !== null;
  await recordAudit(
    trx,
    ctx,
    ANONYMOUS,
    {
      municipalityId: user?.municipalityId ?? null,
      action: "login.failure",
      entityType: "user_account",
      entityId: user?.id ?? null,
      entityLabel: user?.email ?? null,
      after: { reason, ...(locked ? { locked: true } : {}) },
    },
    { ip: origin.ip },
  );
  return lockedUntil;
}

/**
 * The password step. A session token the browser already had is ended, and a new one is
 * issued: pending when a second factor follows, signed in otherwise.
 */
export async function signInWithPassword(
  ctx: AppContext,
  input: {
    email: string;
    password: string;
    previousSessionToken?: string | null;
  },
  origin: ClientOrigin,
): Promise<PasswordStepResult> {
  await assertIpNotThrottled(ctx, origin);
  const email = normaliseEmail(input.email);
  // The rules allow 128 characters; a megabyte of "password" only costs us hashing time.
  const password = input.password.slice(0, 1024);
  const user = email === "" ? null : await findUser(ctx.db, { email });
  const now = ctx.clock();

  let reason: FailureReason | null = null;
  if (user === null || user.passwordHash === null) {
    await verifyAgainstDummy(password);
    reason = user === null ? "unknown_account" : "no_password";
  } else {
    const matches = await verifyPassword(user.passwordHash, password);
    if (!user.isActive) reason = "inactive";
    else if (isLocked(user, now)) reason = "locked";
    else if (!matches) reason = "wrong_password";
  }

  if (reason !== null || user === null) {
    const failure = reason ?? "unknown_account";
    await ctx.db
      .transaction()
      .execute((trx) =>
        recordFailure(
          trx,
          ctx,
          user,
          email,
          failure,
          origin,
          failure === "wrong_password",
        ),
      );
    return { outcome: "refused" };
  }

  const withSecondFactor = needsSecondFactor(user);
  return ctx.db.transaction().execute(async (trx) => {
    if (input.previousSessionToken)
      await deleteSession(trx, sessionIdHash(input.previousSessionToken));
    // The failures are forgotten only when the whole sign-in is complete: a right password
    // followed by wrong codes must not start the count afresh.
    if (!withSecondFactor) await clearFailedLogins(trx, user.id);
    await insertLoginAttempt(trx, {
      email,
      ip: origin.ip,
      at: now.toISOString(),
      isSuccess: true,
    });
    if (withSecondFactor) {
      const sessionToken = await createSession(trx, ctx, user.id, {
        isPendingSecondFactor: true,
        origin,
      });
      const step = user.totpEnabledAt === null ? "enrolment" : "code";
      await auditSignIn(trx, ctx, user, origin, "login.password", {
        nextStep: step,
      });
      return { outcome: "second-factor", sessionToken, step } as const;
    }
    const session = await openSignedInSession(
      trx,
      ctx,
      user,
      origin,
      "password",
    );
    return {
      outcome: "signed-in",
      ...session,
      municipalitySlug: user.municipalitySlug,
    } as const;
  });
}

/** The account waiting for its second factor behind a pending session token, or null. */
export async function findPendingSignIn(
  ctx: AppContext,
  sessionToken: string,
): Promise<UserRecord | null> {
  const session = await findSession(ctx.db, sessionIdHash(sessionToken));
  if (
    session === null ||
    !session.isPendingSecondFactor ||
    Date.parse(session.expiresAt) <= ctx.clock().getTime()
  )
    return null;
  const user = await findUser(ctx.db, { id: session.userId });
  return user !== null && user.isActive ? user : null;
}

/**
 * Checks a TOTP code (once only: the step is claimed atomically) or a recovery code
 * (used up atomically). Returns how the person proved it, or null.
 */
export async function checkSecondFactor(
  db: Executor,
  ctx: AppContext,
  user: UserRecord,
  code: string,
): Promise<"totp" | "recovery-code" | null> {
  if (user.totpSecret === null) return null;
  if (looksLikeTotpCode(code)) {
    const step = matchTotpStep(
      openSecret(ctx.secretKey, user.totpSecret),
      code,
      ctx.clock(),
    );
    return step !== null && (await claimTotpStep(db, user.id, step))
      ? "totp"
      : null;
  }
  const normalised = normaliseRecoveryCode(code);
  if (normalised === null) return null;
  return (await useRecoveryCode(
    db,
    user.id,
    hashRecoveryCode(normalised),
    ctx.clock().toISOString(),
  ))
    ? "recovery-code"
    : null;
}

/**
 * The second step: a TOTP code or a recovery code. On success the pending session is
 * replaced by a new, signed-in one. Five wrong codes lock the account like five wrong
 * passwords, and end the pending session.
 */
export async function completeSecondFactor(
  ctx: AppContext,
  input: { sessionToken: string; code: string },
  origin: ClientOrigin,
): Promise<SecondFactorResult> {
  await assertIpNotThrottled(ctx, origin);
  const user = await findPendingSignIn(ctx, input.sessionToken);
  if (user === null) throw new AppError("ERR_UNAUTHENTICATED");
  const now = ctx.clock();
  if (isLocked(user, now)) {
    await ctx.db.transaction().execute(async (trx) => {
      await deleteSession(trx, sessionIdHash(input.sessionToken));
      await recordFailure(trx, ctx, user, user.email, "locked", origin, false);
    });
    return {
      outcome: "refused",
      sessionEnded: true,
      retryAfterSeconds: secondsUntil(
        now,
        user.lockedUntil ?? now.toISOString(),
      ),
    };
  }
  return ctx.db
    .transaction()
    .execute(async (trx): Promise<SecondFactorResult> => {
      const method = await checkSecondFactor(
        trx,
        ctx,
        user,
        input.code.slice(0, 100),
      );
      if (method === null) {
        const lockedUntil = await recordFailure(
          trx,
          ctx,
          user,
          user.email,
          "wrong_code",
          origin,
          true,
        );
        if (lockedUntil === null)
          return { outcome: "refused", sessionEnded: false };
        await deleteSession(trx, sessionIdHash(input.sessionToken));
        return {
          outcome: "refused",
          sessionEnded: true,
          retryAfterSeconds: secondsUntil(now, lockedUntil),
        };
      }
      return finishSignIn(trx, ctx, user, input.sessionToken, origin, method);
    });
}

/** Notes a step of signing in to the account in the audit log, as the account itself. */
async function auditSignIn(
  trx: Executor,
  ctx: AppContext,
  user: UserRecord,
  origin: ClientOrigin,
  action: "login.password" | "login.success",
  after: unknown,
): Promise<void> {
  await recordAudit(
    trx,
    ctx,
    toUserPrincipal(user, "session"),
    {
      municipalityId: user.municipalityId,
      action,
      entityType: "user_account",
      entityId: user.id,
      entityLabel: user.email,
      after,
    },
    { ip: origin.ip },
  );
}

/** Opens the session of a complete sign-in and notes in the audit log how it was done. */
async function openSignedInSession(
  trx: Executor,
  ctx: AppContext,
  user: UserRecord,
  origin: ClientOrigin,
  method: string,
): Promise<{ sessionToken: string; principal: UserPrincipal }> {
  const sessionToken = await createSession(trx, ctx, user.id, {
    isPendingSecondFactor: false,
    origin,
  });
  await auditSignIn(trx, ctx, user, origin, "login.success", { method });
  return { sessionToken, principal: toUserPrincipal(user, "session") };
}

/** Replaces a pending session by a signed-in one and audits the sign-in. */
export async function finishSignIn(
  trx: Executor,
  ctx: AppContext,
  user: UserRecord,
  pendingSessionToken: string,
  origin: ClientOrigin,
  method: "totp" | "recovery-code" | "enrolment",
): Promise<Extract<SecondFactorResult, { outcome: "signed-in" }>> {
  await deleteSession(trx, sessionIdHash(pendingSessionToken));
  await clearFailedLogins(trx, user.id);
  const session = await openSignedInSession(trx, ctx, user, origin, method);
  return {
    outcome: "signed-in",
    ...session,
    municipalitySlug: user.municipalitySlug,
    recoveryCodesLeft:
      method === "recovery-code"
        ? await countUnusedRecoveryCodes(trx, user.id)
        : null,
  };
}

/** Signs out: ends the session and notes it in the audit log. */
export async function signOut(
  ctx: AppContext,
  sessionToken: string,
  principal: UserPrincipal | null,
  origin: { ip: string | null },
): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    await deleteSession(trx, sessionIdHash(sessionToken));
    if (principal !== null) {
      await recordAudit(
        trx,
        ctx,
        principal,
        {
          municipalityId: principal.municipalityId,
          action: "logout",
          entityType: "user_account",
          entityId: principal.userId,
          entityLabel: principal.email,
        },
        origin,
      );
    }
  });
}

/**
 * Opens a signed-in session for an account whose identity was proven elsewhere (single
 * sign-on: the identity provider did the authentication, its second factor included).
 * Ends the browser's previous session, if any, so the id changes here too.
 */
export async function openVerifiedSession(
  ctx: AppContext,
  input: {
    userId: number;
    method: string;
    previousSessionToken?: string | null;
  },
  origin: ClientOrigin,
): Promise<{
  readonly sessionToken: string;
  readonly principal: UserPrincipal;
  readonly municipalitySlug: string | null;
}> {
  const user = await findUser(ctx.db, { id: input.userId });
  if (user === null || !user.isActive)
    throw new AppError("ERR_UNAUTHENTICATED");
  return ctx.db.transaction().execute(async (trx) => {
    if (input.previousSessionToken)
      await deleteSession(trx, sessionIdHash(input.previousSessionToken));
    const session = await openSignedInSession(
      trx,
      ctx,
      user,
      origin,
      input.method,
    );
    return { ...session, municipalitySlug: user.municipalitySlug };
  });
}

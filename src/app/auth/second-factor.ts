/**
 * Setting up the second factor: a new secret is kept aside (pending) until a code from
 * the app confirms it, so that a half-finished set-up never locks anybody out and a new
 * device does not switch off the old one early. Confirming hands out ten new recovery
 * codes, shown once.
 */
import {
  countUnusedRecoveryCodes,
  replaceRecoveryCodes,
} from "../../db/recovery-code.repository.js";
import {
  activateTotpSecret,
  findUser,
  setPendingTotpSecret,
  type UserRecord,
} from "../../db/user.repository.js";
import { AppError, type InputProblem } from "../../errors.js";
import type { UserPrincipal } from "../../domain/access/principal.js";
import type { Executor } from "../../db/database.js";
import { recordAudit } from "../audit/record-audit.js";
import type { AppContext } from "../context.js";
import { canManageOwnAccount } from "../policies/user.policy.js";
import {
  generateRecoveryCodes,
  hashRecoveryCode,
  normaliseRecoveryCode,
} from "./recovery-codes.js";
import { openSecret, sealSecret } from "./secret-box.js";
import { finishSignIn, findPendingSignIn } from "./sign-in.js";
import type { ClientOrigin } from "./sessions.js";
import {
  drawQrCode,
  formatSecretForReading,
  matchTotpStep,
  newTotpSecret,
  totpUri,
  type QrCodeDrawing,
} from "./totp.js";
import { toUserPrincipal } from "./user-principal.js";

/** What the set-up page shows. */
export interface TotpEnrolment {
  /** The secret in Base32, grouped in fours for typing it in by hand. */
  readonly secretForReading: string;
  readonly uri: string;
  readonly qrCode: QrCodeDrawing;
  readonly accountName: string;
  readonly issuer: string;
  /** Whether a second factor is in use already (this would replace it). */
  readonly isReplacing: boolean;
}

/** Replaces the account's recovery codes by these (stored as hashes only). */
async function storeRecoveryCodes(
  trx: Executor,
  userId: number,
  recoveryCodes: readonly string[],
): Promise<void> {
  await replaceRecoveryCodes(
    trx,
    userId,
    recoveryCodes.map((recoveryCode) =>
      hashRecoveryCode(normaliseRecoveryCode(recoveryCode) ?? ""),
    ),
  );
}

/** The issuer name the authenticator app lists the account under. */
function issuerOf(user: UserRecord): string {
  return `Fortschritt ${user.municipalitySlug ?? "Betrieb"}`;
}

async function loadUser(ctx: AppContext, userId: number): Promise<UserRecord> {
  const user = await findUser(ctx.db, { id: userId });
  if (user === null || !user.isActive)
    throw new AppError("ERR_UNAUTHENTICATED");
  return user;
}

/** Starts (or continues) setting up: the pending secret, created if there is none yet. */
export async function beginTotpEnrolment(
  ctx: AppContext,
  userId: number,
): Promise<TotpEnrolment> {
  const user = await loadUser(ctx, userId);
  let secret =
    user.totpPendingSecret === null
      ? null
      : openSecret(ctx.secretKey, user.totpPendingSecret);
  if (secret === null) {
    secret = newTotpSecret();
    await setPendingTotpSecret(
      ctx.db,
      user.id,
      sealSecret(ctx.secretKey, secret),
    );
  }
  const issuer = issuerOf(user);
  const uri = totpUri(secret, issuer, user.email);
  return {
    secretForReading: formatSecretForReading(secret),
    uri,
    qrCode: drawQrCode(uri),
    accountName: user.email,
    issuer,
    isReplacing: user.totpEnabledAt !== null,
  };
}

/** The set-up for a signed-in person (own account only). */
export async function beginOwnTotpEnrolment(
  ctx: AppContext,
  principal: UserPrincipal,
): Promise<TotpEnrolment> {
  if (!canManageOwnAccount(principal, principal.userId))
    throw new AppError("ERR_FORBIDDEN");
  return beginTotpEnrolment(ctx, principal.userId);
}

function codeProblem(): AppError {
  const problems: InputProblem[] = [
    {
      path: "/code",
      message:
        "Der Code stimmt nicht. Bitte geben Sie die sechs Ziffern ein, die Ihre App gerade anzeigt.",
    },
  ];
  return new AppError("ERR_VALIDATION", { problems });
}

/** Confirms the pending secret with a code; returns the new recovery codes (to be shown once). */
async function confirmEnrolment(
  ctx: AppContext,
  user: UserRecord,
  code: string,
  origin: { ip: string | null },
): Promise<readonly string[]> {
  if (user.totpPendingSecret === null) throw codeProblem();
  const pendingSecret = openSecret(ctx.secretKey, user.totpPendingSecret);
  const step = matchTotpStep(pendingSecret, code, ctx.clock());
  if (step === null) throw codeProblem();
  const recoveryCodes = generateRecoveryCodes();
  const now = ctx.clock().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    await activateTotpSecret(trx, user.id, {
      secret: sealSecret(ctx.secretKey, pendingSecret),
      step,
      now,
    });
    await storeRecoveryCodes(trx, user.id, recoveryCodes);
    await recordAudit(
      trx,
      ctx,
      toUserPrincipal(user, "session"),
      {
        municipalityId: user.municipalityId,
        action:
          user.totpEnabledAt === null
            ? "second_factor.enrol"
            : "second_factor.replace",
        entityType: "user_account",
        entityId: user.id,
        entityLabel: user.email,
      },
      origin,
    );
  });
  return recoveryCodes;
}

/** A signed-in person confirms a new second factor for their own account. */
export async function confirmOwnTotpEnrolment(
  ctx: AppContext,
  principal: UserPrincipal,
  code: string,
  origin: { ip: string | null },
): Promise<readonly string[]> {
  if (!canManageOwnAccount(principal, principal.userId))
    throw new AppError("ERR_FORBIDDEN");
  return confirmEnrolment(
    ctx,
    await loadUser(ctx, principal.userId),
    code,
    origin,
  );
}

/**
 * Confirms the second factor during sign-in (the account had none yet): on success the
 * pending session is replaced by a signed-in one.
 */
export async function confirmEnrolmentAtSignIn(
  ctx: AppContext,
  input: { sessionToken: string; code: string },
  origin: ClientOrigin,
): Promise<{
  readonly recoveryCodes: readonly string[];
  readonly sessionToken: string;
  readonly principal: UserPrincipal;
  readonly municipalitySlug: string | null;
}> {
  const pending = await findPendingSignIn(ctx, input.sessionToken);
  if (pending === null) throw new AppError("ERR_UNAUTHENTICATED");
  const recoveryCodes = await confirmEnrolment(ctx, pending, input.code, {
    ip: origin.ip,
  });
  const user = await loadUser(ctx, pending.id);
  const signedIn = await ctx.db
    .transaction()
    .execute((trx) =>
      finishSignIn(trx, ctx, user, input.sessionToken, origin, "enrolment"),
    );
  return {
    recoveryCodes,
    sessionToken: signedIn.sessionToken,
    principal: signedIn.principal,
    municipalitySlug: signedIn.municipalitySlug,
  };
}

/** The pending set-up during sign-in, for the page. */
export async function beginEnrolmentAtSignIn(
  ctx: AppContext,
  sessionToken: string,
): Promise<TotpEnrolment> {
  const pending = await findPendingSignIn(ctx, sessionToken);
  if (pending === null) throw new AppError("ERR_UNAUTHENTICATED");
  return beginTotpEnrolment(ctx, pending.id);
}

/** New recovery codes for a signed-in person, replacing the old ones. */
export async function regenerateRecoveryCodes(
  ctx: AppContext,
  principal: UserPrincipal,
  origin: { ip: string | null },
): Promise<readonly string[]> {
  if (!canManageOwnAccount(principal, principal.userId))
    throw new AppError("ERR_FORBIDDEN");
  const user = await loadUser(ctx, principal.userId);
  if (user.totpEnabledAt === null)
    throw new AppError("ERR_VALIDATION", {
      detail: "Richten Sie zuerst den zweiten Faktor ein.",
    });
  const recoveryCodes = generateRecoveryCodes();
  await ctx.db.transaction().execute(async (trx) => {
    await storeRecoveryCodes(trx, user.id, recoveryCodes);
    await recordAudit(
      trx,
      ctx,
      principal,
      {
        municipalityId: user.municipalityId,
        action: "second_factor.recovery_codes",
        entityType: "user_account",
        entityId: user.id,
        entityLabel: user.email,
      },
      origin,
    );
  });
  return recoveryCodes;
}

/** The state of one's own second factor, for the account page. */
export async function describeOwnSecondFactor(
  ctx: AppContext,
  principal: UserPrincipal,
): Promise<{
  readonly isEnabled: boolean;
  readonly enabledAt: string | null;
  readonly recoveryCodesLeft: number;
}> {
  const user = await loadUser(ctx, principal.userId);
  return {
    isEnabled: user.totpEnabledAt !== null,
    enabledAt: user.totpEnabledAt,
    recoveryCodesLeft:
      user.totpEnabledAt === null
        ? 0
        : await countUnusedRecoveryCodes(ctx.db, user.id),
  };
}

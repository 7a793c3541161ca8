/**
 * Forgotten and changed passwords. A reset link carries a random token (only its hash is
 * stored), works once and for 60 minutes; the answer to "forgot my password" is the same
 * whether the address exists or not, and the mail is sent in the background so that the
 * response time does not tell either. A new password ends every session of the account.
 * An invitation is the same link, valid longer, for an account created without password.
 */
import {
  countPasswordResetsSince,
  expirePasswordResetsOfUser,
  findValidPasswordReset,
  insertPasswordReset,
  usePasswordReset,
} from "../../db/password-reset.repository.js";
import { deleteSessionsOfUser } from "../../db/session.repository.js";
import {
  findUser,
  setUserPassword,
  type UserRecord,
} from "../../db/user.repository.js";
import type { Executor } from "../../db/database.js";
import {
  ANONYMOUS,
  type UserPrincipal,
} from "../../domain/access/principal.js";
import { AppError, type InputProblem } from "../../errors.js";
import { recordAudit, type RequestOrigin } from "../audit/record-audit.js";
import type { AppContext } from "../context.js";
import type { Mailer } from "../mail/mailer.js";
import {
  canManageOwnAccount,
  canManageUsers,
} from "../policies/user.policy.js";
import { recordAccountAudit, type AccountActor } from "./account-audit.js";
import { readNewPassword } from "./account-input.js";
import {
  isoAfter,
  PASSWORD_RESET_VALIDITY_MS,
  PASSWORD_RESETS_PER_HOUR,
} from "./identity-rules.js";
import { hashPassword, verifyPassword } from "./password.js";
import { sessionIdHash } from "./sessions.js";
import { randomToken, sha256Hex } from "./secrets.js";
import { normaliseEmail, toUserPrincipal } from "./user-principal.js";

/** How mail reaches people, and the address links in mails point to. */
export interface MailDelivery {
  readonly mailer: Mailer;
  /** e.g. https://fortschritt.kleve.de, without a trailing slash. */
  readonly publicBaseUrl: string;
}

/** Invitations are valid for three days: people do not read mail within the hour. */
export const INVITATION_VALIDITY_MS = 72 * 60 * 60_000;

/** The path of a reset link (the portal route /passwort-neu/{token}). */
export function passwordResetPath(token: string): string {
  return `/passwort-neu/${encodeURIComponent(token)}`;
}

async function issueResetToken(
  db: Executor,
  ctx: AppContext,
  userId: number,
  validityMs: number,
): Promise<string> {
  const token = randomToken();
  const now = ctx.clock();
  await insertPasswordReset(db, {
    tokenHash: sha256Hex(token),
    userId,
    now: now.toISOString(),
    expiresAt: isoAfter(now, validityMs),
  });
  return token;
}

function resetMail(
  user: UserRecord,
  link: string,
): { subject: string; text: string } {
  return {
    subject: "Fortschritt: Passwort neu setzen",
    text: [
      `Guten Tag ${user.name},`,
      "",
      "für Ihr Konto bei Fortschritt wurde ein neues Passwort angefordert. Über diesen Link",
      "können Sie es innerhalb von 60 Minuten einmal setzen:",
      "",
      link,
      "",
      "Wenn Sie das nicht angefordert haben, können Sie diese E-Mail löschen; Ihr Passwort",
      "bleibt dann unverändert.",
    ].join("\n"),
  };
}

/**
 * Starts a reset for an address. Always resolves the same way; sends the mail only for
 * an active account that has not had three mails in the last hour. The mail goes out in
 * the background; `onSent` (for tests and logs) hears how it went.
 */
export async function requestPasswordReset(
  ctx: AppContext,
  delivery: MailDelivery,
  input: { email: string },
  origin: RequestOrigin,
  onSent: (error: unknown) => void = () => undefined,
): Promise<void> {
  const email = normaliseEmail(input.email);
  const user =
    email === "" || email.length > 254
      ? null
      : await findUser(ctx.db, { email });
  if (user === null || !user.isActive) return;
  const since = new Date(ctx.clock().getTime() - 60 * 60_000).toISOString();
  if (
    (await countPasswordResetsSince(ctx.db, user.id, since)) >=
    PASSWORD_RESETS_PER_HOUR
  )
    return;
  const token = await ctx.db.transaction().execute(async (trx) => {
    const issued = await issueResetToken(
      trx,
      ctx,
      user.id,
      PASSWORD_RESET_VALIDITY_MS,
    );
    await recordAudit(
      trx,
      ctx,
      ANONYMOUS,
      {
        municipalityId: user.municipalityId,
        action: "password.reset_requested",
        entityType: "user_account",
        entityId: user.id,
        entityLabel: user.email,
      },
      origin,
    );
    return issued;
  });
  const mail = resetMail(
    user,
    `${delivery.publicBaseUrl}${passwordResetPath(token)}`,
  );
  delivery.mailer.send({ to: user.email, ...mail }).then(
    () => onSent(null),
    (error: unknown) => onSent(error),
  );
}

/** Whether a reset link is still good (for showing the form or an explanation). */
export async function isPasswordResetTokenValid(
  ctx: AppContext,
  token: string,
): Promise<boolean> {
  if (token.length < 20 || token.length > 100) return false;
  return (
    (await findValidPasswordReset(
      ctx.db,
      sha256Hex(token),
      ctx.clock().toISOString(),
    )) !== null
  );
}

/**
 * Sets a new password through a reset link: the link is used up, every session of the
 * account ends, a lock from failed logins is lifted. ERR_VALIDATION for a weak password
 * (the link stays good), ERR_NOT_FOUND for a used or expired link.
 */
export async function completePasswordReset(
  ctx: AppContext,
  input: { token: string; password: unknown },
  origin: RequestOrigin,
): Promise<{ readonly email: string }> {
  const tokenHash = sha256Hex(input.token);
  const now = ctx.clock().toISOString();
  const reset =
    input.token.length > 100
      ? null
      : await findValidPasswordReset(ctx.db, tokenHash, now);
  if (reset === null)
    throw new AppError("ERR_NOT_FOUND", {
      detail: "Der Link ist ungültig, abgelaufen oder wurde schon benutzt.",
    });
  const user = await findUser(ctx.db, { id: reset.userId });
  if (user === null || !user.isActive)
    throw new AppError("ERR_NOT_FOUND", {
      detail: "Der Link ist ungültig, abgelaufen oder wurde schon benutzt.",
    });
  const problems: InputProblem[] = [];
  const password = readNewPassword(input.password, problems, {
    email: user.email,
  });
  if (problems.length > 0) throw new AppError("ERR_VALIDATION", { problems });
  const passwordHash = await hashPassword(password);
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await usePasswordReset(trx, tokenHash, now))) {
      throw new AppError("ERR_NOT_FOUND", {
        detail: "Der Link ist ungültig, abgelaufen oder wurde schon benutzt.",
      });
    }
    await expirePasswordResetsOfUser(trx, user.id, now);
    await setUserPassword(trx, user.id, passwordHash, now);
    await deleteSessionsOfUser(trx, user.id);
    await recordAudit(
      trx,
      ctx,
      toUserPrincipal(user, "session"),
      {
        municipalityId: user.municipalityId,
        action: "password.reset",
        entityType: "user_account",
        entityId: user.id,
        entityLabel: user.email,
      },
      origin,
    );
  });
  return { email: user.email };
}

/**
 * Changes one's own password: the current one must be given, the new one must meet the
 * rules. Every other session of the account ends; the one in use stays.
 */
export async function changeOwnPassword(
  ctx: AppContext,
  principal: UserPrincipal,
  input: {
    currentPassword: unknown;
    newPassword: unknown;
    sessionToken: string | null;
  },
  origin: RequestOrigin,
): Promise<void> {
  if (!canManageOwnAccount(principal, principal.userId))
    throw new AppError("ERR_FORBIDDEN");
  const user = await findUser(ctx.db, { id: principal.userId });
  if (user === null || !user.isActive)
    throw new AppError("ERR_UNAUTHENTICATED");
  const problems: InputProblem[] = [];
  const current =
    typeof input.currentPassword === "string"
      ? input.currentPassword.slice(0, 1024)
      : "";
  if (
    current === "" ||
    user.passwordHash === null ||
    !(await verifyPassword(user.passwordHash, current))
  ) {
    problems.push({
      path: "/currentPassword",
      message: "Das bisherige Passwort stimmt nicht.",
    });
  }
  const password = readNewPassword(
    input.newPassword,
    problems,
    { email: user.email },
    "/newPassword",
  );
  if (problems.length > 0) throw new AppError("ERR_VALIDATION", { problems });
  const passwordHash = await hashPassword(password);
  const now = ctx.clock().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    await setUserPassword(trx, user.id, passwordHash, now);
    await expirePasswordResetsOfUser(trx, user.id, now);
    await deleteSessionsOfUser(
      trx,
      user.id,
      input.sessionToken === null
        ? undefined
        : sessionIdHash(input.sessionToken),
    );
    await recordAudit(
      trx,
      ctx,
      principal,
      {
        municipalityId: user.municipalityId,
        action: "password.change",
        entityType: "user_account",
        entityId: user.id,
        entityLabel: user.email,
      },
      origin,
    );
  });
}

/**
 * An invitation link for an account without a password: by mail when mail is set up,
 * and returned, so that an administrator can hand it over when it is not.
 */
export async function inviteAccount(
  ctx: AppContext,
  actor: AccountActor,
  input: {
    userId: number;
    delivery: MailDelivery | null;
    publicBaseUrl: string | null;
  },
  origin: RequestOrigin,
): Promise<{ readonly link: string; readonly isMailed: boolean }> {
  const user = await findUser(ctx.db, { id: input.userId });
  if (user === null) throw new AppError("ERR_NOT_FOUND");
  if (
    actor.kind !== "command-line" &&
    !user.memberships.some((m) => canManageUsers(actor, m.municipalityId))
  )
    throw new AppError("ERR_FORBIDDEN");
  // Only for accounts without a password: otherwise an administrator could take over
  // someone's account with a link of their own. A forgotten password goes by mail to its owner.
  if (user.passwordHash !== null || !user.isActive) {
    throw new AppError("ERR_VALIDATION", {
      detail:
        "Eine Einladung gibt es nur für aktive Konten, deren Passwort noch nicht gesetzt ist.",
    });
  }
  const token = await ctx.db.transaction().execute(async (trx) => {
    const issued = await issueResetToken(
      trx,
      ctx,
      user.id,
      INVITATION_VALIDITY_MS,
    );
    await recordAccountAudit(
      trx,
      ctx,
      actor,
      {
        municipalityId: user.municipalityId,
        action: "user.invite",
        entityType: "user_account",
        entityId: user.id,
        entityLabel: user.email,
      },
      origin,
    );
    return issued;
  });
  const base = input.delivery?.publicBaseUrl ?? input.publicBaseUrl ?? "";
  const link = `${base}${passwordResetPath(token)}`;
  if (input.delivery === null) return { link, isMailed: false };
  try {
    await input.delivery.mailer.send({
      to: user.email,
      subject: "Fortschritt: Ihr Konto ist eingerichtet",
      text: [
        `Guten Tag ${user.name},`,
        "",
        "für Sie wurde ein Konto bei Fortschritt eingerichtet. Über diesen Link setzen Sie Ihr",
        "Passwort; er gilt drei Tage und nur einmal:",
        "",
        link,
        "",
        "Danach melden Sie sich mit Ihrer E-Mail-Adresse und dem Passwort an.",
      ].join("\n"),
    });
  } catch {
    // The account exists either way; the administrator then hands the link over.
    return { link, isMailed: false };
  }
  return { link, isMailed: true };
}

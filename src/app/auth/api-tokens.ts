/**
 * Personal API tokens: `Authorization: Bearer fst_…`. A token acts with exactly the
 * rights of its owner at the time of the request (role and org units are read afresh),
 * stops working when the owner is deactivated, and can be revoked. Only its SHA-256 is
 * stored; the token itself is shown once.
 */
import {
  findActiveApiToken,
  findApiTokenOfUser,
  insertApiToken,
  listApiTokensOfUser,
  revokeApiToken as revokeStoredToken,
  touchApiToken,
  type ApiTokenRecord,
} from "../../db/api-token.repository.js";
import { findUserByEmail, findUserById } from "../../db/user.repository.js";
import type { UserPrincipal } from "../../domain/access/principal.js";
import { AppError } from "../../errors.js";
import type { RequestOrigin } from "../audit/record-audit.js";
import type { AppContext } from "../context.js";
import { canManageOwnAccount } from "../policies/user.policy.js";
import { recordAccountAudit, type AccountActor } from "./account-audit.js";
import { randomToken, sha256Hex } from "./secrets.js";
import { normaliseEmail, toUserPrincipal } from "./user-principal.js";

/** Every token starts with this, so that secret scanners and people recognise it. */
export const API_TOKEN_PREFIX = "fst_";

/** last_used_at is written at most once a minute per token. */
const TOUCH_INTERVAL_MS = 60_000;

export type { ApiTokenRecord } from "../../db/api-token.repository.js";

/** A newly created token: the only moment the token itself is known. */
export interface CreatedApiToken {
  readonly id: number;
  readonly name: string;
  readonly token: string;
}

function readTokenName(name: unknown): string {
  const text = typeof name === "string" ? name.trim().replace(/\s+/g, " ") : "";
  if (text.length > 100) {
    throw new AppError("ERR_VALIDATION", {
      problems: [
        {
          path: "/name",
          message: "Der Name darf höchstens 100 Zeichen lang sein.",
        },
      ],
    });
  }
  return text === "" ? "API-Token" : text;
}

/** Creates a token for an account: its owner (signed in) or the operator at the command line. */
export async function createApiToken(
  ctx: AppContext,
  actor: AccountActor,
  input: { userId: number; name?: unknown },
  origin: RequestOrigin = { ip: null },
): Promise<CreatedApiToken> {
  if (
    actor.kind !== "command-line" &&
    !canManageOwnAccount(actor, input.userId)
  )
    throw new AppError("ERR_FORBIDDEN");
  const user = await findUserById(ctx.db, input.userId);
  if (user === null || !user.isActive)
    throw new AppError("ERR_NOT_FOUND", {
      detail: "Das Konto gibt es nicht oder es ist deaktiviert.",
    });
  const name = readTokenName(input.name);
  const token = randomToken(API_TOKEN_PREFIX);
  const id = await ctx.db.transaction().execute(async (trx) => {
    const tokenId = await insertApiToken(trx, {
      userId: user.id,
      name,
      tokenHash: sha256Hex(token),
      now: ctx.clock().toISOString(),
    });
    await recordAccountAudit(
      trx,
      ctx,
      actor,
      {
        municipalityId: user.municipalityId,
        action: "api_token.create",
        entityType: "api_token",
        entityId: tokenId,
        entityLabel: `${name} (${user.email})`,
      },
      origin,
    );
    return tokenId;
  });
  return { id, name, token };
}

/** Creates a token for the account with this address (for `fortschritt token create`). */
export async function createApiTokenForEmail(
  ctx: AppContext,
  actor: AccountActor,
  email: string,
  name?: string,
): Promise<CreatedApiToken & { readonly email: string }> {
  const user = await findUserByEmail(ctx.db, normaliseEmail(email));
  if (user === null)
    throw new AppError("ERR_NOT_FOUND", {
      detail: `Es gibt kein Konto mit der Adresse ${normaliseEmail(email)}.`,
    });
  return {
    ...(await createApiToken(ctx, actor, { userId: user.id, name })),
    email: user.email,
  };
}

/** The tokens of one's own account, newest first (never the tokens themselves). */
export async function listOwnApiTokens(
  ctx: AppContext,
  principal: UserPrincipal,
): Promise<readonly ApiTokenRecord[]> {
  return listApiTokensOfUser(ctx.db, principal.userId);
}

/** Revokes one of one's own tokens; 404 for a token of someone else. */
export async function revokeOwnApiToken(
  ctx: AppContext,
  principal: UserPrincipal,
  tokenId: number,
  origin: RequestOrigin,
): Promise<void> {
  const token = await findApiTokenOfUser(ctx.db, principal.userId, tokenId);
  if (token === null) throw new AppError("ERR_NOT_FOUND");
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await revokeStoredToken(trx, tokenId, ctx.clock().toISOString())))
      return;
    await recordAccountAudit(
      trx,
      ctx,
      principal,
      {
        municipalityId: principal.municipalityId,
        action: "api_token.revoke",
        entityType: "api_token",
        entityId: tokenId,
        entityLabel: `${token.name} (${principal.email})`,
      },
      origin,
    );
  });
}

/**
 * The principal behind a bearer token, or null when the token is unknown, revoked or
 * belongs to a deactivated account. This is the one check the API relies on.
 */
export async function authenticateApiToken(
  ctx: AppContext,
  token: string,
): Promise<UserPrincipal | null> {
  if (!token.startsWith(API_TOKEN_PREFIX) || token.length > 200) return null;
  const record = await findActiveApiToken(ctx.db, sha256Hex(token));
  if (record === null) return null;
  const user = await findUserById(ctx.db, record.userId);
  if (user === null || !user.isActive) return null;
  const now = ctx.clock();
  if (
    record.lastUsedAt === null ||
    now.getTime() - Date.parse(record.lastUsedAt) >= TOUCH_INTERVAL_MS
  ) {
    await touchApiToken(ctx.db, record.id, now.toISOString());
  }
  return toUserPrincipal(user, "token");
}

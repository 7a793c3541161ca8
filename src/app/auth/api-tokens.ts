/**
 * Personal API tokens: `Authorization: Bearer fst_…`. A token acts with exactly the
 * rights of its owner at the time of the request (role and org units are read afresh),
 * but only in the municipalities it names (one, or explicitly several of the owner's),
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
import { findUser, type UserRecord } from "../../db/user.repository.js";
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

/**
 * The municipalities a new token may act in: those named (slugs of the owner's active
 * memberships), else the one the signed-in owner acts in now, else the owner's only one.
 */
function tokenScope(
  user: UserRecord,
  actor: AccountActor,
  named: readonly string[] | undefined,
): readonly number[] {
  const active = user.memberships.filter((m) => m.isActive);
  if (named !== undefined && named.length > 0) {
    const unknown = named.filter(
      (slug) => !active.some((m) => m.municipalitySlug === slug),
    );
    if (unknown.length > 0)
      throw new AppError("ERR_VALIDATION", {
        problems: [
          {
            path: "/municipalities",
            message: `Das Konto gehört diesen Kommunen nicht (aktiv) an: ${unknown.join(", ")}.`,
          },
        ],
      });
    return active
      .filter((m) => named.includes(m.municipalitySlug))
      .map((m) => m.municipalityId);
  }
  if (actor.kind === "user" && actor.municipalityId !== null)
    return [actor.municipalityId];
  const [only] = active;
  if (active.length === 1 && only !== undefined) return [only.municipalityId];
  throw new AppError("ERR_VALIDATION", {
    problems: [
      {
        path: "/municipalities",
        message:
          active.length === 0
            ? "Das Konto gehört keiner Kommune an; ein API-Token braucht mindestens eine."
            : `Bitte nennen Sie die Kommunen des Tokens (${active.map((m) => m.municipalitySlug).join(", ")}).`,
      },
    ],
  });
}

/** Creates a token for an account: its owner (signed in) or the operator at the command line. */
export async function createApiToken(
  ctx: AppContext,
  actor: AccountActor,
  input: {
    userId: number;
    name?: unknown;
    /** Slugs of the municipalities the token may act in; see tokenScope. */
    municipalities?: readonly string[];
  },
  origin: RequestOrigin = { ip: null },
): Promise<CreatedApiToken> {
  if (
    actor.kind !== "command-line" &&
    !canManageOwnAccount(actor, input.userId)
  )
    throw new AppError("ERR_FORBIDDEN");
  const user = await findUser(ctx.db, { id: input.userId });
  if (user === null || !user.isActive)
    throw new AppError("ERR_NOT_FOUND", {
      detail: "Das Konto gibt es nicht oder es ist deaktiviert.",
    });
  const name = readTokenName(input.name);
  const municipalityIds = tokenScope(user, actor, input.municipalities);
  const token = randomToken(API_TOKEN_PREFIX);
  const id = await ctx.db.transaction().execute(async (trx) => {
    const tokenId = await insertApiToken(trx, {
      userId: user.id,
      name,
      tokenHash: sha256Hex(token),
      now: ctx.clock().toISOString(),
      municipalityIds,
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
        after: { municipalityIds: [...municipalityIds] },
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
  municipalities?: readonly string[],
): Promise<CreatedApiToken & { readonly email: string }> {
  const user = await findUser(ctx.db, { email: normaliseEmail(email) });
  if (user === null)
    throw new AppError("ERR_NOT_FOUND", {
      detail: `Es gibt kein Konto mit der Adresse ${normaliseEmail(email)}.`,
    });
  return {
    ...(await createApiToken(ctx, actor, {
      userId: user.id,
      name,
      ...(municipalities === undefined ? {} : { municipalities }),
    })),
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
  municipalitySlug: string | null = null,
): Promise<UserPrincipal | null> {
  if (!token.startsWith(API_TOKEN_PREFIX) || token.length > 200) return null;
  const record = await findActiveApiToken(ctx.db, sha256Hex(token));
  if (record === null) return null;
  const user = await findUser(ctx.db, { id: record.userId });
  if (user === null || !user.isActive) return null;
  const now = ctx.clock();
  if (
    record.lastUsedAt === null ||
    now.getTime() - Date.parse(record.lastUsedAt) >= TOUCH_INTERVAL_MS
  ) {
    await touchApiToken(ctx.db, record.id, now.toISOString());
  }
  return toUserPrincipal(user, "token", {
    municipalitySlug,
    allowed: record.municipalityIds,
  });
}

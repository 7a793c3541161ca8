/**
 * Sessions in the database, so that any app process can serve any request. The cookie
 * holds a random token; the database holds only its SHA-256. A session has an idle
 * timeout and an absolute one, both enforced here on every request, and every sign-in
 * step creates a new session (no fixation: an id known before sign-in is worth nothing
 * after it).
 */
import {
  deleteExpiredSessions,
  deleteSession,
  findSession,
  insertSession,
  touchSession,
} from "../../db/session.repository.js";
import { findUser } from "../../db/user.repository.js";
import { deleteLoginAttemptsBefore } from "../../db/login-attempt.repository.js";
import type { Executor } from "../../db/database.js";
import type { UserPrincipal } from "../../domain/access/principal.js";
import type { AppContext } from "../context.js";
import {
  isoAfter,
  PENDING_SESSION_TIMEOUT_MS,
  SESSION_ABSOLUTE_TIMEOUT_MS,
  SESSION_IDLE_TIMEOUT_MS,
  SESSION_TOUCH_INTERVAL_MS,
  THROTTLE_WINDOW_MS,
} from "./identity-rules.js";
import { randomToken, sha256Hex } from "./secrets.js";
import { toUserPrincipal } from "./user-principal.js";

/** Where a request comes from. */
export interface ClientOrigin {
  readonly ip: string;
  readonly userAgent: string | null;
}

/** What the second step of signing in still needs: a code, or setting up the second factor first. */
export type SecondFactorStep = "code" | "enrolment";

/** What a session cookie stands for. */
export type ResolvedSession =
  | {
      readonly kind: "active";
      readonly idHash: string;
      readonly principal: UserPrincipal;
      /** The person's first active municipality (where signing in leads), null without one. */
      readonly municipalitySlug: string | null;
      readonly hasSecondFactor: boolean;
      /** When the session ends unless the person does something (ISO instant). */
      readonly idleEndsAt: string;
    }
  | {
      readonly kind: "pending";
      readonly idHash: string;
      readonly userId: number;
      readonly email: string;
      readonly name: string;
      readonly municipalitySlug: string | null;
      readonly step: SecondFactorStep;
    };

/** The hash under which a session token is stored. */
export function sessionIdHash(token: string): string {
  return sha256Hex(token);
}

/** Creates a session and returns its token (for the cookie). */
export async function createSession(
  db: Executor,
  ctx: AppContext,
  userId: number,
  options: { isPendingSecondFactor: boolean; origin: ClientOrigin | null },
): Promise<string> {
  const token = randomToken();
  const now = ctx.clock();
  await insertSession(db, {
    idHash: sessionIdHash(token),
    userId,
    now: now.toISOString(),
    expiresAt: isoAfter(
      now,
      options.isPendingSecondFactor
        ? PENDING_SESSION_TIMEOUT_MS
        : SESSION_ABSOLUTE_TIMEOUT_MS,
    ),
    isPendingSecondFactor: options.isPendingSecondFactor,
    ip: options.origin?.ip ?? null,
    userAgent: options.origin?.userAgent ?? null,
  });
  return token;
}

/**
 * Finds the session of a cookie token: null when there is none or it has ended (idle for
 * 30 minutes, older than 12 hours, the account deactivated). Ended sessions are deleted.
 * The principal carries the person's membership in the municipality of `municipalitySlug`
 * (the request's URL) when they have an active one.
 */
export async function resolveSession(
  ctx: AppContext,
  token: string,
  municipalitySlug: string | null = null,
): Promise<ResolvedSession | null> {
  if (token.length < 20 || token.length > 100) return null;
  const idHash = sessionIdHash(token);
  const session = await findSession(ctx.db, idHash);
  if (session === null) return null;
  const now = ctx.clock();
  const isExpired =
    Date.parse(session.expiresAt) <= now.getTime() ||
    Date.parse(session.lastSeenAt) + SESSION_IDLE_TIMEOUT_MS <= now.getTime();
  const user = isExpired
    ? null
    : await findUser(ctx.db, { id: session.userId });
  if (user === null || !user.isActive) {
    await deleteSession(ctx.db, idHash);
    return null;
  }
  let lastSeen = Date.parse(session.lastSeenAt);
  if (now.getTime() - lastSeen >= SESSION_TOUCH_INTERVAL_MS) {
    await touchSession(ctx.db, idHash, now.toISOString());
    lastSeen = now.getTime();
  }
  // Never later than the absolute end.
  const idleEndsAt = new Date(
    Math.min(lastSeen + SESSION_IDLE_TIMEOUT_MS, Date.parse(session.expiresAt)),
  ).toISOString();
  // Whether a second factor is due was decided at sign-in (single sign-on brings its own);
  // a change of role ends all sessions (manage-users.ts), so no session outlives that decision.
  if (session.isPendingSecondFactor) {
    return {
      kind: "pending",
      idHash,
      userId: user.id,
      email: user.email,
      name: user.name,
      municipalitySlug: user.municipalitySlug,
      step: user.totpEnabledAt === null ? "enrolment" : "code",
    };
  }
  return {
    kind: "active",
    idHash,
    principal: toUserPrincipal(user, "session", { municipalitySlug }),
    municipalitySlug: user.municipalitySlug,
    hasSecondFactor: user.totpEnabledAt !== null,
    idleEndsAt,
  };
}

/**
 * Extends a session's idle time from now (the "extend" button of the expiry warning,
 * WCAG 2.2.1); the absolute end stays.
 */
export async function extendSession(
  ctx: AppContext,
  idHash: string,
): Promise<void> {
  await touchSession(ctx.db, idHash, ctx.clock().toISOString());
}

/** Ends a session (sign-out); nothing happens for an unknown token. */
export async function endSession(db: Executor, token: string): Promise<void> {
  await deleteSession(db, sessionIdHash(token));
}

/** Removes ended sessions and login attempts that no longer count; call now and then. */
export async function purgeExpiredSessions(ctx: AppContext): Promise<void> {
  const now = ctx.clock();
  await deleteExpiredSessions(
    ctx.db,
    now.toISOString(),
    new Date(now.getTime() - SESSION_IDLE_TIMEOUT_MS).toISOString(),
  );
  await deleteLoginAttemptsBefore(
    ctx.db,
    new Date(now.getTime() - 4 * THROTTLE_WINDOW_MS).toISOString(),
  );
}

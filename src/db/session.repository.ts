/** Sessions: found by the SHA-256 of the cookie's token, never by the token itself. */
import type { Executor } from "./database.js";
import { firstOrNull } from "./query.js";

/** A stored session. */
export interface SessionRecord {
  readonly idHash: string;
  readonly userId: number;
  readonly createdAt: string;
  readonly lastSeenAt: string;
  readonly expiresAt: string;
  readonly isPendingSecondFactor: boolean;
}

/** Stores a new session. */
export async function insertSession(
  db: Executor,
  values: {
    idHash: string;
    userId: number;
    now: string;
    expiresAt: string;
    isPendingSecondFactor: boolean;
    ip: string | null;
    userAgent: string | null;
  },
): Promise<void> {
  await db
    .insertInto("session")
    .values({
      id_hash: values.idHash,
      user_id: values.userId,
      created_at: values.now,
      last_seen_at: values.now,
      expires_at: values.expiresAt,
      is_pending_second_factor: values.isPendingSecondFactor ? 1 : 0,
      ip: values.ip,
      // Enough to recognise a browser in a list of sessions; a header can be long.
      user_agent:
        values.userAgent === null ? null : values.userAgent.slice(0, 300),
    })
    .execute();
}

/** One session by the hash of its token, or null. */
export async function findSession(
  db: Executor,
  idHash: string,
): Promise<SessionRecord | null> {
  return firstOrNull(
    db.selectFrom("session").selectAll().where("id_hash", "=", idHash),
    (row) => ({
      idHash: row.id_hash,
      userId: row.user_id,
      createdAt: new Date(row.created_at).toISOString(),
      lastSeenAt: new Date(row.last_seen_at).toISOString(),
      expiresAt: new Date(row.expires_at).toISOString(),
      isPendingSecondFactor: row.is_pending_second_factor === 1,
    }),
  );
}

/** Marks a session as used now (the idle timeout counts from here). */
export async function touchSession(
  db: Executor,
  idHash: string,
  now: string,
): Promise<void> {
  await db
    .updateTable("session")
    .set({ last_seen_at: now })
    .where("id_hash", "=", idHash)
    .execute();
}

/** Ends one session. */
export async function deleteSession(
  db: Executor,
  idHash: string,
): Promise<void> {
  await db.deleteFrom("session").where("id_hash", "=", idHash).execute();
}

/** Ends every session of an account, optionally except one (the one making the change). */
export async function deleteSessionsOfUser(
  db: Executor,
  userId: number,
  exceptIdHash?: string,
): Promise<void> {
  let query = db.deleteFrom("session").where("user_id", "=", userId);
  if (exceptIdHash !== undefined)
    query = query.where("id_hash", "<>", exceptIdHash);
  await query.execute();
}

/** Removes sessions that ended (absolute timeout passed, or idle since before `idleBefore`). */
export async function deleteExpiredSessions(
  db: Executor,
  now: string,
  idleBefore: string,
): Promise<void> {
  await db
    .deleteFrom("session")
    .where((eb) =>
      eb.or([eb("expires_at", "<=", now), eb("last_seen_at", "<", idleBefore)]),
    )
    .execute();
}

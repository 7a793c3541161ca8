/** Password reset tokens sent by e-mail: stored as SHA-256 hashes, single use, expiring. */
import type { ExpressionBuilder } from "kysely";
import type { Database, Executor } from "./database.js";
import { changesOneRow, countRows, firstOrNull } from "./query.js";

/** Stores a new reset token. */
export async function insertPasswordReset(
  db: Executor,
  values: { tokenHash: string; userId: number; now: string; expiresAt: string },
): Promise<void> {
  await db
    .insertInto("password_reset")
    .values({
      token_hash: values.tokenHash,
      user_id: values.userId,
      created_at: values.now,
      expires_at: values.expiresAt,
    })
    .execute();
}

/** The filter of a token that is unused and unexpired at `now`. */
function isOpenToken(tokenHash: string, now: string) {
  return (eb: ExpressionBuilder<Database, "password_reset">) =>
    eb.and([
      eb("token_hash", "=", tokenHash),
      eb("used_at", "is", null),
      eb("expires_at", ">", now),
    ]);
}

/** The account of an unused, unexpired token, or null. */
export async function findValidPasswordReset(
  db: Executor,
  tokenHash: string,
  now: string,
): Promise<{ userId: number } | null> {
  return firstOrNull(
    db
      .selectFrom("password_reset")
      .select("user_id")
      .where(isOpenToken(tokenHash, now)),
    (row) => ({ userId: row.user_id }),
  );
}

/** Uses up a token; false when it was used already (also in a race) or has expired. */
export async function usePasswordReset(
  db: Executor,
  tokenHash: string,
  now: string,
): Promise<boolean> {
  return changesOneRow(
    db
      .updateTable("password_reset")
      .set({ used_at: now })
      .where(isOpenToken(tokenHash, now)),
  );
}

/** Invalidates every other open token of an account (after a reset, older mails are useless). */
export async function expirePasswordResetsOfUser(
  db: Executor,
  userId: number,
  now: string,
): Promise<void> {
  await db
    .updateTable("password_reset")
    .set({ used_at: now })
    .where("user_id", "=", userId)
    .where("used_at", "is", null)
    .execute();
}

/** How many reset mails an account was sent since a point in time (against mail bombing). */
export async function countPasswordResetsSince(
  db: Executor,
  userId: number,
  since: string,
): Promise<number> {
  return countRows(
    db
      .selectFrom("password_reset")
      .where("user_id", "=", userId)
      .where("created_at", ">=", since),
  );
}

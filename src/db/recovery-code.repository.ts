/** One-time recovery codes for a lost second factor, stored as SHA-256 hashes. */
import type { Executor } from "./database.js";
import { changesOneRow, countRows, replaceRows } from "./query.js";

/** Replaces all recovery codes of an account with new ones. */
export async function replaceRecoveryCodes(
  db: Executor,
  userId: number,
  codeHashes: readonly string[],
): Promise<void> {
  await replaceRows(
    db.deleteFrom("recovery_code").where("user_id", "=", userId),
    db.insertInto("recovery_code"),
    codeHashes.map((codeHash) => ({ user_id: userId, code_hash: codeHash })),
  );
}

/** Uses up an unused code; false when there is no such code or it was used already (also in a race). */
export async function useRecoveryCode(
  db: Executor,
  userId: number,
  codeHash: string,
  now: string,
): Promise<boolean> {
  return changesOneRow(
    db
      .updateTable("recovery_code")
      .set({ used_at: now })
      .where("user_id", "=", userId)
      .where("code_hash", "=", codeHash)
      .where("used_at", "is", null),
  );
}

/** How many unused codes an account has left. */
export async function countUnusedRecoveryCodes(
  db: Executor,
  userId: number,
): Promise<number> {
  return countRows(
    db
      .selectFrom("recovery_code")
      .where("user_id", "=", userId)
      .where("used_at", "is", null),
  );
}

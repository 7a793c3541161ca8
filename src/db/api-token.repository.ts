/** Personal API tokens: stored as SHA-256 hashes, revocable. */
import type { Executor } from "./database.js";

/** A token as its owner sees it in the list (never the token itself). */
export interface ApiTokenRecord {
  readonly id: number;
  readonly userId: number;
  readonly name: string;
  readonly createdAt: string;
  readonly lastUsedAt: string | null;
  readonly revokedAt: string | null;
}

function toRecord(row: {
  id: number;
  user_id: number;
  name: string;
  created_at: Date | string;
  last_used_at: Date | string | null;
  revoked_at: Date | string | null;
}): ApiTokenRecord {
  return {
    id: row.id,
    userId: row.user_id,
    name: row.name,
    createdAt: new Date(row.created_at).toISOString(),
    lastUsedAt:
      row.last_used_at === null
        ? null
        : new Date(row.last_used_at).toISOString(),
    revokedAt:
      row.revoked_at === null ? null : new Date(row.revoked_at).toISOString(),
  };
}

const COLUMNS = [
  "id",
  "user_id",
  "name",
  "created_at",
  "last_used_at",
  "revoked_at",
] as const;

/** Stores a new token and returns its id. */
export async function insertApiToken(
  db: Executor,
  values: { userId: number; name: string; tokenHash: string; now: string },
): Promise<number> {
  const row = await db
    .insertInto("api_token")
    .values({
      user_id: values.userId,
      name: values.name,
      token_hash: values.tokenHash,
      created_at: values.now,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The unrevoked token with this hash, or null. */
export async function findActiveApiToken(
  db: Executor,
  tokenHash: string,
): Promise<ApiTokenRecord | null> {
  const row = await db
    .selectFrom("api_token")
    .select(COLUMNS)
    .where("token_hash", "=", tokenHash)
    .where("revoked_at", "is", null)
    .executeTakeFirst();
  return row === undefined ? null : toRecord(row);
}

/** All tokens of an account, newest first. */
export async function listApiTokensOfUser(
  db: Executor,
  userId: number,
): Promise<readonly ApiTokenRecord[]> {
  const rows = await db
    .selectFrom("api_token")
    .select(COLUMNS)
    .where("user_id", "=", userId)
    .orderBy("created_at", "desc")
    .orderBy("id", "desc")
    .execute();
  return rows.map(toRecord);
}

/** One token of an account, or null. */
export async function findApiTokenOfUser(
  db: Executor,
  userId: number,
  id: number,
): Promise<ApiTokenRecord | null> {
  const row = await db
    .selectFrom("api_token")
    .select(COLUMNS)
    .where("user_id", "=", userId)
    .where("id", "=", id)
    .executeTakeFirst();
  return row === undefined ? null : toRecord(row);
}

/** Revokes a token; false when it was revoked already. */
export async function revokeApiToken(
  db: Executor,
  id: number,
  now: string,
): Promise<boolean> {
  const result = await db
    .updateTable("api_token")
    .set({ revoked_at: now })
    .where("id", "=", id)
    .where("revoked_at", "is", null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Notes when a token was last used. */
export async function touchApiToken(
  db: Executor,
  id: number,
  now: string,
): Promise<void> {
  await db
    .updateTable("api_token")
    .set({ last_used_at: now })
    .where("id", "=", id)
    .execute();
}

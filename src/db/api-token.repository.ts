/** Personal API tokens: stored as SHA-256 hashes, revocable. */
import type { Executor } from "./database.js";
import { changesOneRow, firstOrNull, insertRows } from "./query.js";

/** A token as its owner sees it in the list (never the token itself). */
export interface ApiTokenRecord {
  readonly id: number;
  readonly userId: number;
  readonly name: string;
  readonly createdAt: string;
  readonly lastUsedAt: string | null;
  readonly revokedAt: string | null;
  /** The municipalities the token may act in (slugs, sorted). */
  readonly municipalitySlugs: readonly string[];
  /** Their ids, in the same order. */
  readonly municipalityIds: readonly number[];
}

function toRecord(row: {
  id: number;
  user_id: number;
  name: string;
  created_at: Date | string;
  last_used_at: Date | string | null;
  revoked_at: Date | string | null;
}): Omit<ApiTokenRecord, "municipalitySlugs" | "municipalityIds"> {
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

/** Adds the municipalities of each token: one query for any number of tokens. */
async function withScopes(
  db: Executor,
  tokens: readonly Omit<
    ApiTokenRecord,
    "municipalitySlugs" | "municipalityIds"
  >[],
): Promise<readonly ApiTokenRecord[]> {
  if (tokens.length === 0) return [];
  const rows = await db
    .selectFrom("api_token_municipality")
    .innerJoin(
      "municipality",
      "municipality.id",
      "api_token_municipality.municipality_id",
    )
    .select([
      "api_token_municipality.token_id",
      "municipality.id",
      "municipality.slug",
    ])
    .where(
      "api_token_municipality.token_id",
      "in",
      tokens.map((token) => token.id),
    )
    .orderBy("municipality.slug")
    .execute();
  return tokens.map((token) => {
    const own = rows.filter((row) => row.token_id === token.id);
    return {
      ...token,
      municipalitySlugs: own.map((row) => row.slug),
      municipalityIds: own.map((row) => row.id),
    };
  });
}

/** Stores a new token with the municipalities it may act in and returns its id. */
export async function insertApiToken(
  db: Executor,
  values: {
    userId: number;
    name: string;
    tokenHash: string;
    now: string;
    municipalityIds: readonly number[];
  },
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
  await insertRows(
    db.insertInto("api_token_municipality"),
    values.municipalityIds.map((municipalityId) => ({
      token_id: row.id,
      municipality_id: municipalityId,
    })),
  );
  return row.id;
}

/** The tokens with the columns a record needs, to be filtered. */
function tokenQuery(db: Executor) {
  return db.selectFrom("api_token").select(COLUMNS);
}

/** The one token a query finds, with its scopes, or null. */
async function oneToken(
  db: Executor,
  query: ReturnType<typeof tokenQuery>,
): Promise<ApiTokenRecord | null> {
  const record = await firstOrNull(query, toRecord);
  return record === null ? null : ((await withScopes(db, [record]))[0] ?? null);
}

/** The unrevoked token with this hash, or null. */
export async function findActiveApiToken(
  db: Executor,
  tokenHash: string,
): Promise<ApiTokenRecord | null> {
  return oneToken(
    db,
    tokenQuery(db)
      .where("token_hash", "=", tokenHash)
      .where("revoked_at", "is", null),
  );
}

/** All tokens of an account, newest first. */
export async function listApiTokensOfUser(
  db: Executor,
  userId: number,
): Promise<readonly ApiTokenRecord[]> {
  const rows = await tokenQuery(db)
    .where("user_id", "=", userId)
    .orderBy("created_at", "desc")
    .orderBy("id", "desc")
    .execute();
  return withScopes(db, rows.map(toRecord));
}

/** One token of an account, or null. */
export async function findApiTokenOfUser(
  db: Executor,
  userId: number,
  id: number,
): Promise<ApiTokenRecord | null> {
  return oneToken(
    db,
    tokenQuery(db).where("user_id", "=", userId).where("id", "=", id),
  );
}

/** Revokes a token; false when it was revoked already. */
export async function revokeApiToken(
  db: Executor,
  id: number,
  now: string,
): Promise<boolean> {
  return changesOneRow(
    db
      .updateTable("api_token")
      .set({ revoked_at: now })
      .where("id", "=", id)
      .where("revoked_at", "is", null),
  );
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

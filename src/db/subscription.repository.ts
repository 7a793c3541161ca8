/** E-mail followers of a municipality (ADR 0021): only this module reads or writes their addresses. */
import type { Executor } from "./database.js";
import { changesOneRow, countRows, firstOrNull } from "./query.js";

const iso = (value: Date | string | null): string | null =>
  value === null ? null : value instanceof Date ? value.toISOString() : value;

/** Adds an unconfirmed follower, or renews the confirmation of one not yet confirmed; false when already confirmed. */
export async function upsertPendingSubscription(
  db: Executor,
  values: {
    municipalityId: number;
    email: string;
    confirmTokenHash: string;
    expiresAt: string;
    unsubscribeToken: string;
    /** The language of the mails, "de" or "en". */
    language: string;
    now: string;
  },
): Promise<boolean> {
  const existing = await db
    .selectFrom("feed_subscription")
    .select(["id", "confirmed_at"])
    .where("municipality_id", "=", values.municipalityId)
    .where("email", "=", values.email)
    .executeTakeFirst();
  if (existing !== undefined && existing.confirmed_at !== null) return false;
  if (existing !== undefined) {
    await db
      .updateTable("feed_subscription")
      .set({
        confirm_token_hash: values.confirmTokenHash,
        confirm_expires_at: values.expiresAt,
        language: values.language,
      })
      .where("id", "=", existing.id)
      .execute();
    return true;
  }
  await db
    .insertInto("feed_subscription")
    .values({
      municipality_id: values.municipalityId,
      email: values.email,
      confirm_token_hash: values.confirmTokenHash,
      confirm_expires_at: values.expiresAt,
      unsubscribe_token: values.unsubscribeToken,
      language: values.language,
      created_at: values.now,
    })
    .onConflict((oc) => oc.columns(["municipality_id", "email"]).doNothing())
    .execute();
  return true;
}

/**
 * The unconfirmed requests of an address (in any municipality) whose confirmation link
 * expires after `since`, i.e. that were asked for recently: for the limit per address.
 */
export async function listRecentConfirmationRequests(
  db: Executor,
  values: { email: string; since: string },
): Promise<{ municipalityId: number; expiresAt: string }[]> {
  const rows = await db
    .selectFrom("feed_subscription")
    .select(["municipality_id", "confirm_expires_at"])
    .where("email", "=", values.email)
    .where("confirmed_at", "is", null)
    .where("confirm_expires_at", ">", values.since)
    .execute();
  return rows.map((row) => ({
    municipalityId: row.municipality_id,
    expiresAt: iso(row.confirm_expires_at) ?? "",
  }));
}

/** The unsubscribe token of a follower (to put into the confirmation mail). */
export async function findUnsubscribeToken(
  db: Executor,
  municipalityId: number,
  email: string,
): Promise<string | null> {
  return firstOrNull(
    db
      .selectFrom("feed_subscription")
      .select("unsubscribe_token")
      .where("municipality_id", "=", municipalityId)
      .where("email", "=", email),
    (row) => row.unsubscribe_token,
  );
}

/** Confirms the follower of an unexpired token (once); false when the token is unknown, used or expired. */
export async function confirmSubscription(
  db: Executor,
  values: {
    municipalityId: number;
    tokenHash: string;
    now: string;
    seenEntries: string;
  },
): Promise<boolean> {
  return changesOneRow(
    db
      .updateTable("feed_subscription")
      .set({
        confirm_token_hash: null,
        confirmed_at: values.now,
        seen_entries: values.seenEntries,
      })
      .where("municipality_id", "=", values.municipalityId)
      .where("confirm_token_hash", "=", values.tokenHash)
      .where("confirm_expires_at", ">", values.now),
  );
}

/** Deletes the follower of an unsubscribe token, address and all; false when there is none. */
export async function deleteSubscription(
  db: Executor,
  municipalityId: number,
  unsubscribeToken: string,
): Promise<boolean> {
  return changesOneRow(
    db
      .deleteFrom("feed_subscription")
      .where("municipality_id", "=", municipalityId)
      .where("unsubscribe_token", "=", unsubscribeToken),
  );
}

/** Deletes unconfirmed followers whose link has expired. */
export async function deleteExpiredPendingSubscriptions(
  db: Executor,
  now: string,
): Promise<void> {
  await db
    .deleteFrom("feed_subscription")
    .where("confirmed_at", "is", null)
    .where("confirm_expires_at", "<=", now)
    .execute();
}

/** A confirmed follower, as the digest job sees it. */
export interface ConfirmedSubscription {
  readonly id: number;
  readonly municipalitySlug: string;
  readonly email: string;
  readonly unsubscribeToken: string;
  readonly lastDigestAt: string | null;
  readonly seenEntries: string;
  /** The language of the mails, "de" or "en". */
  readonly language: string;
}

/** Every confirmed follower. */
export async function listConfirmedSubscriptions(
  db: Executor,
): Promise<readonly ConfirmedSubscription[]> {
  const rows = await db
    .selectFrom("feed_subscription")
    .innerJoin(
      "municipality",
      "municipality.id",
      "feed_subscription.municipality_id",
    )
    .select([
      "feed_subscription.id",
      "municipality.slug",
      "feed_subscription.email",
      "feed_subscription.unsubscribe_token",
      "feed_subscription.last_digest_at",
      "feed_subscription.seen_entries",
      "feed_subscription.language",
    ])
    .where("feed_subscription.confirmed_at", "is not", null)
    .orderBy("feed_subscription.id")
    .execute();
  return rows.map((row) => ({
    id: row.id,
    municipalitySlug: row.slug,
    email: row.email,
    unsubscribeToken: row.unsubscribe_token,
    lastDigestAt: iso(row.last_digest_at),
    seenEntries: row.seen_entries,
    language: row.language,
  }));
}

/**
 * Takes the right to send a digest: succeeds only if the follower's last digest is still
 * the one read (so of two processes only one sends), and records the new one.
 */
export async function claimDigest(
  db: Executor,
  values: {
    id: number;
    previous: string | null;
    now: string;
    seenEntries: string;
  },
): Promise<boolean> {
  let query = db
    .updateTable("feed_subscription")
    .set({ last_digest_at: values.now, seen_entries: values.seenEntries })
    .where("id", "=", values.id);
  query =
    values.previous === null
      ? query.where("last_digest_at", "is", null)
      : query.where("last_digest_at", "=", values.previous);
  return changesOneRow(query);
}

/** Whether a follower with this address exists (tests and the privacy check). */
export async function countSubscriptions(
  db: Executor,
  municipalityId: number,
): Promise<number> {
  return countRows(
    db
      .selectFrom("feed_subscription")
      .where("municipality_id", "=", municipalityId),
  );
}

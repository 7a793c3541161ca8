/**
 * E-mail followers of a municipality's published changes (ADR 0021). One row per address
 * and municipality: the address itself (needed to send; deleted with the row on
 * unsubscribing), the SHA-256 of the one-time confirmation token with its expiry, the
 * unsubscribe token, when it was confirmed, when the last digest went out and which feed
 * entries the follower has been told about already.
 */
import type { Kysely } from "kysely";
import { dialectOf, idColumnType, timestampColumnType } from "../dialect.js";

export async function up(db: Kysely<any>): Promise<void> {
  const dialect = dialectOf(db);
  const timestamp = timestampColumnType(dialect);
  await db.schema
    .createTable("feed_subscription")
    .addColumn("id", idColumnType(dialect), (c) => c.primaryKey())
    .addColumn("municipality_id", "integer", (c) =>
      c.notNull().references("municipality.id").onDelete("cascade"),
    )
    .addColumn("email", "text", (c) => c.notNull())
    // Null once confirmed: the link works once.
    .addColumn("confirm_token_hash", "text")
    .addColumn("confirm_expires_at", timestamp, (c) => c.notNull())
    // In every mail: deleting the subscription needs no sign-in.
    .addColumn("unsubscribe_token", "text", (c) => c.notNull().unique())
    .addColumn("created_at", timestamp, (c) => c.notNull())
    .addColumn("confirmed_at", timestamp)
    .addColumn("last_digest_at", timestamp)
    // JSON array of the feed entry ids the follower knows already.
    .addColumn("seen_entries", "text", (c) => c.notNull().defaultTo("[]"))
    .addUniqueConstraint("feed_subscription_unique", [
      "municipality_id",
      "email",
    ])
    .execute();
  await db.schema
    .createIndex("feed_subscription_confirm")
    .on("feed_subscription")
    .column("confirm_token_hash")
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("feed_subscription").execute();
}

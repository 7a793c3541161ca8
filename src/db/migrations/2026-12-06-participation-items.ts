/**
 * Participation (ADR 0023): per municipality whether ideas and feedback are taken (off,
 * staff only, public too) with its clocks; the items themselves (ideas, feedback, barrier
 * reports) with their moderation, decision and links; the history of their statuses; and
 * the short-lived counters of the rate limits (hashed IP or address, deleted after a day).
 * The submitter's address lives only on the item and is removed by the retention job.
 */
import type { Kysely } from "kysely";
import { dialectOf, idColumnType, timestampColumnType } from "../dialect.js";

export async function up(db: Kysely<any>): Promise<void> {
  const dialect = dialectOf(db);
  const id = idColumnType(dialect);
  const timestamp = timestampColumnType(dialect);
  await db.schema
    .createTable("participation_settings")
    .addColumn("municipality_id", "integer", (c) =>
      c.primaryKey().references("municipality.id").onDelete("cascade"),
    )
    // off | staff | public
    .addColumn("mode", "text", (c) => c.notNull().defaultTo("off"))
    // Items older than this (days, without a decision) are flagged in the staff queue.
    .addColumn("overdue_days", "integer", (c) => c.notNull().defaultTo(30))
    // Days after which a submitter's address is deleted.
    .addColumn("retention_days", "integer", (c) => c.notNull().defaultTo(180))
    .addColumn("updated_at", timestamp, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("participation_item")
    .addColumn("id", id, (c) => c.primaryKey())
    .addColumn("municipality_id", "integer", (c) =>
      c.notNull().references("municipality.id").onDelete("cascade"),
    )
    // idea | feedback | barrier
    .addColumn("kind", "text", (c) => c.notNull())
    // Null once withdrawn: the text is removed.
    .addColumn("title", "text")
    .addColumn("body", "text")
    .addColumn("project_slug", "text")
    // received | reviewing | adopted | implemented | rejected | merged | withdrawn
    .addColumn("status", "text", (c) => c.notNull().defaultTo("received"))
    // staff | public: who could see the form it came from.
    .addColumn("origin", "text", (c) => c.notNull())
    .addColumn("published_at", timestamp)
    .addColumn("decision_note", "text")
    .addColumn("merged_into_id", "integer")
    .addColumn("link_project_slug", "text")
    .addColumn("link_measure_id", "integer")
    .addColumn("link_measure_title", "text")
    .addColumn("link_edition_number", "integer")
    .addColumn("org_unit_code", "text")
    // Personal data: the address for replies, with its double opt-in; deleted by the job.
    .addColumn("email", "text")
    .addColumn("email_confirmed_at", timestamp)
    .addColumn("confirm_token_hash", "text")
    .addColumn("confirm_expires_at", timestamp)
    // In every status mail: removes the address without signing in (deleted with it).
    .addColumn("unsubscribe_token", "text", (c) => c.unique())
    // The link with which the submitter withdraws the item (stored as SHA-256).
    .addColumn("withdraw_token_hash", "text", (c) => c.notNull().unique())
    .addColumn("submitted_by_user_id", "integer")
    .addColumn("created_at", timestamp, (c) => c.notNull())
    .addColumn("status_changed_at", timestamp, (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .createIndex("participation_item_municipality")
    .on("participation_item")
    .columns(["municipality_id", "status"])
    .execute();
  await db.schema
    .createIndex("participation_item_confirm")
    .on("participation_item")
    .column("confirm_token_hash")
    .execute();

  await db.schema
    .createTable("participation_status_event")
    .addColumn("id", id, (c) => c.primaryKey())
    .addColumn("item_id", "integer", (c) =>
      c.notNull().references("participation_item.id").onDelete("cascade"),
    )
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("note", "text")
    .addColumn("at", timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("participation_status_event_item")
    .on("participation_status_event")
    .column("item_id")
    .execute();

  await db.schema
    .createTable("participation_rate")
    .addColumn("id", id, (c) => c.primaryKey())
    // "ip:<sha256>" or "email:<sha256>"
    .addColumn("rate_key", "text", (c) => c.notNull())
    .addColumn("at", timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("participation_rate_key")
    .on("participation_rate")
    .columns(["rate_key", "at"])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("participation_rate").execute();
  await db.schema.dropTable("participation_status_event").execute();
  await db.schema.dropTable("participation_item").execute();
  await db.schema.dropTable("participation_settings").execute();
}

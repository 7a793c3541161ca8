/**
 * The lifecycle of a municipality (ADR 0026): whether it is active (a deactivated
 * municipality keeps all its data, its portal says so and its staff cannot change
 * anything), the contact address its portal names, and whether its portal shows only
 * what an administrator has released while no edition is published. Municipalities that
 * exist already keep showing their current state (their public has seen it); new ones
 * start released-only. `public_release` keeps the released state as an edition snapshot.
 */
import type { Kysely } from "kysely";
import { dialectOf, timestampColumnType } from "../dialect.js";

export async function up(db: Kysely<any>): Promise<void> {
  const timestamp = timestampColumnType(dialectOf(db));
  await db.schema
    .alterTable("municipality")
    .addColumn("is_active", "integer", (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .alterTable("municipality")
    .addColumn("deactivated_at", timestamp)
    .execute();
  await db.schema
    .alterTable("municipality")
    .addColumn("contact_email", "text")
    .execute();
  await db.schema
    .alterTable("municipality")
    .addColumn("requires_release", "integer", (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .createTable("public_release")
    .addColumn("municipality_id", "integer", (c) =>
      c.primaryKey().references("municipality.id").onDelete("cascade"),
    )
    .addColumn("snapshot_json", "text", (c) => c.notNull())
    .addColumn("released_at", timestamp, (c) => c.notNull())
    .addColumn("released_by_label", "text", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("public_release").execute();
  for (const column of [
    "requires_release",
    "contact_email",
    "deactivated_at",
    "is_active",
  ]) {
    await db.schema.alterTable("municipality").dropColumn(column).execute();
  }
}

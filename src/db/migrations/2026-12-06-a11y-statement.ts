/**
 * The accessibility statement of a municipality (Erklärung zur Barrierefreiheit): what its
 * administrators enter, one row per municipality. The non-accessible content is a JSON
 * array of {content, reason, alternative}; the last review a day (YYYY-MM-DD) or null.
 */
import type { Kysely } from "kysely";
import { dialectOf, timestampColumnType } from "../dialect.js";

export async function up(db: Kysely<any>): Promise<void> {
  const timestamp = timestampColumnType(dialectOf(db));
  await db.schema
    .createTable("accessibility_statement")
    .addColumn("municipality_id", "integer", (c) =>
      c.primaryKey().references("municipality.id").onDelete("cascade"),
    )
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("barriers", "text", (c) => c.notNull().defaultTo("[]"))
    .addColumn("last_review", "text")
    .addColumn("contact_email", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("contact_phone", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("contact_address", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("updated_at", timestamp, (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("accessibility_statement").execute();
}

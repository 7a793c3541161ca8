/**
 * Forms sent after the session had ended (WCAG 2.2.1): what was typed is kept until the
 * person has signed in again and sends it once more. The browser holds a random token in
 * an HttpOnly cookie; the database holds its SHA-256, the form's address and its fields
 * (a JSON object of field name to the list of values). Rows older than a working day are
 * removed with the ended sessions.
 */
import type { Kysely } from "kysely";
import { dialectOf, timestampColumnType } from "../dialect.js";

export async function up(db: Kysely<any>): Promise<void> {
  const timestamp = timestampColumnType(dialectOf(db));
  await db.schema
    .createTable("kept_form")
    .addColumn("token_hash", "text", (c) => c.primaryKey())
    .addColumn("action", "text", (c) => c.notNull())
    .addColumn("fields", "text", (c) => c.notNull())
    .addColumn("created_at", timestamp, (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("kept_form").execute();
}

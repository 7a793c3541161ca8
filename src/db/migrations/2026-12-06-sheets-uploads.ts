/**
 * catalogue_sheet_upload: a catalogue spreadsheet uploaded for import and waiting for its
 * confirmation (docs/adr/0027-sheets-catalogue-spreadsheet.md). Found by the hash of the
 * token in the preview's address; the file itself as base64 text, so that both databases
 * store it alike. The person who uploaded it (user_id) alone may confirm it. Short-lived: expired uploads are removed by the next upload.
 */
import type { Kysely } from "kysely";
import { dialectOf, timestampColumnType } from "../dialect.js";

export async function up(db: Kysely<any>): Promise<void> {
  const timestamp = timestampColumnType(dialectOf(db));
  await db.schema
    .createTable("catalogue_sheet_upload")
    .addColumn("token_hash", "text", (c) => c.primaryKey())
    .addColumn("municipality_id", "integer", (c) =>
      c.notNull().references("municipality.id").onDelete("cascade"),
    )
    .addColumn("user_id", "integer")
    .addColumn("file_name", "text", (c) => c.notNull())
    .addColumn("file_sha256", "text", (c) => c.notNull())
    .addColumn("content_base64", "text", (c) => c.notNull())
    .addColumn("created_at", timestamp, (c) => c.notNull())
    .addColumn("expires_at", timestamp, (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("catalogue_sheet_upload").execute();
}

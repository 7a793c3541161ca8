/**
 * The stored documents of published editions and reports (ADR 0046): one row per
 * municipality, subject (edition number or report id) and kind (docx, pdf, pptx), with the
 * bytes, their SHA-256 (the download's ETag), size, media type and build time, and the
 * lease a worker holds while it builds a requested document.
 */
import { sql, type Kysely } from "kysely";
import { dialectOf, idColumnType } from "../dialect.js";

export async function up(db: Kysely<any>): Promise<void> {
  const dialect = dialectOf(db);
  await db.schema
    .createTable("published_document")
    .addColumn("id", idColumnType(dialect), (c) => c.primaryKey())
    .addColumn("municipality_id", "integer", (c) =>
      c.notNull().references("municipality.id").onDelete("cascade"),
    )
    // "edition" or "report".
    .addColumn("subject", "text", (c) => c.notNull())
    // The edition's number or the report's id, as text.
    .addColumn("subject_key", "text", (c) => c.notNull())
    // "docx", "pdf" or "pptx".
    .addColumn("kind", "text", (c) => c.notNull())
    // "pending", "ready" or "failed".
    .addColumn("state", "text", (c) => c.notNull())
    // What the bytes were made from (inputs that may change after publication, format).
    .addColumn("source_key", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("body", dialect === "postgres" ? sql`bytea` : sql`blob`)
    .addColumn("content_hash", "text")
    .addColumn("size", "integer")
    .addColumn("media_type", "text")
    .addColumn("file_name", "text")
    .addColumn("built_at", "text")
    .addColumn("requested_at", "text", (c) => c.notNull())
    .addColumn("locked_until", "text")
    .addColumn("locked_by", "text")
    .addColumn("error", "text")
    .addUniqueConstraint("published_document_subject_kind", [
      "municipality_id",
      "subject",
      "subject_key",
      "kind",
    ])
    .execute();
  await db.schema
    .createIndex("published_document_state")
    .on("published_document")
    .columns(["state", "requested_at"])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("published_document").execute();
}

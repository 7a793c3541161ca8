/**
 * The editor: audit events remember the version their change produced, so that a stale
 * form can be told exactly which changes happened since it was opened (and by whom).
 */
import type { Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  // Adding a column fires no row trigger, so the append-only rule of audit_event is untouched.
  await db.schema
    .alterTable("audit_event")
    .addColumn("version", "integer")
    .execute();
  await db.schema
    .createIndex("audit_event_entity_idx")
    .on("audit_event")
    .columns(["municipality_id", "entity_type", "entity_id", "version"])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("audit_event_entity_idx").ifExists().execute();
  await db.schema.alterTable("audit_event").dropColumn("version").execute();
}

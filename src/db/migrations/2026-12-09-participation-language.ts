/**
 * participation_item.language: the language ("de" or "en") of the form a contribution was
 * sent from, so that the confirmation and every status mail reach the submitter in that
 * language (ADR 0036). Existing items were all sent from the German form.
 */
import type { Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable("participation_item")
    .addColumn("language", "text", (c) => c.notNull().defaultTo("de"))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable("participation_item")
    .dropColumn("language")
    .execute();
}

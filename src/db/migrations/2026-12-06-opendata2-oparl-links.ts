/**
 * OParl 1.1 links beyond the meetings: a committee can carry the URL of its OParl
 * Organization, a status report and an edition the URL of their OParl Paper (the Vorlage
 * they were presented under). `fortschritt oparl sync` caches these objects beside the
 * meetings' (table oparl_object); the portal shows the paper's reference and name.
 * Followers by e-mail keep the language they subscribed in, for their mails.
 */
import type { Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable("committee")
    .addColumn("oparl_url", "text")
    .execute();
  await db.schema
    .alterTable("status_report")
    .addColumn("oparl_paper_url", "text")
    .execute();
  await db.schema
    .alterTable("edition")
    .addColumn("oparl_paper_url", "text")
    .execute();
  await db.schema
    .alterTable("feed_subscription")
    .addColumn("language", "text", (c) => c.notNull().defaultTo("de"))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable("feed_subscription")
    .dropColumn("language")
    .execute();
  await db.schema.alterTable("edition").dropColumn("oparl_paper_url").execute();
  await db.schema
    .alterTable("status_report")
    .dropColumn("oparl_paper_url")
    .execute();
  await db.schema.alterTable("committee").dropColumn("oparl_url").execute();
}

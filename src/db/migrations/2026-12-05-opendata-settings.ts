/**
 * Open data settings of a municipality: the licence of its open data (a key of
 * domain/open-data/licences.ts), its amtlicher Regionalschlüssel (12 digits, optional) for
 * DCAT-AP.de, and the origins that may embed its pages (one per line).
 */
import type { Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable("municipality")
    .addColumn("regional_key", "text")
    .execute();
  await db.schema
    .alterTable("municipality")
    .addColumn("open_data_licence", "text", (c) =>
      c.notNull().defaultTo("dl-by-de/2.0"),
    )
    .execute();
  await db.schema
    .alterTable("municipality")
    .addColumn("embed_origins", "text", (c) => c.notNull().defaultTo(""))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable("municipality")
    .dropColumn("embed_origins")
    .execute();
  await db.schema
    .alterTable("municipality")
    .dropColumn("open_data_licence")
    .execute();
  await db.schema
    .alterTable("municipality")
    .dropColumn("regional_key")
    .execute();
}

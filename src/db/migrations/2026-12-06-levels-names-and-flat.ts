/**
 * The municipality's own shape of its programme: the names of its levels (JSON text,
 * singular and plural per level; null keeps Kleve's names), whether the top level is
 * switched off (flat: topics → projects → measures), and the list of org unit kinds it
 * keeps (JSON text; null is the list every municipality starts with). docs/adr/0029.
 */
import type { Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable("programme")
    .addColumn("level_names", "text")
    .execute();
  await db.schema
    .alterTable("programme")
    .addColumn("flat", "integer", (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .alterTable("programme")
    .addColumn("org_unit_kinds", "text")
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable("programme")
    .dropColumn("org_unit_kinds")
    .execute();
  await db.schema.alterTable("programme").dropColumn("flat").execute();
  await db.schema.alterTable("programme").dropColumn("level_names").execute();
}

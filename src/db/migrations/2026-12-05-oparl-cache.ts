/**
 * oparl_object: the OParl objects (Meeting, AgendaItem, Paper) a municipality's meetings
 * refer to, as last fetched by `fortschritt oparl sync`: name, reference (Aktenzeichen of a
 * Paper), date and the `web` page. Replaced as a whole by each sync; the municipality
 * remembers the endpoint of its last sync (municipality.oparl_endpoint).
 */
import type { Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("oparl_object")
    .addColumn("municipality_id", "integer", (c) =>
      c.notNull().references("municipality.id").onDelete("cascade"),
    )
    .addColumn("url", "text", (c) => c.notNull())
    .addColumn("type", "text", (c) => c.notNull())
    .addColumn("name", "text")
    .addColumn("reference", "text")
    .addColumn("date", "text")
    .addColumn("web_url", "text")
    .addColumn("fetched_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("oparl_object_pk", ["municipality_id", "url"])
    .execute();
  await db.schema
    .alterTable("municipality")
    .addColumn("oparl_endpoint", "text")
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable("municipality")
    .dropColumn("oparl_endpoint")
    .execute();
  await db.schema.dropTable("oparl_object").execute();
}

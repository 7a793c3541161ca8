/**
 * The published version of a municipality: it moves on with everything the public sees
 * (an edition's publication, key figures, reports, the municipality's own fields, and
 * every change while no edition exists yet), but not with an edit of the draft once an
 * edition is published. Public pages are cached and tagged by it.
 *
 * On PostgreSQL a trigger announces every change of a municipality row on the channel
 * `fortschritt_versions`, so that every app process drops what it keeps (LISTEN/NOTIFY).
 * Indexes for the staff pages of many municipalities come along.
 */
import { sql, type Kysely } from "kysely";
import { dialectOf } from "../dialect.js";

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable("municipality")
    .addColumn("published_version", "integer", (c) => c.notNull().defaultTo(1))
    .execute();
  if (dialectOf(db) === "postgres") {
    await sql`
      create function fortschritt_announce_version() returns trigger language plpgsql as $$
      begin
        perform pg_notify('fortschritt_versions', '');
        return null;
      end
      $$`.execute(db);
    await sql`
      create trigger municipality_announce_version
      after insert or update or delete on municipality
      for each statement execute function fortschritt_announce_version()`.execute(db);
  }
}

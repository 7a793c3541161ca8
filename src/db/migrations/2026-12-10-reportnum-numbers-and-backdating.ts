/**
 * Status reports are numbered per municipality (1, 2, 3 … in the order they were created;
 * ADR 0044): status_report.number, unique per municipality, filled in for the existing
 * reports by creation time (then id). status_report.recorded_at: when a report whose
 * publication date was set in the past ("nachgetragen") was really published; null for
 * every other report. Published reports are frozen by triggers (migration 2026-11-25):
 * the backfill lifts them for its one statement and puts them back unchanged.
 */
import { sql, type Kysely } from "kysely";
import { dialectOf, timestampColumnType } from "../dialect.js";

const FROZEN_SQLITE_TRIGGER = sql`create trigger status_report_published_no_update before update on status_report when old.status = 'published'
      begin select raise(abort, 'published status reports cannot be changed or deleted'); end`;

export async function up(db: Kysely<any>): Promise<void> {
  const dialect = dialectOf(db);
  await db.schema
    .alterTable("status_report")
    .addColumn("number", "integer")
    .execute();
  await db.schema
    .alterTable("status_report")
    .addColumn("recorded_at", timestampColumnType(dialect))
    .execute();
  const backfill = sql`update status_report set number = (
      select count(*) from status_report earlier
      where earlier.municipality_id = status_report.municipality_id
        and (earlier.created_at < status_report.created_at
          or (earlier.created_at = status_report.created_at and earlier.id <= status_report.id)))`;
  if (dialect === "postgres") {
    await sql`alter table status_report disable trigger status_report_published_frozen`.execute(
      db,
    );
    await backfill.execute(db);
    await sql`alter table status_report enable trigger status_report_published_frozen`.execute(
      db,
    );
  } else {
    await sql`drop trigger status_report_published_no_update`.execute(db);
    await backfill.execute(db);
    await FROZEN_SQLITE_TRIGGER.execute(db);
  }
  await db.schema
    .createIndex("status_report_number_unique")
    .on("status_report")
    .columns(["municipality_id", "number"])
    .unique()
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("status_report_number_unique").execute();
  await db.schema
    .alterTable("status_report")
    .dropColumn("recorded_at")
    .execute();
  await db.schema.alterTable("status_report").dropColumn("number").execute();
}

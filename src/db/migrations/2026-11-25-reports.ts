/**
 * Status reports (Sachstandsberichte) for council committees, key figures (Kennzahlen)
 * with dated observations, and the OZG service register. Days are day numbers (days since
 * 1970-01-01) as everywhere in the catalogue; a published report keeps the document it was
 * published with, and the database refuses to change or delete it or its entries.
 */
import { sql, type Kysely } from "kysely";
import { dialectOf, idColumnType, timestampColumnType } from "../dialect.js";

export async function up(db: Kysely<any>): Promise<void> {
  const dialect = dialectOf(db);
  const id = idColumnType(dialect);
  const timestamp = timestampColumnType(dialect);

  await db.schema
    .createTable("committee")
    .addColumn("id", id, (c) => c.primaryKey())
    .addColumn("municipality_id", "integer", (c) =>
      c.notNull().references("municipality.id").onDelete("cascade"),
    )
    .addColumn("name", "text", (c) => c.notNull())
    // "APD": how the committee is named on slides and in the council information system.
    .addColumn("abbreviation", "text", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addUniqueConstraint("committee_abbreviation_unique", [
      "municipality_id",
      "abbreviation",
    ])
    .execute();

  await db.schema
    .createTable("meeting")
    .addColumn("id", id, (c) => c.primaryKey())
    .addColumn("municipality_id", "integer", (c) =>
      c.notNull().references("municipality.id").onDelete("cascade"),
    )
    .addColumn("committee_id", "integer", (c) =>
      c.notNull().references("committee.id").onDelete("cascade"),
    )
    .addColumn("meeting_day", "integer", (c) => c.notNull())
    .addColumn("title", "text")
    // OParl URLs of the council information system (meeting, agenda item, paper), optional.
    .addColumn("oparl_meeting_url", "text")
    .addColumn("oparl_agenda_item_url", "text")
    .addColumn("oparl_paper_url", "text")
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .createIndex("meeting_committee_idx")
    .on("meeting")
    .columns(["committee_id", "meeting_day"])
    .execute();

  await db.schema
    .createTable("status_report")
    .addColumn("id", id, (c) => c.primaryKey())
    .addColumn("municipality_id", "integer", (c) =>
      c.notNull().references("municipality.id").onDelete("cascade"),
    )
    // No cascade: a meeting with a report cannot silently take the report with it.
    .addColumn("meeting_id", "integer", (c) =>
      c.notNull().references("meeting.id"),
    )
    .addColumn("previous_report_id", "integer", (c) =>
      c.references("status_report.id"),
    )
    .addColumn("as_of_day", "integer", (c) => c.notNull())
    .addColumn("title", "text", (c) => c.notNull())
    // JSON list of the action field keys whose sections appear; null: all of them.
    .addColumn("sections_json", "text")
    .addColumn("include_ozg", "integer", (c) => c.notNull().defaultTo(1))
    // JSON list of { when, what }: the next reports and revisions.
    .addColumn("outlook_json", "text", (c) => c.notNull().defaultTo("[]"))
    .addColumn("status", "text", (c) => c.notNull().defaultTo("draft"))
    .addColumn("published_at", timestamp)
    .addColumn("published_by", "text")
    // The whole report as published (ReportDocument JSON): what the portal, the deck and the PDF show.
    .addColumn("document_json", "text")
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("created_at", timestamp, (c) => c.notNull())
    .addColumn("updated_at", timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("status_report_municipality_idx")
    .on("status_report")
    .columns(["municipality_id", "as_of_day"])
    .execute();

  await db.schema
    .createTable("report_entry")
    .addColumn("id", id, (c) => c.primaryKey())
    .addColumn("report_id", "integer", (c) =>
      c.notNull().references("status_report.id").onDelete("cascade"),
    )
    // By slug, not by id: an entry keeps naming its project in the published document even
    // when the catalogue is replaced later.
    .addColumn("project_slug", "text", (c) => c.notNull())
    .addColumn("status", "text")
    .addColumn("text", "text", (c) => c.notNull().defaultTo(""))
    // One highlight per line.
    .addColumn("highlights", "text", (c) => c.notNull().defaultTo(""))
    // A new date for the project as a canonical point in time ("2023-Q1"), optional.
    .addColumn("new_date", "text")
    .addColumn("is_unchanged", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("is_included", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("updated_at", timestamp, (c) => c.notNull())
    .addColumn("updated_by", "text", (c) => c.notNull())
    .addUniqueConstraint("report_entry_project_unique", [
      "report_id",
      "project_slug",
    ])
    .execute();

  await db.schema
    .createTable("indicator")
    .addColumn("id", id, (c) => c.primaryKey())
    .addColumn("municipality_id", "integer", (c) =>
      c.notNull().references("municipality.id").onDelete("cascade"),
    )
    .addColumn("key", "text", (c) => c.notNull())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("unit", "text", (c) => c.notNull())
    .addColumn("definition", "text", (c) => c.notNull())
    .addColumn("source", "text", (c) => c.notNull())
    .addColumn("owner", "text", (c) => c.notNull())
    .addColumn("project_slug", "text")
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("denominator_label", "text")
    .addColumn("chart_kind", "text", (c) => c.notNull().defaultTo("line"))
    .addColumn("position", "integer", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addUniqueConstraint("indicator_key_unique", ["municipality_id", "key"])
    .execute();

  await db.schema
    .createTable("indicator_observation")
    .addColumn("id", id, (c) => c.primaryKey())
    .addColumn("indicator_id", "integer", (c) =>
      c.notNull().references("indicator.id").onDelete("cascade"),
    )
    .addColumn("observed_day", "integer", (c) => c.notNull())
    .addColumn("value", "integer", (c) => c.notNull())
    .addColumn("denominator", "integer")
    .addColumn("note", "text")
    .addColumn("created_at", timestamp, (c) => c.notNull())
    // Which of two values for one day is right cannot be decided later: one per day.
    .addUniqueConstraint("indicator_observation_day_unique", [
      "indicator_id",
      "observed_day",
    ])
    .execute();

  await db.schema
    .createTable("ozg_service")
    .addColumn("id", id, (c) => c.primaryKey())
    .addColumn("municipality_id", "integer", (c) =>
      c.notNull().references("municipality.id").onDelete("cascade"),
    )
    .addColumn("leika_key", "text", (c) => c.notNull())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("topic", "text")
    .addColumn("is_responsible_locally", "integer", (c) => c.notNull())
    .addColumn("channel", "text")
    .addColumn("is_front_end_online", "integer", (c) => c.notNull())
    .addColumn("is_back_end_connected", "integer", (c) => c.notNull())
    .addColumn("has_e_payment", "integer", (c) => c.notNull())
    .addColumn("has_eid", "integer", (c) => c.notNull())
    .addColumn("online_applications", "integer", (c) => c.notNull())
    .addColumn("maturity_model", "text")
    .addColumn("maturity_level", "integer")
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("url", "text")
    // The span this record describes, both ends inclusive; null: open.
    .addColumn("valid_from", "integer")
    .addColumn("valid_until", "integer")
    .addColumn("position", "integer", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .createIndex("ozg_service_key_idx")
    .on("ozg_service")
    .columns(["municipality_id", "leika_key"])
    .execute();

  // A published report is a public record of what the committee was told: the database
  // itself refuses to change or delete it, or to add, change or remove its entries.
  if (dialect === "postgres") {
    await sql`create function status_report_immutable() returns trigger language plpgsql as $$
      begin raise exception 'published status reports cannot be changed or deleted'; end $$`.execute(
      db,
    );
    await sql`create trigger status_report_published_frozen before update or delete on status_report
      for each row when (old.status = 'published') execute function status_report_immutable()`.execute(
      db,
    );
    await sql`create function report_entry_immutable() returns trigger language plpgsql as $$
      declare report integer;
      begin
        if tg_op = 'INSERT' then report := new.report_id; else report := old.report_id; end if;
        if exists (select 1 from status_report where id = report and status = 'published')
          or (tg_op = 'UPDATE' and exists (select 1 from status_report where id = new.report_id and status = 'published')) then
          raise exception 'entries of published status reports cannot be changed or deleted';
        end if;
        if tg_op = 'DELETE' then return old; end if;
        return new;
      end $$`.execute(db);
    await sql`create trigger report_entry_published_frozen before insert or update or delete on report_entry
      for each row execute function report_entry_immutable()`.execute(db);
  } else {
    await sql`create trigger status_report_published_no_update before update on status_report when old.status = 'published'
      begin select raise(abort, 'published status reports cannot be changed or deleted'); end`.execute(
      db,
    );
    await sql`create trigger status_report_published_no_delete before delete on status_report when old.status = 'published'
      begin select raise(abort, 'published status reports cannot be changed or deleted'); end`.execute(
      db,
    );
    await sql`create trigger report_entry_published_no_insert before insert on report_entry
      when (select status from status_report where id = new.report_id) = 'published'
      begin select raise(abort, 'entries of published status reports cannot be changed or deleted'); end`.execute(
      db,
    );
    await sql`create trigger report_entry_published_no_update before update on report_entry
      when (select status from status_report where id = old.report_id) = 'published'
        or (select status from status_report where id = new.report_id) = 'published'
      begin select raise(abort, 'entries of published status reports cannot be changed or deleted'); end`.execute(
      db,
    );
    await sql`create trigger report_entry_published_no_delete before delete on report_entry
      when (select status from status_report where id = old.report_id) = 'published'
      begin select raise(abort, 'entries of published status reports cannot be changed or deleted'); end`.execute(
      db,
    );
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  if (dialectOf(db) === "postgres") {
    await sql`drop trigger if exists report_entry_published_frozen on report_entry`.execute(
      db,
    );
    await sql`drop trigger if exists status_report_published_frozen on status_report`.execute(
      db,
    );
    await sql`drop function if exists report_entry_immutable()`.execute(db);
    await sql`drop function if exists status_report_immutable()`.execute(db);
  }
  for (const table of [
    "ozg_service",
    "indicator_observation",
    "indicator",
    "report_entry",
    "status_report",
    "meeting",
    "committee",
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}

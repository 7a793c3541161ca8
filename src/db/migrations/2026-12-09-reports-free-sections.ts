/**
 * Free sections of status reports (ADR 0039): an introduction, topic sections, survey
 * results and the outlook, in the report's order, plus one row of kind "projects" that
 * places the per-project entries among them. Like the entries, the sections of a
 * published report cannot be added, changed or removed (triggers on both dialects).
 */
import { sql, type Kysely } from "kysely";
import { dialectOf, idColumnType } from "../dialect.js";

export async function up(db: Kysely<any>): Promise<void> {
  const dialect = dialectOf(db);
  await db.schema
    .createTable("report_section")
    .addColumn("id", idColumnType(dialect), (c) => c.primaryKey())
    .addColumn("report_id", "integer", (c) =>
      c.notNull().references("status_report.id").onDelete("cascade"),
    )
    .addColumn("position", "integer", (c) => c.notNull())
    // introduction, topic, survey, outlook or projects.
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("heading", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("body", "text", (c) => c.notNull().defaultTo(""))
    // JSON lists of key figure keys and project slugs (topic sections).
    .addColumn("figure_keys", "text", (c) => c.notNull().defaultTo("[]"))
    .addColumn("project_slugs", "text", (c) => c.notNull().defaultTo("[]"))
    // Survey sections: the question, "count" or "percent", JSON list of { label, value }.
    .addColumn("question", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("answer_unit", "text", (c) => c.notNull().defaultTo("count"))
    .addColumn("answers", "text", (c) => c.notNull().defaultTo("[]"))
    .execute();
  await db.schema
    .createIndex("report_section_report")
    .on("report_section")
    .columns(["report_id", "position"])
    .execute();
  if (dialect === "postgres") {
    await sql`create function report_section_immutable() returns trigger language plpgsql as $$
      declare report integer;
      begin
        if tg_op = 'INSERT' then report := new.report_id; else report := old.report_id; end if;
        if exists (select 1 from status_report where id = report and status = 'published')
          or (tg_op = 'UPDATE' and exists (select 1 from status_report where id = new.report_id and status = 'published')) then
          raise exception 'sections of published status reports cannot be changed or deleted';
        end if;
        if tg_op = 'DELETE' then return old; end if;
        return new;
      end $$`.execute(db);
    await sql`create trigger report_section_published_frozen before insert or update or delete on report_section
      for each row execute function report_section_immutable()`.execute(db);
  } else {
    await sql`create trigger report_section_published_no_insert before insert on report_section
      when (select status from status_report where id = new.report_id) = 'published'
      begin select raise(abort, 'sections of published status reports cannot be changed or deleted'); end`.execute(
      db,
    );
    await sql`create trigger report_section_published_no_update before update on report_section
      when (select status from status_report where id = old.report_id) = 'published'
        or (select status from status_report where id = new.report_id) = 'published'
      begin select raise(abort, 'sections of published status reports cannot be changed or deleted'); end`.execute(
      db,
    );
    await sql`create trigger report_section_published_no_delete before delete on report_section
      when (select status from status_report where id = old.report_id) = 'published'
      begin select raise(abort, 'sections of published status reports cannot be changed or deleted'); end`.execute(
      db,
    );
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  if (dialectOf(db) === "postgres") {
    await sql`drop trigger if exists report_section_published_frozen on report_section`.execute(
      db,
    );
    await sql`drop function if exists report_section_immutable()`.execute(db);
  }
  await db.schema.dropTable("report_section").execute();
}

/**
 * The scheduler inside the application (ADR 0015): one row per periodic job with a lease,
 * so that of several app processes exactly one runs a job at a time; the rules by which a
 * municipality has reminders for status reports sent; and the log of what was sent, whose
 * unique key makes a second sending for the same report and rule impossible.
 */
import type { Kysely } from "kysely";
import { dialectOf, idColumnType, timestampColumnType } from "../dialect.js";

export async function up(db: Kysely<any>): Promise<void> {
  const dialect = dialectOf(db);
  const timestamp = timestampColumnType(dialect);

  await db.schema
    .createTable("scheduled_job")
    .addColumn("name", "text", (c) => c.primaryKey())
    // When the job is due next; a process runs it only once this has passed.
    .addColumn("next_run_at", timestamp, (c) => c.notNull())
    // The lease: who runs it and until when; a crashed process's lease simply runs out.
    .addColumn("locked_until", timestamp)
    .addColumn("locked_by", "text")
    .addColumn("last_run_at", timestamp)
    .addColumn("last_error", "text")
    .execute();

  await db.schema
    .createTable("report_reminder_rule")
    .addColumn("id", idColumnType(dialect), (c) => c.primaryKey())
    .addColumn("municipality_id", "integer", (c) =>
      c.notNull().references("municipality.id").onDelete("cascade"),
    )
    // Days before the meeting on which the mail goes out (the largest asks for updates, the others remind).
    .addColumn("days_before", "integer", (c) => c.notNull())
    .addUniqueConstraint("report_reminder_rule_unique", [
      "municipality_id",
      "days_before",
    ])
    .execute();

  await db.schema
    .createTable("report_reminder_sent")
    .addColumn("id", idColumnType(dialect), (c) => c.primaryKey())
    .addColumn("report_id", "integer", (c) =>
      c.notNull().references("status_report.id").onDelete("cascade"),
    )
    .addColumn("days_before", "integer", (c) => c.notNull())
    // "request", "reminder", or "superseded" (a later rule was due as well; only that one was sent).
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("sent_at", timestamp, (c) => c.notNull())
    .addColumn("sent_by", "text", (c) => c.notNull())
    .addColumn("recipients", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("sent", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("failed", "integer", (c) => c.notNull().defaultTo(0))
    .addUniqueConstraint("report_reminder_sent_unique", [
      "report_id",
      "days_before",
    ])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    "report_reminder_sent",
    "report_reminder_rule",
    "scheduled_job",
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}

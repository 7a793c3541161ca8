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
  // Foreign keys that the reads of one municipality follow had no index (found with a
  // catalogue query for unindexed foreign keys and EXPLAIN with many municipalities):
  // without them, every catalogue, dashboard and report read scans these tables whole.
  const indexes: readonly [string, string, readonly string[]][] = [
    ["programme_goal_programme_idx", "programme_goal", ["programme_id"]],
    [
      "programme_priority_programme_idx",
      "programme_priority",
      ["programme_id"],
    ],
    ["action_field_impact_area_idx", "action_field", ["impact_area_id"]],
    ["priority_project_project_idx", "priority_project", ["project_id"]],
    ["responsibility_org_unit_idx", "responsibility", ["org_unit_id"]],
    [
      "project_dependency_depends_on_idx",
      "project_dependency",
      ["depends_on_id"],
    ],
    ["search_entry_project_idx", "search_entry", ["project_id"]],
    ["user_account_municipality_idx", "user_account", ["municipality_id"]],
    ["user_org_unit_org_unit_idx", "user_org_unit", ["org_unit_id"]],
    ["recovery_code_user_idx", "recovery_code", ["user_id"]],
    ["meeting_municipality_idx", "meeting", ["municipality_id", "meeting_day"]],
    ["status_report_meeting_idx", "status_report", ["meeting_id"]],
  ];
  for (const [name, table, columns] of indexes)
    await db.schema
      .createIndex(name)
      .on(table)
      .columns([...columns])
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
      for each statement execute function fortschritt_announce_version()`.execute(
      db,
    );
  }
}

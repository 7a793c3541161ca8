/**
 * Indexes on the foreign keys of a municipality's tables that had none. With hundreds of
 * municipalities on one database, deleting a phase, an organisational unit, a measure or
 * a status report made the database scan every municipality's rows of the referencing
 * table (the foreign-key check), and the lookups by these columns did the same
 * (docs/adr/0049-many-municipalities-copies-and-indexes.md).
 */
import type { Kysely } from "kysely";

const INDEXES = [
  ["measure_phase_idx", "measure", "phase_id"],
  ["measure_org_unit_idx", "measure", "org_unit_id"],
  ["search_entry_measure_idx", "search_entry", "measure_id"],
  ["status_report_previous_idx", "status_report", "previous_report_id"],
  [
    "api_token_municipality_municipality_idx",
    "api_token_municipality",
    "municipality_id",
  ],
] as const;

export async function up(db: Kysely<any>): Promise<void> {
  for (const [name, table, column] of INDEXES)
    await db.schema.createIndex(name).on(table).column(column).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const [name] of INDEXES) await db.schema.dropIndex(name).execute();
}

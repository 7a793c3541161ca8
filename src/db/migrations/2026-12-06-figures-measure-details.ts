/**
 * What a measure has: an optional period stored like a phase's (canonical text with its
 * precision, and the first and last day), the responsible org unit, a short description,
 * and the phase of its project it belongs to.
 */
import type { Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  const columns: readonly (readonly [string, "text" | "integer"])[] = [
    ["start_value", "text"],
    ["start_day", "integer"],
    ["end_value", "text"],
    ["end_day", "integer"],
    ["description", "text"],
  ];
  for (const [name, type] of columns) {
    await db.schema.alterTable("measure").addColumn(name, type).execute();
  }
  await db.schema
    .alterTable("measure")
    .addColumn("org_unit_id", "integer", (c) =>
      c.references("org_unit.id").onDelete("set null"),
    )
    .execute();
  await db.schema
    .alterTable("measure")
    .addColumn("phase_id", "integer", (c) =>
      c.references("phase.id").onDelete("set null"),
    )
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const name of [
    "phase_id",
    "org_unit_id",
    "description",
    "end_day",
    "end_value",
    "start_day",
    "start_value",
  ]) {
    await db.schema.alterTable("measure").dropColumn(name).execute();
  }
}

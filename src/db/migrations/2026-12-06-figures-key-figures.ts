/**
 * Key figures as people write them: decimal and percentage values with a set number of
 * decimals, an optional target (value and day), approximate values with their qualifier
 * ("mehr als 60") and a value's breakdown by category (JSON list of { label, value }).
 * Values may now have decimals: PostgreSQL widens the column to double precision; SQLite
 * keeps non-integral numbers in an INTEGER-affinity column as they are.
 */
import { type Kysely, sql } from "kysely";
import { dialectOf } from "../dialect.js";

export async function up(db: Kysely<any>): Promise<void> {
  const dialect = dialectOf(db);
  await db.schema
    .alterTable("indicator")
    .addColumn("decimals", "integer", (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .alterTable("indicator")
    .addColumn("target_value", "double precision")
    .execute();
  await db.schema
    .alterTable("indicator")
    .addColumn("target_day", "integer")
    .execute();
  await db.schema
    .alterTable("indicator_observation")
    .addColumn("qualifier", "text")
    .execute();
  await db.schema
    .alterTable("indicator_observation")
    .addColumn("breakdown", "text")
    .execute();
  if (dialect === "postgres") {
    await sql`alter table indicator_observation alter column value type double precision`.execute(
      db,
    );
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const column of ["breakdown", "qualifier"]) {
    await db.schema
      .alterTable("indicator_observation")
      .dropColumn(column)
      .execute();
  }
  for (const column of ["target_day", "target_value", "decimals"]) {
    await db.schema.alterTable("indicator").dropColumn(column).execute();
  }
}

/**
 * Bodies (Gremien, ADR 0032): a committee becomes a body of a kind (Ausschuss, Beirat,
 * Arbeitskreis, Lenkungsgruppe; existing committees are Ausschüsse), with optional
 * members (name, group, role, and whether the public may see them — not unless chosen).
 * A meeting carries its agenda item (TOP number and title), the paper reference
 * (Vorlage/Drucksache number), its presenters and the minutes' questions and answers
 * (both JSON lists, read and written whole with the meeting).
 */
import type { Kysely } from "kysely";
import { dialectOf, idColumnType } from "../dialect.js";

export async function up(db: Kysely<any>): Promise<void> {
  const id = idColumnType(dialectOf(db));
  await db.schema
    .alterTable("committee")
    .addColumn("kind", "text", (c) => c.notNull().defaultTo("committee"))
    .execute();
  await db.schema
    .createTable("body_member")
    .addColumn("id", id, (c) => c.primaryKey())
    .addColumn("committee_id", "integer", (c) =>
      c.notNull().references("committee.id").onDelete("cascade"),
    )
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("member_group", "text")
    .addColumn("role", "text")
    // 1: shown on the portal, in the API and open data; 0 (the default): staff only.
    .addColumn("is_public", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("position", "integer", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .createIndex("body_member_committee")
    .on("body_member")
    .columns(["committee_id", "position"])
    .execute();
  for (const column of [
    "agenda_item_number",
    "agenda_item_title",
    "paper_reference",
  ])
    await db.schema.alterTable("meeting").addColumn(column, "text").execute();
  await db.schema
    .alterTable("meeting")
    .addColumn("presenters_json", "text", (c) => c.notNull().defaultTo("[]"))
    .execute();
  await db.schema
    .alterTable("meeting")
    .addColumn("minutes_json", "text", (c) => c.notNull().defaultTo("[]"))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const column of [
    "minutes_json",
    "presenters_json",
    "paper_reference",
    "agenda_item_title",
    "agenda_item_number",
  ])
    await db.schema.alterTable("meeting").dropColumn(column).execute();
  await db.schema.dropTable("body_member").execute();
  await db.schema.alterTable("committee").dropColumn("kind").execute();
}

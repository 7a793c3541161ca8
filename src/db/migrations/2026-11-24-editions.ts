/**
 * Editions (Fortschreibungen): immutable published snapshots of a municipality's whole
 * programme; the draft's revision data (reasons for shifts, foreword); the categories of
 * reasons each municipality keeps. Snapshot format: docs/edition-snapshot.md.
 */
import { sql, type Kysely } from "kysely";
import { dialectOf, idColumnType, timestampColumnType } from "../dialect.js";

/** The categories every municipality starts with (DEFAULT_REASON_CATEGORIES in src/domain/edition/reasons.ts). */
const DEFAULT_CATEGORIES = [
  { key: "ozg-effort", label: "OZG-Aufwand", requiresText: false },
  { key: "staff", label: "Personal", requiresText: false },
  {
    key: "dependency",
    label: "Abhängigkeit von einem anderen Projekt",
    requiresText: false,
  },
  { key: "funding", label: "Förderung", requiresText: false },
  { key: "prioritisation", label: "Priorisierung", requiresText: false },
  { key: "technology", label: "Technik", requiresText: false },
  { key: "other", label: "Sonstiges", requiresText: true },
] as const;

export async function up(db: Kysely<any>): Promise<void> {
  const dialect = dialectOf(db);
  const id = idColumnType(dialect);
  const timestamp = timestampColumnType(dialect);

  await db.schema
    .createTable("edition")
    .addColumn("id", id, (c) => c.primaryKey())
    // No cascade: an edition outlives everything and must never be deleted by one.
    .addColumn("municipality_id", "integer", (c) =>
      c.notNull().references("municipality.id"),
    )
    .addColumn("number", "integer", (c) => c.notNull())
    .addColumn("title", "text", (c) => c.notNull())
    // The date the edition stands for (ISO date, e.g. the council's decision), as shown to readers.
    .addColumn("published_on", "text", (c) => c.notNull())
    // When it was written, and by whom (a snapshot of the name, readable after the account is gone).
    .addColumn("published_at", timestamp, (c) => c.notNull())
    .addColumn("published_by_user_id", "integer")
    .addColumn("published_by_label", "text", (c) => c.notNull())
    .addColumn("council_reference", "text")
    .addColumn("council_url", "text")
    .addColumn("foreword", "text")
    // A note on the edition itself, e.g. that it is a reconstruction for illustration.
    .addColumn("note", "text")
    .addColumn("is_reconstruction", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("snapshot_json", "text", (c) => c.notNull())
    // The reasons for the shifts against the previous edition, and the categories as they read then.
    .addColumn("reasons_json", "text", (c) => c.notNull())
    .addColumn("reason_categories_json", "text", (c) => c.notNull())
    .addUniqueConstraint("edition_number_unique", ["municipality_id", "number"])
    .execute();

  // An edition can never change: the database itself refuses, as for the audit log.
  if (dialect === "postgres") {
    await sql`create function edition_immutable() returns trigger language plpgsql as $$
      begin raise exception 'editions cannot be changed or deleted'; end $$`.execute(
      db,
    );
    await sql`create trigger edition_no_update before update or delete on edition
      for each row execute function edition_immutable()`.execute(db);
  } else {
    await sql`create trigger edition_no_update before update on edition
      begin select raise(abort, 'editions cannot be changed or deleted'); end`.execute(
      db,
    );
    await sql`create trigger edition_no_delete before delete on edition
      begin select raise(abort, 'editions cannot be changed or deleted'); end`.execute(
      db,
    );
  }

  await db.schema
    .createTable("reason_category")
    .addColumn("id", id, (c) => c.primaryKey())
    .addColumn("municipality_id", "integer", (c) =>
      c.notNull().references("municipality.id").onDelete("cascade"),
    )
    .addColumn("key", "text", (c) => c.notNull())
    .addColumn("label", "text", (c) => c.notNull())
    .addColumn("requires_text", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("position", "integer", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addUniqueConstraint("reason_category_key_unique", [
      "municipality_id",
      "key",
    ])
    .execute();

  await db.schema
    .createTable("draft_reason")
    .addColumn("id", id, (c) => c.primaryKey())
    .addColumn("municipality_id", "integer", (c) =>
      c.notNull().references("municipality.id").onDelete("cascade"),
    )
    // The stable key of the shift it explains (src/domain/edition/catalogue-change.ts).
    .addColumn("change_key", "text", (c) => c.notNull())
    .addColumn("category", "text", (c) => c.notNull())
    .addColumn("text", "text", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("updated_at", timestamp, (c) => c.notNull())
    .addUniqueConstraint("draft_reason_key_unique", [
      "municipality_id",
      "change_key",
    ])
    .execute();

  await db.schema
    .createTable("edition_draft")
    .addColumn("municipality_id", "integer", (c) =>
      c.primaryKey().references("municipality.id").onDelete("cascade"),
    )
    .addColumn("foreword", "text")
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .execute();

  const municipalities = await db
    .selectFrom("municipality")
    .select("id")
    .execute();
  for (const { id: municipalityId } of municipalities as { id: number }[]) {
    await db
      .insertInto("reason_category")
      .values(
        DEFAULT_CATEGORIES.map((category, position) => ({
          municipality_id: municipalityId,
          key: category.key,
          label: category.label,
          requires_text: category.requiresText ? 1 : 0,
          position,
        })),
      )
      .execute();
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  if (dialectOf(db) === "postgres") {
    await sql`drop trigger if exists edition_no_update on edition`.execute(db);
    await sql`drop function if exists edition_immutable()`.execute(db);
  }
  for (const table of [
    "edition_draft",
    "draft_reason",
    "reason_category",
    "edition",
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}

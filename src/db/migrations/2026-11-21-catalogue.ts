/** The catalogue: municipality, programme, org units, impact areas → action fields → projects. */
import { sql, type Kysely } from "kysely";
import {
  createSearchIndex,
  dialectOf,
  idColumnType,
  timestampColumnType,
} from "../dialect.js";

export async function up(db: Kysely<any>): Promise<void> {
  const dialect = dialectOf(db);
  const id = idColumnType(dialect);
  const timestamp = timestampColumnType(dialect);

  await db.schema
    .createTable("municipality")
    .addColumn("id", id, (c) => c.primaryKey())
    .addColumn("slug", "text", (c) => c.notNull().unique())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("state", "text")
    .addColumn("website", "text")
    .addColumn("data_version", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("created_at", timestamp, (c) => c.notNull())
    .addColumn("updated_at", timestamp, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("programme")
    .addColumn("id", id, (c) => c.primaryKey())
    .addColumn("municipality_id", "integer", (c) =>
      c.notNull().unique().references("municipality.id").onDelete("cascade"),
    )
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("subtitle", "text")
    .addColumn("horizon_start", "integer", (c) => c.notNull())
    .addColumn("horizon_end", "integer", (c) => c.notNull())
    .addColumn("summary", "text")
    .execute();

  await db.schema
    .createTable("programme_goal")
    .addColumn("id", id, (c) => c.primaryKey())
    .addColumn("programme_id", "integer", (c) =>
      c.notNull().references("programme.id").onDelete("cascade"),
    )
    .addColumn("position", "integer", (c) => c.notNull())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("description", "text")
    .execute();

  await db.schema
    .createTable("programme_priority")
    .addColumn("id", id, (c) => c.primaryKey())
    .addColumn("programme_id", "integer", (c) =>
      c.notNull().references("programme.id").onDelete("cascade"),
    )
    .addColumn("year", "integer", (c) => c.notNull())
    .addColumn("position", "integer", (c) => c.notNull())
    .addColumn("title", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("org_unit")
    .addColumn("id", id, (c) => c.primaryKey())
    .addColumn("municipality_id", "integer", (c) =>
      c.notNull().references("municipality.id").onDelete("cascade"),
    )
    .addColumn("code", "text", (c) => c.notNull())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("parent_id", "integer", (c) =>
      c.references("org_unit.id").onDelete("set null"),
    )
    .addColumn("position", "integer", (c) => c.notNull())
    .addUniqueConstraint("org_unit_code_unique", ["municipality_id", "code"])
    .execute();

  await db.schema
    .createTable("impact_area")
    .addColumn("id", id, (c) => c.primaryKey())
    .addColumn("municipality_id", "integer", (c) =>
      c.notNull().references("municipality.id").onDelete("cascade"),
    )
    .addColumn("key", "text", (c) => c.notNull())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("description", "text")
    .addColumn("position", "integer", (c) => c.notNull())
    .addUniqueConstraint("impact_area_key_unique", ["municipality_id", "key"])
    .execute();

  await db.schema
    .createTable("action_field")
    .addColumn("id", id, (c) => c.primaryKey())
    .addColumn("municipality_id", "integer", (c) =>
      c.notNull().references("municipality.id").onDelete("cascade"),
    )
    .addColumn("impact_area_id", "integer", (c) =>
      c.notNull().references("impact_area.id").onDelete("cascade"),
    )
    .addColumn("key", "text", (c) => c.notNull())
    .addColumn("number", "integer", (c) => c.notNull())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("colour", "text", (c) => c.notNull())
    .addColumn("description", "text")
    .addColumn("position", "integer", (c) => c.notNull())
    .addUniqueConstraint("action_field_key_unique", ["municipality_id", "key"])
    .execute();

  await db.schema
    .createTable("project")
    .addColumn("id", id, (c) => c.primaryKey())
    .addColumn("municipality_id", "integer", (c) =>
      c.notNull().references("municipality.id").onDelete("cascade"),
    )
    .addColumn("impact_area_id", "integer", (c) =>
      c.notNull().references("impact_area.id").onDelete("cascade"),
    )
    .addColumn("action_field_id", "integer", (c) =>
      c.notNull().references("action_field.id").onDelete("cascade"),
    )
    .addColumn("slug", "text", (c) => c.notNull())
    .addColumn("code", "text", (c) => c.notNull())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("summary", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("position", "integer", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("updated_at", timestamp, (c) => c.notNull())
    .addUniqueConstraint("project_slug_unique", ["municipality_id", "slug"])
    .addUniqueConstraint("project_code_unique", ["impact_area_id", "code"])
    .execute();
  await db.schema
    .createIndex("project_action_field_idx")
    .on("project")
    .column("action_field_id")
    .execute();

  await db.schema
    .createTable("priority_project")
    .addColumn("priority_id", "integer", (c) =>
      c.notNull().references("programme_priority.id").onDelete("cascade"),
    )
    .addColumn("project_id", "integer", (c) =>
      c.notNull().references("project.id").onDelete("cascade"),
    )
    .addColumn("position", "integer", (c) => c.notNull())
    .addPrimaryKeyConstraint("priority_project_pk", [
      "priority_id",
      "project_id",
    ])
    .execute();

  await db.schema
    .createTable("project_tag")
    .addColumn("project_id", "integer", (c) =>
      c.notNull().references("project.id").onDelete("cascade"),
    )
    .addColumn("tag", "text", (c) => c.notNull())
    .addColumn("position", "integer", (c) => c.notNull())
    .addPrimaryKeyConstraint("project_tag_pk", ["project_id", "tag"])
    .execute();

  await db.schema
    .createTable("phase")
    .addColumn("id", id, (c) => c.primaryKey())
    .addColumn("project_id", "integer", (c) =>
      c.notNull().references("project.id").onDelete("cascade"),
    )
    .addColumn("position", "integer", (c) => c.notNull())
    .addColumn("label", "text", (c) => c.notNull())
    .addColumn("start_value", "text", (c) => c.notNull())
    .addColumn("start_day", "integer", (c) => c.notNull())
    .addColumn("end_value", "text")
    .addColumn("end_day", "integer")
    .addColumn("continuation", "text")
    .addColumn("note", "text")
    .addCheckConstraint(
      "phase_end_or_continuation",
      sql`end_value is not null or continuation is not null`,
    )
    .execute();
  await db.schema
    .createIndex("phase_project_idx")
    .on("phase")
    .column("project_id")
    .execute();

  await db.schema
    .createTable("measure")
    .addColumn("id", id, (c) => c.primaryKey())
    .addColumn("project_id", "integer", (c) =>
      c.notNull().references("project.id").onDelete("cascade"),
    )
    .addColumn("position", "integer", (c) => c.notNull())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("measure_project_idx")
    .on("measure")
    .column("project_id")
    .execute();

  await db.schema
    .createTable("responsibility")
    .addColumn("id", id, (c) => c.primaryKey())
    .addColumn("project_id", "integer", (c) =>
      c.notNull().references("project.id").onDelete("cascade"),
    )
    .addColumn("org_unit_id", "integer", (c) =>
      c.notNull().references("org_unit.id").onDelete("cascade"),
    )
    .addColumn("role", "text", (c) => c.notNull())
    .addColumn("note", "text")
    .addColumn("position", "integer", (c) => c.notNull())
    .addUniqueConstraint("responsibility_unique", ["project_id", "org_unit_id"])
    .execute();

  await db.schema
    .createTable("project_dependency")
    .addColumn("project_id", "integer", (c) =>
      c.notNull().references("project.id").onDelete("cascade"),
    )
    .addColumn("depends_on_id", "integer", (c) =>
      c.notNull().references("project.id").onDelete("cascade"),
    )
    .addColumn("position", "integer", (c) => c.notNull())
    .addPrimaryKeyConstraint("project_dependency_pk", [
      "project_id",
      "depends_on_id",
    ])
    .addCheckConstraint(
      "project_dependency_not_self",
      sql`project_id <> depends_on_id`,
    )
    .execute();

  await db.schema
    .createTable("search_entry")
    .addColumn("id", id, (c) => c.primaryKey())
    .addColumn("municipality_id", "integer", (c) =>
      c.notNull().references("municipality.id").onDelete("cascade"),
    )
    .addColumn("project_id", "integer", (c) =>
      c.notNull().references("project.id").onDelete("cascade"),
    )
    .addColumn("measure_id", "integer", (c) =>
      c.references("measure.id").onDelete("cascade"),
    )
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("body", "text", (c) => c.notNull())
    .addColumn("folded", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("search_entry_municipality_idx")
    .on("search_entry")
    .column("municipality_id")
    .execute();
  await createSearchIndex(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    "search_entry",
    "project_dependency",
    "responsibility",
    "measure",
    "phase",
    "project_tag",
    "priority_project",
    "project",
    "action_field",
    "impact_area",
    "org_unit",
    "programme_priority",
    "programme_goal",
    "programme",
    "municipality",
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
  if (dialectOf(db) === "sqlite")
    await db.schema.dropTable("search_fts").ifExists().execute();
}

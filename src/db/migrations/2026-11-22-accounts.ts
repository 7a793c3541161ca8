/**
 * Accounts, sessions, API tokens and the audit log; record versions for the editable
 * catalogue entities (no lost updates).
 */
import { sql, type Kysely } from "kysely";
import { dialectOf, idColumnType, timestampColumnType } from "../dialect.js";

export async function up(db: Kysely<any>): Promise<void> {
  const dialect = dialectOf(db);
  const id = idColumnType(dialect);
  const timestamp = timestampColumnType(dialect);

  for (const table of [
    "programme",
    "impact_area",
    "action_field",
    "org_unit",
  ]) {
    await db.schema
      .alterTable(table)
      .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
      .execute();
  }

  await db.schema
    .createTable("user_account")
    .addColumn("id", id, (c) => c.primaryKey())
    .addColumn("municipality_id", "integer", (c) =>
      c.notNull().references("municipality.id").onDelete("cascade"),
    )
    // Stored lower-cased: the same address typed in another case is the same person.
    .addColumn("email", "text", (c) => c.notNull().unique())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("role", "text", (c) => c.notNull())
    .addColumn("password_hash", "text")
    .addColumn("totp_secret", "text")
    .addColumn("totp_enabled_at", timestamp)
    .addColumn("last_totp_step", "integer")
    .addColumn("external_subject", "text", (c) => c.unique())
    .addColumn("is_active", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("failed_logins", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("locked_until", timestamp)
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("created_at", timestamp, (c) => c.notNull())
    .addColumn("updated_at", timestamp, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("user_org_unit")
    .addColumn("user_id", "integer", (c) =>
      c.notNull().references("user_account.id").onDelete("cascade"),
    )
    .addColumn("org_unit_id", "integer", (c) =>
      c.notNull().references("org_unit.id").onDelete("cascade"),
    )
    .addPrimaryKeyConstraint("user_org_unit_pk", ["user_id", "org_unit_id"])
    .execute();

  await db.schema
    .createTable("recovery_code")
    .addColumn("id", id, (c) => c.primaryKey())
    .addColumn("user_id", "integer", (c) =>
      c.notNull().references("user_account.id").onDelete("cascade"),
    )
    .addColumn("code_hash", "text", (c) => c.notNull())
    .addColumn("used_at", timestamp)
    .execute();

  await db.schema
    .createTable("session")
    // The SHA-256 of the token in the cookie: a stolen database does not yield live sessions.
    .addColumn("id_hash", "text", (c) => c.primaryKey())
    .addColumn("user_id", "integer", (c) =>
      c.notNull().references("user_account.id").onDelete("cascade"),
    )
    .addColumn("created_at", timestamp, (c) => c.notNull())
    .addColumn("last_seen_at", timestamp, (c) => c.notNull())
    .addColumn("expires_at", timestamp, (c) => c.notNull())
    // 1 while the second factor is still to be entered.
    .addColumn("is_pending_second_factor", "integer", (c) =>
      c.notNull().defaultTo(0),
    )
    .addColumn("ip", "text")
    .addColumn("user_agent", "text")
    .execute();
  await db.schema
    .createIndex("session_user_idx")
    .on("session")
    .column("user_id")
    .execute();

  await db.schema
    .createTable("login_attempt")
    .addColumn("id", id, (c) => c.primaryKey())
    .addColumn("email", "text", (c) => c.notNull())
    .addColumn("ip", "text", (c) => c.notNull())
    .addColumn("at", timestamp, (c) => c.notNull())
    .addColumn("is_success", "integer", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("login_attempt_ip_idx")
    .on("login_attempt")
    .columns(["ip", "at"])
    .execute();
  await db.schema
    .createIndex("login_attempt_email_idx")
    .on("login_attempt")
    .columns(["email", "at"])
    .execute();

  await db.schema
    .createTable("password_reset")
    .addColumn("token_hash", "text", (c) => c.primaryKey())
    .addColumn("user_id", "integer", (c) =>
      c.notNull().references("user_account.id").onDelete("cascade"),
    )
    .addColumn("created_at", timestamp, (c) => c.notNull())
    .addColumn("expires_at", timestamp, (c) => c.notNull())
    .addColumn("used_at", timestamp)
    .execute();

  await db.schema
    .createTable("api_token")
    .addColumn("id", id, (c) => c.primaryKey())
    .addColumn("user_id", "integer", (c) =>
      c.notNull().references("user_account.id").onDelete("cascade"),
    )
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("token_hash", "text", (c) => c.notNull().unique())
    .addColumn("created_at", timestamp, (c) => c.notNull())
    .addColumn("last_used_at", timestamp)
    .addColumn("revoked_at", timestamp)
    .execute();

  // No foreign keys: the log outlives what it describes (a deleted project, a deleted
  // account) and must never be changed by a cascading update or delete.
  await db.schema
    .createTable("audit_event")
    .addColumn("id", id, (c) => c.primaryKey())
    // Null for events that belong to no municipality (a failed login with an unknown address).
    .addColumn("municipality_id", "integer")
    .addColumn("at", timestamp, (c) => c.notNull())
    .addColumn("actor_user_id", "integer")
    // A snapshot of who acted, readable even after the account is gone.
    .addColumn("actor_label", "text", (c) => c.notNull())
    .addColumn("action", "text", (c) => c.notNull())
    .addColumn("entity_type", "text", (c) => c.notNull())
    .addColumn("entity_id", "text")
    .addColumn("entity_label", "text")
    .addColumn("project_id", "integer")
    .addColumn("before_json", "text")
    .addColumn("after_json", "text")
    .addColumn("reason", "text")
    .addColumn("ip", "text")
    .execute();
  await db.schema
    .createIndex("audit_event_municipality_idx")
    .on("audit_event")
    .columns(["municipality_id", "at"])
    .execute();
  await db.schema
    .createIndex("audit_event_project_idx")
    .on("audit_event")
    .columns(["project_id", "at"])
    .execute();

  // The audit log is append-only: the database itself refuses to change or delete an event.
  if (dialect === "postgres") {
    await sql`create function audit_event_immutable() returns trigger language plpgsql as $$
      begin raise exception 'audit events cannot be changed or deleted'; end $$`.execute(
      db,
    );
    await sql`create trigger audit_event_no_update before update or delete on audit_event
      for each row execute function audit_event_immutable()`.execute(db);
  } else {
    await sql`create trigger audit_event_no_update before update on audit_event
      begin select raise(abort, 'audit events cannot be changed or deleted'); end`.execute(
      db,
    );
    await sql`create trigger audit_event_no_delete before delete on audit_event
      begin select raise(abort, 'audit events cannot be changed or deleted'); end`.execute(
      db,
    );
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  if (dialectOf(db) === "postgres") {
    await sql`drop trigger if exists audit_event_no_update on audit_event`.execute(
      db,
    );
    await sql`drop function if exists audit_event_immutable()`.execute(db);
  }
  for (const table of [
    "audit_event",
    "api_token",
    "password_reset",
    "login_attempt",
    "session",
    "recovery_code",
    "user_org_unit",
    "user_account",
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
  for (const table of [
    "programme",
    "impact_area",
    "action_field",
    "org_unit",
  ]) {
    await db.schema.alterTable(table).dropColumn("version").execute();
  }
}

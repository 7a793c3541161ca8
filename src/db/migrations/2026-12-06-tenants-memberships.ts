/**
 * People in several municipalities, and operators: an account is a person (one e-mail
 * address); a membership gives that person a role in one municipality. Every existing
 * account becomes one membership in its municipality. The account's own municipality and
 * role become optional (operators belong to no municipality) and are no longer read for
 * access. API tokens name the municipalities they may act in.
 *
 * SQLite cannot drop a NOT NULL constraint: user_account is rebuilt (the documented
 * twelve-step procedure). Kysely runs SQLite migrations outside a transaction, so foreign
 * keys can be switched off for the rebuild, which happens in a transaction of its own;
 * PostgreSQL alters the columns in place inside the migration's transaction.
 */
import { sql, type Kysely } from "kysely";
import { dialectOf, idColumnType, timestampColumnType } from "../dialect.js";

const ACCOUNT_COLUMNS = [
  "id",
  "municipality_id",
  "email",
  "name",
  "role",
  "password_hash",
  "totp_secret",
  "totp_enabled_at",
  "last_totp_step",
  "external_subject",
  "is_active",
  "failed_logins",
  "locked_until",
  "version",
  "created_at",
  "updated_at",
  "totp_pending_secret",
].join(", ");

async function rebuildSqliteAccounts(db: Kysely<any>): Promise<void> {
  const timestamp = timestampColumnType("sqlite");
  await sql`pragma foreign_keys = off`.execute(db);
  try {
    await sql`begin immediate`.execute(db);
    try {
      await db.schema
        .createTable("user_account_new")
        .addColumn("id", "integer", (c) => c.primaryKey())
        .addColumn("municipality_id", "integer", (c) =>
          c.references("municipality.id").onDelete("set null"),
        )
        .addColumn("email", "text", (c) => c.notNull().unique())
        .addColumn("name", "text", (c) => c.notNull())
        .addColumn("role", "text")
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
        .addColumn("totp_pending_secret", "text")
        .addColumn("is_operator", "integer", (c) => c.notNull().defaultTo(0))
        .execute();
      await sql
        .raw(
          `insert into user_account_new (${ACCOUNT_COLUMNS}) select ${ACCOUNT_COLUMNS} from user_account`,
        )
        .execute(db);
      await sql`drop table user_account`.execute(db);
      await sql`alter table user_account_new rename to user_account`.execute(
        db,
      );
      await db.schema
        .createIndex("user_account_municipality_idx")
        .on("user_account")
        .column("municipality_id")
        .execute();
      const broken = await sql`pragma foreign_key_check`.execute(db);
      if (broken.rows.length > 0)
        throw new Error(
          `Rebuilding user_account broke foreign keys: ${JSON.stringify(broken.rows)}`,
        );
      await sql`commit`.execute(db);
    } catch (error) {
      await sql`rollback`.execute(db);
      throw error;
    }
  } finally {
    await sql`pragma foreign_keys = on`.execute(db);
  }
}

export async function up(db: Kysely<any>): Promise<void> {
  const dialect = dialectOf(db);
  const id = idColumnType(dialect);
  const timestamp = timestampColumnType(dialect);

  if (dialect === "postgres") {
    await sql`alter table user_account alter column municipality_id drop not null`.execute(
      db,
    );
    await sql`alter table user_account alter column role drop not null`.execute(
      db,
    );
    // A person outlives a municipality they worked for: their other memberships stay.
    await sql`alter table user_account drop constraint if exists user_account_municipality_id_fkey`.execute(
      db,
    );
    await sql`alter table user_account add constraint user_account_municipality_id_fkey
      foreign key (municipality_id) references municipality (id) on delete set null`.execute(
      db,
    );
    await db.schema
      .alterTable("user_account")
      .addColumn("is_operator", "integer", (c) => c.notNull().defaultTo(0))
      .execute();
  } else {
    await rebuildSqliteAccounts(db);
  }

  await db.schema
    .createTable("membership")
    .addColumn("id", id, (c) => c.primaryKey())
    .addColumn("user_id", "integer", (c) =>
      c.notNull().references("user_account.id").onDelete("cascade"),
    )
    .addColumn("municipality_id", "integer", (c) =>
      c.notNull().references("municipality.id").onDelete("cascade"),
    )
    .addColumn("role", "text", (c) => c.notNull())
    .addColumn("is_active", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("created_at", timestamp, (c) => c.notNull())
    .addColumn("updated_at", timestamp, (c) => c.notNull())
    .addUniqueConstraint("membership_user_municipality_key", [
      "user_id",
      "municipality_id",
    ])
    .execute();
  await db.schema
    .createIndex("membership_municipality_idx")
    .on("membership")
    .columns(["municipality_id", "user_id"])
    .execute();
  await sql`insert into membership (user_id, municipality_id, role, is_active, created_at, updated_at)
    select id, municipality_id, coalesce(role, 'committee'), is_active, created_at, updated_at
    from user_account where municipality_id is not null order by id`.execute(
    db,
  );

  await db.schema
    .createTable("api_token_municipality")
    .addColumn("token_id", "integer", (c) =>
      c.notNull().references("api_token.id").onDelete("cascade"),
    )
    .addColumn("municipality_id", "integer", (c) =>
      c.notNull().references("municipality.id").onDelete("cascade"),
    )
    .addPrimaryKeyConstraint("api_token_municipality_pk", [
      "token_id",
      "municipality_id",
    ])
    .execute();
  await sql`insert into api_token_municipality (token_id, municipality_id)
    select api_token.id, user_account.municipality_id from api_token
    join user_account on user_account.id = api_token.user_id
    where user_account.municipality_id is not null`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("api_token_municipality").ifExists().execute();
  await db.schema.dropTable("membership").ifExists().execute();
  await db.schema
    .alterTable("user_account")
    .dropColumn("is_operator")
    .execute();
}

/**
 * Backup and restore at the level of tables and rows, the same on SQLite and PostgreSQL
 * (ADR 0014): the schema is read from the database itself (tables, columns, primary and
 * foreign keys), so that a table added by a later migration is backed up without a change
 * here. Rows travel as plain JSON values; the file format lives in app/backup.
 */
import { sql, type Kysely, type RawBuilder, type Transaction } from "kysely";
import type { Database } from "./database.js";
import { dialectOf, type DialectName } from "./dialect.js";

/** One column value as it travels in a backup. */
export type BackupValue = string | number | null | { readonly base64: string };

/** A table as the backup sees it. */
export interface TableShape {
  readonly name: string;
  /** Columns that hold data (generated columns left out), in the table's order. */
  readonly columns: readonly string[];
  /** The primary key's columns, in key order: rows are read in this order. */
  readonly primaryKey: readonly string[];
  /** Tables this one references (without itself). */
  readonly references: readonly string[];
  /** Columns referencing the table itself (org_unit.parent_id, status_report.previous_report_id). */
  readonly selfReferences: readonly string[];
  /** Columns filled from a sequence (PostgreSQL serial). */
  readonly sequenceColumns: readonly string[];
}

/**
 * Tables that hold only short-lived state: sign-ins in progress, sessions, throttling
 * counters, reset links and the leases of the scheduler. A restore signs everybody out
 * and starts these afresh; they are neither backed up nor compared.
 */
export const TRANSIENT_TABLES: ReadonlySet<string> = new Set([
  "session",
  "sso_login",
  "login_attempt",
  "password_reset",
  "scheduled_job",
  "catalogue_sheet_upload",
  // Stored documents are rebuilt on demand, byte for byte (ADR 0046).
  "published_document",
]);

/**
 * Values a restore writes first in place of the real one, because a row with the real
 * value would refuse what comes after it: a published status report refuses new entries
 * (and any change), so reports are inserted as drafts, their entries follow, and a last
 * update publishes them again — the same step the application takes when it publishes.
 */
const HELD_VALUES: Readonly<
  Record<string, Readonly<Record<string, BackupValue>>>
> = {
  status_report: { status: "draft" },
};

type AnyDb = Kysely<Database> | Transaction<Database>;

function tableRef(name: string): RawBuilder<unknown> {
  return sql.table(name);
}

function columnList(columns: readonly string[]): RawBuilder<unknown> {
  return sql.join(columns.map((column) => sql.ref(column)));
}

/** The data tables of the database (without the migrator's own), sorted so that every table follows those it references. */
export async function describeTables(
  db: AnyDb,
): Promise<readonly TableShape[]> {
  const dialect = dialectOf(db);
  const shapes =
    dialect === "sqlite"
      ? await describeSqlite(db)
      : await describePostgres(db);
  return sortByDependency(
    shapes.filter((shape) => !shape.name.startsWith("kysely_")),
  );
}

async function describeSqlite(db: AnyDb): Promise<TableShape[]> {
  const tables = await sql<{ name: string; sql: string | null }>`
    select name, sql from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name`.execute(
    db,
  );
  const virtual = tables.rows
    .filter((table) => /^create virtual table/i.test(table.sql ?? ""))
    .map((table) => table.name);
  // A virtual table (the full-text index) and its shadow tables are derived from search_entry.
  const real = tables.rows.filter(
    (table) =>
      !virtual.includes(table.name) &&
      !virtual.some((name) => table.name.startsWith(`${name}_`)),
  );
  const shapes: TableShape[] = [];
  for (const { name } of real) {
    const columns = await sql<{ name: string; pk: number; hidden: number }>`
      select name, pk, hidden from pragma_table_xinfo(${name}) order by cid`.execute(
      db,
    );
    const keys = await sql<{ table: string; from: string }>`
      select "table", "from" from pragma_foreign_key_list(${name})`.execute(db);
    const visible = columns.rows.filter((column) => column.hidden === 0);
    const primaryKey = visible
      .filter((column) => column.pk > 0)
      .sort((a, b) => a.pk - b.pk)
      .map((column) => column.name);
    shapes.push({
      name,
      columns: visible.map((column) => column.name),
      primaryKey:
        primaryKey.length > 0
          ? primaryKey
          : visible.map((column) => column.name),
      references: [
        ...new Set(
          keys.rows.filter((key) => key.table !== name).map((key) => key.table),
        ),
      ],
      selfReferences: keys.rows
        .filter((key) => key.table === name)
        .map((key) => key.from),
      sequenceColumns: [],
    });
  }
  return shapes;
}

async function describePostgres(db: AnyDb): Promise<TableShape[]> {
  const tables = await sql<{ name: string }>`
    select table_name as name from information_schema.tables
    where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name`.execute(
    db,
  );
  const columns = await sql<{
    table: string;
    name: string;
    is_generated: string;
    column_default: string | null;
  }>`
    select table_name as "table", column_name as name, is_generated, column_default
    from information_schema.columns where table_schema = current_schema() order by table_name, ordinal_position`.execute(
    db,
  );
  const primaryKeys = await sql<{ table: string; name: string }>`
    select c.relname as "table", a.attname as name
    from pg_index i
    join pg_class c on c.oid = i.indrelid
    join pg_namespace n on n.oid = c.relnamespace and n.nspname = current_schema()
    join lateral unnest(i.indkey) with ordinality as k(attnum, position) on true
    join pg_attribute a on a.attrelid = c.oid and a.attnum = k.attnum
    where i.indisprimary order by c.relname, k.position`.execute(db);
  const foreignKeys = await sql<{
    table: string;
    referenced: string;
    name: string;
  }>`
    select c.relname as "table", r.relname as referenced, a.attname as name
    from pg_constraint f
    join pg_class c on c.oid = f.conrelid
    join pg_class r on r.oid = f.confrelid
    join pg_namespace n on n.oid = f.connamespace and n.nspname = current_schema()
    join pg_attribute a on a.attrelid = f.conrelid and a.attnum = any (f.conkey)
    where f.contype = 'f'`.execute(db);
  return tables.rows.map(({ name }) => {
    const own = columns.rows.filter(
      (column) => column.table === name && column.is_generated === "NEVER",
    );
    const keys = foreignKeys.rows.filter((key) => key.table === name);
    const primaryKey = primaryKeys.rows
      .filter((key) => key.table === name)
      .map((key) => key.name);
    return {
      name,
      columns: own.map((column) => column.name),
      primaryKey:
        primaryKey.length > 0 ? primaryKey : own.map((column) => column.name),
      references: [
        ...new Set(
          keys
            .filter((key) => key.referenced !== name)
            .map((key) => key.referenced),
        ),
      ],
      selfReferences: keys
        .filter((key) => key.referenced === name)
        .map((key) => key.name),
      sequenceColumns: own
        .filter(
          (column) => column.column_default?.startsWith("nextval(") === true,
        )
        .map((column) => column.name),
    };
  });
}

/** Orders tables so that each follows the tables it references; alphabetical among equals, so the order is stable. */
function sortByDependency(shapes: readonly TableShape[]): TableShape[] {
  const byName = new Map(shapes.map((shape) => [shape.name, shape]));
  const sorted: TableShape[] = [];
  const state = new Map<string, "visiting" | "done">();
  const visit = (shape: TableShape, path: readonly string[]): void => {
    if (state.get(shape.name) === "done") return;
    if (state.get(shape.name) === "visiting")
      throw new Error(
        `Foreign keys form a cycle: ${[...path, shape.name].join(" → ")}`,
      );
    state.set(shape.name, "visiting");
    for (const name of [...shape.references].sort()) {
      const referenced = byName.get(name);
      if (referenced !== undefined) visit(referenced, [...path, shape.name]);
    }
    state.set(shape.name, "done");
    sorted.push(shape);
  };
  for (const shape of [...shapes].sort((a, b) => a.name.localeCompare(b.name)))
    visit(shape, []);
  return sorted;
}

/** Turns a value read from either database into its portable form: timestamps as ISO strings, bytes as base64. */
export function portableValue(value: unknown): BackupValue {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  if (Buffer.isBuffer(value)) return { base64: value.toString("base64") };
  if (typeof value === "bigint") return Number(value);
  if (typeof value === "boolean") return value ? 1 : 0;
  if (typeof value === "number" || typeof value === "string") return value;
  throw new Error(`Unsupported column value of type ${typeof value}`);
}

function storedValue(value: BackupValue): unknown {
  return value !== null && typeof value === "object"
    ? Buffer.from(value.base64, "base64")
    : value;
}

/**
 * Runs `read` inside one read-only snapshot of the whole database: a repeatable-read
 * transaction on PostgreSQL, a read transaction on SQLite (WAL lets writers go on beside
 * it). Everything read inside sees the same moment, while the application keeps writing.
 */
export async function withSnapshot<T>(
  db: Kysely<Database>,
  read: (snapshot: Transaction<Database>) => Promise<T>,
): Promise<T> {
  if (dialectOf(db) === "postgres") {
    return db
      .transaction()
      .setIsolationLevel("repeatable read")
      .execute(async (trx) => {
        await sql`set transaction read only`.execute(trx);
        return read(trx);
      });
  }
  return db.transaction().execute(read);
}

/** Reads a table's rows in primary-key order, a page at a time (keyset paging, so large tables stay cheap). */
export async function* readRows(
  db: AnyDb,
  shape: TableShape,
  pageSize = 500,
): AsyncGenerator<readonly BackupValue[]> {
  const keyIndexes = shape.primaryKey.map((key) => shape.columns.indexOf(key));
  let after: readonly unknown[] | null = null;
  for (;;) {
    const keyColumns = columnList(shape.primaryKey);
    const condition: RawBuilder<unknown> =
      after === null
        ? sql`1 = 1`
        : sql`(${keyColumns}) > (${sql.join(after.map((value) => sql`${value}`))})`;
    const page = await sql<Record<string, unknown>>`
      select ${columnList(shape.columns)} from ${tableRef(shape.name)}
      where ${condition} order by ${keyColumns} limit ${pageSize}`.execute(db);
    for (const row of page.rows)
      yield shape.columns.map((column) => portableValue(row[column]));
    if (page.rows.length < pageSize) return;
    const last = page.rows[page.rows.length - 1] as Record<string, unknown>;
    after = keyIndexes.map((index) => last[shape.columns[index] as string]);
  }
}

/** The names of the tables that hold at least one row (of those a backup carries). */
export async function findNonEmptyTables(
  db: AnyDb,
  shapes: readonly TableShape[],
): Promise<readonly string[]> {
  const filled: string[] = [];
  for (const shape of shapes) {
    const result = await sql<{
      one: number;
    }>`select 1 as one from ${tableRef(shape.name)} limit 1`.execute(db);
    if (result.rows.length > 0) filled.push(shape.name);
  }
  return filled;
}

/**
 * Removes every row of every data table (for a restore with --force), inside the caller's
 * transaction. The append-only tables refuse deletes by trigger: PostgreSQL's TRUNCATE
 * does not fire row triggers; on SQLite the refusing triggers are dropped and created again
 * from their own definition within the same transaction, so they are back before anyone
 * else can write.
 */
export async function deleteAllRows(
  trx: Transaction<Database>,
  shapes: readonly TableShape[],
): Promise<void> {
  if (dialectOf(trx) === "postgres") {
    if (shapes.length === 0) return;
    await sql`truncate table ${sql.join(shapes.map((shape) => tableRef(shape.name)))} restart identity cascade`.execute(
      trx,
    );
    return;
  }
  const guards = await sql<{ name: string; sql: string }>`
    select name, sql from sqlite_master where type = 'trigger'
    and lower(sql) like '%before delete%' and lower(sql) like '%raise(%'`.execute(
    trx,
  );
  for (const guard of guards.rows)
    await sql`drop trigger ${sql.id(guard.name)}`.execute(trx);
  for (const shape of [...shapes].reverse())
    await sql`delete from ${tableRef(shape.name)}`.execute(trx);
  for (const guard of guards.rows) await sql.raw(guard.sql).execute(trx);
}

/** A row's later update: self-references and held values, written once every table is in. */
interface PendingUpdate {
  readonly table: TableShape;
  readonly key: readonly unknown[];
  readonly values: Readonly<Record<string, unknown>>;
}

/** Inserts backed-up rows in file order and finishes the rows that had to wait (see HELD_VALUES). */
export interface RowWriter {
  /** Inserts rows of one table; `columns` are the backup's, a subset of the target's. */
  insert(
    table: TableShape,
    columns: readonly string[],
    rows: readonly (readonly BackupValue[])[],
  ): Promise<void>;
  /** Writes the pending self-references and held values, then moves sequences past the restored ids. */
  finish(): Promise<void>;
}

/** A writer that inserts (never updates a stored row, except the documented pending ones) inside the transaction. */
export function createRowWriter(
  trx: Transaction<Database>,
  shapes: readonly TableShape[],
): RowWriter {
  const pending: PendingUpdate[] = [];
  return {
    async insert(table, columns, rows) {
      if (rows.length === 0) return;
      const held = HELD_VALUES[table.name] ?? {};
      const deferred = new Set([...table.selfReferences, ...Object.keys(held)]);
      const keyIndexes = table.primaryKey.map((key) => columns.indexOf(key));
      const values = rows.map((row) => {
        const later: Record<string, unknown> = {};
        const now = columns.map((column, index) => {
          const value = storedValue(row[index] ?? null);
          if (!deferred.has(column)) return value;
          const placeholder = column in held ? (held[column] ?? null) : null;
          if (value !== placeholder) later[column] = value;
          return placeholder;
        });
        if (Object.keys(later).length > 0) {
          pending.push({
            table,
            key: keyIndexes.map((index) => storedValue(row[index] ?? null)),
            values: later,
          });
        }
        return sql`(${sql.join(now.map((value) => sql`${value}`))})`;
      });
      // Well below the parameter limits of both databases (SQLite 32,766, PostgreSQL 65,535).
      const perStatement = Math.max(
        1,
        Math.floor(10_000 / Math.max(1, columns.length)),
      );
      for (let start = 0; start < values.length; start += perStatement) {
        const chunk = values.slice(start, start + perStatement);
        await sql`insert into ${tableRef(table.name)} (${columnList(columns)}) values ${sql.join(chunk)}`.execute(
          trx,
        );
      }
    },
    async finish() {
      for (const update of pending) {
        const assignments = Object.entries(update.values).map(
          ([column, value]) => sql`${sql.ref(column)} = ${value}`,
        );
        const match = update.table.primaryKey.map(
          (column, index) => sql`${sql.ref(column)} = ${update.key[index]}`,
        );
        await sql`update ${tableRef(update.table.name)} set ${sql.join(assignments)} where ${sql.join(match, sql` and `)}`.execute(
          trx,
        );
      }
      if (dialectOf(trx) !== "postgres") return;
      for (const shape of shapes) {
        for (const column of shape.sequenceColumns) {
          await sql`select setval(pg_get_serial_sequence(${shape.name}, ${column}),
            coalesce((select max(${sql.ref(column)}) from ${tableRef(shape.name)}), 0) + 1, false)`.execute(
            trx,
          );
        }
      }
    },
  };
}

/** Which dialect the handle speaks (for the backup's header). */
export function dialectOfDatabase(db: AnyDb): DialectName {
  return dialectOf(db);
}

/**
 * The only place where SQLite and PostgreSQL differ: opening a connection and the column
 * types the two spell differently (and the full-text index they once had). Everything
 * else in db/ is written once in Kysely's portable query builder; search is the same SQL
 * on both (docs/adr/0011-one-search.md).
 */
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import SQLite from "better-sqlite3";
import {
  Kysely,
  PostgresAdapter,
  PostgresDialect,
  sql,
  SqliteDialect,
  type ColumnDataType,
  type Dialect,
  type Driver,
  type KyselyConfig,
  type KyselyPlugin,
  type LogEvent,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
  type QueryResult,
  type RootOperationNode,
  type UnknownRow,
} from "kysely";
import { createRequire } from "node:module";
import type pgModule from "pg";
import type { Database } from "./database.js";

/** The two supported databases. */
export type DialectName = "sqlite" | "postgres";

/** Where to connect: a SQLite file or a PostgreSQL connection string. */
export type ConnectionTarget =
  | { readonly dialect: "sqlite"; readonly file: string }
  | {
      readonly dialect: "postgres";
      readonly url: string;
      readonly poolSize?: number;
      readonly readUrl?: string | null;
    };

let pgDriver: typeof pgModule | null = null;

/**
 * The PostgreSQL driver, loaded on first use: a server on SQLite never needs it (memory).
 * It is a CommonJS package, so it loads synchronously where a handle is opened.
 */
export function loadPg(): typeof pgModule {
  if (pgDriver === null) {
    pgDriver = createRequire(import.meta.url)("pg") as typeof pgModule;
    // PostgreSQL returns BIGINT (count(*)) as strings by default; our counts are small.
    pgDriver.types.setTypeParser(20, (value) => Number.parseInt(value, 10));
  }
  return pgDriver;
}

/** One statement as sent to the database, with how long it took. */
export interface ExecutedQuery {
  readonly sql: string;
  readonly parameters: readonly unknown[];
  readonly durationMs: number;
}

export interface OpenOptions {
  /** Told after every committed transaction and every write outside one. */
  readonly onWrite?: () => void;
  /**
   * Told after every statement (not BEGIN/COMMIT): for counting a request's queries and
   * reviewing their plans (bench/explain.mjs, test/db/query-counts.test.ts).
   */
  readonly onQuery?: (query: ExecutedQuery) => void;
}

/** Opens a Kysely handle for the target; SQLite is made durable (WAL, synchronous=FULL). */
export function openDatabase(
  target: ConnectionTarget,
  options: OpenOptions = {},
): Kysely<Database> {
  const { onWrite, onQuery } = options;
  const wrap = (dialect: Dialect): KyselyConfig => ({
    ...(onWrite === undefined
      ? { dialect, plugins: [] }
      : {
          dialect: announcingCommits(dialect, onWrite),
          plugins: [new WriteAnnouncer(onWrite)],
        }),
    ...(onQuery === undefined
      ? {}
      : {
          log: (event: LogEvent) => {
            if (event.level === "query")
              onQuery({
                sql: event.query.sql,
                parameters: event.query.parameters,
                durationMs: event.queryDurationMillis,
              });
          },
        }),
  });
  if (target.dialect === "sqlite") {
    if (target.file !== ":memory:")
      mkdirSync(dirname(target.file), { recursive: true });
    const connection = new SQLite(target.file);
    connection.pragma("journal_mode = WAL");
    // FULL: a committed transaction survives a power cut, at a small cost per commit.
    connection.pragma("synchronous = FULL");
    connection.pragma("foreign_keys = ON");
    connection.pragma("busy_timeout = 5000");
    return new Kysely<Database>(
      wrap(new SqliteDialect({ database: connection })),
    );
  }
  const pool = new (loadPg().Pool)({
    connectionString: target.url,
    max: target.poolSize ?? 10,
  });
  // An idle connection can be closed by the server (restart, failover); without a listener
  // that error would end the process. The next query simply gets a fresh connection.
  pool.on("error", (error) => {
    process.emitWarning(`PostgreSQL connection lost: ${error.message}`);
  });
  return new Kysely<Database>(wrap(new PostgresDialect({ pool })));
}

/** A dialect whose driver tells `onCommit` after each committed transaction. */
function announcingCommits(dialect: Dialect, onCommit: () => void): Dialect {
  return {
    createAdapter: () => dialect.createAdapter(),
    createIntrospector: (db) => dialect.createIntrospector(db),
    createQueryCompiler: () => dialect.createQueryCompiler(),
    createDriver: () => {
      const driver = dialect.createDriver();
      return new Proxy(driver, {
        get(target, property, receiver) {
          if (property === "commitTransaction") {
            return async (...args: Parameters<Driver["commitTransaction"]>) => {
              await target.commitTransaction(...args);
              onCommit();
            };
          }
          const value: unknown = Reflect.get(target, property, receiver);
          return typeof value === "function"
            ? (value as (...a: unknown[]) => unknown).bind(target)
            : value;
        },
      });
    },
  };
}

/** Tells `onWrite` after every INSERT, UPDATE or DELETE (also those outside a transaction). */
class WriteAnnouncer implements KyselyPlugin {
  private readonly writes = new WeakSet<object>();
  constructor(private readonly onWrite: () => void) {}

  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    const kind = args.node.kind;
    if (
      kind === "InsertQueryNode" ||
      kind === "UpdateQueryNode" ||
      kind === "DeleteQueryNode"
    )
      this.writes.add(args.queryId);
    return args.node;
  }

  async transformResult(
    args: PluginTransformResultArgs,
  ): Promise<QueryResult<UnknownRow>> {
    if (this.writes.has(args.queryId)) this.onWrite();
    return args.result;
  }
}

/** Which dialect a Kysely handle speaks (migrations receive only the handle). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations pass Kysely<any>
export function dialectOf(db: Kysely<any>): DialectName {
  return db.getExecutor().adapter instanceof PostgresAdapter
    ? "postgres"
    : "sqlite";
}

/** The column type of an auto-incrementing integer primary key. */
export function idColumnType(dialect: DialectName): ColumnDataType {
  return dialect === "postgres" ? "serial" : "integer";
}

/** The column type of a point in time with time zone. */
export function timestampColumnType(dialect: DialectName): ColumnDataType {
  return dialect === "postgres" ? "timestamptz" : "text";
}

/** Settings that would make committed data vanish on a crash; we refuse to run with them. */
export async function findUnsafeDurabilitySettings(
  db: Kysely<Database>,
): Promise<readonly string[]> {
  if (dialectOf(db) === "sqlite") {
    const result = await sql<{
      synchronous: number;
    }>`pragma synchronous`.execute(db);
    // 2 = FULL, 3 = EXTRA
    return (result.rows[0]?.synchronous ?? 0) >= 2 ? [] : ["synchronous"];
  }
  const unsafe: string[] = [];
  for (const setting of ["fsync", "synchronous_commit"] as const) {
    const result = await sql<{
      value: string;
    }>`select current_setting(${setting}) as value`.execute(db);
    if (result.rows[0]?.value === "off") unsafe.push(setting);
  }
  return unsafe;
}

/**
 * Created the dialect's own full-text index over search_entry.folded (first catalogue
 * migration). Replaced by one search for both dialects (docs/adr/0011-one-search.md), see
 * dropSearchIndex.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- called from a migration with Kysely<any>
export async function createSearchIndex(db: Kysely<any>): Promise<void> {
  if (dialectOf(db) === "postgres") {
    await sql`alter table search_entry add column document tsvector generated always as (to_tsvector('german', folded)) stored`.execute(
      db,
    );
    await sql`create index search_entry_document_idx on search_entry using gin (document)`.execute(
      db,
    );
    return;
  }
  // External-content FTS5 table kept in step with search_entry by triggers.
  await sql`create virtual table search_fts using fts5(folded, content='search_entry', content_rowid='id', tokenize='unicode61 remove_diacritics 2')`.execute(
    db,
  );
  await sql`create trigger search_entry_ai after insert on search_entry begin insert into search_fts(rowid, folded) values (new.id, new.folded); end`.execute(
    db,
  );
  await sql`create trigger search_entry_ad after delete on search_entry begin insert into search_fts(search_fts, rowid, folded) values ('delete', old.id, old.folded); end`.execute(
    db,
  );
  await sql`create trigger search_entry_au after update on search_entry begin insert into search_fts(search_fts, rowid, folded) values ('delete', old.id, old.folded); insert into search_fts(rowid, folded) values (new.id, new.folded); end`.execute(
    db,
  );
}

/** Drops the dialect's own full-text index of createSearchIndex (migration step). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- called from a migration with Kysely<any>
export async function dropSearchIndex(db: Kysely<any>): Promise<void> {
  if (dialectOf(db) === "postgres") {
    await sql`drop index if exists search_entry_document_idx`.execute(db);
    await sql`alter table search_entry drop column if exists document`.execute(
      db,
    );
    return;
  }
  for (const trigger of [
    "search_entry_ai",
    "search_entry_ad",
    "search_entry_au",
  ]) {
    await sql`drop trigger if exists ${sql.id(trigger)}`.execute(db);
  }
  await sql`drop table if exists search_fts`.execute(db);
}

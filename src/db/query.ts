/**
 * Small query steps that many repositories share: counting what a filter matches, finding
 * where an appended row goes, whether a change hit its one row, reading the first row of a
 * query as a domain value, inserting or replacing a stored list, and listing or finding a
 * municipality's records of one kind.
 */
import type {
  DeleteResult,
  InsertObject,
  InsertQueryBuilder,
  InsertResult,
  SelectQueryBuilder,
  UpdateResult,
} from "kysely";
import type { Database, Executor } from "./database.js";

/** The number of rows a filtered query matches (PostgreSQL answers with text, SQLite with a number). */
export async function countRows<TB extends keyof Database>(
  query: SelectQueryBuilder<Database, TB, object>,
): Promise<number> {
  const row = await query
    .select((eb) => eb.fn.countAll<number | string>().as("count"))
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/** The tables whose rows keep an order in a `position` column. */
type PositionedTable = {
  [K in keyof Database]: "position" extends keyof Database[K] ? K : never;
}[keyof Database];

/** The position after the highest among a query's rows, or null when it finds none (to append a row). */
export async function positionAfterLast<TB extends PositionedTable>(
  query: SelectQueryBuilder<Database, TB, object>,
): Promise<number | null> {
  const row = await query
    .select((eb) => eb.fn.max<number | null>(eb.ref("position")).as("last"))
    .executeTakeFirst();
  return row?.last === null || row?.last === undefined
    ? null
    : Number(row.last) + 1;
}

/**
 * Runs an update or a deletion and answers whether it changed exactly one row: false when
 * the row is gone or, with a version in the filter, was changed meanwhile.
 */
export async function changesOneRow(query: {
  executeTakeFirst(): Promise<UpdateResult | DeleteResult>;
}): Promise<boolean> {
  const result = await query.executeTakeFirst();
  const changed =
    "numDeletedRows" in result ? result.numDeletedRows : result.numUpdatedRows;
  return Number(changed) === 1;
}

/**
 * Writes a row its caller read at `expectedVersion`: at 0 (there was none) it inserts,
 * unless `existing` finds a row written meanwhile; otherwise `update` (filtered by that
 * version) must change exactly its one row. False when the expectation fails.
 */
export async function saveAtVersion(
  expectedVersion: number,
  steps: {
    readonly existing: { executeTakeFirst(): Promise<unknown> };
    readonly insert: { execute(): Promise<unknown> };
    readonly update: { executeTakeFirst(): Promise<UpdateResult> };
  },
): Promise<boolean> {
  if (expectedVersion !== 0) return changesOneRow(steps.update);
  if ((await steps.existing.executeTakeFirst()) !== undefined) return false;
  await steps.insert.execute();
  return true;
}

/** The first row a query finds, turned into a value by `map`, or null when it finds none. */
export async function firstOrNull<Row, T>(
  query: { executeTakeFirst(): Promise<Row | undefined> },
  map: (row: Row) => T,
): Promise<T | null> {
  const row = await query.executeTakeFirst();
  return row === undefined ? null : map(row);
}

/**
 * Replaces a stored list: runs the deletion of the old rows, then inserts the new ones in
 * one statement (none when the list is empty).
 */
export async function replaceRows<TB extends keyof Database>(
  deletion: { execute(): Promise<unknown> },
  insertion: InsertQueryBuilder<Database, TB, InsertResult>,
  rows: readonly InsertObject<Database, TB>[],
): Promise<void> {
  await deletion.execute();
  await insertRows(insertion, rows);
}

/** Inserts rows in one statement; none when there are none (SQL has no empty insert). */
export async function insertRows<TB extends keyof Database>(
  insertion: InsertQueryBuilder<Database, TB, InsertResult>,
  rows: readonly InsertObject<Database, TB>[],
): Promise<void> {
  if (rows.length === 0) return;
  await insertion.values(rows).execute();
}

/**
 * The two reads of a municipality's records of one kind, through one query that keeps its
 * order and narrows to one id when given one: `list` all of them, `find` one by id (or null).
 */
export function listAndFind<Row, T>(
  recordsOf: (
    db: Executor,
    municipalityId: number,
    id: number | null,
  ) => {
    execute(): Promise<Row[]>;
    executeTakeFirst(): Promise<Row | undefined>;
  },
  map: (row: Row) => T,
): {
  list: (db: Executor, municipalityId: number) => Promise<readonly T[]>;
  find: (db: Executor, municipalityId: number, id: number) => Promise<T | null>;
} {
  return {
    list: async (db, municipalityId) =>
      (await recordsOf(db, municipalityId, null).execute()).map(map),
    find: (db, municipalityId, id) =>
      firstOrNull(recordsOf(db, municipalityId, id), map),
  };
}

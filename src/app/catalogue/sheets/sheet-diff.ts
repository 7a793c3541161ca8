/**
 * What a spreadsheet import would change, sheet by sheet: rows created, changed (with
 * the cells that differ) and removed, matched by their keys, and whether rows moved.
 * Both sides are laid out from a checked document (documentToTables), so a cell written
 * differently but meaning the same ("#AABBCC", " 2") is no change.
 */
import { createHash } from "node:crypto";
import {
  rowKey,
  SHEET_IDS,
  SHEETS,
  type CatalogueTables,
  type SheetId,
  type SheetRow,
} from "./catalogue-sheets.js";

/** One changed cell. */
export interface CellChange {
  readonly column: string;
  readonly before: string;
  readonly after: string;
}

/** A row created, changed or removed. */
export interface RowChange {
  readonly key: string;
  /** The row's line in the uploaded file (null for a removed row). */
  readonly line: number | null;
  /** Changed cells; for a created or removed row, its non-empty cells. */
  readonly cells: readonly CellChange[];
}

/** The changes of one sheet. */
export interface SheetChanges {
  readonly sheet: SheetId;
  readonly title: string;
  readonly created: readonly RowChange[];
  readonly changed: readonly RowChange[];
  readonly removed: readonly RowChange[];
  /** Rows kept but in another order (which sets the order on the pages). */
  readonly reordered: boolean;
}

/** How many changes a sheet has (a new order counts as one). */
export function changeCount(changes: SheetChanges): number {
  return (
    changes.created.length +
    changes.changed.length +
    changes.removed.length +
    (changes.reordered ? 1 : 0)
  );
}

/** Compares the stored catalogue's tables with those of a file. */
export function diffTables(
  before: CatalogueTables,
  after: CatalogueTables,
  lines?: ReadonlyMap<string, number>,
): readonly SheetChanges[] {
  return SHEET_IDS.map((id) => diffSheet(id, before[id], after[id], lines));
}

function diffSheet(
  id: SheetId,
  before: readonly SheetRow[],
  after: readonly SheetRow[],
  lines: ReadonlyMap<string, number> | undefined,
): SheetChanges {
  const { columns } = SHEETS[id];
  const old = new Map(before.map((row) => [rowKey(id, row), row]));
  const now = new Set(after.map((row) => rowKey(id, row)));
  const created: RowChange[] = [];
  const changed: RowChange[] = [];
  const kept: string[] = [];
  const lineOf = (key: string, row: SheetRow): number =>
    lines?.get(`${id}\u0000${key}`) ?? row.line;
  for (const row of after) {
    const key = rowKey(id, row);
    const previous = old.get(key);
    if (previous === undefined) {
      created.push({
        key,
        line: lineOf(key, row),
        cells: columns
          .filter((column) => (row.cells[column] ?? "") !== "")
          .map((column) => ({
            column,
            before: "",
            after: row.cells[column] ?? "",
          })),
      });
      continue;
    }
    kept.push(key);
    const cells = columns
      .filter(
        (column) =>
          (previous.cells[column] ?? "") !== (row.cells[column] ?? ""),
      )
      .map((column) => ({
        column,
        before: previous.cells[column] ?? "",
        after: row.cells[column] ?? "",
      }));
    if (cells.length > 0) changed.push({ key, line: lineOf(key, row), cells });
  }
  const removed = before
    .filter((row) => !now.has(rowKey(id, row)))
    .map((row) => ({
      key: rowKey(id, row),
      line: null,
      cells: columns
        .filter((column) => (row.cells[column] ?? "") !== "")
        .map((column) => ({
          column,
          before: row.cells[column] ?? "",
          after: "",
        })),
    }));
  const keptBefore = before
    .map((row) => rowKey(id, row))
    .filter((key) => now.has(key));
  const reordered = keptBefore.some((key, index) => kept[index] !== key);
  return {
    sheet: id,
    title: SHEETS[id].title,
    created,
    changed,
    removed,
    reordered,
  };
}

/** A fingerprint of tables: the same catalogue always gives the same one. */
export function tablesDigest(tables: CatalogueTables): string {
  const hash = createHash("sha256");
  for (const id of SHEET_IDS) {
    const { columns } = SHEETS[id];
    for (const row of tables[id])
      hash.update(
        JSON.stringify([id, ...columns.map((column) => row.cells[column])]),
      );
  }
  return hash.digest("hex").slice(0, 32);
}

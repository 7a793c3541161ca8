/**
 * Backup and restore of a whole installation (ADR 0014): every municipality with its
 * accounts, API tokens, audit log, editions, reports, figures, register, bodies and
 * catalogue, in one dialect-neutral file. A backup reads one consistent snapshot while
 * the application keeps serving; a restore writes everything in one transaction into an
 * empty database, or changes nothing.
 */
import { setImmediate as yieldToEventLoop } from "node:timers/promises";
import {
  createRowWriter,
  deleteAllRows,
  describeTables,
  dialectOfDatabase,
  findNonEmptyTables,
  readRows,
  TRANSIENT_TABLES,
  withSnapshot,
  type BackupValue,
  type TableShape,
} from "../../db/backup.repository.js";
import {
  appliedMigrationNames,
  knownMigrationNames,
} from "../../db/migrate.js";
import { AppError } from "../../errors.js";
import type { AppContext } from "../context.js";
import {
  BackupWriter,
  readBackup,
  verifyBackup,
  type BackupHeader,
} from "./backup-file.js";

/** What a backup wrote. */
export interface BackupSummary {
  readonly file: string;
  readonly sha256: string;
  readonly migrations: readonly string[];
  /** Rows per table. */
  readonly rows: Readonly<Record<string, number>>;
}

/** Writes a backup of the whole database to `file` (replaced only once the new one is complete). */
export async function createBackup(
  ctx: AppContext,
  file: string,
): Promise<BackupSummary> {
  const migrations = await appliedMigrationNames(ctx.db);
  const writer = new BackupWriter(file);
  try {
    await withSnapshot(ctx.db, async (snapshot) => {
      const shapes = await describeTables(snapshot);
      await writer.writeHeader({
        createdAt: ctx.clock().toISOString(),
        dialect: dialectOfDatabase(ctx.db),
        migrations,
        skippedTables: shapes
          .filter((shape) => TRANSIENT_TABLES.has(shape.name))
          .map((shape) => shape.name),
      });
      for (const shape of shapes) {
        if (TRANSIENT_TABLES.has(shape.name)) continue;
        await writer.startTable(shape.name, shape.columns);
        let count = 0;
        for await (const row of readRows(snapshot, shape)) {
          await writer.writeRow(row);
          // SQLite answers synchronously; let the process serve requests between pages.
          if (++count % 500 === 0) await yieldToEventLoop();
        }
      }
    });
    const { sha256, rows } = await writer.finish();
    return { file, sha256, migrations, rows };
  } catch (error) {
    await writer.abort();
    throw error;
  }
}

/** What a restore wrote. */
export interface RestoreSummary {
  readonly header: BackupHeader;
  readonly rows: Readonly<Record<string, number>>;
}

/** Checks that this version and this database can take the backup's schema. */
async function checkSchema(
  ctx: AppContext,
  header: BackupHeader,
): Promise<void> {
  const known = new Set(knownMigrationNames());
  const unknown = header.migrations.filter((name) => !known.has(name));
  if (unknown.length > 0)
    throw new AppError("ERR_BACKUP_SCHEMA_NEWER", {
      detail: `Unbekannte Migrationen: ${unknown.join(", ")}.`,
    });
  const applied = new Set(await appliedMigrationNames(ctx.db));
  const missing = header.migrations.filter((name) => !applied.has(name));
  if (missing.length > 0) {
    throw new AppError("ERR_BACKUP_INVALID", {
      detail: `Die Datenbank ist nicht auf dem Stand der Sicherung; zuerst „fortschritt migrate“ ausführen (fehlt: ${missing.join(", ")}).`,
    });
  }
}

function requireShape(
  shapes: ReadonlyMap<string, TableShape>,
  table: string,
  columns: readonly string[],
): TableShape {
  const shape = shapes.get(table);
  if (shape === undefined)
    throw new AppError("ERR_BACKUP_INVALID", {
      detail: `Die Tabelle ${table} gibt es in dieser Datenbank nicht.`,
    });
  const absent = columns.filter((column) => !shape.columns.includes(column));
  if (absent.length > 0)
    throw new AppError("ERR_BACKUP_INVALID", {
      detail: `Die Spalten ${absent.join(", ")} der Tabelle ${table} gibt es in dieser Datenbank nicht.`,
    });
  return shape;
}

/**
 * Restores a backup into this database: refuses a damaged file, a newer schema and,
 * without `force`, a database that holds data; otherwise inserts every row in one
 * transaction (nothing is written when anything fails) and moves the id sequences on.
 */
export async function restoreBackup(
  ctx: AppContext,
  file: string,
  options: { readonly force?: boolean } = {},
): Promise<RestoreSummary> {
  const { header, trailer } = await verifyBackup(file);
  await checkSchema(ctx, header);
  const rows: Record<string, number> = {};
  await ctx.db.transaction().execute(async (trx) => {
    const all = await describeTables(trx);
    const data = all.filter((shape) => !TRANSIENT_TABLES.has(shape.name));
    const filled = await findNonEmptyTables(trx, data);
    if (filled.length > 0) {
      if (options.force !== true)
        throw new AppError("ERR_RESTORE_TARGET_NOT_EMPTY", {
          detail: `Tabellen mit Daten: ${filled.join(", ")}.`,
        });
      await deleteAllRows(trx, all);
    }
    const shapes = new Map(all.map((shape) => [shape.name, shape]));
    const writer = createRowWriter(trx, all);
    let current: { shape: TableShape; columns: readonly string[] } | null =
      null;
    let batch: (readonly BackupValue[])[] = [];
    const flush = async (): Promise<void> => {
      if (current === null || batch.length === 0) return;
      await writer.insert(current.shape, current.columns, batch);
      rows[current.shape.name] = (rows[current.shape.name] ?? 0) + batch.length;
      batch = [];
    };
    // The file is read a second time: it could have changed since the check, and then the
    // checksum at the end fails and the transaction is rolled back.
    for await (const item of readBackup(file)) {
      if (item.kind === "table") {
        await flush();
        current = {
          shape: requireShape(shapes, item.table, item.columns),
          columns: item.columns,
        };
        rows[item.table] = 0;
      } else if (item.kind === "row") {
        if (current === null)
          throw new AppError("ERR_BACKUP_INVALID", {
            detail: "Eine Zeile steht vor ihrer Tabelle.",
          });
        batch.push(item.values);
        if (batch.length >= 500) await flush();
      } else if (item.kind === "trailer") {
        await flush();
        if (item.computedSha256 !== trailer.sha256)
          throw new AppError("ERR_BACKUP_CHECKSUM");
      }
    }
    for (const [table, count] of Object.entries(trailer.rows)) {
      if ((rows[table] ?? 0) !== count)
        throw new AppError("ERR_BACKUP_INVALID", {
          detail: `Tabelle ${table}: ${rows[table] ?? 0} statt ${count} Zeilen.`,
        });
    }
    await writer.finish();
  });
  ctx.cache.clear();
  return { header, rows };
}

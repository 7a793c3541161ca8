/**
 * The backup file (ADR 0014): gzip'd JSON lines, the same for SQLite and PostgreSQL.
 *
 *   {"format":"fortschritt-backup","formatVersion":1,"createdAt":…,"dialect":…,"migrations":[…],"skippedTables":[…]}
 *   {"table":"municipality","columns":["id","slug",…]}
 *   [1,"kleve",…]                         one row per line, in primary-key order
 *   …
 *   {"end":true,"rows":{"municipality":1,…},"sha256":"…"}
 *
 * The SHA-256 covers every byte before the last line (each line with its "\n").
 */
import { createHash, type Hash } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { rename, rm } from "node:fs/promises";
import { createInterface } from "node:readline";
import { once } from "node:events";
import { pipeline } from "node:stream/promises";
import { createGunzip, createGzip } from "node:zlib";
import type { BackupValue } from "../../db/backup.repository.js";
import { AppError } from "../../errors.js";

/** The name in the first line of every backup. */
export const BACKUP_FORMAT = "fortschritt-backup";
/** The version of the file layout; a reader refuses a newer one. */
export const BACKUP_FORMAT_VERSION = 1;

/** The first line. */
export interface BackupHeader {
  readonly format: typeof BACKUP_FORMAT;
  readonly formatVersion: number;
  readonly createdAt: string;
  /** The database the backup was taken from; it restores into either. */
  readonly dialect: string;
  /** The schema version: the migrations applied when the backup was taken, oldest first. */
  readonly migrations: readonly string[];
  /** Tables of short-lived state that are not in the backup. */
  readonly skippedTables: readonly string[];
}

/** The last line. */
export interface BackupTrailer {
  readonly end: true;
  readonly rows: Readonly<Record<string, number>>;
  readonly sha256: string;
}

/** What a reader meets in order. */
export type BackupItem =
  | { readonly kind: "header"; readonly header: BackupHeader }
  | {
      readonly kind: "table";
      readonly table: string;
      readonly columns: readonly string[];
    }
  | { readonly kind: "row"; readonly values: readonly BackupValue[] }
  | {
      readonly kind: "trailer";
      readonly trailer: BackupTrailer;
      readonly computedSha256: string;
    };

/** Writes a backup to a temporary file beside the target, renamed into place only when complete. */
export class BackupWriter {
  private readonly hash: Hash = createHash("sha256");
  private readonly gzip = createGzip();
  private readonly output;
  private readonly done: Promise<void>;
  private readonly rows: Record<string, number> = {};
  private currentTable: string | null = null;
  private bytes = 0;

  constructor(private readonly file: string) {
    this.output = createWriteStream(`${file}.partial`, { mode: 0o600 });
    this.done = pipeline(this.gzip, this.output);
    // Errors surface through write/finish; this keeps an early one from being unhandled.
    this.done.catch(() => undefined);
  }

  private async line(value: unknown, hashed = true): Promise<void> {
    const text = `${JSON.stringify(value)}\n`;
    if (hashed) this.hash.update(text, "utf8");
    this.bytes += Buffer.byteLength(text);
    // `once` rejects when the stream fails while we wait (e.g. the disk is full).
    if (!this.gzip.write(text)) await once(this.gzip, "drain");
  }

  /** The first line. */
  async writeHeader(
    header: Omit<BackupHeader, "format" | "formatVersion">,
  ): Promise<void> {
    await this.line({
      format: BACKUP_FORMAT,
      formatVersion: BACKUP_FORMAT_VERSION,
      ...header,
    });
  }

  /** Starts a table's rows. */
  async startTable(table: string, columns: readonly string[]): Promise<void> {
    this.currentTable = table;
    this.rows[table] = 0;
    await this.line({ table, columns });
  }

  /** One row of the current table. */
  async writeRow(values: readonly BackupValue[]): Promise<void> {
    if (this.currentTable === null)
      throw new Error("writeRow before startTable");
    this.rows[this.currentTable] = (this.rows[this.currentTable] ?? 0) + 1;
    await this.line(values);
  }

  /** Writes the trailer with the checksum, closes the file and moves it into place. */
  async finish(): Promise<{
    readonly sha256: string;
    readonly rows: Readonly<Record<string, number>>;
    readonly bytes: number;
  }> {
    const sha256 = this.hash.digest("hex");
    await this.line({ end: true, rows: this.rows, sha256 }, false);
    this.gzip.end();
    await this.done;
    await rename(`${this.file}.partial`, this.file);
    return { sha256, rows: { ...this.rows }, bytes: this.bytes };
  }

  /** Gives up: the partial file is removed. */
  async abort(): Promise<void> {
    this.gzip.destroy();
    this.output.destroy();
    await rm(`${this.file}.partial`, { force: true });
  }
}

function invalid(detail: string, cause?: unknown): AppError {
  return new AppError("ERR_BACKUP_INVALID", { detail, cause });
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function parseHeader(value: unknown): BackupHeader {
  if (!isObject(value) || value.format !== BACKUP_FORMAT)
    throw invalid("Die erste Zeile ist kein Kopf einer Sicherung.");
  if (
    typeof value.formatVersion !== "number" ||
    value.formatVersion > BACKUP_FORMAT_VERSION
  ) {
    throw new AppError("ERR_BACKUP_SCHEMA_NEWER", {
      detail: `(Dateiformat ${String(value.formatVersion)})`,
    });
  }
  const migrations = value.migrations;
  if (
    !Array.isArray(migrations) ||
    !migrations.every((name) => typeof name === "string")
  ) {
    throw invalid("Der Kopf nennt keine Schemaversion (migrations).");
  }
  return value as unknown as BackupHeader;
}

/**
 * Reads a backup item by item and checks the form of every line; the trailer item carries
 * the checksum computed while reading, which the caller compares (a damaged gzip stream
 * fails earlier, as ERR_BACKUP_INVALID).
 */
export async function* readBackup(file: string): AsyncGenerator<BackupItem> {
  const input = createReadStream(file);
  const gunzip = createGunzip();
  const lines = createInterface({
    input: input.pipe(gunzip),
    crlfDelay: Infinity,
  });
  input.on("error", (error) => gunzip.destroy(error));
  const hash = createHash("sha256");
  let lineNumber = 0;
  let columns = 0;
  let sawTrailer = false;
  try {
    for await (const text of lines) {
      lineNumber += 1;
      if (sawTrailer)
        throw invalid(
          `Nach dem Abschluss folgen weitere Zeilen (Zeile ${lineNumber}).`,
        );
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch (error) {
        throw invalid(`Zeile ${lineNumber} ist kein JSON.`, error);
      }
      if (lineNumber === 1) {
        hash.update(`${text}\n`, "utf8");
        yield { kind: "header", header: parseHeader(value) };
      } else if (Array.isArray(value)) {
        hash.update(`${text}\n`, "utf8");
        if (value.length !== columns)
          throw invalid(
            `Zeile ${lineNumber} hat ${value.length} statt ${columns} Werte.`,
          );
        yield { kind: "row", values: value as BackupValue[] };
      } else if (
        isObject(value) &&
        typeof value.table === "string" &&
        Array.isArray(value.columns)
      ) {
        hash.update(`${text}\n`, "utf8");
        columns = value.columns.length;
        yield {
          kind: "table",
          table: value.table,
          columns: value.columns as string[],
        };
      } else if (
        isObject(value) &&
        value.end === true &&
        typeof value.sha256 === "string" &&
        isObject(value.rows)
      ) {
        sawTrailer = true;
        yield {
          kind: "trailer",
          trailer: value as unknown as BackupTrailer,
          computedSha256: hash.digest("hex"),
        };
      } else {
        throw invalid(`Zeile ${lineNumber} ist weder Tabelle noch Zeile.`);
      }
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT")
      throw invalid(`Die Datei ${file} gibt es nicht.`, error);
    throw invalid(
      `Die Datei ist beschädigt (${error instanceof Error ? error.message : String(error)}).`,
      error,
    );
  } finally {
    lines.close();
    input.destroy();
  }
  if (lineNumber === 0) throw invalid("Die Datei ist leer.");
  if (!sawTrailer)
    throw invalid("Die Datei endet vor ihrem Abschluss (unvollständig).");
}

/** Reads the whole file once and checks its checksum; returns the header and trailer. */
export async function verifyBackup(
  file: string,
): Promise<{ readonly header: BackupHeader; readonly trailer: BackupTrailer }> {
  let header: BackupHeader | null = null;
  let trailer: BackupTrailer | null = null;
  for await (const item of readBackup(file)) {
    if (item.kind === "header") header = item.header;
    if (item.kind === "trailer") {
      if (item.computedSha256 !== item.trailer.sha256)
        throw new AppError("ERR_BACKUP_CHECKSUM");
      trailer = item.trailer;
    }
  }
  if (header === null || trailer === null)
    throw invalid("Kopf oder Abschluss fehlen.");
  return { header, trailer };
}

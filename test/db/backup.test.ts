/**
 * Backup and restore on both dialects: a backup taken while use cases keep writing
 * restores into a fresh database with every table equal row by row, a SQLite backup
 * restores into PostgreSQL, and a damaged file, a newer schema or a filled target are
 * refused without changing anything.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import { createHash } from "node:crypto";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createBackup, restoreBackup } from "../../src/app/backup/backup.js";
import { addMeasure } from "../../src/app/catalogue/add-measure.js";
import {
  getCatalogue,
  getProject,
} from "../../src/app/catalogue/read-catalogue.js";
import { createApiToken } from "../../src/app/auth/api-tokens.js";
import type { AppContext } from "../../src/app/context.js";
import { loadDemo } from "../../src/app/edition/demo-editions.js";
import { loadDemoReport } from "../../src/app/reports/demo-report.js";
import {
  describeTables,
  readRows,
  TRANSIENT_TABLES,
} from "../../src/db/backup.repository.js";
import type { DialectName } from "../../src/db/dialect.js";
import { AppError } from "../../src/errors.js";
import { createTestUser } from "../support/accounts.js";
import { DIALECTS, TEST_NOW } from "../support/database.js";
import {
  sharedDatabases,
  type SharedDatabase,
} from "../support/shared-database.js";
import { buildPrincipal } from "../support/principals.js";

const directory = mkdtempSync(join(tmpdir(), "fortschritt-backup-"));
const databases = sharedDatabases();

/** A fresh, migrated database; `open` gives further contexts on it (other "processes"). */
function freshDatabase(dialect: DialectName): Promise<SharedDatabase> {
  return databases.create(dialect, () => TEST_NOW);
}

type Dump = Record<string, Record<string, unknown>[]>;

/** Every row of every table a backup carries, in primary-key order, as column → value. */
async function dumpDatabase(ctx: AppContext): Promise<Dump> {
  const dump: Dump = {};
  for (const shape of await describeTables(ctx.db)) {
    if (TRANSIENT_TABLES.has(shape.name)) continue;
    const rows: Record<string, unknown>[] = [];
    for await (const row of readRows(ctx.db, shape))
      rows.push(
        Object.fromEntries(
          shape.columns.map((column, index) => [column, row[index]]),
        ),
      );
    dump[shape.name] = rows;
  }
  return dump;
}

/** The rows inside a backup file, in the same shape. */
function dumpFile(file: string): Dump {
  const lines = gunzipSync(readFileSync(file))
    .toString("utf8")
    .trimEnd()
    .split("\n")
    .map((line) => JSON.parse(line) as unknown);
  const dump: Dump = {};
  let columns: string[] = [];
  let table = "";
  for (const line of lines.slice(1, -1)) {
    if (Array.isArray(line))
      dump[table]!.push(
        Object.fromEntries(
          columns.map((column, index) => [column, line[index]]),
        ),
      );
    else {
      ({ table, columns } = line as { table: string; columns: string[] });
      dump[table] = [];
    }
  }
  return dump;
}

/** Rewrites a backup's lines; with `keepChecksum` the old checksum stays (a tampered file). */
function rewriteFile(
  source: string,
  target: string,
  change: (lines: string[]) => string[],
  keepChecksum: boolean,
): void {
  const lines = gunzipSync(readFileSync(source))
    .toString("utf8")
    .trimEnd()
    .split("\n");
  const trailer = JSON.parse(lines.pop()!) as { sha256: string };
  const changed = change(lines);
  const body = changed.map((line) => `${line}\n`).join("");
  const sha256 = keepChecksum
    ? trailer.sha256
    : createHash("sha256").update(body, "utf8").digest("hex");
  writeFileSync(
    target,
    gzipSync(body + JSON.stringify({ ...trailer, sha256 }) + "\n"),
  );
}

async function expectRefusal(
  action: Promise<unknown>,
  code: string,
): Promise<AppError> {
  const error = await action.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
  return error as AppError;
}

/** A database with everything in it: catalogue, editions, reports, figures, register, accounts, tokens, audit log. */
async function fillDatabase(ctx: AppContext): Promise<void> {
  await loadDemo(ctx);
  await loadDemoReport(ctx);
  const user = await createTestUser(ctx, {
    role: "editor",
    orgUnitCodes: ["10.1"],
  });
  await createApiToken(
    ctx,
    { kind: "command-line" },
    { userId: user.userId, name: "Abgleich" },
  );
}

afterAll(async () => {
  await databases.closeAll();
  rmSync(directory, { recursive: true, force: true });
});

describe.each(DIALECTS)("backup and restore on %s", (dialect) => {
  let source: SharedDatabase;
  let file: string;

  beforeAll(async () => {
    source = await freshDatabase(dialect);
    await fillDatabase(source.ctx);
    file = join(directory, `${dialect}-quiet.fortschritt-backup.gz`);
    await createBackup(source.ctx, file);
  }, 120_000);

  it("restores into a fresh database with every table equal row by row, on the same dialect", async () => {
    const target = await freshDatabase(dialect);
    const summary = await restoreBackup(target.ctx, file);
    const expected = await dumpDatabase(source.ctx);
    expect(await dumpDatabase(target.ctx)).toEqual(expected);
    expect(summary.rows.audit_event).toBe(expected.audit_event!.length);
    for (const table of [
      "municipality",
      "user_account",
      "api_token",
      "audit_event",
      "edition",
      "status_report",
      "report_entry",
      "indicator_observation",
      "ozg_service",
      "committee",
      "meeting",
      "project",
    ]) {
      expect(expected[table]!.length, table).toBeGreaterThan(0);
    }
    // Published reports are published again after the restore, and stay frozen.
    const reports = expected.status_report!.filter(
      (report) => report.status === "published",
    );
    expect(reports.length).toBeGreaterThan(0);
  }, 120_000);

  it("leaves the restored database ready for new writes (ids continue after the restored ones)", async () => {
    const target = await freshDatabase(dialect);
    await restoreBackup(target.ctx, file);
    const municipalityId = (await getCatalogue(target.ctx, "kleve"))
      .municipality.id;
    const { entry } = await getProject(
      target.ctx,
      "kleve",
      "e-rechnungsworkflow",
    );
    const result = await addMeasure(
      target.ctx,
      buildPrincipal(municipalityId),
      {
        municipality: "kleve",
        project: "e-rechnungsworkflow",
        expectedVersion: entry.project.version,
        data: { title: "Nach der Wiederherstellung", status: "planned" },
      },
    );
    const measureIds = (await dumpDatabase(source.ctx)).measure!.map(
      (row) => row.id as number,
    );
    expect(result.measureId).toBeGreaterThan(Math.max(...measureIds));
  }, 120_000);

  it("backs up while use cases keep writing: the file is one consistent moment and restores exactly", async () => {
    // A database of its own: the writes below must not change what the other tests compare.
    const own = await freshDatabase(dialect);
    await fillDatabase(own.ctx);
    const writer = await own.open();
    const municipalityId = (await getCatalogue(writer, "kleve")).municipality
      .id;
    const principal = buildPrincipal(municipalityId);
    let running = true;
    let writes = 0;
    let writesDuringBackup = 0;
    let backingUp = false;
    let failure: unknown = null;
    let version = (await getProject(writer, "kleve", "e-rechnungsworkflow"))
      .entry.project.version;
    const load = (async () => {
      while (running && failure === null) {
        ({ version } = await addMeasure(writer, principal, {
          municipality: "kleve",
          project: "e-rechnungsworkflow",
          expectedVersion: version,
          data: { title: `Maßnahme unter Last ${writes}`, status: "planned" },
        }));
        writes += 1;
        if (backingUp) writesDuringBackup += 1;
        // Paced like a busy office rather than a tight loop (better-sqlite3 answers
        // synchronously, so a tight loop would leave the backup only the gaps).
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    })().catch((error: unknown) => {
      failure = error;
    });
    while (writes < 3 && failure === null)
      await new Promise((resolve) => setImmediate(resolve));
    const loaded = join(directory, `${dialect}-load.fortschritt-backup.gz`);
    // A backup of this small database can end before one write lands on a busy server (a
    // write on PostgreSQL takes several round trips): back up again until a write has
    // finished while one ran, so that the file below comes from a backup under writes.
    for (
      let attempt = 0;
      writesDuringBackup === 0 && failure === null && attempt < 50;
      attempt += 1
    ) {
      backingUp = true;
      await createBackup(own.ctx, loaded);
      backingUp = false;
    }
    running = false;
    await load;
    expect(failure).toBeNull();
    expect(writesDuringBackup).toBeGreaterThan(0);

    const inFile = dumpFile(loaded);
    // One moment: the project's version matches the newest audit event written with it.
    const project = inFile.project!.find(
      (row) => row.slug === "e-rechnungsworkflow",
    )!;
    const events = inFile.audit_event!.filter(
      (row) => row.project_id === project.id && row.version !== null,
    );
    expect(Math.max(...events.map((row) => row.version as number))).toBe(
      project.version,
    );
    const titles = inFile.measure!.filter((row) =>
      String(row.title).startsWith("Maßnahme unter Last"),
    ).length;
    expect(
      events.filter((row) => row.action === "measure.create").length,
    ).toBeGreaterThanOrEqual(titles);

    const target = await freshDatabase(dialect);
    await restoreBackup(target.ctx, loaded);
    expect(await dumpDatabase(target.ctx)).toEqual(inFile);
  }, 180_000);

  it("refuses a database that already holds data and changes nothing; --force replaces it", async () => {
    const target = await freshDatabase(dialect);
    await loadDemo(target.ctx);
    const before = await dumpDatabase(target.ctx);
    const error = await expectRefusal(
      restoreBackup(target.ctx, file),
      "ERR_RESTORE_TARGET_NOT_EMPTY",
    );
    expect(error.message).toContain("municipality");
    expect(await dumpDatabase(target.ctx)).toEqual(before);

    await restoreBackup(target.ctx, file, { force: true });
    expect(await dumpDatabase(target.ctx)).toEqual(dumpFile(file));
    // The audit log and the editions are append-only again after the forced restore.
    await expect(
      sql`delete from audit_event`.execute(target.ctx.db),
    ).rejects.toThrow(/cannot be changed or deleted/);
    await expect(
      sql`update edition set title = 'x'`.execute(target.ctx.db),
    ).rejects.toThrow(/cannot be changed or deleted/);
  }, 120_000);

  it("refuses a damaged file, a file whose content no longer matches its checksum and a newer schema, and writes nothing", async () => {
    const target = await freshDatabase(dialect);
    const empty = await dumpDatabase(target.ctx);

    const truncated = join(directory, `${dialect}-truncated.gz`);
    const bytes = readFileSync(file);
    writeFileSync(truncated, bytes.subarray(0, Math.floor(bytes.length / 2)));
    await expectRefusal(
      restoreBackup(target.ctx, truncated),
      "ERR_BACKUP_INVALID",
    );

    const flipped = join(directory, `${dialect}-flipped.gz`);
    const copy = Buffer.from(bytes);
    const middle = Math.floor(copy.length / 2);
    copy[middle] = (copy[middle] ?? 0) ^ 0xff;
    writeFileSync(flipped, copy);
    await expectRefusal(
      restoreBackup(target.ctx, flipped),
      "ERR_BACKUP_INVALID",
    );

    const tampered = join(directory, `${dialect}-tampered.gz`);
    rewriteFile(
      file,
      tampered,
      (lines) =>
        lines.map((line, index) =>
          index === 2 ? line.replace("kleve", "cleve") : line,
        ),
      true,
    );
    await expectRefusal(
      restoreBackup(target.ctx, tampered),
      "ERR_BACKUP_CHECKSUM",
    );

    const newer = join(directory, `${dialect}-newer.gz`);
    rewriteFile(
      file,
      newer,
      (lines) => {
        const header = JSON.parse(lines[0]!) as { migrations: string[] };
        header.migrations.push("2099-01-01-future");
        return [JSON.stringify(header), ...lines.slice(1)];
      },
      false,
    );
    const error = await expectRefusal(
      restoreBackup(target.ctx, newer),
      "ERR_BACKUP_SCHEMA_NEWER",
    );
    expect(error.message).toContain("2099-01-01-future");

    await expectRefusal(
      restoreBackup(target.ctx, join(directory, "missing.gz")),
      "ERR_BACKUP_INVALID",
    );
    expect(await dumpDatabase(target.ctx)).toEqual(empty);
  }, 120_000);
});

describe("a SQLite backup restored into PostgreSQL", () => {
  it("gives every table equal row by row: the migration path of a growing municipality", async () => {
    const sqlite = await freshDatabase("sqlite");
    await fillDatabase(sqlite.ctx);
    const file = join(directory, "sqlite-to-postgres.gz");
    await createBackup(sqlite.ctx, file);
    const postgres = await freshDatabase("postgres");
    await restoreBackup(postgres.ctx, file);
    expect(await dumpDatabase(postgres.ctx)).toEqual(
      await dumpDatabase(sqlite.ctx),
    );
    // And back: a PostgreSQL backup restores into SQLite.
    const back = join(directory, "postgres-to-sqlite.gz");
    await createBackup(postgres.ctx, back);
    const again = await freshDatabase("sqlite");
    await restoreBackup(again.ctx, back);
    expect(await dumpDatabase(again.ctx)).toEqual(
      await dumpDatabase(sqlite.ctx),
    );
  }, 180_000);
});

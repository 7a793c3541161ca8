/**
 * Every database test runs on both dialects, each in a database of its own: a fresh
 * SQLite file, or a fresh PostgreSQL database created here and dropped afterwards, so
 * that test files and parallel runs never see each other's data.
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import type { AppContext } from "../../src/app/context.js";
import {
  closeAppContext,
  migrateDatabase,
  openAppContext,
} from "../../src/app/database.js";
import { loadDemo } from "../../src/app/edition/demo-editions.js";
import type { ConnectionTarget, DialectName } from "../../src/db/dialect.js";
import { postgresAdminUrl, webDialects } from "./environment.js";

/** The dialects every database test runs on. */
export const DIALECTS: readonly DialectName[] = ["sqlite", "postgres"];

/** The dialects HTTP tests run on: SQLite unless TEST_WEB_DIALECTS says otherwise (see environment.ts). */
export const WEB_DIALECTS: readonly DialectName[] = webDialects();

/** An open, migrated database for one test file. */
export interface TestContext {
  readonly ctx: AppContext;
  /** Where the database is: a second context (another app process) can open the same. */
  readonly target: ConnectionTarget;
  readonly dialect: DialectName;
  close(): Promise<void>;
}

/** A fixed clock, so that timestamps in tests are predictable. */
export const TEST_NOW = new Date("2022-11-28T09:00:00Z");

async function withAdmin<T>(
  action: (client: pg.Client) => Promise<T>,
): Promise<T> {
  const client = new pg.Client({ connectionString: postgresAdminUrl() });
  await client.connect();
  try {
    return await action(client);
  } finally {
    await client.end();
  }
}

/**
 * Opens a new, empty, migrated database; with `demo` the Kleve demo is loaded as
 * `fortschritt demo` loads it: the catalogue as the draft and its 1. and 2. Fortschreibung
 * (the portal shows the 2., identical to the draft until a test changes the draft).
 */
export async function openTestContext(
  dialect: DialectName,
  options: { demo?: boolean; clock?: () => Date } = {},
): Promise<TestContext> {
  const clock = options.clock ?? (() => TEST_NOW);
  let ctx: AppContext;
  let target: ConnectionTarget;
  let cleanUp: () => Promise<void>;
  if (dialect === "sqlite") {
    const directory = mkdtempSync(join(tmpdir(), "fortschritt-test-"));
    target = { dialect: "sqlite", file: join(directory, "test.sqlite") };
    ctx = await openAppContext(target, { clock });
    cleanUp = async () => rmSync(directory, { recursive: true, force: true });
  } else {
    const name = `fortschritt_test_${process.pid}_${randomBytes(4).toString("hex")}`;
    await withAdmin((client) => client.query(`create database ${name}`));
    const url = new URL(postgresAdminUrl());
    url.pathname = `/${name}`;
    target = { dialect: "postgres", url: url.toString(), poolSize: 5 };
    ctx = await openAppContext(target, { clock });
    cleanUp = () =>
      withAdmin((client) =>
        client.query(`drop database if exists ${name} with (force)`),
      ).then(() => undefined);
  }
  await migrateDatabase(ctx);
  if (options.demo === true) await loadDemo(ctx);
  return {
    ctx,
    dialect,
    target,
    async close() {
      await closeAppContext(ctx);
      await cleanUp();
    },
  };
}

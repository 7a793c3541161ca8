/**
 * Every database test runs on both dialects, each in a database of its own: a fresh
 * SQLite file, or a fresh PostgreSQL database created here and dropped afterwards, so
 * that test files and parallel runs never see each other's data.
 *
 * Migrating and loading the demo take seconds, and the suite opens hundreds of
 * databases; so each kind (empty, with the demo, or with the demo and its status
 * reports) is built once into a template and copied: SQLite by copying a file, PostgreSQL
 * by `create database … template …`. A template is named by a hash of the sources and
 * demo files, so a changed migration or demo builds a new one (and removes old ones
 * another checkout no longer needs).
 */
import { createHash, randomBytes } from "node:crypto";
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { sql } from "kysely";
import type pg from "pg";
import type { AppContext } from "../../src/app/context.js";
import {
  closeAppContext,
  migrateDatabase,
  openAppContext,
} from "../../src/app/database.js";
import { loadDemo } from "../../src/app/edition/demo-editions.js";
import { loadDemoReport } from "../../src/app/reports/demo-report.js";
import type { ConnectionTarget, DialectName } from "../../src/db/dialect.js";
import { postgresAdminUrl, webDialects } from "./environment.js";
import { dropLater, withAdmin } from "./test-databases.js";

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

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
let sourceKey: string | null = null;

/** A hash of everything a template depends on: the sources (migrations, demo loading) and the demo files. */
function templateKey(): string {
  if (sourceKey !== null) return sourceKey;
  const hash = createHash("sha256");
  const files: string[] = [];
  const walk = (directory: string): void => {
    for (const entry of readdirSync(directory, { withFileTypes: true })) {
      const path = join(directory, entry.name);
      if (entry.isDirectory()) walk(path);
      else files.push(path);
    }
  };
  walk(join(ROOT, "src"));
  walk(join(ROOT, "demo"));
  for (const file of files.sort())
    hash
      .update(relative(ROOT, file))
      .update("\u0000")
      .update(readFileSync(file))
      .update("\u0000");
  sourceKey = hash.digest("hex").slice(0, 16);
  return sourceKey;
}

/**
 * What a test database starts with: nothing, Kleve's demo catalogue and editions, or those
 * and Kleve's demo status reports too.
 */
export type DemoData = false | true | "with-reports";
type TemplateKind = "empty" | "demo" | "reports";

async function fillTemplate(ctx: AppContext, kind: TemplateKind) {
  await migrateDatabase(ctx);
  if (kind !== "empty") await loadDemo(ctx);
  if (kind === "reports") await loadDemoReport(ctx);
}

function templateKindOf(demo: DemoData): TemplateKind {
  if (demo === "with-reports") return "reports";
  return demo ? "demo" : "empty";
}

const SQLITE_TEMPLATES = join(tmpdir(), "fortschritt-test-templates");
const DAY_MS = 24 * 60 * 60 * 1000;
/** How many PostgreSQL templates of other sources may stay (other checkouts may use them). */
const KEPT_POSTGRES_TEMPLATES = 12;

/** The SQLite template file of the kind, built when missing (atomically: built aside, then renamed). */
async function sqliteTemplate(kind: TemplateKind): Promise<string> {
  const key = templateKey();
  const file = join(SQLITE_TEMPLATES, `${key}-${kind}.sqlite`);
  if (existsSync(file)) return file;
  mkdirSync(SQLITE_TEMPLATES, { recursive: true });
  // Templates of other sources go once they are a day old: another checkout of a
  // different state may be using its own right now.
  for (const old of readdirSync(SQLITE_TEMPLATES)) {
    const path = join(SQLITE_TEMPLATES, old);
    if (!old.startsWith(key) && Date.now() - statSync(path).mtimeMs > DAY_MS)
      rmSync(path, { force: true });
  }
  const building = mkdtempSync(join(tmpdir(), "fortschritt-template-"));
  const ctx = await openAppContext(
    { dialect: "sqlite", file: join(building, "build.sqlite") },
    { clock: () => TEST_NOW },
  );
  const copy = join(building, "template.sqlite");
  try {
    await fillTemplate(ctx, kind);
    // One self-contained file (no WAL beside it), whatever the journal mode.
    await sql`vacuum into ${sql.lit(copy)}`.execute(ctx.db);
  } finally {
    await closeAppContext(ctx);
  }
  renameSync(copy, file);
  rmSync(building, { recursive: true, force: true });
  return file;
}

/** The PostgreSQL template database of the kind, built once (under an advisory lock) when missing. */
async function postgresTemplate(kind: TemplateKind): Promise<string> {
  const key = templateKey();
  const name = `fortschritt_tpl_${key}_${kind}`;
  const exists = (client: pg.Client) =>
    client
      .query("select 1 from pg_database where datname = $1", [name])
      .then((result) => (result.rowCount ?? 0) > 0);
  if (await withAdmin(exists)) return name;
  await withAdmin(async (client) => {
    await client.query("select pg_advisory_lock(hashtext($1))", [name]);
    try {
      if (await exists(client)) return;
      const building = `${name}_${process.pid}`;
      await client.query(`drop database if exists ${building}`);
      await client.query(`create database ${building}`);
      const url = new URL(postgresAdminUrl());
      url.pathname = `/${building}`;
      const ctx = await openAppContext(
        { dialect: "postgres", url: url.toString(), poolSize: 2 },
        { clock: () => TEST_NOW },
      );
      try {
        await fillTemplate(ctx, kind);
      } finally {
        await closeAppContext(ctx);
      }
      await client.query(`alter database ${building} rename to ${name}`);
      // Templates of other sources: the oldest go beyond a dozen, so that another checkout
      // of a different state running its tests at the same time keeps its own.
      const old = await client.query<{ datname: string }>(
        "select datname from pg_database where datname like 'fortschritt_tpl_%' and datname not like $1 order by oid desc offset $2",
        [`fortschritt_tpl_${key}_%`, KEPT_POSTGRES_TEMPLATES],
      );
      for (const { datname } of old.rows)
        await client
          .query(`drop database if exists ${datname}`)
          .catch(() => undefined);
    } finally {
      await client.query("select pg_advisory_unlock(hashtext($1))", [name]);
    }
  });
  return name;
}

/**
 * Fills the database the command line opens with what `fortschritt demo` loads (Kleve's
 * catalogue, editions and status reports, stamped at TEST_NOW), copied from the template:
 * for SQLite the data directory's `fortschritt.sqlite`, for PostgreSQL the named database,
 * made anew from the template. For command-line tests of other commands than `demo`,
 * which need the demo only as their starting point (`demo` itself is tested loading it).
 */
export async function seedDemoDatabase(
  target:
    | { readonly dialect: "sqlite"; readonly dataDir: string }
    | { readonly dialect: "postgres"; readonly name: string },
): Promise<void> {
  if (target.dialect === "sqlite") {
    mkdirSync(target.dataDir, { recursive: true });
    await copyTemplate("reports", {
      dialect: "sqlite",
      file: join(target.dataDir, "fortschritt.sqlite"),
    });
    return;
  }
  await withAdmin((client) =>
    client.query(`drop database if exists ${target.name} with (force)`),
  );
  await copyTemplate("reports", target);
}

/** A new database as a copy of the template of the kind: a SQLite file, or a PostgreSQL database that must not exist yet. */
async function copyTemplate(
  kind: TemplateKind,
  target:
    | { readonly dialect: "sqlite"; readonly file: string }
    | { readonly dialect: "postgres"; readonly name: string },
): Promise<void> {
  if (target.dialect === "sqlite") {
    copyFileSync(await sqliteTemplate(kind), target.file);
    return;
  }
  const template = await postgresTemplate(kind);
  await withAdmin((client) =>
    client.query(`create database ${target.name} template ${template}`),
  );
}

/**
 * Opens a new, empty, migrated database; with `demo` the Kleve demo is loaded as
 * `fortschritt demo` loads it: the catalogue as the draft and its 1. and 2. Fortschreibung
 * (the portal shows the 2., identical to the draft until a test changes the draft).
 * The demo comes from the template when the clock stands at TEST_NOW (the demo's own
 * timestamps are the clock's); with another clock it is loaded afresh.
 */
export async function openTestContext(
  dialect: DialectName,
  options: { demo?: DemoData; clock?: () => Date } = {},
): Promise<TestContext> {
  const clock = options.clock ?? (() => TEST_NOW);
  const demo = options.demo ?? false;
  // The demo's dates and audit times are TEST_NOW's: with another clock it is loaded afresh.
  const fromTemplate =
    demo === false || clock().getTime() === TEST_NOW.getTime();
  const kind = fromTemplate ? templateKindOf(demo) : "empty";
  let ctx: AppContext;
  let target: ConnectionTarget;
  let cleanUp: () => Promise<void>;
  if (dialect === "sqlite") {
    const directory = mkdtempSync(join(tmpdir(), "fortschritt-test-"));
    target = { dialect: "sqlite", file: join(directory, "test.sqlite") };
    await copyTemplate(kind, target);
    ctx = await openAppContext(target, { clock });
    cleanUp = async () => rmSync(directory, { recursive: true, force: true });
  } else {
    const name = `fortschritt_test_${process.pid}_${randomBytes(4).toString("hex")}`;
    await copyTemplate(kind, { dialect: "postgres", name });
    const url = new URL(postgresAdminUrl());
    url.pathname = `/${name}`;
    target = { dialect: "postgres", url: url.toString(), poolSize: 5 };
    ctx = await openAppContext(target, { clock });
    cleanUp = async () => dropLater(name);
  }
  if (fromTemplate) await migrateDatabase(ctx);
  else await fillTemplate(ctx, templateKindOf(demo));
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

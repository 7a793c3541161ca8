/**
 * Opening, preparing and closing the database for the web server, the CLI and tests.
 * web/ and cli/ never touch db/ directly: they go through here.
 */
import { join } from "node:path";
import type { Config } from "../config.js";
import { AppError } from "../errors.js";
import {
  findUnsafeDurabilitySettings,
  openDatabase,
  type ConnectionTarget,
  type ExecutedQuery,
} from "../db/dialect.js";
import { migrateToLatest } from "../db/migrate.js";
import {
  listMunicipalities,
  listPublishedVersions,
  pingDatabase,
} from "../db/municipality.repository.js";
import {
  watchChanges,
  type ChangeWatch,
  type WatchTimings,
} from "../db/change-signal.js";
import { createCatalogueCache, type AppContext } from "./context.js";
import {
  createPublishedVersions,
  type PublishedVersions,
} from "./published-versions.js";

/** The watches on other processes' changes, closed with their context. */
const watches = new WeakMap<AppContext, ChangeWatch>();
import { newSecretKey, type SecretKey } from "./auth/secret-box.js";

export type { ExecutedQuery } from "../db/dialect.js";

/** Where the configuration says the data lives. */
export function connectionTargetOf(config: Config): ConnectionTarget {
  return config.databaseUrl === null
    ? { dialect: "sqlite", file: join(config.dataDir, "fortschritt.sqlite") }
    : {
        dialect: "postgres",
        url: config.databaseUrl,
        readUrl: config.databaseReadUrl,
      };
}

/** Opens the database and refuses to go on when it would not keep committed data safe. */
export async function openAppContext(
  target: ConnectionTarget,
  options: {
    clock?: () => Date;
    watch?: WatchTimings;
    /**
     * The key for second-factor secrets (FORTSCHRITT_SECRET_KEY). Without it a random key
     * lives as long as the context: enough for tests, never for a served installation.
     */
    secretKey?: SecretKey;
    /** Told after every statement, on the primary and the replica (query counts, plan reviews). */
    onQuery?: (query: ExecutedQuery) => void;
  } = {},
): Promise<AppContext> {
  // The versions kept in memory go stale with every write of this process (told by the
  // handle after each commit) and of others (told by the watch below).
  let versions: PublishedVersions | null = null;
  const { onQuery } = options;
  const db = openDatabase(target, {
    onWrite: () => versions?.invalidate(),
    ...(onQuery === undefined ? {} : { onQuery }),
  });
  versions = createPublishedVersions(() => listPublishedVersions(db));
  try {
    const unsafe = await findUnsafeDurabilitySettings(db);
    if (unsafe.length > 0)
      throw new AppError("ERR_DATABASE_UNSAFE", {
        detail: `Betroffen: ${unsafe.join(", ")}.`,
      });
  } catch (error) {
    await db.destroy();
    if (error instanceof AppError) throw error;
    throw new AppError("ERR_DATABASE_UNAVAILABLE", {
      cause: error,
      detail: describeConnectionError(error),
    });
  }
  // A read replica for public pages, when configured (docs/adr/0019).
  const readDb =
    target.dialect === "postgres" && target.readUrl != null
      ? openDatabase(
          {
            dialect: "postgres",
            url: target.readUrl,
            poolSize: target.poolSize,
          },
          onQuery === undefined ? {} : { onQuery },
        )
      : undefined;
  const ctx: AppContext = {
    db,
    dialect: target.dialect,
    cache: createCatalogueCache(),
    versions,
    clock: options.clock ?? (() => new Date()),
    secretKey: options.secretKey ?? newSecretKey(),
    ...(readDb === undefined ? {} : { readDb }),
  };
  const known = versions;
  watches.set(
    ctx,
    watchChanges(db, target, () => known.invalidate(), options.watch),
  );
  return ctx;
}

function describeConnectionError(error: unknown): string {
  return error instanceof Error ? `(${error.message})` : "";
}

/** Brings the schema up to date; returns the names of the migrations applied. */
export async function migrateDatabase(
  ctx: AppContext,
): Promise<readonly string[]> {
  return migrateToLatest(ctx.db);
}

/** Whether no municipality exists yet (the first start of a new installation). */
export async function isDatabaseEmpty(ctx: AppContext): Promise<boolean> {
  return (await listMunicipalities(ctx.db)).length === 0;
}

/** Whether the database answers. */
export async function isDatabaseReachable(ctx: AppContext): Promise<boolean> {
  try {
    await pingDatabase(ctx.db);
    return true;
  } catch {
    return false;
  }
}

/** Closes all connections. */
export async function closeAppContext(ctx: AppContext): Promise<void> {
  await watches.get(ctx)?.close();
  watches.delete(ctx);
  await ctx.readDb?.destroy();
  await ctx.db.destroy();
}

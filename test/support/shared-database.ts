/**
 * A fresh database that several app contexts open at once, as several processes would
 * (SQLite: one file; PostgreSQL: one database). Everything is removed by `closeAll`.
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { AppContext } from "../../src/app/context.js";
import {
  closeAppContext,
  migrateDatabase,
  openAppContext,
} from "../../src/app/database.js";
import type { ConnectionTarget, DialectName } from "../../src/db/dialect.js";
import { postgresAdminUrl } from "./environment.js";
import { dropLater, withAdmin } from "./test-databases.js";

/** One database, migrated, with the first context open. */
export interface SharedDatabase {
  readonly ctx: AppContext;
  /** Opens another context on the same database (another "process"). */
  open(): Promise<AppContext>;
}

/** Creates fresh shared databases and removes them all again. */
export function sharedDatabases(): {
  create(dialect: DialectName, clock: () => Date): Promise<SharedDatabase>;
  closeAll(): Promise<void>;
} {
  const directory = mkdtempSync(join(tmpdir(), "fortschritt-shared-"));
  const cleanUps: (() => Promise<void>)[] = [];
  return {
    async create(dialect, clock) {
      let target: ConnectionTarget;
      if (dialect === "sqlite") {
        target = {
          dialect,
          file: join(directory, `${randomBytes(4).toString("hex")}.sqlite`),
        };
      } else {
        const name = `fortschritt_test_${process.pid}_${randomBytes(4).toString("hex")}`;
        await withAdmin((client) => client.query(`create database ${name}`));
        const url = new URL(postgresAdminUrl());
        url.pathname = `/${name}`;
        target = { dialect, url: url.toString(), poolSize: 5 };
        cleanUps.push(async () => dropLater(name));
      }
      const contexts: AppContext[] = [];
      const open = async (): Promise<AppContext> => {
        const ctx = await openAppContext(target, { clock });
        contexts.push(ctx);
        return ctx;
      };
      cleanUps.unshift(async () => {
        for (const ctx of contexts) await closeAppContext(ctx);
      });
      const ctx = await open();
      await migrateDatabase(ctx);
      return { ctx, open };
    },
    async closeAll() {
      for (const cleanUp of cleanUps.splice(0)) await cleanUp();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}

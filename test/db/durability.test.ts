import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeAppContext, openAppContext } from "../../src/app/database.js";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "kysely";
import { postgresAdminUrl } from "../support/environment.js";

async function admin(query: string): Promise<void> {
  const client = new pg.Client({ connectionString: postgresAdminUrl() });
  await client.connect();
  try {
    await client.query(query);
  } finally {
    await client.end();
  }
}

describe("durability on PostgreSQL", () => {
  const name = `fortschritt_unsafe_${process.pid}_${randomBytes(4).toString("hex")}`;
  const url = new URL(postgresAdminUrl());
  url.pathname = `/${name}`;

  beforeAll(async () => {
    await admin(`create database ${name}`);
  });
  afterAll(async () => {
    await admin(`drop database if exists ${name} with (force)`);
  });

  it("refuses to start when synchronous_commit is off, naming the setting", async () => {
    // Only this database is affected: the setting applies to new sessions connecting to it.
    await admin(`alter database ${name} set synchronous_commit = off`);
    const error = await openAppContext({
      dialect: "postgres",
      url: url.toString(),
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "ERR_DATABASE_UNSAFE" });
    expect(String((error as Error).message)).toContain("synchronous_commit");
  });

  it("starts once synchronous_commit is on again", async () => {
    await admin(`alter database ${name} set synchronous_commit = on`);
    const ctx = await openAppContext({
      dialect: "postgres",
      url: url.toString(),
    });
    await closeAppContext(ctx);
  });

  it("reports an unreachable server as ERR_DATABASE_UNAVAILABLE", async () => {
    const error = await openAppContext({
      dialect: "postgres",
      url: "postgres://postgres@127.0.0.1:1/none",
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "ERR_DATABASE_UNAVAILABLE" });
  });
});

describe("durability on SQLite", () => {
  const directory = mkdtempSync(join(tmpdir(), "fortschritt-durable-"));
  afterAll(() => rmSync(directory, { recursive: true, force: true }));

  it("writes the file in WAL mode with synchronous=FULL", async () => {
    const ctx = await openAppContext({
      dialect: "sqlite",
      file: join(directory, "x.sqlite"),
    });
    try {
      const mode = await sql<{
        journal_mode: string;
      }>`pragma journal_mode`.execute(ctx.db);
      const sync = await sql<{
        synchronous: number;
      }>`pragma synchronous`.execute(ctx.db);
      expect(mode.rows[0]?.journal_mode).toBe("wal");
      expect(sync.rows[0]?.synchronous).toBe(2);
    } finally {
      await closeAppContext(ctx);
    }
  });
});

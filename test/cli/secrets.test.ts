/** `fortschritt secrets rotate-key` on both databases: all second-factor secrets move to a new key. */
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import {
  formatSecretKey,
  newSecretKey,
  parseSecretKey,
} from "../../src/app/auth/secret-box.js";
import { checkSecondFactor } from "../../src/app/auth/sign-in.js";
import { totpCodeAt } from "../../src/app/auth/totp.js";
import {
  closeAppContext,
  connectionTargetOf,
  migrateDatabase,
  openAppContext,
} from "../../src/app/database.js";
import { loadDemo } from "../../src/app/edition/demo-editions.js";
import { runCli } from "../../src/cli/main.js";
import { loadConfig } from "../../src/config.js";
import { findUser } from "../../src/db/user.repository.js";
import { createTestUser } from "../support/accounts.js";
import { DIALECTS } from "../support/database.js";
import { postgresAdminUrl } from "../support/environment.js";

async function run(
  ...args: string[]
): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const out = vi
    .spyOn(process.stdout, "write")
    .mockImplementation((chunk: string | Uint8Array) => {
      stdout += String(chunk);
      return true;
    });
  const err = vi
    .spyOn(process.stderr, "write")
    .mockImplementation((chunk: string | Uint8Array) => {
      stderr += String(chunk);
      return true;
    });
  try {
    return { code: await runCli(args), stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}

describe.each(DIALECTS)("rotating the secret key on %s", (dialect) => {
  const directory = mkdtempSync(join(tmpdir(), "fortschritt-secrets-"));
  const databaseName = `fortschritt_secrets_${process.pid}_${randomBytes(4).toString("hex")}`;
  const saved = { ...process.env };
  const oldKey = newSecretKey();

  beforeAll(async () => {
    process.env.FORTSCHRITT_DATA_DIR = directory;
    process.env.FORTSCHRITT_SECRET_KEY = formatSecretKey(oldKey);
    if (dialect === "postgres") {
      const client = new pg.Client({ connectionString: postgresAdminUrl() });
      await client.connect();
      await client.query(`create database ${databaseName}`);
      await client.end();
      const url = new URL(postgresAdminUrl());
      url.pathname = `/${databaseName}`;
      process.env.DATABASE_URL = url.toString();
    } else {
      delete process.env.DATABASE_URL;
    }
  });

  afterAll(async () => {
    process.env = saved;
    rmSync(directory, { recursive: true, force: true });
    if (dialect === "postgres") {
      const client = new pg.Client({ connectionString: postgresAdminUrl() });
      await client.connect();
      await client.query(
        `drop database if exists ${databaseName} with (force)`,
      );
      await client.end();
    }
  });

  it("re-seals every secret with a new key and prints only that key", async () => {
    const at = new Date();
    const ctx = await openAppContext(connectionTargetOf(loadConfig()), {
      secretKey: oldKey,
    });
    await migrateDatabase(ctx);
    await loadDemo(ctx);
    const user = await createTestUser(ctx, { role: "admin" });
    await closeAppContext(ctx);

    const result = await run("secrets", "rotate-key");
    expect(result.code).toBe(0);
    const newKey = parseSecretKey(result.stdout.trim());
    expect(newKey).not.toBeNull();
    expect(result.stderr).toContain("Neu verschlüsselt: 1 Konten");

    const after = await openAppContext(connectionTargetOf(loadConfig()), {
      secretKey: newKey!,
    });
    try {
      const record = await findUser(after.db, { id: user.userId });
      const later = new Date(at.getTime() + 60_000);
      expect(
        await checkSecondFactor(
          after.db,
          { ...after, clock: () => later },
          record!,
          totpCodeAt(user.totpSecret!, later),
        ),
      ).toBe("totp");
    } finally {
      await closeAppContext(after);
    }
    // The old key no longer opens them: a second rotation with it is refused and changes nothing.
    const again = await run("secrets", "rotate-key");
    expect(again.code).toBe(1);
    expect(again.stderr).toContain(
      "passt nicht zu den gespeicherten Geheimnissen",
    );
  });
});

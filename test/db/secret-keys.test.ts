/**
 * Second-factor secrets at rest: sealed with AES-256-GCM under FORTSCHRITT_SECRET_KEY, so
 * that the database alone holds no working second factor; plain secrets from before are
 * sealed at start; `fortschritt secrets rotate-key` re-seals everything with a new key.
 */
import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import {
  formatSecretKey,
  newSecretKey,
  openSecret,
  parseSecretKey,
  sealSecret,
} from "../../src/app/auth/secret-box.js";
import {
  rotateSecretKey,
  sealPlainTotpSecrets,
} from "../../src/app/auth/secret-rotation.js";
import { checkSecondFactor } from "../../src/app/auth/sign-in.js";
import { totpCodeAt } from "../../src/app/auth/totp.js";
import type { AppContext } from "../../src/app/context.js";
import { findUser } from "../../src/db/user.repository.js";
import { resolveSecretKey } from "../../src/cli/secret-key.js";
import { isAppError } from "../../src/errors.js";
import { createTestUser, type TestUser } from "../support/accounts.js";
import {
  DIALECTS,
  openTestContext,
  type TestContext,
} from "../support/database.js";

async function storedSecret(
  ctx: AppContext,
  userId: number,
): Promise<string | null> {
  const row = await ctx.db
    .selectFrom("user_account")
    .select("totp_secret")
    .where("id", "=", userId)
    .executeTakeFirstOrThrow();
  return row.totp_secret;
}

/** Whether a TOTP code of the secret is accepted for the account through this context (its key). */
async function codeWorks(
  ctx: AppContext,
  user: TestUser,
  at: Date,
): Promise<boolean> {
  const record = await findUser(ctx.db, { id: user.userId });
  return (
    (await checkSecondFactor(
      ctx.db,
      { ...ctx, clock: () => at },
      record!,
      totpCodeAt(user.totpSecret!, at),
    )) === "totp"
  );
}

describe("the secret box", () => {
  it("seals with a fresh IV each time and opens only with its key", () => {
    const key = newSecretKey();
    const first = sealSecret(key, "JBSWY3DPEHPK3PXP");
    expect(first).toMatch(/^v1\.[0-9a-f]{8}\./);
    expect(sealSecret(key, "JBSWY3DPEHPK3PXP")).not.toBe(first);
    expect(openSecret(key, first)).toBe("JBSWY3DPEHPK3PXP");
    expect(() => openSecret(newSecretKey(), first)).toThrow(/sealed with key/);
    const tampered = first.slice(0, -2) + (first.endsWith("A") ? "BB" : "AA");
    expect(() => openSecret(key, tampered)).toThrow();
  });

  it("reads keys as hex or base64url and refuses anything else", () => {
    const key = newSecretKey();
    expect(parseSecretKey(formatSecretKey(key))?.id).toBe(key.id);
    expect(parseSecretKey(key.key.toString("hex"))?.id).toBe(key.id);
    expect(parseSecretKey(key.key.toString("base64"))?.id).toBe(key.id);
    for (const text of [
      "",
      "zu-kurz",
      "0".repeat(63),
      key.key.toString("hex") + "00",
    ])
      expect(parseSecretKey(text)).toBeNull();
  });

  it("refuses to start in production without FORTSCHRITT_SECRET_KEY, and explains it", () => {
    const error = (() => {
      try {
        resolveSecretKey(
          { dataDir: "/nicht/benutzt" },
          { NODE_ENV: "production" },
        );
      } catch (caught) {
        return caught;
      }
      return null;
    })();
    expect(isAppError(error, "ERR_CONFIG_INVALID") && error.message).toContain(
      "FORTSCHRITT_SECRET_KEY fehlt",
    );
  });

  it("outside production creates a key file readable only by its owner, with a warning, and uses it again", () => {
    const directory = mkdtempSync(join(tmpdir(), "fortschritt-key-"));
    try {
      const warn = vi.fn();
      const first = resolveSecretKey({ dataDir: directory }, {}, warn);
      expect(warn).toHaveBeenCalledWith(
        expect.stringContaining("FORTSCHRITT_SECRET_KEY ist nicht gesetzt"),
      );
      expect(statSync(join(directory, "secret.key")).mode & 0o777).toBe(0o600);
      expect(resolveSecretKey({ dataDir: directory }, {}).key.id).toBe(
        first.key.id,
      );
      expect(readFileSync(join(directory, "secret.key"), "utf8").trim()).toBe(
        formatSecretKey(first.key),
      );
      const fromEnv = newSecretKey();
      expect(
        resolveSecretKey(
          { dataDir: directory },
          { FORTSCHRITT_SECRET_KEY: formatSecretKey(fromEnv) },
        ).key.id,
      ).toBe(fromEnv.id);
      expect(() =>
        resolveSecretKey(
          { dataDir: directory },
          { FORTSCHRITT_SECRET_KEY: "kaputt" },
        ),
      ).toThrow();
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });
});

describe.each(DIALECTS)("second-factor secrets at rest on %s", (dialect) => {
  let test: TestContext;
  let user: TestUser;
  let at = new Date("2022-11-28T09:00:00Z");
  const nextStep = (): Date => {
    at = new Date(at.getTime() + 30_000);
    return at;
  };

  beforeAll(async () => {
    test = await openTestContext(dialect, { demo: true });
    user = await createTestUser(test.ctx, { role: "editor" });
  });

  afterAll(async () => {
    await test.close();
  });

  it("stores the secret sealed, never as the Base32 text the app shows", async () => {
    const stored = await storedSecret(test.ctx, user.userId);
    expect(stored).toMatch(new RegExp(`^v1\\.${test.ctx.secretKey.id}\\.`));
    expect(stored).not.toContain(user.totpSecret!);
    expect(await codeWorks(test.ctx, user, nextStep())).toBe(true);
  });

  it("seals secrets stored in plain text before, and they keep working", async () => {
    await test.ctx.db
      .updateTable("user_account")
      .set({ totp_secret: user.totpSecret })
      .where("id", "=", user.userId)
      .execute();
    expect(await codeWorks(test.ctx, user, nextStep())).toBe(true);
    expect(
      (await sealPlainTotpSecrets(test.ctx)).accounts,
    ).toBeGreaterThanOrEqual(1);
    expect(await storedSecret(test.ctx, user.userId)).toMatch(/^v1\./);
    expect(await codeWorks(test.ctx, user, nextStep())).toBe(true);
    expect((await sealPlainTotpSecrets(test.ctx)).accounts).toBe(0);
  });

  it("rotates the key: everything re-sealed, the old key refused with a clear error", async () => {
    const newKey = newSecretKey();
    const rotated = await rotateSecretKey(test.ctx, newKey);
    expect(rotated.accounts).toBeGreaterThanOrEqual(1);
    const withNewKey: AppContext = { ...test.ctx, secretKey: newKey };
    expect(await storedSecret(test.ctx, user.userId)).toMatch(
      new RegExp(`^v1\\.${newKey.id}\\.`),
    );
    expect(await codeWorks(withNewKey, user, nextStep())).toBe(true);
    await expect(codeWorks(test.ctx, user, nextStep())).rejects.toThrow(
      /sealed with key/,
    );
    const refused = await sealPlainTotpSecrets(test.ctx).catch(
      (error: unknown) => error,
    );
    expect(
      isAppError(refused, "ERR_CONFIG_INVALID") && refused.message,
    ).toContain("passt nicht zu den gespeicherten Geheimnissen");
    // Back to the test context's key, all or nothing.
    await rotateSecretKey(withNewKey, test.ctx.secretKey);
    const count = await sql<{
      n: number;
    }>`select count(*) as n from user_account where totp_secret like ${`v1.${test.ctx.secretKey.id}.%`}`.execute(
      test.ctx.db,
    );
    expect(Number(count.rows[0]?.n)).toBeGreaterThanOrEqual(1);
    expect(await codeWorks(test.ctx, user, nextStep())).toBe(true);
  });
});

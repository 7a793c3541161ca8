/**
 * Sealing and re-sealing the second-factor secrets of all accounts: plain secrets from
 * before encryption are sealed with the configured key (at every start, a no-op once
 * done), and `fortschritt secrets rotate-key` re-seals everything with a new key in one
 * transaction — all or nothing, so that no account is left under the old key.
 */
import {
  listStoredTotpSecrets,
  replaceStoredTotpSecrets,
} from "../../db/user.repository.js";
import { AppError } from "../../errors.js";
import type { AppContext } from "../context.js";
import {
  isSealed,
  openSecret,
  sealSecret,
  SecretKeyMismatchError,
  type SecretKey,
} from "./secret-box.js";

/** How many accounts' secrets were (re-)sealed. */
export interface SealingSummary {
  readonly accounts: number;
}

function keyMismatch(error: unknown): AppError {
  return new AppError("ERR_CONFIG_INVALID", {
    detail:
      "FORTSCHRITT_SECRET_KEY passt nicht zu den gespeicherten Geheimnissen des zweiten Faktors " +
      `(verschlüsselt mit Schlüssel ${error instanceof SecretKeyMismatchError ? error.storedKeyId : "?"}). Bitte den bisherigen Schlüssel setzen.`,
    cause: error,
  });
}

/** Seals every plain secret with the context's key; checks that sealed ones open with it. */
export async function sealPlainTotpSecrets(
  ctx: AppContext,
): Promise<SealingSummary> {
  return ctx.db.transaction().execute(async (trx) => {
    let accounts = 0;
    for (const row of await listStoredTotpSecrets(trx)) {
      const values = [row.secret, row.pendingSecret];
      try {
        for (const value of values)
          if (value !== null && isSealed(value))
            openSecret(ctx.secretKey, value);
      } catch (error) {
        throw keyMismatch(error);
      }
      if (values.every((value) => value === null || isSealed(value))) continue;
      const seal = (value: string | null): string | null =>
        value === null || isSealed(value)
          ? value
          : sealSecret(ctx.secretKey, value);
      await replaceStoredTotpSecrets(trx, row.id, {
        secret: seal(row.secret),
        pendingSecret: seal(row.pendingSecret),
      });
      accounts += 1;
    }
    return { accounts };
  });
}

/** Re-seals every secret (sealed or plain) from the context's key to a new one, in one transaction. */
export async function rotateSecretKey(
  ctx: AppContext,
  newKey: SecretKey,
): Promise<SealingSummary> {
  return ctx.db.transaction().execute(async (trx) => {
    let accounts = 0;
    for (const row of await listStoredTotpSecrets(trx)) {
      const reseal = (value: string | null): string | null => {
        if (value === null) return null;
        try {
          return sealSecret(newKey, openSecret(ctx.secretKey, value));
        } catch (error) {
          throw keyMismatch(error);
        }
      };
      await replaceStoredTotpSecrets(trx, row.id, {
        secret: reseal(row.secret),
        pendingSecret: reseal(row.pendingSecret),
      });
      accounts += 1;
    }
    return { accounts };
  });
}

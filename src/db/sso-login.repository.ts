/** Pending single sign-on logins: written at the start, taken (read and deleted) once at the callback. */
import type { Executor } from "./database.js";
import { firstOrNull } from "./query.js";

/** What the callback needs to check the identity provider's answer. */
export interface SsoLogin {
  readonly state: string;
  readonly nonce: string;
  readonly codeVerifier: string;
  /** Where to go after signing in, or null for the landing page. */
  readonly returnTo: string | null;
  readonly expiresAt: string;
}

/** Stores a pending login under the hash of the id in the browser's cookie. */
export async function insertSsoLogin(
  db: Executor,
  login: SsoLogin & { readonly idHash: string; readonly createdAt: string },
): Promise<void> {
  await db
    .insertInto("sso_login")
    .values({
      id_hash: login.idHash,
      state: login.state,
      nonce: login.nonce,
      code_verifier: login.codeVerifier,
      return_to: login.returnTo,
      created_at: login.createdAt,
      expires_at: login.expiresAt,
    })
    .execute();
}

/**
 * Reads and deletes a pending login in one statement, so that an answer can be used only
 * once even when two processes receive it at the same time.
 */
export async function takeSsoLogin(
  db: Executor,
  idHash: string,
): Promise<SsoLogin | null> {
  return firstOrNull(
    db.deleteFrom("sso_login").where("id_hash", "=", idHash).returningAll(),
    (row) => ({
      state: row.state,
      nonce: row.nonce,
      codeVerifier: row.code_verifier,
      returnTo: row.return_to,
      expiresAt: new Date(row.expires_at).toISOString(),
    }),
  );
}

/** Removes logins that were started and never finished. */
export async function deleteExpiredSsoLogins(
  db: Executor,
  now: string,
): Promise<void> {
  await db.deleteFrom("sso_login").where("expires_at", "<", now).execute();
}

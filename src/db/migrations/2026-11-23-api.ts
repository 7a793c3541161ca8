/**
 * Single sign-on: the pending OpenID Connect logins. Between the redirect to the identity
 * provider and its answer, the browser holds only a random id in a cookie; state, nonce
 * and the PKCE verifier stay here, so that any app process can finish the login.
 */
import type { Kysely } from "kysely";
import { dialectOf, timestampColumnType } from "../dialect.js";

export async function up(db: Kysely<any>): Promise<void> {
  const timestamp = timestampColumnType(dialectOf(db));
  await db.schema
    .createTable("sso_login")
    // The SHA-256 of the id in the cookie, as with sessions.
    .addColumn("id_hash", "text", (c) => c.primaryKey())
    .addColumn("state", "text", (c) => c.notNull())
    .addColumn("nonce", "text", (c) => c.notNull())
    .addColumn("code_verifier", "text", (c) => c.notNull())
    // The page asked for before signing in (a path on this site, checked before it is stored).
    .addColumn("return_to", "text")
    .addColumn("created_at", timestamp, (c) => c.notNull())
    .addColumn("expires_at", timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("sso_login_expires_idx")
    .on("sso_login")
    .column("expires_at")
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("sso_login").ifExists().execute();
}

/**
 * Identity: a second-factor secret that is being set up beside the one in use, so that
 * re-enrolling a new device does not switch off the old one before the new one works.
 */
import type { Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable("user_account")
    .addColumn("totp_pending_secret", "text")
    .execute();
  // Throttling asks "how many failures from this address / for this account lately".
  await db.schema
    .createIndex("password_reset_user_idx")
    .on("password_reset")
    .columns(["user_id", "created_at"])
    .execute();
  await db.schema
    .createIndex("api_token_user_idx")
    .on("api_token")
    .column("user_id")
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("api_token_user_idx").ifExists().execute();
  await db.schema.dropIndex("password_reset_user_idx").ifExists().execute();
  await db.schema
    .alterTable("user_account")
    .dropColumn("totp_pending_secret")
    .execute();
}

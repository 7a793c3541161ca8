/**
 * Accounts that come from single sign-on: found by the identity provider's subject
 * (user_account.external_subject), kept in step with the provider's claims. The rest of
 * an account (org units, sessions) is handled by user.repository.ts.
 */
import { sql } from "kysely";
import type { Executor } from "./database.js";
import { firstOrNull } from "./query.js";

/** The account linked to a subject, or null. */
export async function findUserIdByExternalSubject(
  db: Executor,
  externalSubject: string,
): Promise<number | null> {
  return firstOrNull(
    db
      .selectFrom("user_account")
      .select("id")
      .where("external_subject", "=", externalSubject),
    (row) => row.id,
  );
}

/** Links an account to a subject. */
export async function setExternalSubject(
  db: Executor,
  userId: number,
  externalSubject: string,
): Promise<void> {
  await db
    .updateTable("user_account")
    .set({ external_subject: externalSubject })
    .where("id", "=", userId)
    .execute();
}

/** Takes over e-mail address, name and role as the identity provider sends them. */
export async function updateExternalUser(
  db: Executor,
  userId: number,
  values: {
    email: string;
    name: string;
    role: string;
    municipalityId: number;
    now: string;
  },
): Promise<void> {
  await db
    .updateTable("user_account")
    .set({
      email: values.email,
      name: values.name,
      updated_at: values.now,
      version: sql`version + 1`,
    })
    .where("id", "=", userId)
    .execute();
  await db
    .updateTable("membership")
    .set({
      role: values.role,
      updated_at: values.now,
      version: sql`version + 1`,
    })
    .where("user_id", "=", userId)
    .where("municipality_id", "=", values.municipalityId)
    .execute();
}

/**
 * Accounts (user_account) and the org units they act for (user_org_unit). E-mail
 * addresses arrive here already lower-cased by the use cases.
 */
import { sql } from "kysely";
import type { Executor } from "./database.js";

/** An account as the use cases see it; secrets only where a use case needs them. */
export interface UserRecord {
  readonly id: number;
  readonly municipalityId: number;
  readonly municipalitySlug: string;
  readonly email: string;
  readonly name: string;
  readonly role: string;
  readonly passwordHash: string | null;
  readonly totpSecret: string | null;
  readonly totpPendingSecret: string | null;
  readonly totpEnabledAt: string | null;
  readonly lastTotpStep: number | null;
  readonly isActive: boolean;
  readonly failedLogins: number;
  readonly lockedUntil: string | null;
  readonly version: number;
  readonly createdAt: string;
  readonly updatedAt: string;
  /** Codes of the org units, sorted. */
  readonly orgUnitCodes: readonly string[];
}

/** An org unit of a municipality, for choosing it in forms. */
export interface OrgUnitChoice {
  readonly id: number;
  readonly code: string;
  readonly name: string;
}

function isoOrNull(value: Date | string | null): string | null {
  return value === null ? null : new Date(value).toISOString();
}

function baseQuery(db: Executor) {
  return db
    .selectFrom("user_account")
    .innerJoin(
      "municipality",
      "municipality.id",
      "user_account.municipality_id",
    )
    .select([
      "user_account.id",
      "user_account.municipality_id",
      "municipality.slug as municipality_slug",
      "user_account.email",
      "user_account.name",
      "user_account.role",
      "user_account.password_hash",
      "user_account.totp_secret",
      "user_account.totp_pending_secret",
      "user_account.totp_enabled_at",
      "user_account.last_totp_step",
      "user_account.is_active",
      "user_account.failed_logins",
      "user_account.locked_until",
      "user_account.version",
      "user_account.created_at",
      "user_account.updated_at",
    ]);
}

type UserRow = Awaited<
  ReturnType<ReturnType<typeof baseQuery>["executeTakeFirstOrThrow"]>
>;

async function withOrgUnits(
  db: Executor,
  rows: readonly UserRow[],
): Promise<readonly UserRecord[]> {
  if (rows.length === 0) return [];
  const links = await db
    .selectFrom("user_org_unit")
    .innerJoin("org_unit", "org_unit.id", "user_org_unit.org_unit_id")
    .select(["user_org_unit.user_id", "org_unit.code"])
    .where(
      "user_org_unit.user_id",
      "in",
      rows.map((row) => row.id),
    )
    .execute();
  const codes = new Map<number, string[]>();
  for (const link of links) {
    const list = codes.get(link.user_id) ?? [];
    list.push(link.code);
    codes.set(link.user_id, list);
  }
  return rows.map((row) => ({
    id: row.id,
    municipalityId: row.municipality_id,
    municipalitySlug: row.municipality_slug,
    email: row.email,
    name: row.name,
    role: row.role,
    passwordHash: row.password_hash,
    totpSecret: row.totp_secret,
    totpPendingSecret: row.totp_pending_secret,
    totpEnabledAt: isoOrNull(row.totp_enabled_at),
    lastTotpStep: row.last_totp_step,
    isActive: row.is_active === 1,
    failedLogins: row.failed_logins,
    lockedUntil: isoOrNull(row.locked_until),
    version: row.version,
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
    orgUnitCodes: (codes.get(row.id) ?? []).sort(),
  }));
}

/** One account by id, or null. */
export async function findUserById(
  db: Executor,
  id: number,
): Promise<UserRecord | null> {
  const row = await baseQuery(db)
    .where("user_account.id", "=", id)
    .executeTakeFirst();
  return row === undefined
    ? null
    : ((await withOrgUnits(db, [row]))[0] ?? null);
}

/** One account by (lower-cased) e-mail address, or null. */
export async function findUserByEmail(
  db: Executor,
  email: string,
): Promise<UserRecord | null> {
  const row = await baseQuery(db)
    .where("user_account.email", "=", email)
    .executeTakeFirst();
  return row === undefined
    ? null
    : ((await withOrgUnits(db, [row]))[0] ?? null);
}

/** All accounts of a municipality, by name. */
export async function listUsersOfMunicipality(
  db: Executor,
  municipalityId: number,
): Promise<readonly UserRecord[]> {
  const rows = await baseQuery(db)
    .where("user_account.municipality_id", "=", municipalityId)
    .orderBy("user_account.name")
    .orderBy("user_account.email")
    .execute();
  return withOrgUnits(db, rows);
}

/** Creates an account and returns its id. */
export async function insertUser(
  db: Executor,
  values: {
    municipalityId: number;
    email: string;
    name: string;
    role: string;
    passwordHash: string | null;
    now: string;
  },
): Promise<number> {
  const row = await db
    .insertInto("user_account")
    .values({
      municipality_id: values.municipalityId,
      email: values.email,
      name: values.name,
      role: values.role,
      password_hash: values.passwordHash,
      created_at: values.now,
      updated_at: values.now,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

/**
 * Changes name and role, but only at the version the editor read: returns false when
 * someone else changed the account in between (no lost updates).
 */
export async function updateUserProfile(
  db: Executor,
  id: number,
  values: { name: string; role: string; expectedVersion: number; now: string },
): Promise<boolean> {
  const result = await db
    .updateTable("user_account")
    .set({
      name: values.name,
      role: values.role,
      updated_at: values.now,
      version: sql`version + 1`,
    })
    .where("id", "=", id)
    .where("version", "=", values.expectedVersion)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Replaces the org units of an account. */
export async function replaceUserOrgUnits(
  db: Executor,
  userId: number,
  orgUnitIds: readonly number[],
): Promise<void> {
  await db.deleteFrom("user_org_unit").where("user_id", "=", userId).execute();
  if (orgUnitIds.length === 0) return;
  await db
    .insertInto("user_org_unit")
    .values(
      orgUnitIds.map((orgUnitId) => ({
        user_id: userId,
        org_unit_id: orgUnitId,
      })),
    )
    .execute();
}

/** Switches an account on or off. */
export async function setUserActive(
  db: Executor,
  id: number,
  isActive: boolean,
  now: string,
): Promise<void> {
  await db
    .updateTable("user_account")
    .set({
      is_active: isActive ? 1 : 0,
      updated_at: now,
      version: sql`version + 1`,
    })
    .where("id", "=", id)
    .execute();
}

/** Sets a new password hash and clears any lock. */
export async function setUserPassword(
  db: Executor,
  id: number,
  passwordHash: string,
  now: string,
): Promise<void> {
  await db
    .updateTable("user_account")
    .set({
      password_hash: passwordHash,
      failed_logins: 0,
      locked_until: null,
      updated_at: now,
      version: sql`version + 1`,
    })
    .where("id", "=", id)
    .execute();
}

/** Counts one failed login; locks the account until `lockUntil(count)` when that is not null. Returns the new count and lock. */
export async function recordFailedLogin(
  db: Executor,
  id: number,
  values: { lockUntil: (failures: number) => string | null },
): Promise<{ readonly failures: number; readonly lockedUntil: string | null }> {
  await db
    .updateTable("user_account")
    .set({ failed_logins: sql`failed_logins + 1` })
    .where("id", "=", id)
    .execute();
  const row = await db
    .selectFrom("user_account")
    .select("failed_logins")
    .where("id", "=", id)
    .executeTakeFirstOrThrow();
  const failures = Number(row.failed_logins);
  // The count goes on after a lock (so that the next lock is longer); only a complete sign-in resets it.
  const lockedUntil = values.lockUntil(failures);
  if (lockedUntil !== null) {
    await db
      .updateTable("user_account")
      .set({ locked_until: lockedUntil })
      .where("id", "=", id)
      .execute();
  }
  return { failures, lockedUntil };
}

/** Forgets failed logins after a success. */
export async function clearFailedLogins(
  db: Executor,
  id: number,
): Promise<void> {
  await db
    .updateTable("user_account")
    .set({ failed_logins: 0, locked_until: null })
    .where("id", "=", id)
    .execute();
}

/** The stored (sealed or, from before encryption, plain) second-factor secrets of every account that has one. */
export async function listStoredTotpSecrets(db: Executor): Promise<
  readonly {
    readonly id: number;
    readonly secret: string | null;
    readonly pendingSecret: string | null;
  }[]
> {
  const rows = await db
    .selectFrom("user_account")
    .select(["id", "totp_secret", "totp_pending_secret"])
    .where((eb) =>
      eb.or([
        eb("totp_secret", "is not", null),
        eb("totp_pending_secret", "is not", null),
      ]),
    )
    .orderBy("id")
    .execute();
  return rows.map((row) => ({
    id: Number(row.id),
    secret: row.totp_secret,
    pendingSecret: row.totp_pending_secret,
  }));
}

/** Replaces the stored form of an account's secrets (sealing, key rotation); the secrets themselves stay the same. */
export async function replaceStoredTotpSecrets(
  db: Executor,
  id: number,
  values: { secret: string | null; pendingSecret: string | null },
): Promise<void> {
  await db
    .updateTable("user_account")
    .set({
      totp_secret: values.secret,
      totp_pending_secret: values.pendingSecret,
    })
    .where("id", "=", id)
    .execute();
}

/** Stores a second-factor secret that is being set up. */
export async function setPendingTotpSecret(
  db: Executor,
  id: number,
  secret: string | null,
): Promise<void> {
  await db
    .updateTable("user_account")
    .set({ totp_pending_secret: secret })
    .where("id", "=", id)
    .execute();
}

/** Makes the pending secret the one in use. */
export async function activateTotpSecret(
  db: Executor,
  id: number,
  values: { secret: string; step: number; now: string },
): Promise<void> {
  await db
    .updateTable("user_account")
    .set({
      totp_secret: values.secret,
      totp_pending_secret: null,
      totp_enabled_at: values.now,
      last_totp_step: values.step,
      updated_at: values.now,
      version: sql`version + 1`,
    })
    .where("id", "=", id)
    .execute();
}

/**
 * Remembers the time step of an accepted code, but only if it is newer than the last
 * one: returns false when the step (or a later one) was used already — also when two
 * requests race with the same code.
 */
export async function claimTotpStep(
  db: Executor,
  id: number,
  step: number,
): Promise<boolean> {
  const result = await db
    .updateTable("user_account")
    .set({ last_totp_step: step })
    .where("id", "=", id)
    .where((eb) =>
      eb.or([
        eb("last_totp_step", "is", null),
        eb("last_totp_step", "<", step),
      ]),
    )
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** The org units of a municipality, by code. */
export async function listOrgUnitChoices(
  db: Executor,
  municipalityId: number,
): Promise<readonly OrgUnitChoice[]> {
  return db
    .selectFrom("org_unit")
    .select(["id", "code", "name"])
    .where("municipality_id", "=", municipalityId)
    .orderBy("position")
    .orderBy("code")
    .execute();
}

/**
 * Accounts (user_account) and the org units they act for (user_org_unit). E-mail
 * addresses arrive here already lower-cased by the use cases.
 */
import { groupBy } from "../domain/collections.js";
import { sql, type Updateable } from "kysely";
import type {
  Executor,
  MembershipTable,
  UserAccountTable,
} from "./database.js";
import { changesOneRow, countRows, replaceRows } from "./query.js";

/** A person's role in one municipality. */
export interface MembershipRecord {
  readonly id: number;
  readonly municipalityId: number;
  readonly municipalitySlug: string;
  readonly municipalityName: string;
  readonly role: string;
  readonly isActive: boolean;
  /** Codes of the org units of this municipality the person acts for, sorted. */
  readonly orgUnitCodes: readonly string[];
}

/**
 * An account as the use cases see it; secrets only where a use case needs them. The
 * municipality, role and org units are those of one membership "in view": the
 * municipality asked for, or else the person's first active membership (null for an
 * operator without any).
 */
export interface UserRecord {
  readonly id: number;
  readonly municipalityId: number | null;
  readonly municipalitySlug: string | null;
  readonly email: string;
  readonly name: string;
  readonly role: string;
  readonly passwordHash: string | null;
  readonly totpSecret: string | null;
  readonly totpPendingSecret: string | null;
  readonly totpEnabledAt: string | null;
  readonly lastTotpStep: number | null;
  /** Whether the account may sign in at all. */
  readonly isActive: boolean;
  /** Whether the membership in view is active. */
  readonly membershipActive: boolean;
  readonly isOperator: boolean;
  readonly failedLogins: number;
  readonly lockedUntil: string | null;
  readonly version: number;
  readonly createdAt: string;
  readonly updatedAt: string;
  /** Codes of the org units of the membership in view, sorted. */
  readonly orgUnitCodes: readonly string[];
  /** All memberships, oldest first. */
  readonly memberships: readonly MembershipRecord[];
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
    .select([
      "user_account.id",
      "user_account.email",
      "user_account.name",
      "user_account.password_hash",
      "user_account.totp_secret",
      "user_account.totp_pending_secret",
      "user_account.totp_enabled_at",
      "user_account.last_totp_step",
      "user_account.is_active",
      "user_account.is_operator",
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

/** Picks the membership in view: the one in the municipality asked for, else the first active one, else the first. */
function membershipInView(
  memberships: readonly MembershipRecord[],
  municipalityId: number | null,
): MembershipRecord | null {
  if (municipalityId !== null)
    return memberships.find((m) => m.municipalityId === municipalityId) ?? null;
  return memberships.find((m) => m.isActive) ?? memberships[0] ?? null;
}

/** Adds memberships and org units to account rows: three queries for any number of accounts. */
async function withMemberships(
  db: Executor,
  rows: readonly UserRow[],
  municipalityId: number | null,
): Promise<readonly UserRecord[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((row) => row.id);
  const memberships = await db
    .selectFrom("membership")
    .innerJoin("municipality", "municipality.id", "membership.municipality_id")
    .select([
      "membership.id",
      "membership.user_id",
      "membership.municipality_id",
      "membership.role",
      "membership.is_active",
      "municipality.slug",
      "municipality.name",
    ])
    .where("membership.user_id", "in", ids)
    .orderBy("membership.id")
    .execute();
  const links = await db
    .selectFrom("user_org_unit")
    .innerJoin("org_unit", "org_unit.id", "user_org_unit.org_unit_id")
    .select([
      "user_org_unit.user_id",
      "org_unit.municipality_id",
      "org_unit.code",
    ])
    .where("user_org_unit.user_id", "in", ids)
    .execute();
  const codes = groupBy(
    links,
    (link) => `${link.user_id}:${link.municipality_id}`,
    (link) => link.code,
  );
  const byUser = groupBy(
    memberships,
    (row) => row.user_id,
    (row): MembershipRecord => ({
      id: row.id,
      municipalityId: row.municipality_id,
      municipalitySlug: row.slug,
      municipalityName: row.name,
      role: row.role,
      isActive: Number(row.is_active) === 1,
      orgUnitCodes: (
        codes.get(`${row.user_id}:${row.municipality_id}`) ?? []
      ).sort(),
    }),
  );
  return rows.map((row) => {
    const all = byUser.get(row.id) ?? [];
    const view = membershipInView(all, municipalityId);
    return {
      id: row.id,
      municipalityId: view?.municipalityId ?? null,
      municipalitySlug: view?.municipalitySlug ?? null,
      email: row.email,
      name: row.name,
      role: view?.role ?? "committee",
      passwordHash: row.password_hash,
      totpSecret: row.totp_secret,
      totpPendingSecret: row.totp_pending_secret,
      totpEnabledAt: isoOrNull(row.totp_enabled_at),
      lastTotpStep: row.last_totp_step,
      isActive: Number(row.is_active) === 1,
      membershipActive: view?.isActive ?? false,
      isOperator: Number(row.is_operator) === 1,
      failedLogins: row.failed_logins,
      lockedUntil: isoOrNull(row.locked_until),
      version: row.version,
      createdAt: new Date(row.created_at).toISOString(),
      updatedAt: new Date(row.updated_at).toISOString(),
      orgUnitCodes: view?.orgUnitCodes ?? [],
      memberships: all,
    };
  });
}

/** One account by id or by (lower-cased) e-mail address, or null; `municipalityId` chooses the membership in view. */
export async function findUser(
  db: Executor,
  key: { readonly id: number } | { readonly email: string },
  municipalityId: number | null = null,
): Promise<UserRecord | null> {
  const row = await (
    "id" in key
      ? baseQuery(db).where("user_account.id", "=", key.id)
      : baseQuery(db).where("user_account.email", "=", key.email)
  ).executeTakeFirst();
  return row === undefined
    ? null
    : ((await withMemberships(db, [row], municipalityId))[0] ?? null);
}

/** The members of a municipality (active or not), by name, each with that membership in view. */
export async function listUsersOfMunicipality(
  db: Executor,
  municipalityId: number,
): Promise<readonly UserRecord[]> {
  const rows = await baseQuery(db)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom("membership")
          .select("membership.id")
          .whereRef("membership.user_id", "=", "user_account.id")
          .where("membership.municipality_id", "=", municipalityId),
      ),
    )
    .orderBy("user_account.name")
    .orderBy("user_account.email")
    .execute();
  return withMemberships(db, rows, municipalityId);
}

/** The operators of the instance, by name. */
export async function listOperators(
  db: Executor,
): Promise<readonly UserRecord[]> {
  const rows = await baseQuery(db)
    .where("user_account.is_operator", "=", 1)
    .orderBy("user_account.name")
    .execute();
  return withMemberships(db, rows, null);
}

/** Changes an account and moves its version on. */
async function changeAccount(
  db: Executor,
  id: number,
  now: string,
  changes: Updateable<UserAccountTable>,
): Promise<void> {
  await db
    .updateTable("user_account")
    .set({ ...changes, updated_at: now, version: sql`version + 1` })
    .where("id", "=", id)
    .execute();
}

/** Changes a person's membership in a municipality and moves its version on. */
async function changeMembership(
  db: Executor,
  membership: { readonly userId: number; readonly municipalityId: number },
  now: string,
  changes: Updateable<MembershipTable>,
): Promise<void> {
  await db
    .updateTable("membership")
    .set({ ...changes, updated_at: now, version: sql`version + 1` })
    .where("user_id", "=", membership.userId)
    .where("municipality_id", "=", membership.municipalityId)
    .execute();
}

/** Creates an operator account (no municipality, no membership) and returns its id. */
export async function insertOperatorAccount(
  db: Executor,
  values: { email: string; name: string; passwordHash: string; now: string },
): Promise<number> {
  const row = await db
    .insertInto("user_account")
    .values({
      municipality_id: null,
      email: values.email,
      name: values.name,
      role: null,
      is_operator: 1,
      password_hash: values.passwordHash,
      created_at: values.now,
      updated_at: values.now,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Makes an existing account an operator too. */
export async function setOperator(
  db: Executor,
  id: number,
  now: string,
): Promise<void> {
  await changeAccount(db, id, now, { is_operator: 1 });
}

/** Gives a person a role in a municipality (a new membership) and returns its id. */
export async function insertMembership(
  db: Executor,
  values: {
    userId: number;
    municipalityId: number;
    role: string;
    now: string;
  },
): Promise<number> {
  const row = await db
    .insertInto("membership")
    .values({
      user_id: values.userId,
      municipality_id: values.municipalityId,
      role: values.role,
      created_at: values.now,
      updated_at: values.now,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Changes the role of a membership. */
export async function updateMembershipRole(
  db: Executor,
  values: {
    userId: number;
    municipalityId: number;
    role: string;
    now: string;
  },
): Promise<void> {
  await changeMembership(db, values, values.now, { role: values.role });
}

/** Switches a membership on or off. */
export async function setMembershipActive(
  db: Executor,
  values: {
    userId: number;
    municipalityId: number;
    isActive: boolean;
    now: string;
  },
): Promise<void> {
  await changeMembership(db, values, values.now, {
    is_active: values.isActive ? 1 : 0,
  });
}

/** Counts the active administrators of a municipality (whose accounts are active too). */
export async function countActiveAdministrators(
  db: Executor,
  municipalityId: number,
): Promise<number> {
  return countRows(
    db
      .selectFrom("membership")
      .innerJoin("user_account", "user_account.id", "membership.user_id")
      .where("membership.municipality_id", "=", municipalityId)
      .where("membership.role", "=", "admin")
      .where("membership.is_active", "=", 1)
      .where("user_account.is_active", "=", 1),
  );
}

/** Creates an account with its first membership and returns the account's id. */
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
  await insertMembership(db, {
    userId: row.id,
    municipalityId: values.municipalityId,
    role: values.role,
    now: values.now,
  });
  return row.id;
}

/**
 * Changes name and role, but only at the version the editor read: returns false when
 * someone else changed the account in between (no lost updates).
 */
export async function updateUserProfile(
  db: Executor,
  id: number,
  values: {
    name: string;
    role: string;
    municipalityId: number;
    expectedVersion: number;
    now: string;
  },
): Promise<boolean> {
  const result = await db
    .updateTable("user_account")
    .set({
      name: values.name,
      updated_at: values.now,
      version: sql`version + 1`,
    })
    .where("id", "=", id)
    .where("version", "=", values.expectedVersion)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) return false;
  await updateMembershipRole(db, {
    userId: id,
    municipalityId: values.municipalityId,
    role: values.role,
    now: values.now,
  });
  return true;
}

/** Replaces the org units of an account in one municipality (those of its other memberships stay). */
export async function replaceUserOrgUnits(
  db: Executor,
  userId: number,
  orgUnitIds: readonly number[],
  municipalityId: number,
): Promise<void> {
  await replaceRows(
    db
      .deleteFrom("user_org_unit")
      .where("user_id", "=", userId)
      .where("org_unit_id", "in", (eb) =>
        eb
          .selectFrom("org_unit")
          .select("org_unit.id")
          .where("org_unit.municipality_id", "=", municipalityId),
      ),
    db.insertInto("user_org_unit"),
    orgUnitIds.map((orgUnitId) => ({
      user_id: userId,
      org_unit_id: orgUnitId,
    })),
  );
}

/** Switches an account on or off. */
export async function setUserActive(
  db: Executor,
  id: number,
  isActive: boolean,
  now: string,
): Promise<void> {
  await changeAccount(db, id, now, { is_active: isActive ? 1 : 0 });
}

/** Sets a new password hash and clears any lock. */
export async function setUserPassword(
  db: Executor,
  id: number,
  passwordHash: string,
  now: string,
): Promise<void> {
  await changeAccount(db, id, now, {
    password_hash: passwordHash,
    failed_logins: 0,
    locked_until: null,
  });
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
  await changeAccount(db, id, values.now, {
    totp_secret: values.secret,
    totp_pending_secret: null,
    totp_enabled_at: values.now,
    last_totp_step: values.step,
  });
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
  return changesOneRow(
    db
      .updateTable("user_account")
      .set({ last_totp_step: step })
      .where("id", "=", id)
      .where((eb) =>
        eb.or([
          eb("last_totp_step", "is", null),
          eb("last_totp_step", "<", step),
        ]),
      ),
  );
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

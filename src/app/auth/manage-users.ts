/**
 * The people of a municipality: list, create, change, deactivate and reactivate. An
 * account is a person (one e-mail address); what they may do in this municipality is
 * their membership here. Creating an account for an address that has one already adds a
 * membership to it. Only administrators (app/policies/user.policy.ts) or the operator at
 * the command line; every change is audited in its own transaction. Deactivating a
 * membership ends access to this municipality only; a person left without any active
 * membership is switched off altogether and signed out everywhere.
 */
import { deleteSessionsOfUser } from "../../db/session.repository.js";
import {
  findMunicipalityBySlug,
  listMunicipalities,
} from "../../db/municipality.repository.js";
import {
  countActiveAdministrators,
  findUser,
  insertMembership,
  insertUser,
  setMembershipActive,
  listOrgUnitChoices,
  listUsersOfMunicipality,
  replaceUserOrgUnits,
  setUserActive,
  updateUserProfile,
  type OrgUnitChoice,
  type UserRecord,
} from "../../db/user.repository.js";
import type { Executor } from "../../db/database.js";
import type { Role } from "../../domain/access/principal.js";
import { AppError, type InputProblem } from "../../errors.js";
import { canManageUsers } from "../policies/user.policy.js";
import type { RequestOrigin } from "../audit/record-audit.js";
import type { AppContext } from "../context.js";
import { recordAccountAudit, type AccountActor } from "./account-audit.js";
import {
  readCodes,
  readEmail,
  readName,
  readNewPassword,
  readRole,
} from "./account-input.js";
import { hashPassword } from "./password.js";

/** An account as lists and forms show it: no secrets. */
export interface AccountSummary {
  readonly id: number;
  readonly municipalityId: number;
  readonly email: string;
  readonly name: string;
  readonly role: string;
  readonly orgUnitCodes: readonly string[];
  readonly isActive: boolean;
  readonly hasPassword: boolean;
  readonly hasSecondFactor: boolean;
  readonly version: number;
  readonly createdAt: string;
}

/** What creating an account needs. The password may be left out: the person then sets it through an invitation link. */
export interface NewAccountInput {
  readonly municipalityId: number;
  readonly email: unknown;
  readonly name: unknown;
  readonly role: unknown;
  readonly orgUnitCodes?: unknown;
  readonly password?: unknown;
}

/** What changing an account needs, with the version the form was read at. */
export interface AccountChangeInput {
  readonly name: unknown;
  readonly role: unknown;
  readonly orgUnitCodes?: unknown;
  readonly version: number;
}

/** Turns an account, with its membership in the municipality in view, into its summary. */
export function summariseAccount(
  user: UserRecord,
  municipalityId: number,
): AccountSummary {
  return {
    id: user.id,
    municipalityId,
    email: user.email,
    name: user.name,
    role: user.role,
    orgUnitCodes: user.orgUnitCodes,
    isActive: user.isActive && user.membershipActive,
    hasPassword: user.passwordHash !== null,
    hasSecondFactor: user.totpEnabledAt !== null,
    version: user.version,
    createdAt: user.createdAt,
  };
}

function authorise(actor: AccountActor, municipalityId: number): void {
  if (actor.kind === "command-line") return;
  if (!canManageUsers(actor, municipalityId))
    throw new AppError("ERR_FORBIDDEN");
}

/** The municipality accounts are created in: the one named, or the only one there is. */
export async function resolveAccountMunicipality(
  ctx: AppContext,
  slug: string | undefined,
): Promise<{ id: number; slug: string; name: string }> {
  if (slug !== undefined) {
    const municipality = await findMunicipalityBySlug(ctx.db, slug);
    if (municipality === null)
      throw new AppError("ERR_MUNICIPALITY_NOT_FOUND", { detail: `(${slug})` });
    return municipality;
  }
  const all = await listMunicipalities(ctx.db);
  const [only] = all;
  if (all.length === 1 && only !== undefined) return only;
  throw new AppError("ERR_VALIDATION", {
    detail:
      all.length === 0
        ? "Es ist noch keine Kommune eingetragen. Legen Sie zuerst einen Katalog an (fortschritt demo oder import-json)."
        : `Bitte nennen Sie die Kommune mit --municipality (${all.map((m) => m.slug).join(", ")}).`,
    problems: [
      {
        path: "/municipality",
        message: "fehlt, weil es mehrere Kommunen gibt",
      },
    ],
  });
}

/** The accounts of a municipality, by name. */
export async function listAccounts(
  ctx: AppContext,
  actor: AccountActor,
  municipalityId: number,
): Promise<readonly AccountSummary[]> {
  authorise(actor, municipalityId);
  return (await listUsersOfMunicipality(ctx.db, municipalityId)).map((user) =>
    summariseAccount(user, municipalityId),
  );
}

/** The account with its membership in the municipality; ERR_NOT_FOUND for an account of another municipality. */
async function accountOf(
  ctx: AppContext,
  municipalityId: number,
  userId: number,
): Promise<UserRecord> {
  const user = await findUser(ctx.db, { id: userId }, municipalityId);
  if (user === null || user.municipalityId !== municipalityId)
    throw new AppError("ERR_NOT_FOUND");
  return user;
}

/** The account as a change has just left it. */
async function changedAccount(
  ctx: AppContext,
  municipalityId: number,
  userId: number,
): Promise<AccountSummary> {
  const changed = await findUser(ctx.db, { id: userId }, municipalityId);
  if (changed === null) throw new AppError("ERR_INTERNAL");
  return summariseAccount(changed, municipalityId);
}

/** One account of a municipality; 404 for an account of another municipality. */
export async function getAccount(
  ctx: AppContext,
  actor: AccountActor,
  municipalityId: number,
  userId: number,
): Promise<AccountSummary> {
  authorise(actor, municipalityId);
  return summariseAccount(
    await accountOf(ctx, municipalityId, userId),
    municipalityId,
  );
}

/** The org units an account can be given, for the form. */
export async function listAssignableOrgUnits(
  ctx: AppContext,
  municipalityId: number,
): Promise<readonly OrgUnitChoice[]> {
  return listOrgUnitChoices(ctx.db, municipalityId);
}

async function resolveOrgUnits(
  db: Executor,
  municipalityId: number,
  codes: readonly string[],
  problems: InputProblem[],
): Promise<readonly number[]> {
  const choices = await listOrgUnitChoices(db, municipalityId);
  const ids: number[] = [];
  for (const code of codes) {
    const unit = choices.find((choice) => choice.code === code);
    if (unit === undefined)
      problems.push({
        path: "/orgUnitCodes",
        message: `Die Organisationseinheit „${code}“ gibt es nicht.`,
      });
    else ids.push(unit.id);
  }
  return ids;
}

function snapshot(values: {
  email: string;
  name: string;
  role: string;
  orgUnitCodes: readonly string[];
  isActive?: boolean;
}) {
  return {
    email: values.email,
    name: values.name,
    role: values.role,
    orgUnitCodes: [...values.orgUnitCodes].sort(),
    ...(values.isActive === undefined ? {} : { isActive: values.isActive }),
  };
}

/** Creates an account; throws ERR_VALIDATION with a problem per field when the input is wrong. */
export async function createAccount(
  ctx: AppContext,
  actor: AccountActor,
  input: NewAccountInput,
  origin: RequestOrigin = { ip: null },
): Promise<AccountSummary> {
  authorise(actor, input.municipalityId);
  const problems: InputProblem[] = [];
  const email = readEmail(input.email, problems);
  const name = readName(input.name, problems);
  const role: Role = readRole(input.role, problems);
  const codes = readCodes(input.orgUnitCodes);
  const password =
    input.password === undefined
      ? null
      : readNewPassword(input.password, problems, { email });
  const orgUnitIds = await resolveOrgUnits(
    ctx.db,
    input.municipalityId,
    codes,
    problems,
  );
  const existing =
    email !== "" && problems.every((p) => p.path !== "/email")
      ? await findUser(ctx.db, { email }, input.municipalityId)
      : null;
  if (existing !== null && existing.municipalityId === input.municipalityId) {
    problems.push({
      path: "/email",
      message:
        "Zu dieser E-Mail-Adresse gibt es bereits ein Konto. Die Person gehört dieser Kommune schon an.",
    });
  }
  if (problems.length > 0) throw new AppError("ERR_VALIDATION", { problems });
  if (existing !== null)
    return addMembership(ctx, actor, existing, {
      municipalityId: input.municipalityId,
      role,
      codes,
      orgUnitIds,
      origin,
    });
  // Hashing takes a moment: outside the transaction, so that it holds no lock meanwhile.
  const passwordHash = password === null ? null : await hashPassword(password);
  const now = ctx.clock().toISOString();
  const id = await ctx.db.transaction().execute(async (trx) => {
    const userId = await insertUser(trx, {
      municipalityId: input.municipalityId,
      email,
      name,
      role,
      passwordHash,
      now,
    });
    await replaceUserOrgUnits(trx, userId, orgUnitIds, input.municipalityId);
    await recordAccountAudit(
      trx,
      ctx,
      actor,
      {
        municipalityId: input.municipalityId,
        action: "user.create",
        entityType: "user_account",
        entityId: userId,
        entityLabel: email,
        after: snapshot({
          email,
          name,
          role,
          orgUnitCodes: codes,
          isActive: true,
        }),
      },
      origin,
    );
    return userId;
  });
  const created = await findUser(ctx.db, { id }, input.municipalityId);
  if (created === null) throw new AppError("ERR_INTERNAL");
  return summariseAccount(created, input.municipalityId);
}

/**
 * Gives an existing person a membership in another municipality: their name, password
 * and second factor stay as they are (an account is a person).
 */
async function addMembership(
  ctx: AppContext,
  actor: AccountActor,
  person: UserRecord,
  values: {
    municipalityId: number;
    role: Role;
    codes: readonly string[];
    orgUnitIds: readonly number[];
    origin: RequestOrigin;
  },
): Promise<AccountSummary> {
  const now = ctx.clock().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    await insertMembership(trx, {
      userId: person.id,
      municipalityId: values.municipalityId,
      role: values.role,
      now,
    });
    await replaceUserOrgUnits(
      trx,
      person.id,
      values.orgUnitIds,
      values.municipalityId,
    );
    // A person switched off for want of any membership can sign in again.
    if (!person.isActive) await setUserActive(trx, person.id, true, now);
    await recordAccountAudit(
      trx,
      ctx,
      actor,
      {
        municipalityId: values.municipalityId,
        action: "membership.create",
        entityType: "user_account",
        entityId: person.id,
        entityLabel: person.email,
        after: snapshot({
          email: person.email,
          name: person.name,
          role: values.role,
          orgUnitCodes: values.codes,
          isActive: true,
        }),
      },
      values.origin,
    );
  });
  const member = await findUser(
    ctx.db,
    { id: person.id },
    values.municipalityId,
  );
  if (member === null) throw new AppError("ERR_INTERNAL");
  return summariseAccount(member, values.municipalityId);
}

/** Whether an account with this address exists (the command line asks for a password only for a new one). */
export async function accountExists(
  ctx: AppContext,
  email: string,
): Promise<boolean> {
  return (
    (await findUser(ctx.db, { email: email.trim().toLowerCase() })) !== null
  );
}

/** Changes name, role and org units at the version the form was read at (ERR_CONFLICT otherwise). */
export async function changeAccount(
  ctx: AppContext,
  actor: AccountActor,
  municipalityId: number,
  userId: number,
  input: AccountChangeInput,
  origin: RequestOrigin = { ip: null },
): Promise<AccountSummary> {
  authorise(actor, municipalityId);
  const current = await accountOf(ctx, municipalityId, userId);
  const problems: InputProblem[] = [];
  const name = readName(input.name, problems);
  const role = readRole(input.role, problems);
  const codes = readCodes(input.orgUnitCodes);
  const orgUnitIds = await resolveOrgUnits(
    ctx.db,
    municipalityId,
    codes,
    problems,
  );
  if (
    current.role === "admin" &&
    role !== "admin" &&
    current.isActive &&
    current.membershipActive
  ) {
    if (actor.kind === "user" && actor.userId === userId) {
      problems.push({
        path: "/role",
        message:
          "Sie können sich die Administrationsrechte nicht selbst entziehen.",
      });
    } else if ((await countActiveAdmins(ctx, municipalityId)) <= 1) {
      problems.push({
        path: "/role",
        message:
          "Es muss mindestens ein aktives Konto mit Administrationsrechten geben.",
      });
    }
  }
  if (problems.length > 0) throw new AppError("ERR_VALIDATION", { problems });
  const now = ctx.clock().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    const updated = await updateUserProfile(trx, userId, {
      name,
      role,
      municipalityId,
      expectedVersion: input.version,
      now,
    });
    if (!updated) throw new AppError("ERR_CONFLICT");
    await replaceUserOrgUnits(trx, userId, orgUnitIds, municipalityId);
    // A new role changes what the person may do: sessions started under the old one end.
    if (role !== current.role)
      await deleteSessionsOfUser(trx, userId, undefined);
    await recordAccountAudit(
      trx,
      ctx,
      actor,
      {
        municipalityId,
        action: "user.update",
        entityType: "user_account",
        entityId: userId,
        entityLabel: current.email,
        before: snapshot(current),
        after: snapshot({
          email: current.email,
          name,
          role,
          orgUnitCodes: codes,
        }),
      },
      origin,
    );
  });
  return changedAccount(ctx, municipalityId, userId);
}

async function countActiveAdmins(
  ctx: AppContext,
  municipalityId: number,
): Promise<number> {
  return countActiveAdministrators(ctx.db, municipalityId);
}

/**
 * Switches a membership off or on again. Off ends the person's access to this
 * municipality (sessions and API tokens no longer act here); when it was their last
 * active membership (and they are no operator) the account is switched off too, ending
 * all its sessions. The last active administrator and one's own membership cannot be
 * switched off.
 */
export async function setAccountActive(
  ctx: AppContext,
  actor: AccountActor,
  municipalityId: number,
  userId: number,
  isActive: boolean,
  origin: RequestOrigin = { ip: null },
): Promise<AccountSummary> {
  authorise(actor, municipalityId);
  const current = await accountOf(ctx, municipalityId, userId);
  const wasActive = current.isActive && current.membershipActive;
  const othersActive = current.memberships.some(
    (m) => m.isActive && m.municipalityId !== municipalityId,
  );
  if (!isActive) {
    if (actor.kind === "user" && actor.userId === userId) {
      throw new AppError("ERR_VALIDATION", {
        detail: "Sie können Ihr eigenes Konto nicht deaktivieren.",
        problems: [
          {
            path: "/isActive",
            message: "Sie können Ihr eigenes Konto nicht deaktivieren.",
          },
        ],
      });
    }
    if (
      current.role === "admin" &&
      wasActive &&
      (await countActiveAdmins(ctx, municipalityId)) <= 1
    ) {
      throw new AppError("ERR_VALIDATION", {
        detail:
          "Es muss mindestens ein aktives Konto mit Administrationsrechten geben.",
        problems: [
          {
            path: "/isActive",
            message:
              "Es muss mindestens ein aktives Konto mit Administrationsrechten geben.",
          },
        ],
      });
    }
  }
  const now = ctx.clock().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    await setMembershipActive(trx, { userId, municipalityId, isActive, now });
    if (isActive) {
      if (!current.isActive) await setUserActive(trx, userId, true, now);
    } else if (!othersActive && !current.isOperator) {
      await setUserActive(trx, userId, false, now);
      await deleteSessionsOfUser(trx, userId);
    }
    await recordAccountAudit(
      trx,
      ctx,
      actor,
      {
        municipalityId,
        action: isActive ? "user.reactivate" : "user.deactivate",
        entityType: "user_account",
        entityId: userId,
        entityLabel: current.email,
        before: { isActive: wasActive },
        after: { isActive },
      },
      origin,
    );
  });
  return changedAccount(ctx, municipalityId, userId);
}

/**
 * Deactivates the membership of the person with this address (for the command line): in
 * the municipality named, or in the only one they belong to.
 */
export async function deactivateAccountByEmail(
  ctx: AppContext,
  actor: AccountActor,
  email: string,
  municipalitySlug?: string,
): Promise<AccountSummary> {
  const user = await findUser(ctx.db, { email: email.trim().toLowerCase() });
  if (user === null)
    throw new AppError("ERR_NOT_FOUND", {
      detail: `Es gibt kein Konto mit der Adresse ${email.trim().toLowerCase()}.`,
    });
  const membership =
    municipalitySlug === undefined
      ? user.memberships.length === 1
        ? user.memberships[0]
        : undefined
      : user.memberships.find((m) => m.municipalitySlug === municipalitySlug);
  if (membership === undefined)
    throw new AppError("ERR_VALIDATION", {
      detail:
        municipalitySlug === undefined
          ? `Die Person gehört ${user.memberships.length === 0 ? "keiner" : "mehreren"} Kommunen an; bitte nennen Sie eine mit --municipality (${user.memberships.map((m) => m.municipalitySlug).join(", ")}).`
          : `Die Person gehört der Kommune „${municipalitySlug}“ nicht an.`,
      problems: [{ path: "/municipality", message: "fehlt oder passt nicht" }],
    });
  return setAccountActive(
    ctx,
    actor,
    membership.municipalityId,
    user.id,
    false,
  );
}

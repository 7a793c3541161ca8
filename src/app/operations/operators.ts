/**
 * Operators (Betrieb): the people who run the instance. An operator is an account with
 * a flag, not a member of any municipality by being one: reading or changing a
 * municipality's data needs a membership there like for anyone else. Operators always
 * sign in with a second factor; every operator action needs a session whose second
 * factor was completed (ERR_OPERATOR_SECOND_FACTOR otherwise) and is audited, with the
 * municipality it concerns or none.
 */
import {
  findUser,
  insertOperatorAccount,
  setOperator,
} from "../../db/user.repository.js";
import {
  listInstanceAuditEvents,
  listMunicipalityStates,
  type InstanceAuditEventRecord,
  type MunicipalityStateRecord,
} from "../../db/operations.repository.js";
import type {
  Principal,
  UserPrincipal,
} from "../../domain/access/principal.js";
import { AppError, type InputProblem } from "../../errors.js";
import { recordAudit, type RequestOrigin } from "../audit/record-audit.js";
import {
  recordAccountAudit,
  type AccountActor,
} from "../auth/account-audit.js";
import { readEmail, readName, readNewPassword } from "../auth/account-input.js";
import { hashPassword } from "../auth/password.js";
import type { AppContext } from "../context.js";

export type {
  InstanceAuditEventRecord,
  MunicipalityStateRecord,
} from "../../db/operations.repository.js";

/** How many rows a page of the operators' lists shows. */
export const OPERATIONS_PAGE_SIZE = 50;

/** Whether a principal is an operator with a completed second factor. */
export function isVerifiedOperator(principal: Principal): boolean {
  return principal.kind === "user" && principal.operator === "verified";
}

/**
 * Lets only operators with a completed second factor through: ERR_UNAUTHENTICATED for
 * the public, ERR_FORBIDDEN for people who are no operators, ERR_OPERATOR_SECOND_FACTOR
 * for an operator without a completed second factor (or with an API token).
 */
export function assertOperator(
  principal: Principal,
): asserts principal is UserPrincipal {
  if (principal.kind !== "user") throw new AppError("ERR_UNAUTHENTICATED");
  if (principal.operator === undefined) throw new AppError("ERR_FORBIDDEN");
  if (principal.operator !== "verified")
    throw new AppError("ERR_OPERATOR_SECOND_FACTOR");
}

/** What the command line gives to create an operator. */
export interface NewOperatorInput {
  readonly email: unknown;
  readonly name: unknown;
  /** Needed only for a new account; an existing one keeps its password. */
  readonly password?: unknown;
}

/**
 * Creates an operator account, or makes the existing account with this address an
 * operator (from then on it signs in with a second factor). Only the command line (the
 * people with access to the server) creates operators.
 */
export async function addOperator(
  ctx: AppContext,
  actor: AccountActor,
  input: NewOperatorInput,
): Promise<{
  readonly id: number;
  readonly email: string;
  readonly name: string;
  readonly isNew: boolean;
}> {
  if (actor.kind !== "command-line") {
    assertOperator(actor);
  }
  const problems: InputProblem[] = [];
  const email = readEmail(input.email, problems);
  const existing = email === "" ? null : await findUser(ctx.db, { email });
  if (existing?.isOperator === true)
    problems.push({
      path: "/email",
      message: "Zu dieser E-Mail-Adresse gibt es bereits ein Betriebskonto.",
    });
  const name =
    existing === null ? readName(input.name, problems) : existing.name;
  const password =
    existing === null
      ? readNewPassword(input.password ?? "", problems, { email })
      : null;
  if (problems.length > 0) throw new AppError("ERR_VALIDATION", { problems });
  const passwordHash = password === null ? null : await hashPassword(password);
  const now = ctx.clock().toISOString();
  const id = await ctx.db.transaction().execute(async (trx) => {
    let userId: number;
    if (existing === null) {
      userId = await insertOperatorAccount(trx, {
        email,
        name,
        passwordHash: passwordHash ?? "",
        now,
      });
    } else {
      userId = existing.id;
      await setOperator(trx, userId, now);
    }
    await recordAccountAudit(trx, ctx, actor, {
      municipalityId: null,
      action: "operator.create",
      entityType: "user_account",
      entityId: userId,
      entityLabel: email,
      after: {
        email,
        name,
        operator: true,
        existingAccount: existing !== null,
      },
    });
    return userId;
  });
  const created = await findUser(ctx.db, { id });
  if (created === null) throw new AppError("ERR_INTERNAL");
  return {
    id,
    email: created.email,
    name: created.name,
    isNew: existing === null,
  };
}

/** A page of the operators' overview of municipalities. */
export interface MunicipalityOverview {
  readonly search: string;
  readonly page: number;
  readonly pageCount: number;
  readonly total: number;
  readonly items: readonly MunicipalityStateRecord[];
}

function pageNumber(value: unknown): number {
  const page = typeof value === "number" ? value : Number(value);
  return Number.isInteger(page) && page >= 1 && page <= 100_000 ? page : 1;
}

/** The municipalities with their state (programme, editions, last report, users), by name, 50 a page, searchable; audited. */
export async function getMunicipalityOverview(
  ctx: AppContext,
  principal: Principal,
  query: { readonly search?: unknown; readonly page?: unknown },
  origin: RequestOrigin = { ip: null },
): Promise<MunicipalityOverview> {
  assertOperator(principal);
  const search =
    typeof query.search === "string" ? query.search.trim().slice(0, 100) : "";
  const page = pageNumber(query.page);
  const result = await listMunicipalityStates(ctx.db, {
    search,
    limit: OPERATIONS_PAGE_SIZE,
    offset: (page - 1) * OPERATIONS_PAGE_SIZE,
  });
  await recordAudit(
    ctx.db,
    ctx,
    principal,
    {
      municipalityId: null,
      action: "operations.overview",
      entityType: "municipality",
      after: { search, page },
    },
    origin,
  );
  return {
    search,
    page,
    pageCount: Math.max(1, Math.ceil(result.total / OPERATIONS_PAGE_SIZE)),
    total: result.total,
    items: result.items,
  };
}

/** A page of the instance's audit log. */
export interface InstanceAuditLogPage {
  readonly page: number;
  readonly pageCount: number;
  readonly total: number;
  readonly instanceOnly: boolean;
  readonly items: readonly InstanceAuditEventRecord[];
}

/** The instance's audit log (every municipality's events and those of the instance), newest first; reading it is audited too. */
export async function getInstanceAuditLog(
  ctx: AppContext,
  principal: Principal,
  query: { readonly page?: unknown; readonly instanceOnly?: unknown },
  origin: RequestOrigin = { ip: null },
): Promise<InstanceAuditLogPage> {
  assertOperator(principal);
  const page = pageNumber(query.page);
  const instanceOnly =
    query.instanceOnly === true || query.instanceOnly === "1";
  // Written first, so that the page shows its own reading.
  await recordAudit(
    ctx.db,
    ctx,
    principal,
    {
      municipalityId: null,
      action: "operations.audit_log",
      entityType: "audit_event",
      after: { page, instanceOnly },
    },
    origin,
  );
  const result = await listInstanceAuditEvents(ctx.db, {
    limit: OPERATIONS_PAGE_SIZE,
    offset: (page - 1) * OPERATIONS_PAGE_SIZE,
    instanceOnly,
  });
  return {
    page,
    pageCount: Math.max(1, Math.ceil(result.total / OPERATIONS_PAGE_SIZE)),
    total: result.total,
    instanceOnly,
    items: result.items,
  };
}

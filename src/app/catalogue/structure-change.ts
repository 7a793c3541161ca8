/**
 * The steps every change to a record of the catalogue's frame shares (programme, impact area,
 * action field, org unit): authorise an administrator, answer a missing record or a taken key,
 * and update with the version checked before and claimed inside the transaction.
 */
import type { Transaction } from "kysely";
import type { Database } from "../../db/database.js";
import { isUniqueViolation } from "../../db/project.repository.js";
import {
  claimVersion,
  type StoredProgramme,
  type VersionedTable,
} from "../../db/structure.repository.js";
import type { Principal } from "../../domain/access/principal.js";
import type { Municipality } from "../../domain/catalogue/catalogue.js";
import { AppError, type InputProblem } from "../../errors.js";
import type { RequestOrigin } from "../audit/record-audit.js";
import type { AppContext } from "../context.js";
import { changeStructure, requireAdministrator } from "./edit-support.js";
import { requireProgramme, structureConflict } from "./structure-state.js";

/** A stored record of the frame as the use cases need it. */
interface StructureRecord {
  readonly id: number;
  readonly name: string;
}

/**
 * Authorises an administrator to change the record found by its key (a refusal names the
 * record, or the key when there is none) and returns it; ERR_NOT_FOUND with `missing` when
 * there is no such record.
 */
export async function requireStructureRecord<R extends StructureRecord>(
  ctx: AppContext,
  principal: Principal,
  municipality: Municipality,
  attempted: string,
  entity: {
    readonly entityType: VersionedTable;
    readonly key: string;
    readonly missing: string;
  },
  record: R | undefined,
  origin: RequestOrigin,
): Promise<R> {
  await requireAdministrator(
    ctx,
    principal,
    municipality,
    attempted,
    {
      entityType: entity.entityType,
      entityId: record?.id ?? null,
      entityLabel: record?.name ?? entity.key,
    },
    origin,
  );
  if (record === undefined)
    throw new AppError("ERR_NOT_FOUND", { detail: entity.missing });
  return record;
}

/** What an update of a record of the frame tells the audit log besides who, what and which. */
export interface StructureUpdate {
  readonly entityLabel: string;
  readonly before: unknown;
  readonly after: unknown;
}

/**
 * Updates a versioned record of the frame: a stale expected version is a conflict (showing
 * what is stored now) before the transaction and when the claim inside it fails; `apply`
 * writes and describes the change. Returns the record's new version.
 */
export async function updateStructureRecord(
  ctx: AppContext,
  principal: Principal,
  municipality: Municipality,
  target: {
    readonly action: string;
    readonly entityType: VersionedTable;
    readonly record: { readonly id: number; readonly version: number };
    /** The key the conflict looks the current state up by ("" for the programme). */
    readonly key: string;
    readonly expectedVersion: number;
    readonly reason?: string | null | undefined;
  },
  origin: RequestOrigin,
  apply: (trx: Transaction<Database>) => Promise<StructureUpdate>,
): Promise<{ readonly version: number }> {
  const { entityType, record, expectedVersion } = target;
  const conflict = () =>
    structureConflict(
      ctx,
      municipality.id,
      { entityType, entityId: record.id, key: target.key },
      expectedVersion,
    );
  if (record.version !== expectedVersion) throw await conflict();
  return changeStructure(
    ctx,
    principal,
    municipality,
    {
      expectedVersion,
      reason: target.reason,
      claim: (trx) => claimVersion(trx, entityType, record.id, expectedVersion),
      conflict,
    },
    origin,
    async (trx) => {
      const update = await apply(trx);
      return {
        value: { version: expectedVersion + 1 },
        record: {
          action: target.action,
          entityType,
          entityId: record.id,
          ...update,
        },
      };
    },
  );
}

/** The problem of a key that another record of the same kind already has. */
export function keyTakenProblem(key: string): InputProblem {
  return {
    path: "/data/key",
    message: `Der Schlüssel "${key}" ist schon vergeben.`,
  };
}

/**
 * Creates a record of the frame in one transaction (version 1); `apply` checks and inserts.
 * A unique violation from a concurrent insert becomes the same `taken` problem the check
 * inside `apply` reports.
 */
export async function createStructureRecord<T>(
  ctx: AppContext,
  principal: Principal,
  municipality: Municipality,
  options: {
    readonly reason?: string | null | undefined;
    readonly taken: InputProblem;
  },
  origin: RequestOrigin,
  apply: Parameters<typeof changeStructure<T>>[5],
): Promise<T> {
  try {
    return await changeStructure(
      ctx,
      principal,
      municipality,
      { expectedVersion: null, reason: options.reason },
      origin,
      apply,
    );
  } catch (error) {
    if (isUniqueViolation(error))
      throw new AppError("ERR_VALIDATION", { problems: [options.taken] });
    throw error;
  }
}

/** The municipality's programme, for an administrator to change (see requireProgramme). */
export async function requireEditableProgramme(
  ctx: AppContext,
  principal: Principal,
  municipality: Municipality,
  attempted: string,
  origin: RequestOrigin,
): Promise<StoredProgramme> {
  const programme = await requireProgramme(ctx.db, municipality.id);
  await requireAdministrator(
    ctx,
    principal,
    municipality,
    attempted,
    {
      entityType: "programme",
      entityId: programme.id,
      entityLabel: programme.title,
    },
    origin,
  );
  return programme;
}

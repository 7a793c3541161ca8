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
import type { UserPrincipal } from "../../domain/access/principal.js";
import { AppError, type InputProblem } from "../../errors.js";
import {
  changeStructure,
  requireAdministrator,
  type MunicipalityCall,
} from "./edit-support.js";
import { requireProgramme, structureConflict } from "./structure-state.js";

/** A stored record of the frame as the use cases need it. */
interface StructureRecord {
  readonly id: number;
  readonly name: string;
}

/** Why a change of the frame was made (the audit log's reason). */
interface Reasoned {
  readonly reason?: string | null | undefined;
}

/**
 * Authorises an administrator to update the record found by its key (a refusal names the
 * record, or the key when there is none); ERR_NOT_FOUND with `missing` when there is no
 * such record. Returns the record and its update (updateStructureRecord), logged as
 * `attempted`.
 */
export async function requireStructureUpdate<
  R extends StructureRecord & { readonly version: number },
>(
  call: MunicipalityCall<Reasoned & { readonly expectedVersion: number }>,
  attempted: string,
  entity: {
    readonly entityType: VersionedTable;
    readonly key: string;
    readonly missing: string;
  },
  record: R | undefined,
): Promise<{
  readonly record: R;
  readonly update: (
    apply: (trx: Transaction<Database>) => Promise<StructureUpdate>,
  ) => Promise<{ readonly version: number }>;
}> {
  await requireAdministrator(
    call.ctx,
    call.principal,
    call.municipality,
    attempted,
    {
      entityType: entity.entityType,
      entityId: record?.id ?? null,
      entityLabel: record?.name ?? entity.key,
    },
    call.origin,
  );
  if (record === undefined)
    throw new AppError("ERR_NOT_FOUND", { detail: entity.missing });
  return {
    record,
    update: (apply) =>
      updateStructureRecord(
        call,
        {
          action: attempted,
          entityType: entity.entityType,
          record,
          key: entity.key,
        },
        apply,
      ),
  };
}

/** Authorises an administrator to add a record of the frame, named as the input names it. */
export function requireCreator(
  call: MunicipalityCall<{ readonly data: { readonly name: string } }>,
  attempted: string,
  entityType: VersionedTable,
): Promise<UserPrincipal> {
  return requireAdministrator(
    call.ctx,
    call.principal,
    call.municipality,
    attempted,
    { entityType, entityLabel: call.valid.data.name },
    call.origin,
  );
}

/** What an update of a record of the frame tells the audit log besides who, what and which. */
export interface StructureUpdate {
  readonly entityLabel: string;
  readonly before: unknown;
  readonly after: unknown;
}

/**
 * Updates a versioned record of the frame to the version the input expects: a stale one is a
 * conflict (showing what is stored now) before the transaction and when the claim inside it
 * fails; `apply` writes and describes the change. Returns the record's new version.
 */
export async function updateStructureRecord(
  call: MunicipalityCall<Reasoned & { readonly expectedVersion: number }>,
  target: {
    readonly action: string;
    readonly entityType: VersionedTable;
    readonly record: { readonly id: number; readonly version: number };
    /** The key the conflict looks the current state up by ("" for the programme). */
    readonly key: string;
  },
  apply: (trx: Transaction<Database>) => Promise<StructureUpdate>,
): Promise<{ readonly version: number }> {
  const { ctx, municipality } = call;
  const { expectedVersion } = call.valid;
  const { entityType, record } = target;
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
    call.principal,
    municipality,
    {
      expectedVersion,
      reason: call.valid.reason,
      claim: (trx) => claimVersion(trx, entityType, record.id, expectedVersion),
      conflict,
    },
    call.origin,
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
 * Creates a record of the frame in one transaction (version 1); `apply` checks and inserts,
 * and returns the new record's id, name and logged state. A unique violation from a
 * concurrent insert becomes the same `taken` problem the check inside `apply` reports.
 */
export async function createStructureRecord<T>(
  call: MunicipalityCall<Reasoned>,
  target: {
    readonly action: string;
    readonly entityType: VersionedTable;
    readonly taken: InputProblem;
  },
  apply: (trx: Transaction<Database>) => Promise<{
    readonly id: number;
    readonly label: string;
    readonly after: unknown;
    readonly value: T;
  }>,
): Promise<T> {
  try {
    return await changeStructure(
      call.ctx,
      call.principal,
      call.municipality,
      { expectedVersion: null, reason: call.valid.reason },
      call.origin,
      async (trx) => {
        const created = await apply(trx);
        return {
          value: created.value,
          record: {
            action: target.action,
            entityType: target.entityType,
            entityId: created.id,
            entityLabel: created.label,
            before: null,
            after: created.after,
          },
        };
      },
    );
  } catch (error) {
    if (isUniqueViolation(error))
      throw new AppError("ERR_VALIDATION", { problems: [target.taken] });
    throw error;
  }
}

/** The municipality's programme, for an administrator to change (see requireProgramme). */
export async function requireEditableProgramme(
  call: MunicipalityCall<unknown>,
  attempted: string,
): Promise<StoredProgramme> {
  const programme = await requireProgramme(call.ctx.db, call.municipality.id);
  await requireAdministrator(
    call.ctx,
    call.principal,
    call.municipality,
    attempted,
    {
      entityType: "programme",
      entityId: programme.id,
      entityLabel: programme.title,
    },
    call.origin,
  );
  return programme;
}

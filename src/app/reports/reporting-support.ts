/**
 * What the reporting use cases (committees, reports, key figures, the OZG register) share:
 * permission checks that log refusals, the German calendar day of an instant, and one
 * runner for every change.
 *
 * The runner takes the municipality's row first (bumping its data version), then reads,
 * checks and writes the reporting rows, then appends the audit event — one transaction.
 * Taking the municipality first (the catalogue's writers take their entity first, ADR
 * 0006) is safe because no reporting writer locks a catalogue row, and it lets every
 * check — is the report still a draft, is the entry still at the version the form was
 * opened on — see all committed changes of the municipality (ADR 0007).
 */
import type { Static, TSchema } from "@sinclair/typebox";
import type { Transaction } from "kysely";
import { listAuditEvents } from "../../db/audit.repository.js";
import type { Database } from "../../db/database.js";
import { bumpDataVersion } from "../../db/municipality.repository.js";
import type {
  Principal,
  UserPrincipal,
} from "../../domain/access/principal.js";
import type { Municipality } from "../../domain/catalogue/catalogue.js";
import { AppError } from "../../errors.js";
import {
  recordAudit,
  type AuditEvent,
  type RequestOrigin,
} from "../audit/record-audit.js";
import type { AppContext } from "../context.js";
import {
  entityGuard,
  requireMunicipality,
  requireValid,
  municipalityGuard,
  UNKNOWN_ORIGIN,
  type CatalogueUseCase,
  type ChangeRecord as CatalogueChangeRecord,
  type GuardedEntity,
} from "../catalogue/edit-support.js";
import {
  canManageReporting,
  canReadReporting,
} from "../policies/report.policy.js";

export { requireMunicipality };

/** What a reporting change writes into the audit log. */
export interface ReportingRecord extends CatalogueChangeRecord {
  /** The entity's version after the change. */
  readonly version: number | null;
  /** The project the change concerns, so that it shows in the project's Verlauf. */
  readonly projectId?: number | null;
}

/** Thrown inside a change when a row is no longer at the version the caller read. */
export class StaleReportingVersion extends Error {
  constructor(
    readonly entityType: string,
    readonly entityId: number,
    readonly expectedVersion: number,
  ) {
    super(
      `${entityType} ${entityId} is no longer at version ${expectedVersion}`,
    );
  }
}

/** A stored row a form names with the version it was opened on. */
export interface VersionedRow {
  readonly id: number;
  readonly version: number;
}

/** Throws the stale-version error when the row is no longer at the version the caller read. */
export function requireVersion(
  entityType: string,
  row: VersionedRow,
  expectedVersion: number,
): void {
  if (row.version !== expectedVersion)
    throw new StaleReportingVersion(entityType, row.id, expectedVersion);
}

/** The reporting tables whose rows carry a version a form compares with. */
type VersionedTable =
  "committee" | "meeting" | "indicator" | "ozg_service" | "status_report";

/** Moves a row's version on by one inside a change; returns the new version. */
export async function advanceVersion(
  trx: Transaction<Database>,
  table: VersionedTable,
  row: VersionedRow,
): Promise<number> {
  const version = row.version + 1;
  await trx
    .updateTable(table)
    .set({ version })
    .where("id", "=", row.id)
    .execute();
  return version;
}

/** ERR_CONFLICT with the audit events since the version the caller read (newest first). */
export class ReportingConflictError extends AppError {
  constructor(readonly changes: readonly AuditEvent[]) {
    super("ERR_CONFLICT");
  }
}

/** Whether an error is a reporting conflict (a stale form). */
export function isReportingConflict(
  error: unknown,
): error is ReportingConflictError {
  return error instanceof ReportingConflictError;
}

/** Requires an administrator of the municipality; logs and throws otherwise. */
export const requireReportingAdmin = entityGuard(canManageReporting);

/** Requires an administrator or editor of the municipality; logs and throws otherwise. */
export const requireReportingStaff = municipalityGuard(canReadReporting);

/**
 * The municipality a staff page reads and the administrator or editor reading it; logs
 * and throws for anyone else.
 */
export const requireStaffOf = requireReportingStaff.bySlug;

/** Runs a reporting change: municipality row → work → audit event, in one transaction. */
export async function runReportingChange<T>(
  ctx: AppContext,
  principal: Principal,
  municipality: Municipality,
  origin: RequestOrigin,
  reason: string | null | undefined,
  work: (
    trx: Transaction<Database>,
    now: string,
  ) => Promise<{ readonly record: ReportingRecord; readonly value: T }>,
): Promise<T> {
  const now = ctx.clock().toISOString();
  try {
    return await ctx.db.transaction().execute(async (trx) => {
      await bumpDataVersion(trx, municipality.id, now);
      const { record, value } = await work(trx, now);
      await recordAudit(
        trx,
        ctx,
        principal,
        { municipalityId: municipality.id, ...record, reason: reason ?? null },
        origin,
      );
      return value;
    });
  } catch (error) {
    if (error instanceof StaleReportingVersion) {
      const changes = await listAuditEvents(ctx.db, {
        municipalityId: municipality.id,
        entityType: error.entityType,
        entityId: String(error.entityId),
        afterVersion: error.expectedVersion,
        limit: 50,
      });
      throw new ReportingConflictError(changes);
    }
    throw error;
  }
}

/**
 * What a change logs of the entity it changed. The entity's type is the authorised one,
 * and so is the action unless the change names a more specific one (a service's new
 * state, authorised as a change of the service).
 */
export type ChangeRecord = Omit<ReportingRecord, "action" | "entityType"> & {
  readonly action?: string;
};

/** A reporting change an administrator of the municipality was let on to make. */
export interface ReportingChange {
  readonly municipality: Municipality;
  readonly user: UserPrincipal;
  /**
   * Runs the change with runReportingChange and the reason the input gave; the audit
   * event names the action and the entity type that were authorised.
   */
  run<T>(
    work: (
      trx: Transaction<Database>,
      now: string,
    ) => Promise<{ readonly record: ChangeRecord; readonly value: T }>,
  ): Promise<T>;
}

/**
 * Finds the municipality an input names and lets only its reporting administrators on
 * (requireReportingAdmin logs a refusal as `action` on `entity`); returns the change
 * they may then run, logged as `action` on an entity of `entity.entityType`.
 */
export async function authoriseReportingChange(
  ctx: AppContext,
  principal: Principal,
  input: { readonly municipality: string; readonly reason?: string | null },
  action: string,
  entity: GuardedEntity,
  origin: RequestOrigin,
): Promise<ReportingChange> {
  const { municipality, user } = await requireReportingAdmin.bySlug(
    ctx,
    principal,
    input.municipality,
    action,
    entity,
    origin,
  );
  return {
    municipality,
    user,
    run: (work) =>
      runReportingChange(
        ctx,
        principal,
        municipality,
        origin,
        input.reason,
        async (trx, now) => {
          const { record, value } = await work(trx, now);
          return {
            value,
            record: {
              ...record,
              action: record.action ?? action,
              entityType: entity.entityType,
            },
          };
        },
      ),
  };
}

/** A reporting use case's call once its input is valid and its change authorised. */
export interface ReportingCall<I> {
  readonly ctx: AppContext;
  readonly principal: Principal;
  readonly valid: I;
  readonly change: ReportingChange;
}

/**
 * A use case only the municipality's reporting administrators may run: checks the input
 * against `schema`, authorises `action` on the entity `entityOf` names (see
 * authoriseReportingChange), then lets `run` do the work.
 */
export function reportingUseCase<
  S extends TSchema & {
    static: { readonly municipality: string; readonly reason?: string | null };
  },
  R,
>(
  schema: S,
  action: string,
  entityOf: (valid: Static<S>) => GuardedEntity,
  run: (call: ReportingCall<Static<S>>) => Promise<R>,
): CatalogueUseCase<Static<S>, R> {
  return async (ctx, principal, input, origin = UNKNOWN_ORIGIN) => {
    const valid = requireValid(schema, input);
    const change = await authoriseReportingChange(
      ctx,
      principal,
      valid,
      action,
      entityOf(valid),
      origin,
    );
    return run({ ctx, principal, valid, change });
  };
}

/** A problem at a field of the input, as ERR_VALIDATION. */
export function invalid(path: string, message: string): AppError {
  return new AppError("ERR_VALIDATION", { problems: [{ path, message }] });
}

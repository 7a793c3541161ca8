/**
 * Writing audit events from use cases: who (from the principal), when (the context's
 * clock, UTC), what, before and after, and why. Always inside the change's transaction,
 * so that there is no change without its event and no event without its change.
 */
import {
  insertAuditEvent,
  listAuditEvents,
  type AuditEvent,
  type AuditFilter,
} from "../../db/audit.repository.js";
import type { Executor } from "../../db/database.js";
import { isMunicipalityActive } from "../../db/municipality-lifecycle.repository.js";
import { AppError } from "../../errors.js";
import { actorLabel, type Principal } from "../../domain/access/principal.js";
import type { AppContext } from "../context.js";

/** Where a request came from; recorded with security events. */
export interface RequestOrigin {
  readonly ip: string | null;
}

/** The parts of an event a use case supplies. */
export interface AuditEntry {
  readonly municipalityId: number | null;
  readonly action: string;
  readonly entityType: string;
  readonly entityId?: string | number | null;
  readonly entityLabel?: string | null;
  readonly projectId?: number | null;
  readonly before?: unknown;
  readonly after?: unknown;
  readonly reason?: string | null;
  /** The entity's version after the change (for projects and their parts: the project's version). */
  readonly version?: number | null;
}

/**
 * Actions that do not change a municipality's data: signing in and out, one's own
 * password, second factor and tokens, refusals. They stay possible while it is deactivated.
 */
const PERSONAL_ACTIONS = [
  "access.",
  "login",
  "logout",
  "password.",
  "second_factor.",
  "api_token.",
  "sso.",
];

/**
 * Refuses a change to a deactivated municipality (ERR_MUNICIPALITY_READ_ONLY). Every
 * change appends its audit event in its own transaction, so refusing here rolls the whole
 * change back, whichever use case made it (ADR 0026).
 */
export async function requireChangeable(
  db: Executor,
  municipalityId: number | null,
  action: string,
): Promise<void> {
  if (municipalityId === null) return;
  if (PERSONAL_ACTIONS.some((prefix) => action.startsWith(prefix))) return;
  if (!(await isMunicipalityActive(db, municipalityId)))
    throw new AppError("ERR_MUNICIPALITY_READ_ONLY");
}

/** Who an event names as having acted: their account, if any, and how the log shows them. */
export interface AuditActor {
  readonly userId: number | null;
  readonly label: string;
}

/** Appends an event for an action of the principal. */
export async function recordAudit(
  db: Executor,
  ctx: AppContext,
  principal: Principal,
  entry: AuditEntry,
  origin: RequestOrigin = { ip: null },
): Promise<void> {
  await recordAuditAs(
    db,
    ctx,
    {
      userId: principal.kind === "user" ? principal.userId : null,
      label: actorLabel(principal),
    },
    entry,
    origin,
  );
}

/** Appends an event for an action of an actor who is not a principal (the command line). */
export async function recordAuditAs(
  db: Executor,
  ctx: AppContext,
  actor: AuditActor,
  entry: AuditEntry,
  origin: RequestOrigin,
): Promise<void> {
  await requireChangeable(db, entry.municipalityId, entry.action);
  await insertAuditEvent(db, {
    municipalityId: entry.municipalityId,
    at: ctx.clock().toISOString(),
    actorUserId: actor.userId,
    actorLabel: actor.label,
    action: entry.action,
    entityType: entry.entityType,
    entityId:
      entry.entityId === undefined || entry.entityId === null
        ? null
        : String(entry.entityId),
    entityLabel: entry.entityLabel ?? null,
    projectId: entry.projectId ?? null,
    before: entry.before ?? null,
    after: entry.after ?? null,
    reason: entry.reason?.trim() || null,
    ip: origin.ip,
    version: entry.version ?? null,
  });
}

/** Reads the log (authorisation is the caller's duty: see app/policies/audit.policy.ts). */
export async function readAuditEvents(
  ctx: AppContext,
  filter: AuditFilter,
): Promise<readonly AuditEvent[]> {
  return listAuditEvents(ctx.db, filter);
}

export type { AuditEvent, AuditFilter } from "../../db/audit.repository.js";

/** The audit log: append and read, never change (the database refuses updates and deletes). */
import type { Executor } from "./database.js";

/** An event to be written. `before`/`after` are plain JSON-serialisable snapshots. */
export interface NewAuditEvent {
  readonly municipalityId: number | null;
  readonly at: string;
  readonly actorUserId: number | null;
  readonly actorLabel: string;
  /** What happened, e.g. "project.update", "phase.create", "login.failure". */
  readonly action: string;
  readonly entityType: string;
  readonly entityId: string | null;
  readonly entityLabel: string | null;
  readonly projectId: number | null;
  readonly before: unknown;
  readonly after: unknown;
  readonly reason: string | null;
  readonly ip: string | null;
  /** The entity's version after the change, when the entity has one (null for security events). */
  readonly version?: number | null;
}

/** A stored event. */
export interface AuditEvent extends Omit<
  NewAuditEvent,
  "before" | "after" | "version"
> {
  readonly id: number;
  readonly version: number | null;
  readonly before: unknown;
  readonly after: unknown;
}

/** Filters for reading the log; all optional. */
export interface AuditFilter {
  readonly municipalityId: number;
  readonly projectId?: number;
  /** Only events of these projects (what an editor may read); an empty list matches nothing. */
  readonly projectIds?: readonly number[];
  readonly actorUserId?: number;
  readonly entityType?: string;
  /** With entityType: one entity, e.g. entityType "action_field" and its id. */
  readonly entityId?: string;
  readonly action?: string;
  /** Only events whose change produced a version above this one (what happened since a form was opened). */
  readonly afterVersion?: number;
  /** ISO timestamps, inclusive lower and exclusive upper bound. */
  readonly from?: string;
  readonly until?: string;
  readonly limit: number;
  readonly offset?: number;
}

/** Appends one event. Call inside the transaction of the change it records. */
export async function insertAuditEvent(
  db: Executor,
  event: NewAuditEvent,
): Promise<void> {
  await insertAuditEvents(db, [event]);
}

/** Events matching the filter, newest first. */
export async function listAuditEvents(
  db: Executor,
  filter: AuditFilter,
): Promise<readonly AuditEvent[]> {
  if (filter.projectIds !== undefined && filter.projectIds.length === 0)
    return [];
  let query = db
    .selectFrom("audit_event")
    .selectAll()
    .where("municipality_id", "=", filter.municipalityId);
  if (filter.projectId !== undefined)
    query = query.where("project_id", "=", filter.projectId);
  if (filter.projectIds !== undefined)
    query = query.where("project_id", "in", [...filter.projectIds]);
  if (filter.actorUserId !== undefined)
    query = query.where("actor_user_id", "=", filter.actorUserId);
  if (filter.entityType !== undefined)
    query = query.where("entity_type", "=", filter.entityType);
  if (filter.entityId !== undefined)
    query = query.where("entity_id", "=", filter.entityId);
  if (filter.action !== undefined)
    query = query.where("action", "=", filter.action);
  if (filter.afterVersion !== undefined)
    query = query.where("version", ">", filter.afterVersion);
  if (filter.from !== undefined) query = query.where("at", ">=", filter.from);
  if (filter.until !== undefined) query = query.where("at", "<", filter.until);
  const rows = await query
    .orderBy("at", "desc")
    .orderBy("id", "desc")
    .limit(filter.limit)
    .offset(filter.offset ?? 0)
    .execute();
  return rows.map((row) => ({
    id: row.id,
    municipalityId: row.municipality_id,
    at: new Date(row.at).toISOString(),
    actorUserId: row.actor_user_id,
    actorLabel: row.actor_label,
    action: row.action,
    entityType: row.entity_type,
    entityId: row.entity_id,
    entityLabel: row.entity_label,
    projectId: row.project_id,
    before:
      row.before_json === null
        ? null
        : (JSON.parse(row.before_json) as unknown),
    after:
      row.after_json === null ? null : (JSON.parse(row.after_json) as unknown),
    reason: row.reason,
    ip: row.ip,
    version: row.version,
  }));
}

/** The people who appear in a municipality's log (for a filter), by label. */
export async function listAuditActors(
  db: Executor,
  municipalityId: number,
  projectIds?: readonly number[],
): Promise<readonly { readonly userId: number; readonly label: string }[]> {
  if (projectIds !== undefined && projectIds.length === 0) return [];
  let query = db
    .selectFrom("audit_event")
    .select((eb) => ["actor_user_id", eb.fn.max("actor_label").as("label")])
    .where("municipality_id", "=", municipalityId)
    .where("actor_user_id", "is not", null);
  if (projectIds !== undefined)
    query = query.where("project_id", "in", [...projectIds]);
  const rows = await query.groupBy("actor_user_id").execute();
  return rows
    .map((row) => ({
      userId: Number(row.actor_user_id),
      label: String(row.label),
    }))
    .sort((a, b) => a.label.localeCompare(b.label, "de"));
}

/** Appends many events at once (a spreadsheet import writes one per row), in batches. */
export async function insertAuditEvents(
  db: Executor,
  events: readonly NewAuditEvent[],
): Promise<void> {
  // 15 columns per row: 60 rows stay well below SQLite's limit of bound parameters.
  for (let start = 0; start < events.length; start += 60) {
    await db
      .insertInto("audit_event")
      .values(
        events.slice(start, start + 60).map((event) => ({
          municipality_id: event.municipalityId,
          at: event.at,
          actor_user_id: event.actorUserId,
          actor_label: event.actorLabel,
          action: event.action,
          entity_type: event.entityType,
          entity_id: event.entityId,
          entity_label: event.entityLabel,
          project_id: event.projectId,
          before_json:
            event.before === undefined || event.before === null
              ? null
              : JSON.stringify(event.before),
          after_json:
            event.after === undefined || event.after === null
              ? null
              : JSON.stringify(event.after),
          reason: event.reason,
          ip: event.ip,
          version: event.version ?? null,
        })),
      )
      .execute();
  }
}

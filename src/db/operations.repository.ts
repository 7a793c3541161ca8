/**
 * What the operators of the instance (Betrieb) read across municipalities: the state of
 * every municipality and the instance's audit log. Each list is one query for the page
 * plus one count, however many municipalities there are (correlated subqueries on
 * indexed columns, evaluated only for the rows of the page).
 */
import { sql } from "kysely";
import type { Executor } from "./database.js";
import { countRows } from "./query.js";
import { dialectOf } from "./dialect.js";

/** One municipality as the operators' overview shows it. */
export interface MunicipalityStateRecord {
  readonly id: number;
  readonly slug: string;
  readonly name: string;
  /** The Bundesland, when known. */
  readonly state: string | null;
  readonly programmeTitle: string | null;
  readonly editionCount: number;
  /** Projects and measures of the draft catalogue. */
  readonly projectCount: number;
  readonly measureCount: number;
  /** ISO day of the latest edition, or null. */
  readonly lastEditionOn: string | null;
  /** ISO time the latest status report was published, or null. */
  readonly lastReportAt: string | null;
  /** Active memberships. */
  readonly userCount: number;
  /** False while the municipality is deactivated. */
  readonly isActive: boolean;
}

/** A page of municipalities and how many match in all. */
export interface MunicipalityStatePage {
  readonly total: number;
  readonly items: readonly MunicipalityStateRecord[];
}

/** A LIKE pattern for "contains"; wildcards typed by the person are dropped (the two dialects escape differently). */
function likePattern(search: string): string {
  return `%${search.toLowerCase().replace(/[\\%_]/g, "")}%`;
}

function isoOrNull(value: Date | string | null | undefined): string | null {
  return value === null || value === undefined
    ? null
    : new Date(value).toISOString();
}

/** Municipalities by name, optionally only those whose name or slug contains `search`. */
export async function listMunicipalityStates(
  db: Executor,
  options: { search: string; limit: number; offset: number },
): Promise<MunicipalityStatePage> {
  const pattern = options.search === "" ? null : likePattern(options.search);
  const postgres = dialectOf(db) === "postgres";
  let filtered = db.selectFrom("municipality");
  if (pattern !== null)
    filtered = filtered.where((eb) =>
      eb.or([
        eb(eb.fn("lower", ["municipality.name"]), "like", pattern),
        eb(eb.fn("lower", ["municipality.slug"]), "like", pattern),
      ]),
    );
  const total = await countRows(filtered);
  // The page's ids first, so that the subqueries run for its rows only (not for the
  // rows an offset skips).
  const page = filtered
    .select("municipality.id as page_id")
    .orderBy("municipality.name")
    .orderBy("municipality.id")
    .limit(options.limit)
    .offset(options.offset)
    .as("page");
  const rows = await db
    .selectFrom(page)
    .innerJoin("municipality", "municipality.id", "page.page_id")
    .select((eb) => [
      "municipality.id",
      "municipality.slug",
      "municipality.name",
      "municipality.state",
      "municipality.is_active",
      eb
        .selectFrom("programme")
        .select("programme.title")
        .whereRef("programme.municipality_id", "=", "municipality.id")
        .limit(1)
        .as("programme_title"),
      eb
        .selectFrom("edition")
        .select((e) => e.fn.countAll<number>().as("n"))
        .whereRef("edition.municipality_id", "=", "municipality.id")
        .as("edition_count"),
      eb
        .selectFrom("project")
        .select((e) => e.fn.countAll<number>().as("n"))
        .whereRef("project.municipality_id", "=", "municipality.id")
        .as("project_count"),
      // PostgreSQL: `= any(array(…))` keeps to the index on measure.project_id however
      // large the table (a join let the planner scan every municipality's measures).
      (postgres
        ? sql<number>`(select count(*) from measure where measure.project_id = any(array(select project.id from project where project.municipality_id = municipality.id)))`
        : sql<number>`(select count(*) from measure where measure.project_id in (select project.id from project where project.municipality_id = municipality.id))`
      ).as("measure_count"),
      eb
        .selectFrom("edition")
        .select((e) => e.fn.max("edition.published_on").as("d"))
        .whereRef("edition.municipality_id", "=", "municipality.id")
        .as("last_edition_on"),
      eb
        .selectFrom("status_report")
        .select((e) => e.fn.max("status_report.published_at").as("p"))
        .whereRef("status_report.municipality_id", "=", "municipality.id")
        .where("status_report.status", "=", "published")
        .as("last_report_at"),
      eb
        .selectFrom("membership")
        .innerJoin("user_account", "user_account.id", "membership.user_id")
        .select((e) => e.fn.countAll<number>().as("n"))
        .whereRef("membership.municipality_id", "=", "municipality.id")
        .where("membership.is_active", "=", 1)
        .where("user_account.is_active", "=", 1)
        .as("user_count"),
    ])
    .orderBy("municipality.name")
    .orderBy("municipality.id")
    .execute();
  return {
    total,
    items: rows.map((row) => ({
      id: row.id,
      slug: row.slug,
      name: row.name,
      state: row.state,
      programmeTitle: row.programme_title ?? null,
      editionCount: Number(row.edition_count ?? 0),
      projectCount: Number(row.project_count ?? 0),
      measureCount: Number(row.measure_count ?? 0),
      lastEditionOn:
        row.last_edition_on === null || row.last_edition_on === undefined
          ? null
          : String(row.last_edition_on),
      lastReportAt: isoOrNull(row.last_report_at),
      userCount: Number(row.user_count ?? 0),
      isActive: Number(row.is_active) === 1,
    })),
  };
}

/** One event of the instance's audit log. */
export interface InstanceAuditEventRecord {
  readonly id: number;
  readonly at: string;
  readonly municipalityId: number | null;
  /** The slug of the municipality, null for events of the instance. */
  readonly municipalitySlug: string | null;
  readonly actorLabel: string;
  readonly action: string;
  readonly entityType: string;
  readonly entityLabel: string | null;
  readonly ip: string | null;
}

/** The instance's audit log, newest first: events of the instance (municipality null) and of every municipality. */
export async function listInstanceAuditEvents(
  db: Executor,
  options: {
    limit: number;
    offset: number;
    /** Only events of the instance itself (no municipality). */
    instanceOnly: boolean;
  },
): Promise<{
  readonly total: number;
  readonly items: readonly InstanceAuditEventRecord[];
}> {
  let filtered = db.selectFrom("audit_event");
  if (options.instanceOnly)
    filtered = filtered.where("audit_event.municipality_id", "is", null);
  const total = await countRows(filtered);
  const rows = await filtered
    .leftJoin("municipality", "municipality.id", "audit_event.municipality_id")
    .select([
      "audit_event.id",
      "audit_event.at",
      "audit_event.municipality_id",
      "municipality.slug",
      "audit_event.actor_label",
      "audit_event.action",
      "audit_event.entity_type",
      "audit_event.entity_label",
      "audit_event.ip",
    ])
    .orderBy("audit_event.at", "desc")
    .orderBy("audit_event.id", "desc")
    .limit(options.limit)
    .offset(options.offset)
    .execute();
  return {
    total,
    items: rows.map((row) => ({
      id: row.id,
      at: new Date(row.at).toISOString(),
      municipalityId: row.municipality_id,
      municipalitySlug: row.slug ?? null,
      actorLabel: row.actor_label,
      action: row.action,
      entityType: row.entity_type,
      entityLabel: row.entity_label,
      ip: row.ip,
    })),
  };
}

/**
 * Reading the audit log of a municipality, whole or per project, with filters (period,
 * person, entity type, action). Administrators and editors only (policies/audit.policy.ts);
 * nobody can change or delete an event — there is no use case for it and the database refuses.
 */
import {
  listAuditActors,
  listAuditEvents,
  type AuditEvent,
} from "../../db/audit.repository.js";
import { findMunicipalityBySlug } from "../../db/municipality.repository.js";
import { loadStoredProject } from "../../db/project.repository.js";
import {
  parseIsoDate,
  startOfGermanDay,
} from "../../domain/calendar/calendar.js";
import type { Principal } from "../../domain/access/principal.js";
import type {
  Municipality,
  Project,
} from "../../domain/catalogue/catalogue.js";
import { AppError } from "../../errors.js";
import type { AppContext } from "../context.js";
import { canReadAudit } from "../policies/audit.policy.js";
import {
  canEditProject,
  canEditStructure,
} from "../policies/catalogue.policy.js";
import { getCatalogue } from "../catalogue/read-catalogue.js";
import { listProjects } from "../../domain/catalogue/catalogue.js";
import { recordAudit, type RequestOrigin } from "./record-audit.js";

/** The largest page of events one request may ask for. */
export const MAX_AUDIT_PAGE = 200;

/** Filters of the log; dates as "YYYY-MM-DD" (German calendar days), both inclusive. */
export interface AuditLogQuery {
  readonly municipality: string;
  /** Only the events of this project (slug). */
  readonly project?: string | undefined;
  readonly actorUserId?: number | undefined;
  readonly entityType?: string | undefined;
  readonly action?: string | undefined;
  readonly from?: string | undefined;
  readonly until?: string | undefined;
  readonly limit?: number | undefined;
  readonly offset?: number | undefined;
}

/** A person who appears in the log, for the filter. */
export interface AuditActor {
  readonly userId: number;
  readonly label: string;
}

/** One page of the log, newest first. */
export interface AuditLogPage {
  readonly municipality: Municipality;
  readonly project: Project | null;
  readonly events: readonly AuditEvent[];
  /** Whether there are older events beyond this page. */
  readonly hasMore: boolean;
  readonly actors: readonly AuditActor[];
  readonly limit: number;
  readonly offset: number;
}

/** The instant a German calendar day given as ISO date starts, as ISO timestamp; null when it is no date. */
function startOfIsoDay(isoDate: string, daysLater = 0): string | null {
  const day = parseIsoDate(isoDate);
  return day === null ? null : startOfGermanDay(day + daysLater).toISOString();
}

/** Reads a page of the log; ERR_FORBIDDEN (logged) for committee members and other municipalities. */
export async function readAuditLog(
  ctx: AppContext,
  principal: Principal,
  query: AuditLogQuery,
  origin: RequestOrigin = { ip: null },
): Promise<AuditLogPage> {
  const municipality = await findMunicipalityBySlug(ctx.db, query.municipality);
  if (municipality === null) throw new AppError("ERR_MUNICIPALITY_NOT_FOUND");
  if (principal.kind === "anonymous") throw new AppError("ERR_UNAUTHENTICATED");
  const refuse = async (attempted: string): Promise<AppError> => {
    await recordAudit(
      ctx.db,
      ctx,
      principal,
      {
        municipalityId: municipality.id,
        action: "access.denied",
        entityType: "audit",
        after: { attempted, code: "ERR_FORBIDDEN" },
      },
      origin,
    );
    return new AppError("ERR_FORBIDDEN", { recorded: true });
  };
  if (!canReadAudit(principal, municipality.id))
    throw await refuse("audit.read");
  let project: Project | null = null;
  if (query.project !== undefined) {
    const stored = await loadStoredProject(
      ctx.db,
      municipality.id,
      query.project,
    );
    if (stored === null) throw new AppError("ERR_PROJECT_NOT_FOUND");
    project = stored.project;
    // A project's history: only for those who may edit the project (ADR 0006).
    const scope = {
      municipalityId: municipality.id,
      responsibleOrgUnitCodes: stored.project.responsibilities.map(
        (responsibility) => responsibility.orgUnitCode,
      ),
    };
    if (!canEditProject(principal, scope)) throw await refuse("audit.project");
  }
  // The whole log: administrators read everything (accounts, sign-ins, structure);
  // editors only the events of the projects they may edit.
  let projectIds: readonly number[] | undefined;
  if (project === null && !canEditStructure(principal, municipality.id)) {
    const catalogue = await getCatalogue(ctx, municipality.slug);
    projectIds = listProjects(catalogue)
      .filter((entry) =>
        canEditProject(principal, {
          municipalityId: municipality.id,
          responsibleOrgUnitCodes: entry.project.responsibilities.map(
            (responsibility) => responsibility.orgUnitCode,
          ),
        }),
      )
      .map((entry) => entry.project.id);
  }
  const problems = [];
  const from = query.from === undefined ? undefined : startOfIsoDay(query.from);
  if (from === null)
    problems.push({
      path: "/from",
      message: "Bitte ein Datum in der Form JJJJ-MM-TT angeben.",
    });
  // Until the end of that day: up to the start of the next.
  const until =
    query.until === undefined ? undefined : startOfIsoDay(query.until, 1);
  if (until === null) {
    problems.push({
      path: "/until",
      message: "Bitte ein Datum in der Form JJJJ-MM-TT angeben.",
    });
  }
  if (problems.length > 0) throw new AppError("ERR_VALIDATION", { problems });
  const limit = Math.min(Math.max(query.limit ?? 50, 1), MAX_AUDIT_PAGE);
  const offset = Math.max(query.offset ?? 0, 0);
  const [events, actors] = await Promise.all([
    listAuditEvents(ctx.db, {
      municipalityId: municipality.id,
      ...(project === null ? {} : { projectId: project.id }),
      ...(projectIds === undefined ? {} : { projectIds }),
      ...(query.actorUserId === undefined
        ? {}
        : { actorUserId: query.actorUserId }),
      ...(query.entityType === undefined
        ? {}
        : { entityType: query.entityType }),
      ...(query.action === undefined ? {} : { action: query.action }),
      ...(from === undefined || from === null ? {} : { from }),
      ...(until === undefined || until === null ? {} : { until }),
      limit: limit + 1,
      offset,
    }),
    listAuditActors(ctx.db, municipality.id, projectIds),
  ]);
  return {
    municipality,
    project,
    events: events.slice(0, limit),
    hasMore: events.length > limit,
    actors,
    limit,
    offset,
  };
}

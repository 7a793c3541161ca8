/**
 * GET /api/v1/municipalities/{slug}/audit: the audit log for staff (administrators and
 * editors of the municipality; policies/audit.policy.ts), with a session or an API token.
 * There is no route that changes or deletes an event.
 */
import type { FastifyInstance } from "fastify";
import { readAuditLog } from "../../app/audit/read-audit-log.js";
import type { AuditEvent } from "../../app/audit/record-audit.js";
import type { AppContext } from "../../app/context.js";
import { runUseCase } from "../http/use-case.js";
import { NO_STORE } from "../http/cache.js";
import { jsonRoutes } from "../http/errors.js";
import {
  AuditLogResponseSchema,
  AuditParamsSchema,
  AuditQuerySchema,
  type AuditLogResponse,
} from "./audit.schema.js";
import { STAFF_ERROR_RESPONSES } from "./error.schema.js";

/** What the route needs. */
export interface AuditApiOptions {
  readonly ctx: AppContext;
}

/** An event as the API shows it. */
function presentEvent(event: AuditEvent): AuditLogResponse["events"][number] {
  return {
    id: event.id,
    at: event.at,
    actor: { userId: event.actorUserId, label: event.actorLabel },
    action: event.action,
    entityType: event.entityType,
    entityId: event.entityId,
    entityLabel: event.entityLabel,
    projectId: event.projectId,
    version: event.version,
    before: event.before,
    after: event.after,
    reason: event.reason,
  };
}

/** Registers the route under the plugin's prefix (/api). */
export async function auditApiRoutes(
  instance: FastifyInstance,
  options: AuditApiOptions,
): Promise<void> {
  const app = jsonRoutes(instance);
  const { ctx } = options;

  app.get(
    "/v1/municipalities/:slug/audit",
    {
      config: { policy: "staff" },
      schema: {
        summary: "Das Protokoll einer Kommune",
        description:
          "Alle Änderungen und Sicherheitsereignisse, die neuesten zuerst: wer, wann (UTC), was, vorher und nachher, warum. " +
          "Für Administration und Redaktion der Kommune (Sitzung oder API-Token). Einträge lassen sich weder ändern noch löschen.",
        tags: ["Protokoll"],
        security: [{ bearerAuth: [] }],
        params: AuditParamsSchema,
        querystring: AuditQuerySchema,
        response: {
          200: AuditLogResponseSchema,
          ...STAFF_ERROR_RESPONSES,
        },
      },
    },
    async (request, reply) => {
      const { query } = request;
      const log = await runUseCase(ctx, request, readAuditLog, {
        municipality: request.params.slug,
        project: query.project,
        actorUserId: query.actor,
        entityType: query.entityType,
        action: query.action,
        from: query.from,
        until: query.until,
        limit: query.limit,
        offset: query.offset,
      });
      const body: AuditLogResponse = {
        events: log.events.map(presentEvent),
        hasMore: log.hasMore,
        limit: log.limit,
        offset: log.offset,
      };
      return reply.header("cache-control", NO_STORE).send(body);
    },
  );
}

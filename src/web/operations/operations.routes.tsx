/**
 * /betrieb/: the operators' pages (route policy "operator", see http/operator-guard.ts).
 * An operator sees the municipalities of the installation and its audit log; reading a
 * municipality's data still needs a membership there.
 */
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { AppContext } from "../../app/context.js";
import {
  getInstanceAuditLog,
  getMunicipalityOverview,
} from "../../app/operations/operators.js";
import {
  accountBarOf,
  queryFlag,
  sendPage,
  viewOf,
} from "../identity/identity-view.js";
import {
  OperationsAuditLogPage,
  OperationsHomePage,
  operationsPaths,
} from "./operations-pages.js";

/** What the operators' routes need. */
export interface OperationsRoutesOptions {
  readonly ctx: AppContext;
}

function origin(request: FastifyRequest) {
  return { ip: request.ip };
}

/** Registers the operators' pages. */
export async function operationsRoutes(
  app: FastifyInstance,
  options: OperationsRoutesOptions,
): Promise<void> {
  const { ctx } = options;

  app.get(
    "/betrieb",
    { config: { policy: "operator" }, schema: { hide: true } },
    async (_request, reply) => reply.redirect(operationsPaths.home(), 301),
  );

  app.get(
    operationsPaths.home(),
    { config: { policy: "operator" }, schema: { hide: true } },
    async (request, reply) => {
      const view = viewOf(request);
      const overview = await getMunicipalityOverview(
        ctx,
        request.principal,
        {
          search: queryFlag(request, "q") ?? "",
          page: queryFlag(request, "seite") ?? "1",
        },
        origin(request),
      );
      const html = await (
        <OperationsHomePage
          view={view}
          requestUrl={request.url}
          account={accountBarOf(request, view)}
          overview={overview}
        />
      );
      return sendPage(reply, 200, html);
    },
  );

  app.get(
    operationsPaths.auditLog(),
    { config: { policy: "operator" }, schema: { hide: true } },
    async (request, reply) => {
      const view = viewOf(request);
      const log = await getInstanceAuditLog(
        ctx,
        request.principal,
        {
          page: queryFlag(request, "seite") ?? "1",
          instanceOnly: queryFlag(request, "nur-betrieb") ?? "",
        },
        origin(request),
      );
      const html = await (
        <OperationsAuditLogPage
          view={view}
          requestUrl={request.url}
          account={accountBarOf(request, view)}
          log={log}
        />
      );
      return sendPage(reply, 200, html);
    },
  );
}

/** Old id-based report URLs (ADR 0044): sent on to the same page under the report's number. */
import type { FastifyReply, FastifyRequest } from "fastify";
import type { AppContext } from "../../app/context.js";
import { renumberedReport } from "../../app/reports/read-reports.js";
import type { ReportRef } from "../../domain/report/report-url.js";

/** A path with the request's query string (?lang=en) kept. */
function withRequestQuery(path: string, request: FastifyRequest): string {
  const at = request.url.indexOf("?");
  return at === -1 ? path : `${path}${request.url.slice(at)}`;
}

/** How a group of routes names a report in its URL, and which reports it sends on. */
export interface RenumberedReports<R extends FastifyRequest> {
  /** The municipality and the report as the URL names them. */
  readonly reportOf: (request: R) => {
    readonly slug: string;
    readonly report: string;
  };
  /** Only published reports (the public pages) or drafts too (staff). */
  readonly published: boolean;
  /** The redirect's cache-control header, if it sets one. */
  readonly cacheControl?: string;
}

/** Sends a request on to `pathOf` (301) or answers false, as `renumberedSender` makes it. */
export type SendRenumbered<R extends FastifyRequest> = (
  request: R,
  reply: FastifyReply,
  pathOf: (slug: string, report: ReportRef) => string,
) => Promise<boolean>;

/**
 * Makes the function that sends a URL naming a report by an old id on to `pathOf` under
 * its number (301), with the query kept; it answers false when the URL names the report
 * as it is now.
 */
export function renumberedSender<R extends FastifyRequest>(
  ctx: AppContext,
  routes: RenumberedReports<R>,
): SendRenumbered<R> {
  return async (request, reply, pathOf) => {
    const { slug, report } = routes.reportOf(request);
    const moved = await renumberedReport(ctx, slug, report, {
      published: routes.published,
    });
    if (moved === null) return false;
    if (routes.cacheControl !== undefined)
      reply.header("cache-control", routes.cacheControl);
    await reply.redirect(withRequestQuery(pathOf(slug, moved), request), 301);
    return true;
  };
}

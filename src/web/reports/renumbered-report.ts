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

/**
 * Sends a URL that names a report by an old id on to `pathOf` under its number (301), with
 * the query kept; false when the URL names the report as it is now.
 */
export async function sentRenumbered(
  ctx: AppContext,
  request: FastifyRequest,
  reply: FastifyReply,
  target: {
    readonly slug: string;
    /** The report as the URL names it. */
    readonly report: string;
    /** Only published reports (the public pages) or drafts too (staff). */
    readonly published: boolean;
    readonly pathOf: (slug: string, report: ReportRef) => string;
    /** The redirect's cache-control header, if it sets one. */
    readonly cacheControl?: string;
  },
): Promise<boolean> {
  const moved = await renumberedReport(ctx, target.slug, target.report, {
    published: target.published,
  });
  if (moved === null) return false;
  if (target.cacheControl !== undefined)
    reply.header("cache-control", target.cacheControl);
  await reply.redirect(
    withRequestQuery(target.pathOf(target.slug, moved), request),
    301,
  );
  return true;
}

/**
 * The public report pages: /{kommune}/berichte, /{kommune}/berichte/{number or meeting date}
 * (a date with several reports offers the choice; an old id-based URL is sent on, ADR 0044)
 * with the deck and the PDF, and /{kommune}/kennzahlen. Pages carry ETags from the data
 * version like the rest of the portal; the files of a published report never change, so
 * their tag names only the report and the app version, and PDFs are kept in memory.
 */
import { createHash } from "node:crypto";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import { Type } from "@sinclair/typebox";
import { RESERVED_MUNICIPALITY_SLUGS } from "../../app/catalogue/catalogue-document.js";
import type { AppContext } from "../../app/context.js";
import { getPublicIndicators } from "../../app/indicators/read-indicators.js";
import { cachedOparlObject } from "../../app/open-data/oparl-sync.js";
import {
  getPublishedReport,
  listPublishedReports,
  publishedReportsOnDate,
  renumberedReport,
  type PublicMeetingDetails,
} from "../../app/reports/read-reports.js";
import { AppError } from "../../errors.js";
import { resolveLanguage } from "../../i18n/i18n.js";
import type { PdfRenderer } from "../../exports/pdf/render-pdf.js";
import {
  buildReportDeck,
  reportFileName,
} from "../../exports/report/report-deck.js";
import { createViewContext } from "../components/view.js";
import { matchesIfNoneMatch, PUBLIC_CACHE_CONTROL } from "../http/cache.js";
import {
  germanDayOf,
  germanIsoDateOf,
} from "../../domain/calendar/calendar.js";
import { createMemoryCache } from "../../app/memory-cache.js";
import { canonicalRequest, PublicResponseCache } from "../http/page-cache.js";
import { APP_VERSION } from "../http/static-assets.js";
import { sendHtmlError } from "../http/error-pages.js";
import {
  IndicatorsPage,
  PublishedReportPage,
  ReportDateChoicePage,
  ReportsPage,
} from "./report-portal-pages.js";
import { PPTX_CONTENT_TYPE } from "./report-editor.routes.js";
import { REPORT_ROUTES, reportPaths, type ReportRef } from "./report-paths.js";
import { renderReportPdf } from "./report-print.js";
import { municipalitySlugParam } from "../http/params.js";

/** What the public report routes need. */
export interface ReportPortalRoutesOptions {
  readonly ctx: AppContext;
  readonly now: () => Date;
  readonly pdf: PdfRenderer;
}

const REPORT = /^(?:[1-9]\d{0,9}|\d{4}-\d{2}-\d{2})$/;
const RESERVED: ReadonlySet<string> = new Set(RESERVED_MUNICIPALITY_SLUGS);
const HTML = "text/html; charset=utf-8";
const Query = Type.Object({
  lang: Type.Optional(Type.String({ maxLength: 10 })),
});
const Params = Type.Object({ slug: Type.String({ maxLength: 100 }) });
const ReportParams = Type.Object({
  slug: Type.String({ maxLength: 100 }),
  report: Type.String({ maxLength: 20 }),
});

/** At most this many bytes of PDFs of published reports are kept in memory. */
const PDF_CACHE_BYTES = 24 * 1024 * 1024;

/** Registers the public report pages and files. */
export async function reportPortalRoutes(
  instance: FastifyInstance,
  options: ReportPortalRoutesOptions,
): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  const { ctx } = options;
  const pages = new PublicResponseCache("report pages", 16 * 1024 * 1024);
  // A published report never changes, so its PDF is made once (for all who ask at the same time).
  const pdfs = createMemoryCache<Buffer, () => Promise<Buffer>>({
    name: "report PDFs",
    maxBytes: PDF_CACHE_BYTES,
    sizeOf: (body) => body.length,
    build: async (_key, make) => make(),
  });

  /** The published version from memory (public pages follow what is published), or a 404. */
  async function requireDataVersion(slug: string): Promise<number> {
    municipalitySlugParam(slug);
    if (RESERVED.has(slug)) throw new AppError("ERR_NOT_FOUND");
    const municipality = await ctx.versions.find(slug);
    if (municipality === null) throw new AppError("ERR_MUNICIPALITY_NOT_FOUND");
    if (!municipality.isActive)
      throw new AppError("ERR_MUNICIPALITY_DEACTIVATED");
    return municipality.publishedVersion;
  }

  /** A page with ETag, kept ready to send for anonymous readers (known query parameters only). */
  async function sendPage(
    request: FastifyRequest,
    reply: FastifyReply,
    dataVersion: number,
    render: (url: string) => Promise<string>,
  ): Promise<FastifyReply> {
    const canonical = canonicalRequest(request);
    return pages.send(request, reply, {
      version: dataVersion,
      key: [
        "reporting",
        APP_VERSION,
        request.routeOptions.url ?? "",
        ...Object.values(request.params as Record<string, string>),
        canonical.query,
        germanIsoDateOf(options.now()),
      ],
      type: HTML,
      render: async () => ({ status: 200, body: await render(canonical.url) }),
    });
  }

  /** A file of a published report: immutable, so its tag names only the report and the app. */
  async function sendReportFile(
    request: FastifyRequest,
    reply: FastifyReply,
    kind: "pptx" | "pdf",
    make: () => Promise<{ readonly body: Buffer; readonly fileName: string }>,
    reportKey: string,
  ): Promise<FastifyReply> {
    const tag = `"${kind}-${reportKey}-${APP_VERSION}"`;
    if (matchesIfNoneMatch(request.headers["if-none-match"], tag)) {
      return reply
        .code(304)
        .header("etag", tag)
        .header("cache-control", PUBLIC_CACHE_CONTROL)
        .send();
    }
    const { body, fileName } = await make();
    return reply
      .header("etag", tag)
      .header("cache-control", PUBLIC_CACHE_CONTROL)
      .header("content-disposition", `attachment; filename="${fileName}"`)
      .type(kind === "pdf" ? "application/pdf" : PPTX_CONTENT_TYPE)
      .send(body);
  }

  /** A short digest of the meeting's live details, so that a changed minute changes the file's tag. */
  function meetingDigest(meeting: PublicMeetingDetails | null): string {
    return createHash("sha256")
      .update(JSON.stringify(meeting))
      .digest("hex")
      .slice(0, 12);
  }

  function reportParam(text: string): string {
    if (!REPORT.test(text)) throw new AppError("ERR_REPORT_NOT_FOUND");
    return text;
  }

  /** A path with the request's query string (?lang=en) kept. */
  function withQuery(path: string, request: FastifyRequest): string {
    const at = request.url.indexOf("?");
    return at === -1 ? path : `${path}${request.url.slice(at)}`;
  }

  /** Sends an old id-based URL on to the report's number (301); false when it is none. */
  async function sentOn(
    request: FastifyRequest,
    reply: FastifyReply,
    pathOf: (slug: string, report: ReportRef) => string,
  ): Promise<boolean> {
    const params = request.params as { slug: string; report: string };
    const moved = await renumberedReport(ctx, params.slug, params.report, {
      published: true,
    });
    if (moved === null) return false;
    await reply
      .header("cache-control", PUBLIC_CACHE_CONTROL)
      .redirect(withQuery(pathOf(params.slug, moved), request), 301);
    return true;
  }

  app.get(
    REPORT_ROUTES.reports,
    {
      config: { policy: "public" },
      schema: { hide: true, params: Params, querystring: Query },
    },
    async (request, reply) => {
      const version = await requireDataVersion(request.params.slug);
      const view = createViewContext(resolveLanguage(request.query.lang));
      return sendPage(request, reply, version, async (url) => {
        const { catalogue, reports } = await listPublishedReports(
          ctx,
          request.params.slug,
        );
        return await (
          <ReportsPage
            view={view}
            requestUrl={url}
            catalogue={catalogue}
            reports={reports}
          />
        );
      });
    },
  );

  app.get(
    REPORT_ROUTES.report,
    {
      config: { policy: "public" },
      schema: { hide: true, params: ReportParams, querystring: Query },
    },
    async (request, reply) => {
      const version = await requireDataVersion(request.params.slug);
      const report = reportParam(request.params.report);
      if (await sentOn(request, reply, reportPaths.report)) return reply;
      const view = createViewContext(resolveLanguage(request.query.lang));
      if (!/^\d+$/.test(report)) {
        const onDate = await publishedReportsOnDate(
          ctx,
          request.params.slug,
          report,
        );
        if (onDate.reports.length > 1) {
          // Two reports for one meeting: the date names both, each with its own page.
          return sendPage(request, reply, version, async (url) => (
            <ReportDateChoicePage
              view={view}
              requestUrl={url}
              catalogue={onDate.catalogue}
              reports={onDate.reports}
              isoDate={report}
            />
          ));
        }
      }
      return sendPage(request, reply, version, async (url) => {
        const { catalogue, document, summary, oparlPaperUrl, meeting } =
          await getPublishedReport(ctx, request.params.slug, report);
        // The report's own paper, else the one of its meeting.
        const paperUrl = oparlPaperUrl ?? document.meeting.oparlPaperUrl;
        const oparlPaper = await cachedOparlObject(
          ctx,
          catalogue.municipality.id,
          paperUrl,
        );
        return await (
          <PublishedReportPage
            view={view}
            requestUrl={url}
            catalogue={catalogue}
            document={document}
            summary={summary}
            oparlPaper={oparlPaper}
            oparlPaperUrl={paperUrl}
            meeting={meeting}
          />
        );
      });
    },
  );

  app.get(
    REPORT_ROUTES.reportDeck,
    {
      config: { policy: "public" },
      schema: { hide: true, params: ReportParams },
    },
    async (request, reply) => {
      await requireDataVersion(request.params.slug);
      reportParam(request.params.report);
      if (await sentOn(request, reply, reportPaths.reportDeck)) return reply;
      const { document, summary, meeting } = await getPublishedReport(
        ctx,
        request.params.slug,
        reportParam(request.params.report),
      );
      return sendReportFile(
        request,
        reply,
        "pptx",
        async () => ({
          body: await buildReportDeck(document, meeting),
          fileName: `${reportFileName(document)}.pptx`,
        }),
        `${request.params.slug}-${summary.id}-${meetingDigest(meeting)}`,
      );
    },
  );

  app.get(
    REPORT_ROUTES.reportPdf,
    {
      config: { policy: "public" },
      schema: { hide: true, params: ReportParams },
    },
    async (request, reply) => {
      await requireDataVersion(request.params.slug);
      reportParam(request.params.report);
      if (await sentOn(request, reply, reportPaths.reportPdf)) return reply;
      const { document, summary, meeting } = await getPublishedReport(
        ctx,
        request.params.slug,
        reportParam(request.params.report),
      );
      // The meeting's details are read live (minutes come after the meeting): part of the key.
      const key = `${request.params.slug}-${summary.id}-${meetingDigest(meeting)}`;
      return sendReportFile(
        request,
        reply,
        "pdf",
        async () => {
          const body = await pdfs.fetch(key, async () =>
            renderReportPdf(options.pdf, document, meeting),
          );
          if (body === undefined)
            throw new Error("the report PDF was not made");
          return { body, fileName: `${reportFileName(document)}.pdf` };
        },
        key,
      );
    },
  );

  app.get(
    REPORT_ROUTES.indicators,
    {
      config: { policy: "public" },
      schema: { hide: true, params: Params, querystring: Query },
    },
    async (request, reply) => {
      const version = await requireDataVersion(request.params.slug);
      const view = createViewContext(resolveLanguage(request.query.lang));
      const today = germanDayOf(options.now());
      return sendPage(request, reply, version, async (url) => {
        const { catalogue, indicators } = await getPublicIndicators(
          ctx,
          request.params.slug,
          today,
        );
        return await (
          <IndicatorsPage
            view={view}
            requestUrl={url}
            catalogue={catalogue}
            indicators={indicators}
            today={today}
          />
        );
      });
    },
  );

  // Errors of this plugin are the portal's HTML error pages, never cached.
  app.setErrorHandler(async (error, request, reply) =>
    sendHtmlError(error, request, reply),
  );
}

/**
 * The public report pages: /{kommune}/berichte, /{kommune}/berichte/{number or meeting date}
 * (a date with several reports offers the choice; an old id-based URL is sent on, ADR 0044)
 * with the deck and the PDF, and /{kommune}/kennzahlen. Pages carry ETags from the data
 * version like the rest of the portal; the files of a published report never change, so
 * their tag names only the report and the app version, and PDFs are kept in memory.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import { Type, type Static } from "@sinclair/typebox";
import type { AppContext } from "../../app/context.js";
import { getPublicIndicators } from "../../app/indicators/read-indicators.js";
import { cachedOparlObject } from "../../app/open-data/oparl-sync.js";
import {
  getPublishedReport,
  listPublishedReports,
  publishedReportsOnDate,
} from "../../app/reports/read-reports.js";
import { AppError } from "../../errors.js";
import { resolveLanguage } from "../../i18n/i18n.js";
import type { PdfRenderer } from "../../exports/pdf/render-pdf.js";
import type {
  StoredDocuments,
  SubjectDocuments,
} from "../documents/stored-documents.js";
import { createViewContext, type ViewContext } from "../components/view.js";
import { pageRoute, type RequestWithParams } from "../http/page-route.js";
import { PUBLIC_CACHE_CONTROL } from "../http/cache.js";
import {
  formatGermanDate,
  germanDayOf,
  germanIsoDateOf,
} from "../../domain/calendar/calendar.js";
import { PublicResponseCache } from "../http/page-cache.js";
import { requirePublicPageVersion } from "../http/municipality-version.js";
import { installHtmlErrorHandler } from "../http/error-pages.js";
import {
  IndicatorsPage,
  PublishedReportPage,
  ReportDateChoicePage,
  ReportsPage,
} from "./report-portal-pages.js";
import { REPORT_ROUTES, reportPaths, type ReportRef } from "./report-paths.js";
import { renumberedSender } from "./renumbered-report.js";
import { MunicipalityParams, municipalityParamsWith } from "../http/params.js";

/** What the public report routes need. */
export interface ReportPortalRoutesOptions {
  readonly ctx: AppContext;
  readonly now: () => Date;
  readonly pdf: PdfRenderer;
  /** Stored documents of published reports (ADR 0046). */
  readonly documents: StoredDocuments;
}

const REPORT = /^(?:[1-9]\d{0,9}|\d{4}-\d{2}-\d{2})$/;
const Query = Type.Object({
  lang: Type.Optional(Type.String({ maxLength: 10 })),
});
const ReportParams = municipalityParamsWith({
  report: Type.String({ maxLength: 20 }),
});

/** A request for a page of the municipality, as its routes' schemas read it. */
type MunicipalityRequest = FastifyRequest & {
  readonly params: Static<typeof MunicipalityParams>;
  readonly query: Static<typeof Query>;
};

/** A request for one published report, as its routes' schemas read it. */
type ReportRequest = FastifyRequest & {
  readonly params: Static<typeof ReportParams>;
  readonly query: Static<typeof Query>;
};

/** Registers the public report pages and files. */
export async function reportPortalRoutes(
  instance: FastifyInstance,
  options: ReportPortalRoutesOptions,
): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  const { ctx } = options;
  const pages = new PublicResponseCache("report pages", 16 * 1024 * 1024);

  /** A page with ETag, kept ready to send for anonymous readers (known query parameters only). */
  const sendPage = (
    request: RequestWithParams<Readonly<Record<string, string>>>,
    reply: FastifyReply,
    version: number,
    render: (url: string) => Promise<string>,
  ): Promise<FastifyReply> =>
    pages.sendPage(request, reply, {
      name: "reporting",
      version,
      today: germanIsoDateOf(options.now()),
      render,
    });

  /** A list page of the municipality, drawn in the request's language and sent as sendPage does. */
  const sendListPage = async (
    request: MunicipalityRequest,
    reply: FastifyReply,
    render: (url: string, view: ViewContext) => Promise<string>,
  ): Promise<FastifyReply> => {
    const version = await requirePublicPageVersion(ctx, request.params.slug);
    const view = createViewContext(resolveLanguage(request.query.lang));
    return sendPage(request, reply, version, (url) => render(url, view));
  };

  /** A file of a published report, from storage (built once, ADR 0046); an old id-based URL is sent on. */
  async function sendReportFile(
    request: ReportRequest,
    reply: FastifyReply,
    kind: "pptx" | "pdf",
  ): Promise<FastifyReply> {
    const { slug } = request.params;
    await requirePublicPageVersion(ctx, slug);
    const param = reportParam(request.params.report);
    const pathOf =
      kind === "pdf" ? reportPaths.reportPdf : reportPaths.reportDeck;
    if (await sentOn(request, reply, pathOf)) return reply;
    // A number or a meeting date names the report; the stored file is kept under its id.
    const { summary } = await getPublishedReport(ctx, slug, param);
    return options.documents.sendDocumentOf(
      request,
      reply,
      reportDocuments(request, summary),
      kind,
    );
  }

  /** A published report's documents, kept under its id. */
  const reportDocuments = (
    request: ReportRequest,
    summary: ReportRef & { readonly id: number },
  ): SubjectDocuments => {
    const { slug } = request.params;
    return {
      slug,
      subject: { type: "report", key: String(summary.id) },
      view: createViewContext(resolveLanguage(request.query.lang)),
      pagePath: reportPaths.report(slug, summary),
    };
  };

  function reportParam(text: string): string {
    if (!REPORT.test(text)) throw new AppError("ERR_REPORT_NOT_FOUND");
    return text;
  }

  /** Sends an old id-based URL on to the report's number (301); false when it is none. */
  const sentOn = renumberedSender(ctx, {
    reportOf: (request: ReportRequest) => request.params,
    published: true,
    cacheControl: PUBLIC_CACHE_CONTROL,
  });

  app.get(
    REPORT_ROUTES.reports,
    pageRoute("public", MunicipalityParams, Query),
    async (request, reply) =>
      sendListPage(request, reply, async (url, view) => {
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
      }),
  );

  app.get(
    REPORT_ROUTES.report,
    pageRoute("public", ReportParams, Query),
    async (request, reply) => {
      const version = await requirePublicPageVersion(ctx, request.params.slug);
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
    pageRoute("public", ReportParams, Query),
    async (request, reply) => sendReportFile(request, reply, "pptx"),
  );

  app.get(
    REPORT_ROUTES.reportPdf,
    pageRoute("public", ReportParams, Query),
    async (request, reply) => sendReportFile(request, reply, "pdf"),
  );

  // The state of a published report's documents: reloads itself while one is built.
  app.get(
    REPORT_ROUTES.publishedDocuments,
    pageRoute("public", ReportParams, Query),
    async (request, reply) => {
      const { slug } = request.params;
      await requirePublicPageVersion(ctx, slug);
      reportParam(request.params.report);
      if (await sentOn(request, reply, reportPaths.publishedDocuments))
        return reply;
      const { document, summary } = await getPublishedReport(
        ctx,
        slug,
        reportParam(request.params.report),
      );
      const of = reportDocuments(request, summary);
      return options.documents.sendStatusOf(
        request,
        reply,
        of,
        of.view.t.reports.reportPageTitle(
          of.view.t.reports.numberedTitle(document.title, summary.number),
          `${document.meeting.committeeAbbreviation} ${formatGermanDate(document.meeting.day)}`,
        ),
        {
          pptx: reportPaths.reportDeck(slug, summary),
          pdf: reportPaths.reportPdf(slug, summary),
        },
      );
    },
  );

  app.get(
    REPORT_ROUTES.indicators,
    pageRoute("public", MunicipalityParams, Query),
    async (request, reply) => {
      const today = germanDayOf(options.now());
      return sendListPage(request, reply, async (url, view) => {
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
  installHtmlErrorHandler(app);
}

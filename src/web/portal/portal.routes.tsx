/**
 * The public portal: German HTML pages, server-rendered. Thin routes: check the URL,
 * answer 304 from the data version alone, otherwise call the read use case and render.
 * Errors inside this plugin become German (or English) HTML error pages.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import { getDataVersion, listMunicipalities, type SearchResult } from "../../app/catalogue/read-catalogue.js";
import { compareEditions } from "../../app/edition/change-report.js";
import { getPublishedCatalogue, getPublishedProject, searchPublished } from "../../app/edition/read-editions.js";
import { RESERVED_MUNICIPALITY_SLUGS } from "../../app/catalogue/catalogue-document.js";
import type { AppContext } from "../../app/context.js";
import { AppError, isAppError } from "../../errors.js";
import { resolveLanguage } from "../../i18n/i18n.js";
import { createViewContext } from "../components/view.js";
import { entityTag, matchesIfNoneMatch, NO_STORE, PUBLIC_CACHE_CONTROL } from "../http/cache.js";
import { germanDate, germanDayNumber } from "../http/clock.js";
import { sendError } from "../http/error-pages.js";
import { PageCache } from "../http/page-cache.js";
import { APP_VERSION } from "../http/static-assets.js";
import { MunicipalitiesPage } from "./municipalities-page.js";
import { paths, ROUTES, withQuery } from "./paths.js";
import {
  MunicipalityParamsSchema,
  PageQuerySchema,
  ProjectParamsSchema,
  SearchQuerySchema,
  TimelineQuerySchema,
} from "./portal.schema.js";
import { ProgrammePage } from "./programme-page.js";
import { ProjectPage } from "./project-page.js";
import { getProjectIndicators } from "../../app/indicators/read-indicators.js";
import { SearchPage } from "./search-page.js";
import { renderTimeline } from "../edition/timeline-view.js";
import { publishedScope } from "./portal-scope.js";
import { isSlug, municipalitySlugParam } from "../http/params.js";

/** What the portal needs from the app. */
export interface PortalOptions {
  readonly ctx: AppContext;
  readonly now: () => Date;
}

const HTML = "text/html; charset=utf-8";

/** Municipality and project slugs; anything else cannot exist, so it is a 404 without a query. */

/** First path segments taken by the app itself; no municipality can be reached under them. */
const RESERVED_SLUGS: ReadonlySet<string> = new Set(RESERVED_MUNICIPALITY_SLUGS);

/** A rendered page and its status; only 200 pages are cacheable. */
interface RenderedPage {
  readonly status: number;
  readonly html: string;
}

/** Registers the portal's routes and its HTML error handling. */
export async function portalRoutes(instance: FastifyInstance, options: PortalOptions): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  const { ctx, now } = options;

  // A path like /api/zeitstrahl reaches the portal's /:slug/zeitstrahl route when no API
  // route matches; its error must still be JSON.
  app.setErrorHandler(async (error, request, reply) => sendError(error, request, reply));

  /** The municipality's data version, or a 404 for a slug that cannot or does not exist. */
  async function requireDataVersion(slug: string): Promise<number> {
    municipalitySlugParam(slug);
    if (RESERVED_SLUGS.has(slug)) throw new AppError("ERR_NOT_FOUND");
    const version = await getDataVersion(ctx, slug);
    if (version === null) throw new AppError("ERR_MUNICIPALITY_NOT_FOUND");
    return version;
  }

  /**
   * Conditional GET: the tag is known from the data version before anything is loaded,
   * so a 304 costs one small query. The date is part of the tag because pages with a
   * timeline draw a today line.
   */
  const pageCache = new PageCache();

  async function sendPage(
    request: FastifyRequest,
    reply: FastifyReply,
    dataVersion: number,
    render: () => Promise<RenderedPage>,
  ): Promise<FastifyReply> {
    const tag = entityTag(dataVersion, ["page", APP_VERSION, request.url, germanDate(now())]);
    if (matchesIfNoneMatch(request.headers["if-none-match"], tag)) {
      return reply.code(304).header("etag", tag).header("cache-control", PUBLIC_CACHE_CONTROL).send();
    }
    const isAnonymous = request.principal.kind === "anonymous";
    const cached = isAnonymous ? pageCache.get(tag) : undefined;
    if (cached !== undefined) {
      return reply.header("etag", tag).header("cache-control", PUBLIC_CACHE_CONTROL).type(HTML).send(cached);
    }
    const page = await render();
    if (page.status === 200) {
      reply.header("etag", tag).header("cache-control", PUBLIC_CACHE_CONTROL);
      if (isAnonymous) pageCache.set(tag, page.html);
    } else {
      reply.header("cache-control", NO_STORE);
    }
    return reply.code(page.status).type(HTML).send(page.html);
  }

  app.get(ROUTES.home, { config: { policy: "public" }, schema: { hide: true, querystring: PageQuerySchema } }, async (request, reply) => {
    const view = createViewContext(resolveLanguage(request.query.lang));
    const municipalities = await listMunicipalities(ctx);
    const [only] = municipalities;
    if (municipalities.length === 1 && only !== undefined) {
      return reply.redirect(withQuery(paths.municipality(only.slug), view.lang), 302);
    }
    // No single data version here: the list changes when any municipality is added or renamed.
    const version = municipalities.reduce((sum, municipality) => sum + municipality.dataVersion, 0);
    const tag = entityTag(version, ["home", APP_VERSION, request.url, ...municipalities.map((m) => `${m.slug}:${m.dataVersion}`)]);
    if (matchesIfNoneMatch(request.headers["if-none-match"], tag)) {
      return reply.code(304).header("etag", tag).header("cache-control", PUBLIC_CACHE_CONTROL).send();
    }
    const html = await (<MunicipalitiesPage view={view} requestUrl={request.url} municipalities={municipalities} />);
    return reply.header("etag", tag).header("cache-control", PUBLIC_CACHE_CONTROL).type(HTML).send(html);
  });

  app.get(
    ROUTES.municipalityWithoutSlash,
    { config: { policy: "public" }, schema: { hide: true, params: MunicipalityParamsSchema, querystring: PageQuerySchema } },
    async (request, reply) => {
      await requireDataVersion(request.params.slug);
      const queryIndex = request.url.indexOf("?");
      const query = queryIndex === -1 ? "" : request.url.slice(queryIndex);
      return reply.redirect(`${paths.municipality(request.params.slug)}${query}`, 301);
    },
  );

  app.get(
    ROUTES.municipality,
    { config: { policy: "public" }, schema: { hide: true, params: MunicipalityParamsSchema, querystring: PageQuerySchema } },
    async (request, reply) => {
      const { slug } = request.params;
      const version = await requireDataVersion(slug);
      const view = createViewContext(resolveLanguage(request.query.lang));
      return sendPage(request, reply, version, async () => {
        // The latest edition once there is one; until then the current state.
        const { catalogue, edition, editions } = await getPublishedCatalogue(ctx, slug);
        const scope = publishedScope(slug, edition, editions);
        return { status: 200, html: await (<ProgrammePage view={view} requestUrl={request.url} catalogue={catalogue} scope={scope} />) };
      });
    },
  );

  app.get(
    ROUTES.project,
    { config: { policy: "public" }, schema: { hide: true, params: ProjectParamsSchema, querystring: PageQuerySchema } },
    async (request, reply) => {
      const { slug, projectSlug } = request.params;
      const version = await requireDataVersion(slug);
      if (!isSlug(projectSlug)) throw new AppError("ERR_PROJECT_NOT_FOUND");
      const view = createViewContext(resolveLanguage(request.query.lang));
      return sendPage(request, reply, version, async () => {
        const { catalogue, entry, dependents, edition, editions } = await getPublishedProject(ctx, slug, projectSlug);
        const figures = await getProjectIndicators(ctx, slug, projectSlug, germanDayNumber(now()));
        const html = await (
          <ProjectPage
            view={view}
            requestUrl={request.url}
            catalogue={catalogue}
            entry={entry}
            dependents={dependents}
            today={germanDayNumber(now())}
            scope={publishedScope(slug, edition, editions)}
            figures={figures}
          />
        );
        return { status: 200, html };
      });
    },
  );

  app.get(
    ROUTES.timeline,
    { config: { policy: "public" }, schema: { hide: true, params: MunicipalityParamsSchema, querystring: TimelineQuerySchema } },
    async (request, reply) => {
      const { slug } = request.params;
      const version = await requireDataVersion(slug);
      const view = createViewContext(resolveLanguage(request.query.lang));
      return sendPage(request, reply, version, async () => {
        const { catalogue, edition, editions } = await getPublishedCatalogue(ctx, slug);
        // An unknown filter or comparison shows the whole timeline with an error box, not an error page.
        return renderTimeline({
          view,
          requestUrl: request.url,
          catalogue,
          scope: publishedScope(slug, edition, editions),
          query: request.query,
          today: germanDayNumber(now()),
          shownTitle: edition?.title ?? "",
          compare: async (since) => compareEditions(ctx, slug, edition?.number ?? 0, since),
        });
      });
    },
  );

  app.get(
    ROUTES.search,
    { config: { policy: "public" }, schema: { hide: true, params: MunicipalityParamsSchema, querystring: SearchQuerySchema } },
    async (request, reply) => {
      const { slug } = request.params;
      const version = await requireDataVersion(slug);
      const view = createViewContext(resolveLanguage(request.query.lang));
      const query = request.query.q ?? "";
      return sendPage(request, reply, version, async () => {
        const { catalogue } = await getPublishedCatalogue(ctx, slug);
        let result: SearchResult | null = null;
        let error: string | undefined;
        if (query.trim() !== "") {
          try {
            result = await searchPublished(ctx, slug, query);
          } catch (caught) {
            if (!isAppError(caught, "ERR_SEARCH_QUERY_INVALID")) throw caught;
            error = caught.localisedMessage(view.lang);
          }
        }
        const html = await (
          <SearchPage view={view} requestUrl={request.url} catalogue={catalogue} query={query} result={result} error={error} />
        );
        return { status: error === undefined ? 200 : 400, html };
      });
    },
  );
}

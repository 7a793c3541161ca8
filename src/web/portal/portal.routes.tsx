/**
 * The public portal: German HTML pages, server-rendered. Thin routes: check the URL,
 * answer 304 from the data version alone, otherwise call the read use case and render.
 * Errors inside this plugin become German (or English) HTML error pages.
 */
import type { FastifyInstance, FastifyReply } from "fastify";
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import type { SearchResult } from "../../app/catalogue/read-catalogue.js";
import { compareEditions } from "../../app/edition/change-report.js";
import {
  getPublishedCatalogue,
  getPublishedProject,
  searchPublished,
  type PublishedCatalogue,
} from "../../app/edition/read-editions.js";
import type { AppContext } from "../../app/context.js";
import { publicReader } from "../../app/published-versions.js";
import { AppError, isAppError } from "../../errors.js";
import { resolveLanguage } from "../../i18n/i18n.js";
import { createViewContext, type ViewContext } from "../components/view.js";
import {
  germanDayOf,
  germanIsoDateOf,
} from "../../domain/calendar/calendar.js";
import { pageRoute, type RequestWithParams } from "../http/page-route.js";
import { sendError } from "../http/error-pages.js";
import {
  canonicalRequest,
  PublicResponseCache,
  type RenderedPage,
} from "../http/page-cache.js";
import { requirePublicPageVersion } from "../http/municipality-version.js";
import { APP_VERSION } from "../http/static-assets.js";
import { MunicipalitiesPage } from "./municipalities-page.js";
import { paths, ROUTES, withQuery } from "./paths.js";
import {
  HomeQuerySchema,
  MunicipalityParamsSchema,
  PageQuerySchema,
  ProjectParamsSchema,
  type PageQuery,
  SearchQuerySchema,
  TimelineQuerySchema,
} from "./portal.schema.js";
import { ProgrammePage } from "./programme-page.js";
import { ProjectPage } from "./project-page.js";
import {
  getParticipationSettings,
  listPublicItems,
  participationPaths,
} from "../../app/participation/participation.js";
import { getProjectIndicators } from "../../app/indicators/read-indicators.js";
import { SearchPage } from "./search-page.js";
import { renderTimeline } from "../edition/timeline-view.js";
import { publishedScope, type PortalScope } from "./portal-scope.js";
import { isSlug } from "../http/params.js";

/** What the portal needs from the app. */
export interface PortalOptions {
  readonly ctx: AppContext;
  readonly now: () => Date;
}

const HTML = "text/html; charset=utf-8";

/** How many municipalities the start page lists at once. */
const MUNICIPALITIES_PER_PAGE = 50;

/** Lower case without diacritics, for the search in the list of municipalities. */
function foldName(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/ß/g, "ss");
}

/** Rendered public pages of all municipalities, kept ready to send (src/web/http/page-cache.ts). */
const PAGE_CACHE_BYTES = 48 * 1024 * 1024;

/** Registers the portal's routes and its HTML error handling. */
export async function portalRoutes(
  instance: FastifyInstance,
  options: PortalOptions,
): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  const { ctx, now } = options;

  // A path like /api/zeitstrahl reaches the portal's /:slug/zeitstrahl route when no API
  // route matches; its error must still be JSON.
  app.setErrorHandler(async (error, request, reply) =>
    sendError(error, request, reply),
  );

  const pageCache = new PublicResponseCache("portal pages", PAGE_CACHE_BYTES);

  /** Sends a public page of `slug` (src/web/http/page-cache.ts), read from `reader`. */
  async function sendPage(
    request: RequestWithParams<Readonly<Record<string, string>>>,
    reply: FastifyReply,
    slug: string,
    dataVersion: number,
    render: (url: string, reader: AppContext) => Promise<RenderedPage>,
  ): Promise<FastifyReply> {
    return pageCache.sendPage(request, reply, {
      name: "page",
      version: dataVersion,
      today: germanIsoDateOf(now()),
      render: async (url) =>
        // Anonymous readers may be served from a read replica that has reached this version.
        render(
          url,
          request.principal.kind === "anonymous"
            ? await publicReader(ctx, slug, dataVersion)
            : ctx,
        ),
    });
  }

  /** Sends a page of a published municipality (404 otherwise) in the language the query asks for. */
  async function sendMunicipalityPage(
    request: RequestWithParams<{ readonly slug: string }> & {
      readonly query: PageQuery;
    },
    reply: FastifyReply,
    render: (
      url: string,
      reader: AppContext,
      view: ViewContext,
    ) => Promise<RenderedPage>,
  ): Promise<FastifyReply> {
    const { slug } = request.params;
    const version = await requirePublicPageVersion(ctx, slug);
    const view = createViewContext(resolveLanguage(request.query.lang));
    return sendPage(request, reply, slug, version, async (url, reader) =>
      render(url, reader, view),
    );
  }

  /** What a page of the published programme is drawn from. */
  interface PublishedPage extends PublishedCatalogue {
    readonly slug: string;
    readonly scope: PortalScope;
    readonly url: string;
    readonly reader: AppContext;
    readonly view: ViewContext;
  }

  /**
   * Sends a page of what the municipality has published: the latest edition once there
   * is one, until then the current (or released) state.
   */
  async function sendPublishedPage(
    request: RequestWithParams<{ readonly slug: string }> & {
      readonly query: PageQuery;
    },
    reply: FastifyReply,
    render: (page: PublishedPage) => Promise<RenderedPage>,
  ): Promise<FastifyReply> {
    const { slug } = request.params;
    return sendMunicipalityPage(request, reply, async (url, reader, view) => {
      const published = await getPublishedCatalogue(reader, slug);
      return render({
        ...published,
        slug,
        scope: publishedScope(slug, published.edition, published.editions),
        url,
        reader,
        view,
      });
    });
  }

  app.get(
    ROUTES.home,
    {
      config: { policy: "public" },
      schema: { hide: true, querystring: HomeQuerySchema },
    },
    async (request, reply) => {
      const view = createViewContext(resolveLanguage(request.query.lang));
      const municipalities = (await ctx.versions.all()).filter(
        (municipality) => municipality.isActive,
      );
      const [only] = municipalities;
      if (municipalities.length === 1 && only !== undefined) {
        return reply.redirect(
          withQuery(paths.municipality(only.slug), view.lang),
          302,
        );
      }
      // No single version here: the list changes when any municipality is added, renamed or published.
      const canonical = canonicalRequest(request);
      return pageCache.send(request, reply, {
        version: await ctx.versions.signature(),
        key: ["home", APP_VERSION, canonical.query],
        type: HTML,
        render: async () => {
          // A page of the list, found by a folded part of the name or slug (hundreds of tenants).
          const query = (request.query.q ?? "").trim();
          const folded = foldName(query);
          const found =
            folded === ""
              ? municipalities
              : municipalities.filter(
                  (m) =>
                    foldName(m.name).includes(folded) ||
                    m.slug.includes(folded),
                );
          const pages = Math.max(
            1,
            Math.ceil(found.length / MUNICIPALITIES_PER_PAGE),
          );
          const requested = Number(request.query.seite ?? "1");
          const page =
            Number.isInteger(requested) && requested >= 1
              ? Math.min(requested, pages)
              : 1;
          const shown = found.slice(
            (page - 1) * MUNICIPALITIES_PER_PAGE,
            page * MUNICIPALITIES_PER_PAGE,
          );
          return {
            status: 200,
            body: await (
              <MunicipalitiesPage
                view={view}
                requestUrl={canonical.url}
                municipalities={shown}
                query={query}
                total={found.length}
                page={page}
                pages={pages}
              />
            ),
          };
        },
      });
    },
  );

  app.get(
    ROUTES.municipalityWithoutSlash,
    pageRoute("public", MunicipalityParamsSchema, PageQuerySchema),
    async (request, reply) => {
      await requirePublicPageVersion(ctx, request.params.slug);
      const queryIndex = request.url.indexOf("?");
      const query = queryIndex === -1 ? "" : request.url.slice(queryIndex);
      return reply.redirect(
        `${paths.municipality(request.params.slug)}${query}`,
        301,
      );
    },
  );

  app.get(
    ROUTES.municipality,
    pageRoute("public", MunicipalityParamsSchema, PageQuerySchema),
    async (request, reply) =>
      sendPublishedPage(
        request,
        reply,
        async ({ slug, catalogue, scope, url, reader, view }) => {
          const [participation, { items: ideas }] = await Promise.all([
            getParticipationSettings(reader, slug),
            listPublicItems(reader, slug),
          ]);
          return (
            <ProgrammePage
              view={view}
              requestUrl={url}
              catalogue={catalogue}
              scope={scope}
              ideasPath={
                participation.mode === "public" || ideas.length > 0
                  ? participationPaths.list(slug)
                  : undefined
              }
            />
          );
        },
      ),
  );

  app.get(
    ROUTES.project,
    pageRoute("public", ProjectParamsSchema, PageQuerySchema),
    async (request, reply) => {
      const { slug, projectSlug } = request.params;
      const version = await requirePublicPageVersion(ctx, slug);
      if (!isSlug(projectSlug)) throw new AppError("ERR_PROJECT_NOT_FOUND");
      const view = createViewContext(resolveLanguage(request.query.lang));
      return sendPage(request, reply, slug, version, async (url, reader) => {
        const { catalogue, entry, dependents, edition, editions } =
          await getPublishedProject(reader, slug, projectSlug);
        const figures = await getProjectIndicators(
          reader,
          slug,
          projectSlug,
          germanDayOf(now()),
        );
        const { items: ideas } = await listPublicItems(reader, slug, {
          projectSlug,
        });
        return (
          <ProjectPage
            view={view}
            requestUrl={url}
            catalogue={catalogue}
            entry={entry}
            dependents={dependents}
            today={germanDayOf(now())}
            scope={publishedScope(slug, edition, editions)}
            figures={figures}
            ideas={ideas}
          />
        );
      });
    },
  );

  app.get(
    ROUTES.timeline,
    pageRoute("public", MunicipalityParamsSchema, TimelineQuerySchema),
    async (request, reply) =>
      sendPublishedPage(
        request,
        reply,
        // An unknown filter or comparison shows the whole timeline with an error box, not an error page.
        async ({ slug, catalogue, edition, scope, url, reader, view }) =>
          renderTimeline({
            view,
            requestUrl: url,
            catalogue,
            scope,
            query: request.query,
            today: germanDayOf(now()),
            shownTitle: edition?.title ?? "",
            compare: async (since) =>
              compareEditions(reader, slug, edition?.number ?? 0, since),
          }),
      ),
  );

  app.get(
    ROUTES.search,
    pageRoute("public", MunicipalityParamsSchema, SearchQuerySchema),
    async (request, reply) => {
      const query = request.query.q ?? "";
      return sendPublishedPage(
        request,
        reply,
        async ({ slug, catalogue, url, reader, view }) => {
          let result: SearchResult | null = null;
          let error: string | undefined;
          if (query.trim() !== "") {
            try {
              result = await searchPublished(reader, slug, query);
            } catch (caught) {
              if (!isAppError(caught, "ERR_SEARCH_QUERY_INVALID")) throw caught;
              error = caught.localisedMessage(view.lang);
            }
          }
          const html = await (
            <SearchPage
              view={view}
              requestUrl={url}
              catalogue={catalogue}
              query={query}
              result={result}
              error={error}
            />
          );
          return { status: error === undefined ? 200 : 400, html };
        },
      );
    },
  );
}

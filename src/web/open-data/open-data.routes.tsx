/**
 * Open data: /{kommune}/offene-daten lists every dataset with its downloads, and
 * /{kommune}/offene-daten/{datensatz} is its data dictionary, /{…}.csv|.xlsx|.json the file.
 * Public, with ETags from the municipality's data version (and the host, which the portal
 * addresses in the files contain); errors are the portal's HTML pages.
 */
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import { Type } from "@sinclair/typebox";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { listMunicipalities } from "../../app/catalogue/read-catalogue.js";
import {
  buildInstanceCatalogue,
  buildMunicipalityCatalogue,
  type DcatCatalogue,
} from "../../app/open-data/dcat.js";
import { readFeed } from "../../app/open-data/feed.js";
import { getPublicIndicators } from "../../app/indicators/read-indicators.js";
import {
  findProject,
  type Catalogue,
} from "../../domain/catalogue/catalogue.js";
import type { ViewContext } from "../components/view.js";
import {
  ActionFieldEmbed,
  EmbedCodePage,
  FigureEmbed,
  ProjectCardEmbed,
} from "./embed-pages.js";
import { writeAtom } from "../../exports/feed/atom.js";
import {
  catalogueQuads,
  writeJsonLd,
  writeRdfXml,
  writeTurtle,
} from "../../exports/dcat/dcat-rdf.js";
import type { AppContext } from "../../app/context.js";
import { getPublishedCatalogue } from "../../app/edition/read-editions.js";
import {
  DATASETS,
  datasetDefinition,
  readDataset,
  type DatasetTable,
} from "../../app/open-data/datasets.js";
import {
  changeOpenDataSettings,
  getEmbedSettingsForStaff,
  getOpenDataSettings,
  getOpenDataSettingsForEditing,
} from "../../app/open-data/settings.js";
import { AppError, isAppError } from "../../errors.js";
import { syncOparlForAdministrator } from "../../app/open-data/oparl-sync.js";
import {
  OPEN_DATA_CONTENT_TYPES,
  OPEN_DATA_FORMATS,
  writeDatasetFile,
  type OpenDataFormat,
} from "../../exports/open-data/dataset-files.js";
import { resolveLanguage } from "../../i18n/i18n.js";
import { createViewContext } from "../components/view.js";
import { editorChrome } from "../editor/editor-view.js";
import {
  isSlug,
  municipalitySlugParam,
  MunicipalityParams,
  municipalityParamsWith,
  rawQueryParam,
} from "../http/params.js";
import { pageRoute } from "../http/page-route.js";
import { runUseCase } from "../http/use-case.js";
import { settingsPage } from "../http/staff-page.js";
import { fieldLabels, formAction } from "../http/form-action.js";
import { OpenDataSettingsBody, OparlSyncBody } from "./open-data-forms.js";
import {
  baseUrlOf,
  sendHostTagged,
  type TypedBody,
  sendNoStore,
} from "../http/cache.js";
import { requireDataVersion } from "../http/municipality-version.js";
import {
  germanDayOf,
  germanIsoDateOf,
} from "../../domain/calendar/calendar.js";
import { viewOf } from "../identity/identity-view.js";
import { installHtmlErrorHandler } from "../http/error-pages.js";
import { DictionaryPage, OpenDataPage } from "./open-data-pages.js";
import { OPEN_DATA_ROUTES, openDataPaths } from "./open-data-paths.js";
import { OpenDataSettingsPage } from "./settings-page.js";

/** What the routes need. */
export interface OpenDataRoutesOptions {
  readonly ctx: AppContext;
  readonly now: () => Date;
  /** Whether following by e-mail is offered (mail is configured). */
  readonly canFollowByMail?: boolean;
}

const ENTRY = /^([a-z0-9-]{1,40})(?:\.([a-z]{1,5}))?$/;
const HTML = "text/html; charset=utf-8";
const DCAT_FILES: Readonly<
  Record<string, "turtle" | "rdfxml" | "jsonld" | undefined>
> = {
  "catalog.ttl": "turtle",
  "catalog.rdf": "rdfxml",
  "catalog.jsonld": "jsonld",
};
const DCAT_CONTENT_TYPES = {
  turtle: "text/turtle; charset=utf-8",
  rdfxml: "application/rdf+xml; charset=utf-8",
  jsonld: "application/ld+json; charset=utf-8",
} as const;
const Query = Type.Object({
  lang: Type.Optional(Type.String({ maxLength: 10 })),
});
const EntryParams = municipalityParamsWith({
  name: Type.String({ maxLength: 60 }),
});
/** An embed's address: the municipality and the project, action field or key figure. */
const EmbedParams = municipalityParamsWith({
  key: Type.String({ maxLength: 100 }),
});

/** What an embed is drawn from. */
interface EmbedContext {
  readonly slug: string;
  readonly view: ViewContext;
  readonly catalogue: Catalogue;
  readonly baseUrl: string;
}

/** Registers the open data pages and files. */
export async function openDataRoutes(
  instance: FastifyInstance,
  options: OpenDataRoutesOptions,
): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  const { ctx } = options;

  /** Answers 304 or sends what `render` makes, with ETag and public caching. */
  const sendTagged = (
    request: FastifyRequest,
    reply: FastifyReply,
    version: number,
    render: () => Promise<TypedBody>,
  ): Promise<FastifyReply> =>
    sendHostTagged(
      request,
      reply,
      { name: "open-data", version, today: germanIsoDateOf(options.now()) },
      render,
    );

  async function context(request: FastifyRequest, slug: string) {
    const [{ catalogue }, settings] = await Promise.all([
      getPublishedCatalogue(ctx, slug),
      getOpenDataSettings(ctx, slug),
    ]);
    const baseUrl = baseUrlOf(request);
    const attribution = `${catalogue.municipality.name}, ${catalogue.programme.title} (${baseUrl}${openDataPaths.page(slug)})`;
    const read = (key: string): Promise<DatasetTable> =>
      readDataset(ctx, slug, key, {
        today: germanDayOf(options.now()),
        baseUrl,
      });
    return { catalogue, licence: settings.licence, attribution, read };
  }

  app.get(
    OPEN_DATA_ROUTES.page,
    pageRoute("public", MunicipalityParams, Query),
    async (request, reply) => {
      const { slug } = request.params;
      const version = await requireDataVersion(ctx, slug);
      const view = createViewContext(resolveLanguage(request.query.lang));
      return sendTagged(request, reply, version, async () => {
        const { catalogue, licence, attribution, read } = await context(
          request,
          slug,
        );
        const tables: DatasetTable[] = [];
        for (const dataset of DATASETS) tables.push(await read(dataset.key));
        const html = await (
          <OpenDataPage
            view={view}
            requestUrl={request.url}
            catalogue={catalogue}
            licence={licence}
            attribution={attribution}
            tables={tables}
            canFollowByMail={options.canFollowByMail === true}
          />
        );
        return { body: html, type: HTML };
      });
    },
  );

  app.get(
    OPEN_DATA_ROUTES.entry,
    pageRoute("public", EntryParams, Query),
    async (request, reply) => {
      const { slug, name } = request.params;
      const version = await requireDataVersion(ctx, slug);
      const match = ENTRY.exec(name);
      const key = match?.[1];
      const format = match?.[2];
      if (key === undefined) throw new AppError("ERR_DATASET_NOT_FOUND");
      datasetDefinition(key);
      if (
        format !== undefined &&
        !(OPEN_DATA_FORMATS as readonly string[]).includes(format)
      )
        throw new AppError("ERR_DATASET_NOT_FOUND");
      const view = createViewContext(resolveLanguage(request.query.lang));
      return sendTagged(request, reply, version, async () => {
        const { catalogue, licence, attribution, read } = await context(
          request,
          slug,
        );
        const table = await read(key);
        if (format === undefined) {
          const html = await (
            <DictionaryPage
              view={view}
              requestUrl={request.url}
              catalogue={catalogue}
              licence={licence}
              attribution={attribution}
              tables={[table]}
              table={table}
            />
          );
          return { body: html, type: HTML };
        }
        const chosen = format as OpenDataFormat;
        const body = await writeDatasetFile(table, chosen, {
          name: licence.name,
          url: licence.url,
          attribution,
        });
        return {
          body,
          type: OPEN_DATA_CONTENT_TYPES[chosen],
          fileName: `${slug}-${key}.${chosen}`,
        };
      });
    },
  );

  // ── DCAT-AP.de catalogues ─────────────────────────────────────────────────
  const DcatParams = municipalityParamsWith({
    file: Type.String({ maxLength: 40 }),
  });
  const InstanceDcatParams = Type.Object({
    file: Type.String({ maxLength: 40 }),
  });

  async function sendCatalogue(
    request: FastifyRequest,
    reply: FastifyReply,
    version: number,
    file: string,
    build: () => Promise<DcatCatalogue>,
  ): Promise<FastifyReply> {
    const format = DCAT_FILES[file];
    if (format === undefined) throw new AppError("ERR_DATASET_NOT_FOUND");
    return sendTagged(request, reply, version, async () => {
      const quads = catalogueQuads(await build());
      const body =
        format === "turtle"
          ? await writeTurtle(quads)
          : format === "rdfxml"
            ? writeRdfXml(quads)
            : writeJsonLd(quads);
      return { body, type: DCAT_CONTENT_TYPES[format] };
    });
  }

  app.get(
    OPEN_DATA_ROUTES.dcat,
    pageRoute("public", DcatParams),
    async (request, reply) => {
      const { slug, file } = request.params;
      const version = await requireDataVersion(ctx, slug);
      return sendCatalogue(request, reply, version, file, () =>
        buildMunicipalityCatalogue(ctx, slug, {
          baseUrl: baseUrlOf(request),
          today: germanDayOf(options.now()),
        }),
      );
    },
  );

  app.get(
    OPEN_DATA_ROUTES.instanceDcat,
    pageRoute("public", InstanceDcatParams),
    async (request, reply) => {
      const municipalities = await listMunicipalities(ctx);
      const version = municipalities.reduce(
        (sum, municipality) => sum + municipality.dataVersion,
        0,
      );
      return sendCatalogue(request, reply, version, request.params.file, () =>
        buildInstanceCatalogue(ctx, {
          baseUrl: baseUrlOf(request),
          today: germanDayOf(options.now()),
        }),
      );
    },
  );

  // ── Embeds ──────────────────────────────────────────────────────────────
  /**
   * One embed: a project card, an action field or a key figure, addressed by its key. It
   * may be framed by the municipality's listed origins (and this site, for the staff
   * preview), by nobody else, and loads nothing but the stylesheet.
   */
  function embedRoute(
    path: string,
    render: (key: string, context: EmbedContext) => Promise<string>,
  ): void {
    app.get(
      path,
      pageRoute("public", EmbedParams, Query),
      async (request, reply) => {
        const { slug, key } = request.params;
        const version = await requireDataVersion(ctx, slug);
        const [published, settings] = await Promise.all([
          getPublishedCatalogue(ctx, slug),
          getOpenDataSettings(ctx, slug),
        ]);
        const ancestors = ["'self'", ...settings.embedOrigins].join(" ");
        reply
          .removeHeader("x-frame-options")
          .header("cross-origin-resource-policy", "cross-origin")
          .header(
            "content-security-policy",
            `default-src 'none'; style-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors ${ancestors}`,
          );
        return sendTagged(request, reply, version, async () => ({
          body: await render(key, {
            slug,
            view: createViewContext(resolveLanguage(request.query.lang)),
            catalogue: published.catalogue,
            baseUrl: baseUrlOf(request),
          }),
          type: HTML,
        }));
      },
    );
  }

  embedRoute(OPEN_DATA_ROUTES.embedProject, async (key, embed) => {
    const entry = findProject(embed.catalogue, key);
    if (entry === null) throw new AppError("ERR_PROJECT_NOT_FOUND");
    return await (
      <ProjectCardEmbed
        view={embed.view}
        catalogue={embed.catalogue}
        entry={entry}
        baseUrl={embed.baseUrl}
      />
    );
  });

  embedRoute(OPEN_DATA_ROUTES.embedActionField, async (key, embed) => {
    const field = embed.catalogue.impactAreas
      .flatMap((area) => area.actionFields)
      .find((each) => each.key === key);
    if (field === undefined) throw new AppError("ERR_NOT_FOUND");
    return await (
      <ActionFieldEmbed
        view={embed.view}
        catalogue={embed.catalogue}
        field={field}
        baseUrl={embed.baseUrl}
      />
    );
  });

  embedRoute(OPEN_DATA_ROUTES.embedFigure, async (key, embed) => {
    const { indicators } = await getPublicIndicators(
      ctx,
      embed.slug,
      germanDayOf(options.now()),
    );
    const figure = indicators.find((each) => each.indicator.key === key);
    if (figure === undefined) throw new AppError("ERR_INDICATOR_NOT_FOUND");
    return await (
      <FigureEmbed
        view={embed.view}
        catalogue={embed.catalogue}
        figure={figure}
        baseUrl={embed.baseUrl}
      />
    );
  });

  app.get(
    OPEN_DATA_ROUTES.embedCode,
    pageRoute("staff", MunicipalityParams, Query),
    async (request, reply) => {
      const { slug } = request.params;
      await requireDataVersion(ctx, slug);
      const view = viewOf(request);
      const settings = await runUseCase(
        ctx,
        request,
        getEmbedSettingsForStaff,
        slug,
      );
      const { catalogue } = await getPublishedCatalogue(ctx, slug);
      const { indicators } = await getPublicIndicators(
        ctx,
        slug,
        germanDayOf(options.now()),
      );
      const html = await (
        <EmbedCodePage
          view={view}
          requestUrl={request.url}
          chrome={editorChrome(
            request,
            view,
            catalogue,
            settings.rights,
            "embeds",
          )}
          catalogue={catalogue}
          figures={indicators}
          origins={settings.embedOrigins}
          baseUrl={baseUrlOf(request)}
        />
      );
      return sendNoStore(reply, 200, html);
    },
  );

  // ── Atom feeds ────────────────────────────────────────────────────────────
  const ProjectFeedParams = municipalityParamsWith({
    projectSlug: Type.String({ maxLength: 100 }),
  });

  async function sendFeed(
    request: FastifyRequest,
    reply: FastifyReply,
    slug: string,
    projectSlug?: string,
  ): Promise<FastifyReply> {
    const version = await requireDataVersion(ctx, slug);
    if (projectSlug !== undefined && !isSlug(projectSlug))
      throw new AppError("ERR_PROJECT_NOT_FOUND");
    return sendTagged(request, reply, version, async () => {
      const feed = await readFeed(ctx, slug, {
        today: germanDayOf(options.now()),
        ...(projectSlug === undefined ? {} : { projectSlug }),
      });
      const baseUrl = baseUrlOf(request);
      return {
        body: writeAtom(
          feed,
          baseUrl,
          `${baseUrl}${request.url.split("?")[0] ?? ""}`,
        ),
        type: "application/atom+xml; charset=utf-8",
      };
    });
  }

  app.get(
    OPEN_DATA_ROUTES.feed,
    pageRoute("public", MunicipalityParams),
    async (request, reply) => sendFeed(request, reply, request.params.slug),
  );

  app.get(
    OPEN_DATA_ROUTES.projectFeed,
    pageRoute("public", ProjectFeedParams),
    async (request, reply) =>
      sendFeed(request, reply, request.params.slug, request.params.projectSlug),
  );

  // ── Settings (administrators) ─────────────────────────────────────────────
  const renderSettings = settingsPage({
    ctx,
    section: "openData",
    load: (request, slug) =>
      getOpenDataSettingsForEditing(ctx, request.principal, slug, {
        ip: request.ip,
      }),
    page: (frame, settings) => (
      <OpenDataSettingsPage {...frame} settings={settings} />
    ),
    noticeOf: (view, request) =>
      rawQueryParam(request, "gespeichert") === "ja"
        ? view.t.openData.settingsSaved
        : syncNotice(view, rawQueryParam(request, "abgeglichen")),
  });

  const SettingsQuery = Type.Object({
    lang: Type.Optional(Type.String({ maxLength: 10 })),
    gespeichert: Type.Optional(Type.String({ maxLength: 20 })),
    abgeglichen: Type.Optional(Type.String({ maxLength: 60 })),
  });

  /** The notice after a sync: "3-4-1-0" is cached, referenced, gone, missing. */
  function syncNotice(view: ViewContext, text: string | null) {
    const counts = /^(\d+)-(\d+)-(\d+)-(\d+)$/.exec(text ?? "");
    if (counts === null) return undefined;
    const [cached, referenced, gone, missing] = counts.slice(1).map(Number);
    return view.t.openData.oparlSynced(
      cached ?? 0,
      referenced ?? 0,
      gone ?? 0,
      missing ?? 0,
    );
  }

  app.get(
    OPEN_DATA_ROUTES.settings,
    pageRoute("admin", MunicipalityParams, SettingsQuery),
    renderSettings.show,
  );

  const SETTINGS_FIELDS: Readonly<Record<string, string>> = {
    "/data/licence": "lizenz",
    "/data/regionalKey": "regionalschluessel",
    "/data/embedOrigins": "einbettung",
  };

  app.post(
    OPEN_DATA_ROUTES.settings,
    formAction({
      policy: "admin",
      params: MunicipalityParams,
      body: OpenDataSettingsBody,
      form: "einstellungen",
      run: async (input, { request, params, view }) => {
        municipalitySlugParam(params.slug);
        await runUseCase(ctx, request, changeOpenDataSettings, {
          municipality: params.slug,
          data: {
            licence: input.lizenz,
            regionalKey: input.regionalschluessel,
            embedOrigins: input.einbettung,
          },
        });
        return view.link(openDataPaths.settings(params.slug), {
          gespeichert: "ja",
        });
      },
      render: renderSettings.again,
      fieldOf: (path) => SETTINGS_FIELDS[path] ?? null,
      idOf: (field) => field,
      labelOf: fieldLabels(({ openData: t }) => ({
        lizenz: t.fieldLicence,
        regionalschluessel: t.fieldRegionalKey,
        einbettung: t.fieldEmbedOriginsSubject,
      })),
    }),
  );

  // "Jetzt abgleichen": the same sync as `fortschritt oparl sync`.
  app.post(
    OPEN_DATA_ROUTES.oparlSync,
    formAction({
      policy: "admin",
      params: MunicipalityParams,
      body: OparlSyncBody,
      form: "oparl",
      run: async (input, { request, params, view }) => {
        municipalitySlugParam(params.slug);
        const result = await syncOparlForAdministrator(
          ctx,
          request.principal,
          { municipality: params.slug, endpoint: input["oparl-adresse"] },
          {},
          { ip: request.ip },
        );
        return view.link(`${openDataPaths.settings(params.slug)}`, {
          abgeglichen: [
            result.cached,
            result.referenced,
            result.gone,
            result.missing,
          ].join("-"),
        });
      },
      // Unreachable or not OParl: the form again with the German message, nothing changed.
      answer: async (
        error,
        { request, reply, params, fields, lists, view },
      ) => {
        if (!isAppError(error, "ERR_OPARL_UNAVAILABLE")) return null;
        const message = error.localisedMessage(view.lang);
        const detail = error.detail === null ? "" : ` (${error.detail})`;
        return renderSettings(
          request,
          reply,
          params.slug,
          error.status,
          undefined,
          {
            form: "oparl",
            values: fields,
            lists,
            errors: { "oparl-adresse": `${message}${detail}` },
            summary: [{ href: "#oparl-adresse", text: `${message}${detail}` }],
            messages: [],
          },
        );
      },
      render: renderSettings.again,
      fieldOf: (path) => (path === "/endpoint" ? "oparl-adresse" : null),
      idOf: (field) => field,
      labelOf: (field, { view }) =>
        field === "oparl-adresse" ? view.t.openData.fieldOparlEndpoint : field,
    }),
  );

  // Errors of this plugin are the portal's HTML error pages, never cached.
  installHtmlErrorHandler(app);
}

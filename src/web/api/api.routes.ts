/**
 * The JSON API (version 1) and its OpenAPI document. Every route declares its schemas,
 * so requests are validated, responses shaped and the document generated from one
 * source. Errors inside this plugin are JSON: `{ "error": { "code", "message" } }`.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { getDataVersion } from "../../app/catalogue/read-catalogue.js";
import {
  getCatalogueForReader,
  projectIn,
} from "../../app/edition/read-editions.js";
import type { AppContext } from "../../app/context.js";
import { publicReader } from "../../app/published-versions.js";
import {
  findProject,
  type Catalogue,
  type ProjectInContext,
} from "../../domain/catalogue/catalogue.js";
import { AppError } from "../../errors.js";
import { entityTag, sendCacheable } from "../http/cache.js";
import { sendJsonError, jsonRoutes } from "../http/errors.js";
import { requirePublishedVersion } from "../http/municipality-version.js";
import { PublicResponseCache } from "../http/page-cache.js";
import { projectEntityTag } from "../http/preconditions.js";
import { APP_VERSION } from "../http/static-assets.js";
import {
  presentCatalogue,
  presentMunicipality,
  presentProjectDetail,
} from "./catalogue.presenter.js";
import {
  ApiQuerySchema,
  CatalogueResponseSchema,
  MunicipalityListSchema,
  MunicipalityParamsSchema,
  ProjectParamsSchema,
  ProjectResponseSchema,
} from "./catalogue.schema.js";
import { READ_ERROR_RESPONSES } from "./error.schema.js";
import { projectTag, projectWriteRoutes } from "./project-write.routes.js";
import { ref } from "./schema-ref.js";
import { publicRead } from "./public-read.js";
import { editionApiRoutes } from "./edition.routes.js";
import { publicRecordApiRoutes } from "./public-records.routes.js";

/** What the API needs from the app. */
export interface ApiOptions {
  readonly ctx: AppContext;
}

const JSON_TYPE = "application/json; charset=utf-8";

/** Registers the API routes under the plugin's prefix (/api). */
export async function apiRoutes(
  instance: FastifyInstance,
  options: ApiOptions,
): Promise<void> {
  const app = jsonRoutes(instance);
  const { ctx } = options;

  // The catalogue is open data: any website may read it from a browser. Nothing here
  // depends on cookies, so allowing every origin exposes nothing private.
  app.addHook("onSend", async (_request, reply, payload) => {
    reply.header("access-control-allow-origin", "*");
    reply.header("access-control-expose-headers", "ETag, Link");
    return payload;
  });

  app.setNotFoundHandler(async (request, reply) =>
    sendJsonError(new AppError("ERR_NOT_FOUND"), request, reply),
  );

  // Serialised answers for anonymous readers, kept ready to send per published version.
  const responses = new PublicResponseCache("API responses", 32 * 1024 * 1024);

  /**
   * Sends an anonymous reader's answer about the published catalogue: kept per published
   * version under `[name, …, part]`, read from a read replica once one has reached it.
   */
  async function sendPublished(
    request: FastifyRequest,
    reply: FastifyReply,
    slug: string,
    [name, part]: readonly [string, string],
    present: (
      catalogue: Catalogue,
      published: number,
    ) => { readonly body: unknown; readonly tag?: string },
  ): Promise<FastifyReply> {
    const published = await requirePublishedVersion(ctx, slug);
    return responses.send(request, reply, {
      version: published,
      key: [name, APP_VERSION, slug, part],
      type: JSON_TYPE,
      render: async () => {
        const reader = await publicReader(ctx, slug, published);
        const { catalogue } = await getCatalogueForReader(
          reader,
          request.principal,
          slug,
        );
        const { body, tag } = present(catalogue, published);
        return {
          status: 200,
          body: reply.serialize(body) as string,
          ...(tag === undefined ? {} : { tag }),
        };
      },
    });
  }

  async function requireDataVersion(slug: string): Promise<number> {
    const version = await getDataVersion(ctx, slug);
    if (version === null) throw new AppError("ERR_MUNICIPALITY_NOT_FOUND");
    return version;
  }

  app.get(
    "/openapi.json",
    { config: { policy: "public" }, schema: { hide: true } },
    async (_request, reply) => reply.type(JSON_TYPE).send(instance.swagger()),
  );

  app.get(
    "/v1/municipalities",
    {
      config: { policy: "public" },
      schema: {
        summary: "Alle Kommunen",
        description:
          "Die Kommunen, die auf dieser Instanz ihr Digitalisierungsprogramm veröffentlichen.",
        tags: ["Katalog"],
        querystring: ApiQuerySchema,
        response: {
          200: ref(MunicipalityListSchema),
          400: READ_ERROR_RESPONSES[400],
          500: READ_ERROR_RESPONSES[500],
        },
      },
    },
    async (request, reply) =>
      responses.send(request, reply, {
        version: await ctx.versions.signature(),
        key: ["api-municipalities", APP_VERSION],
        type: JSON_TYPE,
        render: async () => {
          const municipalities = (await ctx.versions.all()).filter(
            (municipality) => municipality.isActive,
          );
          return {
            status: 200,
            body: reply.serialize({
              municipalities: municipalities.map(presentMunicipality),
            }) as string,
          };
        },
      }),
  );

  app.get(
    "/v1/municipalities/:slug/catalogue",
    publicRead({
      summary: "Der ganze Maßnahmenkatalog einer Kommune",
      description:
        "Programm, Organisationseinheiten, Wirkungsbereiche → Aktionsfelder → Projekte mit Phasen, Einzelmaßnahmen, Zuständigkeiten und Abhängigkeiten.",
      tags: ["Katalog"],
      params: MunicipalityParamsSchema,
      querystring: ApiQuerySchema,
      response: CatalogueResponseSchema,
    }),
    async (request, reply) => {
      const { slug } = request.params;
      // The public reads what is published: kept per published version, a draft edit leaves it.
      if (request.principal.kind === "anonymous")
        return sendPublished(
          request,
          reply,
          slug,
          ["api-catalogue", "published"],
          (catalogue) => ({ body: presentCatalogue(catalogue) }),
        );
      const version = await requireDataVersion(slug);
      // The public reads the latest edition; the municipality's own people the draft they edit.
      const { catalogue, isDraft } = await getCatalogueForReader(
        ctx,
        request.principal,
        slug,
      );
      const tag = entityTag(version, [
        "api-catalogue",
        APP_VERSION,
        slug,
        isDraft ? "draft" : "published",
      ]);
      return sendCacheable(
        request,
        reply,
        tag,
        async () => presentCatalogue(catalogue),
        JSON_TYPE,
      );
    },
  );

  app.get(
    "/v1/municipalities/:slug/projects/:id",
    publicRead({
      summary: "Ein Projekt",
      description:
        "Ein Projekt mit seiner Stellung im Katalog und seinen Abhängigkeiten in beide Richtungen. Der ETag beginnt mit der Version des Projekts; Änderungen senden ihn in If-Match zurück.",
      tags: ["Katalog"],
      params: ProjectParamsSchema,
      querystring: ApiQuerySchema,
      response: ProjectResponseSchema,
    }),
    async (request, reply) => {
      const { slug, id } = request.params;
      if (request.principal.kind === "anonymous")
        return sendPublished(
          request,
          reply,
          slug,
          ["api-project", id],
          (catalogue, published) => {
            const { entry, dependents } = projectIn(catalogue, id);
            const prerequisites = entry.project.dependsOn
              .map((dependency) => findProject(catalogue, dependency))
              .filter((found): found is ProjectInContext => found !== null);
            // The project's version leads the tag (If-Match reads it); the rest is the published version.
            const tag = projectEntityTag(entry.project.version, [
              "api-project",
              APP_VERSION,
              published,
              slug,
              id,
            ]);
            return {
              body: presentProjectDetail(
                catalogue,
                entry,
                prerequisites,
                dependents,
              ),
              tag,
            };
          },
        );
      // The public reads the latest edition; the municipality's own people the draft that
      // changes through this API apply to (its ETag is what If-Match needs).
      const { catalogue } = await getCatalogueForReader(
        ctx,
        request.principal,
        slug,
      );
      const { entry, dependents } = projectIn(catalogue, id);
      const tag = projectTag(catalogue, entry);
      return sendCacheable(
        request,
        reply,
        tag,
        async () => {
          const prerequisites = entry.project.dependsOn
            .map((dependency) => findProject(catalogue, dependency))
            .filter((found): found is ProjectInContext => found !== null);
          return presentProjectDetail(
            catalogue,
            entry,
            prerequisites,
            dependents,
          );
        },
        JSON_TYPE,
      );
    },
  );

  await projectWriteRoutes(instance, { ctx });
  await editionApiRoutes(instance, { ctx });
  await publicRecordApiRoutes(instance, { ctx });
}

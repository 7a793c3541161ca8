/**
 * Editions in the API: the list, one edition with its whole catalogue as published, and
 * the change report between two editions with the reasons for every shift. Public, like
 * the portal; editions never change, so the ETag only moves when a new one is published.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import { compareEditions } from "../../app/edition/change-report.js";
import { getEdition, listEditions } from "../../app/edition/read-editions.js";
import type { AppContext } from "../../app/context.js";
import { requirePublishedVersion } from "../http/municipality-version.js";
import { entityTag, sendCacheable } from "../http/cache.js";
import { APP_VERSION } from "../http/static-assets.js";
import {
  ApiQuerySchema,
  MunicipalityParamsSchema,
} from "./catalogue.schema.js";
import {
  presentChangeReport,
  presentEditionDetail,
  presentEditionSummary,
} from "./edition.presenter.js";
import {
  EditionChangesQuerySchema,
  EditionChangesSchema,
  EditionDetailSchema,
  EditionListSchema,
  EditionParamsSchema,
} from "./edition.schema.js";
import { publicRead } from "./public-read.js";

const JSON_TYPE = "application/json; charset=utf-8";
const TAGS = ["Fortschreibungen"];

/** Registers the edition routes on the API plugin (prefix /api). */
export async function editionApiRoutes(
  instance: FastifyInstance,
  options: { readonly ctx: AppContext },
): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  const { ctx } = options;

  /**
   * Sends a JSON body about the municipality's editions with its tag, or 304. Editions are
   * published data: their tags follow the published version (from memory), so an edit of
   * the draft leaves them alone.
   */
  async function sendEditions(
    request: FastifyRequest,
    reply: FastifyReply,
    slug: string,
    parts: readonly (string | number)[],
    build: () => Promise<unknown>,
  ): Promise<FastifyReply> {
    const tag = entityTag(await requirePublishedVersion(ctx, slug), [
      "api-editions",
      APP_VERSION,
      slug,
      ...parts,
    ]);
    return sendCacheable(request, reply, tag, build, JSON_TYPE);
  }

  app.get(
    "/v1/municipalities/:slug/editions",
    publicRead({
      summary: "Alle Fortschreibungen einer Kommune",
      description:
        "Die veröffentlichten Fassungen des Maßnahmenkatalogs, die älteste zuerst. Die letzte zeigt das Portal.",
      tags: TAGS,
      params: MunicipalityParamsSchema,
      querystring: ApiQuerySchema,
      response: EditionListSchema,
    }),
    async (request, reply) => {
      const { slug } = request.params;
      return sendEditions(request, reply, slug, ["list"], async () => {
        const { municipality, editions } = await listEditions(ctx, slug);
        return {
          municipality: { slug, name: municipality.name },
          editions: editions.map((edition) =>
            presentEditionSummary(slug, edition),
          ),
        };
      });
    },
  );

  app.get(
    "/v1/municipalities/:slug/editions/:number",
    publicRead({
      summary: "Eine Fortschreibung mit dem ganzen Katalog",
      description:
        "Die Fortschreibung, wie sie veröffentlicht wurde: Angaben, Vorwort, Gründe der Verschiebungen und der ganze Katalog.",
      tags: TAGS,
      params: EditionParamsSchema,
      querystring: ApiQuerySchema,
      response: EditionDetailSchema,
    }),
    async (request, reply) => {
      const { slug, number } = request.params;
      return sendEditions(request, reply, slug, ["edition", number], async () =>
        presentEditionDetail(
          slug,
          (await getEdition(ctx, slug, number)).edition,
        ),
      );
    },
  );

  app.get(
    "/v1/municipalities/:slug/editions/:number/changes",
    publicRead({
      summary: "Veränderungen einer Fortschreibung",
      description:
        "Was sich gegenüber einer früheren Fortschreibung (since, Standard: die vorige) verändert hat: verschobene Zeiträume (mit Genauigkeit: „2023“ → „2024-Q2“), neue, gestrichene, umbenannte und verschobene Projekte und Maßnahmen, früher oder später abgeschlossene Projekte, Status, Zuständigkeiten, Prioritäten und Abhängigkeiten; je Verschiebung der Grund, Zählungen je Aktionsfeld und je Grund.",
      tags: TAGS,
      params: EditionParamsSchema,
      querystring: EditionChangesQuerySchema,
      response: EditionChangesSchema,
    }),
    async (request, reply) => {
      const { slug, number } = request.params;
      const since = request.query.since;
      return sendEditions(
        request,
        reply,
        slug,
        ["changes", number, since ?? "previous"],
        async () =>
          presentChangeReport(await compareEditions(ctx, slug, number, since)),
      );
    },
  );
}

/**
 * The published ideas, feedback and barrier reports in the API (ADR 0023): status,
 * history, decision and links — never an address, an IP or who submitted. Not cached by
 * ETag: decisions change without a new edition.
 */
import { Type } from "@sinclair/typebox";
import type { FastifyInstance } from "fastify";
import type { AppContext } from "../../app/context.js";
import { listPublicItems } from "../../app/participation/participation.js";
import {
  ITEM_KINDS,
  ITEM_STATUSES,
  type PublicItem,
} from "../../domain/participation/participation.js";
import { AppError } from "../../errors.js";
import { MunicipalityParamsSchema } from "../api/catalogue.schema.js";
import { READ_ERROR_RESPONSES } from "../api/error.schema.js";
import { jsonRoutes } from "../http/errors.js";

const JSON_TYPE = "application/json; charset=utf-8";

const Nullable = <T extends ReturnType<typeof Type.String>>(schema: T) =>
  Type.Union([schema, Type.Null()]);

const KindSchema = Type.Union(ITEM_KINDS.map((kind) => Type.Literal(kind)));
const StatusSchema = Type.Union(
  ITEM_STATUSES.map((status) => Type.Literal(status)),
);

/** One published item, without personal data. */
export const PublicItemSchema = Type.Object({
  id: Type.Integer(),
  kind: KindSchema,
  title: Nullable(Type.String({ description: "Leer, wenn zurückgezogen" })),
  text: Nullable(Type.String({ description: "Leer, wenn zurückgezogen" })),
  project: Nullable(
    Type.String({
      description: "Kurzname des Projekts, das der Beitrag betrifft",
    }),
  ),
  status: StatusSchema,
  reason: Nullable(Type.String({ description: "Begründung der Entscheidung" })),
  mergedInto: Type.Union([Type.Integer(), Type.Null()]),
  takenUpIn: Type.Object({
    project: Nullable(Type.String()),
    measureId: Type.Union([Type.Integer(), Type.Null()]),
    measure: Nullable(Type.String()),
    edition: Type.Union([Type.Integer(), Type.Null()]),
  }),
  receivedAt: Type.String({ format: "date-time" }),
  statusChangedAt: Type.String({ format: "date-time" }),
  history: Type.Array(
    Type.Object({
      status: StatusSchema,
      reason: Nullable(Type.String()),
      at: Type.String({ format: "date-time" }),
    }),
  ),
});

const ItemListSchema = Type.Object({
  municipality: Type.Object({ slug: Type.String(), name: Type.String() }),
  items: Type.Array(PublicItemSchema),
});

const ItemQuerySchema = Type.Object({
  kind: Type.Optional(KindSchema),
  status: Type.Optional(StatusSchema),
  project: Type.Optional(Type.String({ maxLength: 200 })),
  lang: Type.Optional(Type.String({ maxLength: 10 })),
});

/** The API's form of a published item. */
export function presentItem(item: PublicItem) {
  return {
    id: item.id,
    kind: item.kind,
    title: item.title,
    text: item.body,
    project: item.projectSlug,
    status: item.status,
    reason: item.decisionNote,
    mergedInto: item.mergedIntoId,
    takenUpIn: {
      project: item.link.projectSlug,
      measureId: item.link.measureId,
      measure: item.link.measureTitle,
      edition: item.link.editionNumber,
    },
    receivedAt: item.createdAt,
    statusChangedAt: item.statusChangedAt,
    history: item.history.map((step) => ({
      status: step.status,
      reason: step.note,
      at: step.at,
    })),
  };
}

/** Registers the routes (prefix /api). */
export async function participationApiRoutes(
  instance: FastifyInstance,
  options: { readonly ctx: AppContext },
): Promise<void> {
  const app = jsonRoutes(instance);
  const { ctx } = options;
  app.addHook("onSend", async (_request, reply, payload) => {
    reply.header("access-control-allow-origin", "*");
    return payload;
  });

  app.get(
    "/v1/municipalities/:slug/ideas",
    {
      config: { policy: "public" },
      schema: {
        summary: "Ideen, Rückmeldungen und Barriere-Meldungen",
        description:
          "Die veröffentlichten Beiträge einer Kommune mit Status, Verlauf, Begründung der Entscheidung und wo sie übernommen wurden. Ohne personenbezogene Daten.",
        tags: ["Beteiligung"],
        params: MunicipalityParamsSchema,
        querystring: ItemQuerySchema,
        response: { 200: ItemListSchema, ...READ_ERROR_RESPONSES },
      },
    },
    async (request, reply) => {
      const { slug } = request.params;
      if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(slug))
        throw new AppError("ERR_MUNICIPALITY_NOT_FOUND");
      const { municipality, items } = await listPublicItems(ctx, slug, {
        kind: request.query.kind,
        status: request.query.status,
        projectSlug: request.query.project,
      });
      return reply
        .header("cache-control", "public, max-age=60")
        .type(JSON_TYPE)
        .send({
          municipality: { slug: municipality.slug, name: municipality.name },
          items: items.map(presentItem),
        });
    },
  );
}

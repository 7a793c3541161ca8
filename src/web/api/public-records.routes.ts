/**
 * The rest of the public record in the API: bodies and meetings, published status reports,
 * key figures with all dated values, the OZG register as it stood on a day and its figures
 * — and, for staff, the draft compared with an edition. Public reads carry ETags from the
 * municipality's data version (plus the German date where "today" matters) and are open to
 * every origin (CORS, set by the API plugin); lists that grow are paged with Link headers.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import { getDataVersion } from "../../app/catalogue/read-catalogue.js";
import type { AppContext } from "../../app/context.js";
import {
  compareDraftWith,
  getDraftRevision,
} from "../../app/edition/revise-draft.js";
import { getPublicIndicators } from "../../app/indicators/read-indicators.js";
import {
  getPublicBodies,
  getPublicRegister,
  parseStand,
} from "../../app/open-data/public-records.js";
import {
  getPublishedReport,
  listPublishedReports,
} from "../../app/reports/read-reports.js";
import { formatIsoDate } from "../../domain/calendar/calendar.js";
import { AppError } from "../../errors.js";
import { entityTag, matchesIfNoneMatch, sendCacheable } from "../http/cache.js";
import {
  germanDayOf,
  germanIsoDateOf,
} from "../../domain/calendar/calendar.js";
import { APP_VERSION } from "../http/static-assets.js";
import {
  ApiQuerySchema,
  MunicipalityParamsSchema,
} from "./catalogue.schema.js";
import { presentChangeReportBody } from "./edition.presenter.js";
import { DraftChangesSchema } from "./edition.schema.js";
import { STAFF_ERROR_RESPONSES } from "./error.schema.js";
import { paginate } from "./pagination.js";
import {
  presentBodyDetail,
  presentIndicator,
  presentMeeting,
  presentOzgFigures,
  presentReportDetail,
  presentReportSummary,
  presentService,
} from "./public-records.presenter.js";
import {
  BodyListSchema,
  DraftChangesQuerySchema,
  IndicatorListSchema,
  IndicatorParamsSchema,
  IndicatorSchema,
  MeetingListSchema,
  OzgFiguresSchema,
  PageQuerySchema,
  RegisterFiguresQuerySchema,
  RegisterQuerySchema,
  RegisterSchema,
  ReportDetailSchema,
  ReportListSchema,
  ReportParamsSchema,
} from "./public-records.schema.js";
import { publicRead } from "./public-read.js";
import { ref } from "./schema-ref.js";

const JSON_TYPE = "application/json; charset=utf-8";

/** Registers the routes on the API plugin (prefix /api). */
export async function publicRecordApiRoutes(
  instance: FastifyInstance,
  options: { readonly ctx: AppContext },
): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  const { ctx } = options;

  /** The tag of a public response: the data version, the URL with its query, and today. */
  async function tagFor(
    request: FastifyRequest,
    slug: string,
  ): Promise<string> {
    const version = await getDataVersion(ctx, slug);
    if (version === null) throw new AppError("ERR_MUNICIPALITY_NOT_FOUND");
    return entityTag(version, [
      "api-records",
      APP_VERSION,
      request.url,
      germanIsoDateOf(ctx.clock()),
    ]);
  }

  const today = (): number => germanDayOf(ctx.clock());

  /** The day a register read asks for (stand=JJJJ-MM-TT), today by default. */
  const standOf = (stand: string | undefined): number =>
    stand === undefined ? today() : parseStand(stand);

  /** Sends a public JSON body with the municipality's tag, or 304. */
  const sendRecord = async (
    request: FastifyRequest,
    reply: FastifyReply,
    slug: string,
    build: () => Promise<unknown>,
  ): Promise<FastifyReply> =>
    sendCacheable(
      request,
      reply,
      await tagFor(request, slug),
      build,
      JSON_TYPE,
    );

  app.get(
    "/v1/municipalities/:slug/bodies",
    publicRead({
      summary: "Gremien einer Kommune",
      description:
        "Die Gremien (Ausschüsse, Beiräte, Arbeitskreise, Lenkungsgruppen), denen die Kommune über ihr Digitalisierungsprogramm berichtet, mit den Mitgliedern, deren Namen öffentlich sein dürfen.",
      tags: ["Gremien"],
      params: MunicipalityParamsSchema,
      querystring: ApiQuerySchema,
      response: BodyListSchema,
    }),
    async (request, reply) => {
      const { slug } = request.params;
      return sendRecord(request, reply, slug, async () => {
        const { municipality, committees, members } = await getPublicBodies(
          ctx,
          slug,
        );
        return {
          municipality: { slug, name: municipality.name },
          bodies: committees.map((body) => presentBodyDetail(body, members)),
        };
      });
    },
  );

  app.get(
    "/v1/municipalities/:slug/meetings",
    publicRead({
      summary: "Sitzungen der Gremien",
      description:
        "Die Sitzungen, die früheste zuerst, mit OParl-Verweisen und den veröffentlichten Berichten. Seitenweise (Link-Header).",
      tags: ["Gremien"],
      params: MunicipalityParamsSchema,
      querystring: PageQuerySchema,
      response: MeetingListSchema,
    }),
    async (request, reply) => {
      const { slug } = request.params;
      return sendRecord(request, reply, slug, async () => {
        const { meetings } = await getPublicBodies(ctx, slug);
        const { items, page } = paginate(
          request,
          reply,
          meetings,
          request.query,
        );
        return {
          meetings: items.map((meeting) => presentMeeting(slug, meeting)),
          page,
        };
      });
    },
  );

  app.get(
    "/v1/municipalities/:slug/reports",
    publicRead({
      summary: "Veröffentlichte Sachstandsberichte",
      description:
        "Die veröffentlichten Berichte, der neueste zuerst. Entwürfe erscheinen nie. Seitenweise (Link-Header).",
      tags: ["Berichte"],
      params: MunicipalityParamsSchema,
      querystring: PageQuerySchema,
      response: ReportListSchema,
    }),
    async (request, reply) => {
      const { slug } = request.params;
      return sendRecord(request, reply, slug, async () => {
        const { catalogue, reports } = await listPublishedReports(ctx, slug);
        const newestFirst = [...reports].sort(
          (a, b) => b.asOf - a.asOf || b.id - a.id,
        );
        const { items, page } = paginate(
          request,
          reply,
          newestFirst,
          request.query,
        );
        return {
          municipality: { slug, name: catalogue.municipality.name },
          reports: items.map((report) => presentReportSummary(slug, report)),
          page,
        };
      });
    },
  );

  app.get(
    "/v1/municipalities/:slug/reports/:report",
    publicRead({
      summary: "Ein veröffentlichter Sachstandsbericht",
      description:
        "Der Bericht, wie er dem Gremium vorlag: Abschnitte je Aktionsfeld mit Status, Text, Höhepunkten, neuen Terminen und den berechneten Veränderungen je Projekt, Kennzahlen mit ihrem Stand und ihrer Veränderung, OZG-Zahlen und Ausblick. Adressiert über die Id oder das Datum der Sitzung.",
      tags: ["Berichte"],
      params: ReportParamsSchema,
      querystring: ApiQuerySchema,
      response: ReportDetailSchema,
    }),
    async (request, reply) => {
      const { slug, report } = request.params;
      return sendRecord(request, reply, slug, async () => {
        const { summary, document } = await getPublishedReport(
          ctx,
          slug,
          report,
        );
        return presentReportDetail(slug, summary, document);
      });
    },
  );

  app.get(
    "/v1/municipalities/:slug/indicators",
    publicRead({
      summary: "Kennzahlen mit allen Werten",
      description:
        "Jede Kennzahl mit Definition, Quelle, Verantwortung und allen datierten Werten bis heute. Seitenweise (Link-Header).",
      tags: ["Kennzahlen"],
      params: MunicipalityParamsSchema,
      querystring: PageQuerySchema,
      response: IndicatorListSchema,
    }),
    async (request, reply) => {
      const { slug } = request.params;
      return sendRecord(request, reply, slug, async () => {
        const { catalogue, indicators } = await getPublicIndicators(
          ctx,
          slug,
          today(),
        );
        const { items, page } = paginate(
          request,
          reply,
          indicators,
          request.query,
        );
        return {
          municipality: { slug, name: catalogue.municipality.name },
          indicators: items.map(presentIndicator),
          page,
        };
      });
    },
  );

  app.get(
    "/v1/municipalities/:slug/indicators/:key",
    publicRead({
      summary: "Eine Kennzahl",
      description: "Definition und alle datierten Werte bis heute.",
      tags: ["Kennzahlen"],
      params: IndicatorParamsSchema,
      querystring: ApiQuerySchema,
      response: IndicatorSchema,
    }),
    async (request, reply) => {
      const { slug, key } = request.params;
      return sendRecord(request, reply, slug, async () => {
        const { indicators } = await getPublicIndicators(ctx, slug, today());
        const found = indicators.find((each) => each.indicator.key === key);
        if (found === undefined) throw new AppError("ERR_INDICATOR_NOT_FOUND");
        return presentIndicator(found);
      });
    },
  );

  app.get(
    "/v1/municipalities/:slug/ozg/services",
    publicRead({
      summary: "OZG-Leistungsregister zu einem Stand",
      description:
        "Die am Stand (stand=JJJJ-MM-TT, Standard heute) gültigen Einträge, einer je Leistung, in der Reihenfolge des Registers. Seitenweise (Link-Header).",
      tags: ["OZG"],
      params: MunicipalityParamsSchema,
      querystring: RegisterQuerySchema,
      response: RegisterSchema,
    }),
    async (request, reply) => {
      const { slug } = request.params;
      const day = standOf(request.query.stand);
      return sendRecord(request, reply, slug, async () => {
        const register = await getPublicRegister(ctx, slug, day);
        const { items, page } = paginate(
          request,
          reply,
          register.services,
          request.query,
        );
        return {
          municipality: { slug, name: register.municipality.name },
          stand: formatIsoDate(day),
          services: items.map(presentService),
          page,
        };
      });
    },
  );

  app.get(
    "/v1/municipalities/:slug/ozg/figures",
    publicRead({
      summary: "OZG-Kennzahlen zu einem Stand",
      description:
        "Definierte und umgesetzte Leistungen, Zugänge, E-Payment, eID, Online-Anträge, Status und Reifegrade am Stand (stand=JJJJ-MM-TT, Standard heute).",
      tags: ["OZG"],
      params: MunicipalityParamsSchema,
      querystring: RegisterFiguresQuerySchema,
      response: OzgFiguresSchema,
    }),
    async (request, reply) => {
      const { slug } = request.params;
      const day = standOf(request.query.stand);
      return sendRecord(request, reply, slug, async () =>
        presentOzgFigures((await getPublicRegister(ctx, slug, day)).figures),
      );
    },
  );

  app.get(
    "/v1/municipalities/:slug/draft/changes",
    {
      config: { policy: "staff" },
      schema: {
        summary: "Arbeitsstand gegenüber einer Fortschreibung",
        description:
          "Für Administration und Redaktion der Kommune (Sitzung oder API-Token): was sich im Arbeitsstand gegenüber der letzten (oder der mit since genannten) Fortschreibung verändert hat, mit den Gründen. Nie öffentlich zwischengespeichert.",
        tags: ["Fortschreibungen"],
        security: [{ bearerAuth: [] }],
        params: MunicipalityParamsSchema,
        querystring: DraftChangesQuerySchema,
        response: {
          200: ref(DraftChangesSchema),
          ...STAFF_ERROR_RESPONSES,
        },
      },
    },
    async (request, reply) => {
      const { slug } = request.params;
      const origin = { ip: request.ip };
      const since = request.query.since;
      let report;
      if (since === undefined) {
        const revision = await getDraftRevision(
          ctx,
          request.principal,
          slug,
          origin,
        );
        if (revision.report === null)
          throw new AppError("ERR_EDITION_NOT_FOUND", {
            detail: "Es gibt noch keine veröffentlichte Fortschreibung.",
          });
        report = revision.report;
      } else {
        report = await compareDraftWith(
          ctx,
          request.principal,
          slug,
          since,
          origin,
        );
      }
      const body = {
        ...presentChangeReportBody(report),
        draft: { stand: germanIsoDateOf(ctx.clock()) },
      };
      return sendPrivate(
        request,
        reply,
        entityTag(report.municipality.dataVersion, [
          "api-draft",
          APP_VERSION,
          request.url,
          germanIsoDateOf(ctx.clock()),
        ]),
        body,
      );
    },
  );
}

/** A staff response: validated by ETag, never kept by shared caches. */
function sendPrivate(
  request: FastifyRequest,
  reply: FastifyReply,
  tag: string,
  body: unknown,
): FastifyReply {
  reply.header("etag", tag).header("cache-control", "private, no-cache");
  if (matchesIfNoneMatch(request.headers["if-none-match"], tag))
    return reply.code(304).send();
  return reply.type(JSON_TYPE).send(body);
}

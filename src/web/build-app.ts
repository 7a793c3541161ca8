/**
 * The application factory: builds a Fastify instance with security headers, static
 * assets, the OpenAPI generator, the portal, the API and the health check. It never
 * listens — `fortschritt serve` does, and tests use inject() (Fastify's Testing guide).
 *
 * Each part is an encapsulated plugin with its own error handling: the API answers in
 * JSON, the portal in HTML. The root handlers below catch what falls between them (unknown
 * URLs, static files) and choose the format by path.
 */
import fastifyHelmet from "@fastify/helmet";
import fastifyStatic from "@fastify/static";
import fastifySwagger from "@fastify/swagger";
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from "fastify";
import type { AppContext } from "../app/context.js";
import { AppError } from "../errors.js";
import { apiRoutes } from "./api/api.routes.js";
import { healthRoutes } from "./api/health.routes.js";
import { SHARED_SCHEMAS } from "./api/shared-schemas.js";
import { isJsonPath, sendJsonError } from "./http/errors.js";
import { installRoutePolicies } from "./http/route-policy.js";
import { APP_VERSION, assetDirectory } from "./http/static-assets.js";
import { portalRoutes, sendHtmlError } from "./portal/portal.routes.js";

/** Options of the app factory. */
export interface BuildAppOptions {
  /** Log requests and errors (pino); off by default so tests stay quiet. */
  readonly logger?: boolean;
  /** The clock, for the timeline's today line; defaults to the context's clock. */
  readonly now?: () => Date;
}

/** Builds the web application; the caller listens or injects. */
export async function buildApp(ctx: AppContext, options: BuildAppOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
  });
  const now = options.now ?? ctx.clock;
  // Before anything registers a route: every route must declare who may call it.
  installRoutePolicies(app);

  await app.register(fastifyHelmet, {
    // No inline script or style anywhere: every page uses /assets/app.css and app.js only.
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        imgSrc: ["'self'"],
        objectSrc: ["'none'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
      },
    },
    hsts: { maxAge: 31_536_000, includeSubDomains: true },
    referrerPolicy: { policy: "strict-origin-when-cross-origin" },
    frameguard: { action: "deny" },
  });

  await app.register(fastifyStatic, {
    root: assetDirectory(),
    prefix: "/assets/",
    index: false,
    list: false,
    // Asset URLs carry the app version (?v=…), so browsers may keep them for a day.
    maxAge: "1d",
  });

  // Shared schemas first: the routes and the OpenAPI document refer to them by $id.
  for (const schema of SHARED_SCHEMAS) app.addSchema(schema);

  await app.register(fastifySwagger, {
    openapi: {
      openapi: "3.1.0",
      info: {
        title: "Fortschritt API",
        version: APP_VERSION,
        description:
          "Öffentliche Daten der Digitalisierungsprogramme (Maßnahmenkataloge). Fehler haben die Form " +
          '{ "error": { "code", "message" } } mit stabilen Codes (docs/errors.md). Antworten tragen ETag und ' +
          "Cache-Control; If-None-Match ergibt 304.",
        license: { name: "EUPL-1.2", identifier: "EUPL-1.2" },
      },
      tags: [
        { name: "Katalog", description: "Kommunen und ihre Maßnahmenkataloge" },
        { name: "Betrieb", description: "Zustand des Dienstes" },
      ],
    },
    // Name components after their $id instead of def-0, def-1 …
    refResolver: { buildLocalReference: (json, _baseUri, _fragment, i) => (typeof json.$id === "string" ? json.$id : `def-${i}`) },
  });

  app.setErrorHandler(async (error, request, reply) => sendError(error, request, reply));
  app.setNotFoundHandler(async (request, reply) => sendError(new AppError("ERR_NOT_FOUND"), request, reply));

  await app.register(apiRoutes, { prefix: "/api", ctx });
  await app.register(healthRoutes, { ctx });
  await app.register(portalRoutes, { ctx, now });

  return app;
}

function sendError(error: unknown, request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> | FastifyReply {
  return isJsonPath(request.url) ? sendJsonError(error, request, reply) : sendHtmlError(error, request, reply);
}

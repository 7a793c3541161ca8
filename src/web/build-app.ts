/**
 * The application factory: builds a Fastify instance with security headers, static
 * assets, the OpenAPI generator, the portal, the API and the health check. It never
 * listens — `fortschritt serve` does, and tests use inject() (Fastify's Testing guide).
 *
 * Each part is an encapsulated plugin with its own error handling: the API answers in
 * JSON, the portal in HTML. The root handlers below catch what falls between them (unknown
 * URLs, static files) and choose the format by path.
 */
import type { LogLevel } from "../config.js";
import fastifyFormbody from "@fastify/formbody";
import fastifyHelmet from "@fastify/helmet";
import fastifyStatic from "@fastify/static";
import fastifySwagger from "@fastify/swagger";
import Fastify, { type FastifyInstance, type RouteOptions } from "fastify";
import type { AppContext } from "../app/context.js";
import type { SsoConfig } from "../config.js";
import type { MailDelivery } from "../app/auth/passwords.js";
import { AppError } from "../errors.js";
import { apiRoutes } from "./api/api.routes.js";
import { healthRoutes } from "./api/health.routes.js";
import { SHARED_SCHEMAS } from "./api/shared-schemas.js";
import { lazySchemaController } from "./http/lazy-schemas.js";
import { sendError } from "./http/error-pages.js";
import { installRoutePolicies } from "./http/route-policy.js";
import { installInputGuard } from "./http/input-guard.js";
import {
  FastLane,
  fastLaneServerFactory,
  installFastLane,
} from "./http/fast-lane.js";
import { REDACTING_SERIALIZERS } from "./http/log-redaction.js";
import { APP_VERSION, assetDirectory } from "./http/static-assets.js";
import { portalRoutes } from "./portal/portal.routes.js";
import { identityRoutes } from "./identity/identity.routes.js";
import { operationsRoutes } from "./operations/operations.routes.js";
import { sessionPlugin } from "./plugins/session.js";
import { auditApiRoutes } from "./api/audit.routes.js";
import { editorRoutes } from "./editor/editor.routes.js";
import { sheetsRoutes } from "./catalogue-sheets/sheets.routes.js";
import { createPdfRenderer } from "../exports/pdf/render-pdf.js";
import { reportingRoutes } from "./reports/reporting.routes.js";
import { editionRoutes } from "./edition/edition.routes.js";
import { createDocumentMaker } from "./documents/document-maker.js";
import type { DocumentMaker } from "../app/documents/published-documents.js";
import { StoredDocuments } from "./documents/stored-documents.js";
import { openDataRoutes } from "./open-data/open-data.routes.js";
import { subscriptionRoutes } from "./open-data/subscription.routes.js";
import { accessibilityRoutes } from "./accessibility/accessibility.routes.js";
import { participationRoutes } from "./participation/participation.routes.js";
import { participationApiRoutes } from "./participation/participation-api.routes.js";

declare module "fastify" {
  interface FastifyInstance {
    /** The fast lane in front of the router, when the app has one (tests read its counts). */
    fastLane?: FastLane;
  }
}

/** Options of the app factory. */
export interface BuildAppOptions {
  /**
   * Log requests and errors (pino) at the given level (LOG_LEVEL; "silent" logs nothing),
   * optionally into a stream of one's own; `true` is the level "info". Off by default so tests stay quiet.
   */
  readonly logger?:
    | boolean
    | {
        readonly level: LogLevel;
        readonly stream?: { write(line: string): void };
      };
  /** The clock, for the timeline's today line; defaults to the context's clock. */
  readonly now?: () => Date;
  /** Mail for password reset links and invitations; without it, the reset page points to the administrators. */
  readonly mail?: MailDelivery | null;
  /** Always mark cookies Secure with the __Host- prefix (PUBLIC_BASE_URL is https); otherwise only on HTTPS requests. */
  readonly secureCookies?: boolean;
  /** Trust X-Forwarded-For/-Proto from a reverse proxy in front (TRUST_PROXY). */
  readonly trustProxy?: boolean;
  /** Single sign-on with OpenID Connect (OIDC_*); without it the login page offers only the password. */
  readonly sso?: SsoConfig | null;
  /** Told of every route as it is registered (the route × role matrix test reads the route table this way). */
  readonly onRoute?: (route: RouteOptions) => void;
  /** The Chromium binary for PDFs and document pictures (CHROMIUM_PATH); Debian's headless shell or browser by default. */
  readonly chromiumPath?: string;
  /**
   * Answer repeated anonymous reads of public pages before the router (http/fast-lane.ts)
   * when the app listens; on by default. inject() always takes the normal path.
   */
  readonly fastLane?: boolean;
  /**
   * Wraps the maker of stored documents: a test holds a build to see the page
   * "Dokument wird erstellt …". None by default.
   */
  readonly wrapDocumentMaker?: (maker: DocumentMaker) => DocumentMaker;
}

/** Builds the web application; the caller listens or injects. */
export async function buildApp(
  ctx: AppContext,
  options: BuildAppOptions = {},
): Promise<FastifyInstance> {
  const now = options.now ?? ctx.clock;
  const lane =
    options.fastLane === false
      ? null
      : new FastLane({
          generation: () => ctx.versions.generation,
          now,
          trustProxy: options.trustProxy ?? false,
        });
  const app = Fastify({
    ...(lane === null ? {} : { serverFactory: fastLaneServerFactory(lane) }),
    // Request lines are logged with secrets (reset tokens, SSO codes) removed from the URL.
    logger:
      options.logger === undefined || options.logger === false
        ? false
        : {
            level: options.logger === true ? "info" : options.logger.level,
            ...(options.logger === true || options.logger.stream === undefined
              ? {}
              : { stream: options.logger.stream }),
            serializers: REDACTING_SERIALIZERS,
          },
    trustProxy: options.trustProxy ?? false,
    // Each route's validator and serialiser are compiled on its first request: a fast start.
    schemaController: lazySchemaController(),
  });
  if (lane !== null) {
    installFastLane(app, lane);
    app.decorate("fastLane", lane);
  }
  // One browser for every PDF and document picture of this app, started on first use and
  // closed with the app (src/exports/pdf/render-pdf.ts). Routes that print receive it.
  const pdf = createPdfRenderer(
    options.chromiumPath === undefined
      ? {}
      : { chromiumPath: options.chromiumPath },
  );
  // Documents of published editions and reports: stored, built outside the request (ADR 0046).
  const maker = createDocumentMaker(ctx, pdf);
  const documents = new StoredDocuments(
    ctx,
    options.wrapDocumentMaker?.(maker) ?? maker,
    {
      onError: (error) =>
        app.log.error({ err: error }, "a document could not be built"),
    },
  );
  documents.start();
  app.addHook("onClose", async () => {
    await documents.close();
    await pdf.close();
  });
  // Before anything registers a route: every route must declare who may call it.
  installRoutePolicies(app);
  // Every request's input must be storable (no NUL, finite numbers) before any route reads it.
  installInputGuard(app);
  if (options.onRoute !== undefined) app.addHook("onRoute", options.onRoute);

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

  // After helmet, so that a refused bearer token still gets the security headers; it
  // resolves the session or token into request.principal and checks CSRF tokens.
  await app.register(fastifyFormbody);
  await app.register(sessionPlugin, {
    ctx,
    secureCookies: options.secureCookies ?? false,
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
          "Cache-Control; If-None-Match ergibt 304. Änderungen (Bereich Bearbeitung) brauchen ein persönliches " +
          "API-Token (Authorization: Bearer) und If-Match mit dem ETag des Projekts.",
        license: { name: "EUPL-1.2", identifier: "EUPL-1.2" },
      },
      tags: [
        { name: "Katalog", description: "Kommunen und ihre Maßnahmenkataloge" },
        {
          name: "Bearbeitung",
          description:
            "Projekte und ihre Teile anlegen, ändern, löschen – mit persönlichem API-Token und den Rechten seiner Inhaberin. " +
            "Änderungen brauchen If-Match mit dem ETag des Projekts (fehlt er: 428, ist er veraltet: 412).",
        },
        {
          name: "Protokoll",
          description:
            "Wer hat wann was geändert und warum – für Administration und Redaktion",
        },
        {
          name: "Fortschreibungen",
          description:
            "Veröffentlichte Fassungen des Katalogs und ihre Veränderungen mit Gründen",
        },
        {
          name: "Gremien",
          description: "Ausschüsse und ihre Sitzungen, mit OParl-Verweisen",
        },
        {
          name: "Berichte",
          description:
            "Veröffentlichte Sachstandsberichte mit Einträgen, Kennzahlen und berechneten Veränderungen",
        },
        {
          name: "Kennzahlen",
          description: "Kennzahlen mit Definition und allen datierten Werten",
        },
        {
          name: "OZG",
          description:
            "Das OZG-Leistungsregister zu einem Stand und seine Kennzahlen",
        },
        {
          name: "Beteiligung",
          description:
            "Veröffentlichte Ideen, Rückmeldungen und Barriere-Meldungen mit Status, Verlauf und Entscheidung – ohne personenbezogene Daten",
        },
        { name: "Betrieb", description: "Zustand des Dienstes" },
      ],
      components: {
        securitySchemes: {
          bearerAuth: {
            type: "http",
            scheme: "bearer",
            description:
              "Persönliches API-Token (fst_…), erzeugt mit `fortschritt token create` oder im Konto; widerrufbar.",
          },
        },
      },
    },
    // Name components after their $id instead of def-0, def-1 …
    refResolver: {
      buildLocalReference: (json, _baseUri, _fragment, i) =>
        typeof json.$id === "string" ? json.$id : `def-${i}`,
    },
  });

  app.setErrorHandler(async (error, request, reply) =>
    sendError(error, request, reply),
  );
  app.setNotFoundHandler(async (request, reply) =>
    sendError(new AppError("ERR_NOT_FOUND"), request, reply),
  );

  await app.register(apiRoutes, { prefix: "/api", ctx });
  await app.register(auditApiRoutes, { prefix: "/api", ctx });
  await app.register(healthRoutes, { ctx });
  await app.register(portalRoutes, { ctx, now });
  await app.register(editorRoutes, { ctx });
  await app.register(sheetsRoutes, { ctx });
  await app.register(editionRoutes, { ctx, now, pdf, documents });
  await app.register(reportingRoutes, {
    ctx,
    now,
    pdf,
    documents,
    mail: options.mail ?? null,
  });
  await app.register(openDataRoutes, {
    ctx,
    now,
    canFollowByMail: (options.mail ?? null) !== null,
  });
  await app.register(subscriptionRoutes, { ctx, mail: options.mail ?? null });
  await app.register(accessibilityRoutes, { ctx });
  await app.register(participationRoutes, {
    ctx,
    mail: options.mail ?? null,
  });
  await app.register(participationApiRoutes, { prefix: "/api", ctx });
  await app.register(identityRoutes, {
    ctx,
    mail: options.mail ?? null,
    singleSignOn: options.sso != null,
  });
  await app.register(operationsRoutes, { ctx, mail: options.mail ?? null });
  // Single sign-on and its OpenID Connect library are loaded only where it is configured.
  if (options.sso != null)
    await app.register((await import("./sso/sso.routes.js")).ssoRoutes, {
      ctx,
      sso: options.sso,
      secureCookies: options.secureCookies ?? false,
    });

  return app;
}

/**
 * The accessibility statement: /{kommune}/barrierefreiheit (HTML) and
 * /{kommune}/barrierefreiheit.json for everyone, with ETags from the municipality's data
 * version; /{kommune}/verwaltung/barrierefreiheit, the form for its administrators.
 */
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import { Type } from "@sinclair/typebox";
import type { FastifyInstance } from "fastify";
import {
  changeAccessibilityStatement,
  getAccessibilityStatement,
  getStatementSettingsForEditing,
} from "../../app/accessibility/statement.js";
import type { AppContext } from "../../app/context.js";
import { getPublishedCatalogue } from "../../app/edition/read-editions.js";
import {
  MAX_KNOWN_BARRIERS,
  type AccessibilityStatement,
} from "../../domain/accessibility/statement.js";
import { resolveLanguage } from "../../i18n/i18n.js";
import { createViewContext } from "../components/view.js";
import {
  municipalitySlugParam,
  MunicipalityParams,
  rawQueryParam,
} from "../http/params.js";
import { pageRoute } from "../http/page-route.js";
import { runUseCase } from "../http/use-case.js";
import { baseUrlOf, sendHostTagged } from "../http/cache.js";
import { requireDataVersion } from "../http/municipality-version.js";
import { sendHtmlError } from "../http/error-pages.js";
import { sendJsonError } from "../http/errors.js";
import { settingsPage } from "../http/staff-page.js";
import { formAction } from "../http/form-action.js";
import { paths } from "../portal/paths.js";
import { siteHeader } from "../portal/site.js";
import { barrierField, StatementSettingsBody } from "./accessibility-forms.js";
import {
  ACCESSIBILITY_ROUTES,
  accessibilityPaths,
} from "./accessibility-paths.js";
import { StatementSettingsPage } from "./settings-page.js";
import { StatementPage } from "./statement-page.js";

/** What the routes need. */
export interface AccessibilityRoutesOptions {
  readonly ctx: AppContext;
}

const HTML = "text/html; charset=utf-8";
const Query = Type.Object({
  lang: Type.Optional(Type.String({ maxLength: 10 })),
});
const SettingsQuery = Type.Object({
  lang: Type.Optional(Type.String({ maxLength: 10 })),
  gespeichert: Type.Optional(Type.String({ maxLength: 20 })),
});

/** The statement as the JSON file has it: the statement with absolute addresses. */
export function statementDocument(
  statement: AccessibilityStatement,
  baseUrl: string,
): Record<string, unknown> {
  const slug = statement.municipality.slug;
  return {
    municipality: statement.municipality,
    scope: { portal: `${baseUrl}${statement.scope.portalPath}` },
    status: statement.status,
    nonAccessibleContent: statement.barriers,
    preparation: {
      preparedOn: statement.preparedOn,
      lastReview: statement.lastReview,
      method: statement.assessment.method,
      automatedChecks: {
        tool: statement.assessment.automatedChecksTool,
        date: statement.assessment.automatedChecksDate,
      },
    },
    feedback: {
      form: `${baseUrl}${statement.contact.feedbackPath}`,
      email: statement.contact.email,
      phone: statement.contact.phone,
      address: statement.contact.address,
      answerWithinMonths: statement.answerTimeMonths,
    },
    enforcement:
      statement.conciliationBody === null
        ? null
        : {
            land: statement.conciliationBody.land,
            name: statement.conciliationBody.name,
            address: statement.conciliationBody.address,
            url: statement.conciliationBody.url,
            email: statement.conciliationBody.email ?? null,
          },
    statement: {
      html: `${baseUrl}${accessibilityPaths.statement(slug)}`,
      htmlEnglish: `${baseUrl}${accessibilityPaths.statement(slug)}?lang=en`,
    },
  };
}

/** Registers the statement pages and the form. */
export async function accessibilityRoutes(
  instance: FastifyInstance,
  options: AccessibilityRoutesOptions,
): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  const { ctx } = options;

  const statementOf = (slug: string): Promise<AccessibilityStatement> =>
    getAccessibilityStatement(ctx, slug, {
      portal: paths.municipality(slug),
      feedback: accessibilityPaths.reportBarrier(slug),
    });

  app.get(
    ACCESSIBILITY_ROUTES.statement,
    pageRoute("public", MunicipalityParams, Query),
    async (request, reply) => {
      const { slug } = request.params;
      const version = await requireDataVersion(ctx, slug);
      const view = createViewContext(resolveLanguage(request.query.lang));
      return sendHostTagged(
        request,
        reply,
        { name: "accessibility", version },
        async () => {
          const [statement, { catalogue }] = await Promise.all([
            statementOf(slug),
            getPublishedCatalogue(ctx, slug),
          ]);
          const html = await (
            <StatementPage
              view={view}
              requestUrl={request.url}
              site={siteHeader(catalogue)}
              statement={statement}
              portalUrl={`${baseUrlOf(request)}${paths.municipality(slug)}`}
            />
          );
          return { body: html, type: HTML };
        },
      );
    },
  );

  app.get(
    ACCESSIBILITY_ROUTES.statementJson,
    pageRoute("public", MunicipalityParams),
    async (request, reply) => {
      const { slug } = request.params;
      const version = await requireDataVersion(ctx, slug);
      return sendHostTagged(
        request,
        reply,
        { name: "accessibility", version },
        async () => {
          const statement = await statementOf(slug);
          return {
            body: JSON.stringify(
              statementDocument(statement, baseUrlOf(request)),
              null,
              2,
            ),
            type: "application/json; charset=utf-8",
          };
        },
      );
    },
  );

  // ── The form (administrators) ──────────────────────────────────────────────
  const renderSettings = settingsPage({
    ctx,
    section: "accessibility",
    load: async (request, slug) => {
      const { settings } = await runUseCase(
        ctx,
        request,
        getStatementSettingsForEditing,
        municipalitySlugParam(slug),
      );
      return settings;
    },
    page: (frame, settings, slug) => (
      <StatementSettingsPage {...frame} slug={slug} settings={settings} />
    ),
    noticeOf: (view, request) =>
      rawQueryParam(request, "gespeichert") === "ja"
        ? view.t.accessibility.settingsSaved
        : undefined,
  });

  app.get(
    ACCESSIBILITY_ROUTES.settings,
    pageRoute("admin", MunicipalityParams, SettingsQuery),
    renderSettings.show,
  );

  const FIELDS: Readonly<Record<string, string>> = {
    "/data/status": "stand",
    "/data/lastReview": "letzte-pruefung",
    "/data/contactEmail": "kontakt-email",
    "/data/contactPhone": "kontakt-telefon",
    "/data/contactAddress": "kontakt-anschrift",
    "/data/barriers": barrierField.content(0),
  };
  const ROW_FIELD = /^\/data\/barriers\/(\d+)\/(content|reason|alternative)$/;

  app.post(
    ACCESSIBILITY_ROUTES.settings,
    formAction({
      policy: "admin",
      params: MunicipalityParams,
      body: StatementSettingsBody,
      form: "barrierefreiheit",
      run: async (input, { request, params, view, fields }) => {
        municipalitySlugParam(params.slug);
        const barriers = Array.from(
          { length: MAX_KNOWN_BARRIERS },
          (_, row) => ({
            content: fields[barrierField.content(row)] ?? "",
            reason: fields[barrierField.reason(row)] ?? "",
            alternative: fields[barrierField.alternative(row)] ?? "",
          }),
        );
        await runUseCase(ctx, request, changeAccessibilityStatement, {
          municipality: params.slug,
          data: {
            status: input.stand,
            lastReview: input["letzte-pruefung"],
            contactEmail: input["kontakt-email"],
            contactPhone: input["kontakt-telefon"],
            contactAddress: input["kontakt-anschrift"],
            barriers,
          },
        });
        return view.link(accessibilityPaths.settings(params.slug), {
          gespeichert: "ja",
        });
      },
      render: renderSettings.again,
      fieldOf: (path) => {
        const row = ROW_FIELD.exec(path);
        if (row !== null) {
          const index = Number(row[1]);
          const kind = row[2] as "content" | "reason" | "alternative";
          return barrierField[kind](index);
        }
        return FIELDS[path] ?? null;
      },
      idOf: (field) => field,
      labelOf: (field, { view }) => {
        const t = view.t.accessibility;
        const labels: Readonly<Record<string, string>> = {
          stand: t.fieldStatus,
          "letzte-pruefung": t.fieldLastReview,
          "kontakt-email": t.fieldContactEmail,
          "kontakt-telefon": t.fieldContactPhone,
          "kontakt-anschrift": t.fieldContactAddress,
        };
        const row = /^(inhalt|grund|alternative)-(\d+)$/.exec(field);
        if (row !== null) {
          const label =
            row[1] === "inhalt"
              ? t.fieldContent
              : row[1] === "grund"
                ? t.fieldReason
                : t.fieldAlternative;
          return `${t.barriersLegend(Number(row[2]) + 1)}: ${label}`;
        }
        return labels[field] ?? field;
      },
    }),
  );

  // Errors of this plugin: JSON for the .json file, the portal's HTML pages otherwise.
  app.setErrorHandler(async (error, request, reply) =>
    (request.url.split("?", 1)[0] ?? "").endsWith(".json")
      ? sendJsonError(error, request, reply)
      : sendHtmlError(error, request, reply),
  );
}
